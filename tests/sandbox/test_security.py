"""The security suite: one test per attack class, against real Docker.

Each test asserts the observable outcome (status, what came back), that the
job ended within its limit, that the next job in the sandbox sees a pristine
container, and that the host is untouched.
"""

from __future__ import annotations

import json
import signal
import socket
import subprocess
import threading
from dataclasses import replace

import pytest
from grpo_rewards_sandbox import Status

pytestmark = pytest.mark.docker

TIMEOUT = 3.0
GRACE = 2.0  # the kill and the clean-up must follow the deadline promptly


def ends_in_time(result, timeout=TIMEOUT):
    assert result.wall_time < timeout + GRACE, result


# -- time ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "program",
    ["while True: pass", "import time; time.sleep(60)", "import threading; threading.Event().wait()"],
    ids=["busy-loop", "sleep", "wait-forever"],
)
def test_hanging_programs_time_out(sandbox, unaffected, program):
    result = sandbox.run(program)
    # a busy loop may meet its CPU limit (SIGXCPU) as its wall-clock deadline (SIGKILL) comes due
    assert result.status is Status.TIMEOUT and result.signal in (signal.SIGKILL, signal.SIGXCPU)
    ends_in_time(result)
    unaffected(result)


def test_ignoring_signals_does_not_help(sandbox, unaffected):
    program = """
import signal
for sig in (signal.SIGTERM, signal.SIGINT, signal.SIGXCPU, signal.SIGHUP, signal.SIGALRM):
    signal.signal(sig, signal.SIG_IGN)
while True: pass
"""
    result = sandbox.run(program)
    assert result.status is Status.TIMEOUT
    ends_in_time(result)
    unaffected(result)


def test_cpu_limit_is_a_timeout(sandbox, unaffected):
    result = sandbox.run("while True: pass", limits=replace(sandbox.limits, timeout=30.0, cpu_time=0.5))
    assert result.status is Status.TIMEOUT and "CPU" in result.reason
    unaffected(result)


# -- processes -----------------------------------------------------------------------------------


def test_fork_bomb_is_contained(sandbox, unaffected):
    program = """
import os
while True:
    try:
        os.fork()
    except OSError:
        pass
"""
    result = sandbox.run(program)
    assert result.status in (Status.TIMEOUT, Status.RUNTIME_ERROR)
    ends_in_time(result)
    unaffected(result)


def test_double_forked_setsid_daemon_does_not_survive(sandbox, unaffected):
    program = """
import os, time
if os.fork() == 0:
    os.setsid()
    if os.fork() == 0:
        while True:
            with open("/tmp/daemon-was-here", "a") as f:
                f.write("x")
            time.sleep(0.01)
    os._exit(0)
print("parent exits")
"""
    result = sandbox.run(program)
    assert (result.status, result.stdout) == (Status.OK, b"parent exits\n")
    unaffected(result)  # the probe sees only PID 1 and itself, and no daemon file


def test_zombies_are_reaped(sandbox, unaffected):
    program = """
import os
for _ in range(50):
    if os.fork() == 0:
        os._exit(0)
print("left 50 zombies")
"""
    result = sandbox.run(program)
    assert result.status is Status.OK
    unaffected(result)


def test_thousands_of_threads(sandbox, unaffected):
    program = """
import threading, time
threads = []
try:
    for _ in range(5000):
        t = threading.Thread(target=time.sleep, args=(30,), daemon=True)
        t.start()
        threads.append(t)
except RuntimeError as exc:
    print("stopped at", len(threads), exc)
"""
    result = sandbox.run(program)
    assert result.status in (Status.OK, Status.TIMEOUT, Status.RUNTIME_ERROR, Status.MEMORY)
    ends_in_time(result)
    unaffected(result)


def test_kill_supervisor_and_kill_minus_one(sandbox, unaffected):
    program = """
import os, signal
for sig in (signal.SIGKILL, signal.SIGTERM, signal.SIGINT, signal.SIGSTOP):
    try:
        os.kill(1, sig)
    except OSError as exc:
        print("kill(1)", exc)
try:
    os.kill(-1, signal.SIGKILL)  # everything but PID 1 and the caller: nothing else runs, so ESRCH
except ProcessLookupError:
    pass
print("survived kill(-1)")
"""
    result = sandbox.run(program)
    assert result.status is Status.OK and b"survived kill(-1)" in result.stdout
    unaffected(result)
    assert result.extra["worker"] == sandbox.run("pass").extra["worker"]  # the same supervisor is alive


# -- memory and output ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "program",
    ["x = ' ' * (10**10)", "x = []\nwhile True: x.append(bytearray(1 << 20))", "import numpy\nx = numpy.ones(10**9)"],
    ids=["one-big", "many-small", "numpy"],
)
def test_memory_bomb(sandbox, unaffected, program):
    result = sandbox.run(program)
    assert result.status is Status.MEMORY, result
    unaffected(result)


@pytest.mark.parametrize("stream", ["stdout", "stderr"])
def test_output_floods_are_cut(sandbox, unaffected, stream):
    result = sandbox.run(f"import sys\nwhile True: sys.{stream}.write('A' * 4096)")
    assert result.status is Status.OUTPUT_LIMIT
    captured = getattr(result, stream)
    assert len(captured) == 16 * 1024 and set(captured) == {ord("A")}
    assert getattr(result, f"{stream}_truncated")
    ends_in_time(result)
    unaffected(result)


def test_huge_single_line(sandbox, unaffected):
    result = sandbox.run("import sys; sys.stdout.write('x' * (10 * 1024 * 1024))")
    assert result.status is Status.OUTPUT_LIMIT and result.stdout_truncated
    unaffected(result)


def test_binary_and_invalid_utf8_output_come_back_exactly(sandbox, unaffected):
    result = sandbox.run(
        "import sys; sys.stdout.buffer.write(bytes(range(256)) + b'\\xff\\xfe'); sys.stderr.buffer.write(b'\\x80')"
    )
    assert result.status is Status.OK
    assert result.stdout == bytes(range(256)) + b"\xff\xfe" and result.stderr == b"\x80"
    assert "\ufffd" in result.stderr_text()
    unaffected(result)


def test_closed_stdout(sandbox, unaffected):
    result = sandbox.run("import os, sys\nos.close(1)\nprint('into the void')\nsys.stdout.flush()")
    assert result.status is Status.RUNTIME_ERROR and result.stdout == b""
    unaffected(result)


def test_stdin_starvation(sandbox, unaffected):
    eof = sandbox.run("input()")
    assert eof.status is Status.RUNTIME_ERROR and b"EOFError" in eof.stderr
    ignored = sandbox.run("print('never reads')", stdin=b"x" * (8 * 1024 * 1024))
    assert ignored.status is Status.OK and ignored.stdout == b"never reads\n"
    unaffected(ignored)


# -- files -----------------------------------------------------------------------------------------


def test_disk_fill(sandbox, unaffected):
    program = """
n = 0
try:
    for i in range(10**6):
        with open(f"/tmp/fill-{i}", "wb") as f:
            f.write(b"x" * (1 << 20))
        n += 1
except OSError as exc:
    print("stopped after", n, "MiB:", exc.strerror)
"""
    result = sandbox.run(program)
    assert result.status is Status.OK and b"stopped after" in result.stdout
    unaffected(result)


def test_inode_exhaustion(sandbox, unaffected):
    program = """
import os
n = 0
try:
    while True:
        os.mkdir(f"/tmp/d{n}")
        n += 1
except OSError as exc:
    print("stopped after", n, exc.strerror)
"""
    result = sandbox.run(program)
    assert result.status is Status.OK and b"stopped after" in result.stdout
    unaffected(result)


def test_files_left_for_the_next_job(sandbox, unaffected):
    program = """
import os
open("left.txt", "w").write("from the last job")
open("/tmp/left.txt", "w").write("from the last job")
open("/dev/shm/left.txt", "w").write("from the last job")
os.makedirs("/tmp/locked/deeper")
open("/tmp/locked/deeper/f", "w").write("x")
os.chmod("/tmp/locked/deeper", 0)
os.chmod("/tmp/locked", 0)
"""
    result = sandbox.run(program)
    assert result.status is Status.OK
    unaffected(result)


def test_writes_to_the_image_fail(sandbox, unaffected):
    program = """
import os
for path in ("/etc/passwd", "/opt/sandbox/grpo_rewards_sandbox/guest/runner.py", "/usr/bin/evil", "/pwned", "/var/tmp/x"):
    try:
        open(path, "a").write("pwned")
        print("WROTE", path)
    except OSError as exc:
        print(path, exc.strerror)
"""
    result = sandbox.run(program)
    assert result.status is Status.OK and b"WROTE" not in result.stdout
    unaffected(result)


def test_deep_directory_nesting(sandbox, unaffected):
    program = """
import os
depth = 0
try:
    while True:
        os.mkdir("d")
        os.chdir("d")
        depth += 1
except OSError as exc:
    print("stopped at depth", depth, exc.strerror)
"""
    result = sandbox.run(program)
    assert result.status is Status.OK and b"stopped at depth" in result.stdout
    unaffected(result)  # too deep to wipe by path: the container is replaced instead


def test_nothing_executes_from_scratch_space(sandbox, unaffected):
    program = """
import os, shutil, subprocess
shutil.copy("/bin/true", "/tmp/mytrue")
os.chmod("/tmp/mytrue", 0o755)
try:
    subprocess.run(["/tmp/mytrue"])
    print("EXECUTED")
except OSError as exc:
    print(exc.strerror)
"""
    result = sandbox.run(program)
    assert result.status is Status.OK and result.stdout == b"Permission denied\n"
    unaffected(result)


def test_symlink_tricks(sandbox, unaffected):
    program = """
import os
os.symlink("/", "/tmp/root")
os.symlink("/opt/sandbox", "/tmp/opt")
os.symlink("/proc/1/fd/1", "/tmp/job/chan")
os.symlink("/proc/1/root", "/tmp/pid1root")
for path in ("/tmp/opt/evil", "/tmp/job/chan", "/tmp/pid1root/tmp/x"):
    try:
        open(path, "w").write("pwned")
        print("WROTE", path)
    except OSError as exc:
        print(path, exc.strerror)
"""
    result = sandbox.run(program)
    assert result.status is Status.OK and b"WROTE" not in result.stdout
    unaffected(result)  # the wipe removed the links without following them: the image still works


def test_fd_exhaustion(sandbox, unaffected):
    program = """
fds = []
try:
    while True:
        fds.append(open("/dev/null"))
except OSError as exc:
    print(len(fds), exc.strerror)
"""
    result = sandbox.run(program)
    assert result.status is Status.OK and b"Too many open files" in result.stdout
    unaffected(result)


# -- escape and snooping -------------------------------------------------------------------------


def test_supervisor_fds_and_memory_are_out_of_reach(sandbox, unaffected):
    program = """
for path in ("/proc/1/fd/0", "/proc/1/fd/1", "/proc/1/fd/3", "/proc/1/mem", "/proc/1/environ"):
    try:
        open(path, "wb").write(b"\\x00\\x00\\x00\\x05fake!")
        print("WROTE", path)
    except OSError as exc:
        print(path, exc.strerror)
"""
    result = sandbox.run(program)
    assert result.status is Status.OK and b"WROTE" not in result.stdout
    assert result.stdout.count(b"Permission denied") >= 4
    unaffected(result)


def test_environment_and_proc_1_environ(sandbox, unaffected):
    program = """
import json, os
try:
    environ = open("/proc/1/environ", "rb").read()
except OSError as exc:
    environ = exc.strerror
print(json.dumps({"env": sorted(os.environ), "pid1": str(environ)}))
"""
    result = sandbox.run(program)
    seen = json.loads(result.stdout)
    assert seen["pid1"] == "Permission denied"
    allowed = {"PATH", "HOME", "LANG", "HOSTNAME", "PYTHONDONTWRITEBYTECODE", "PYTHONHASHSEED", "MALLOC_ARENA_MAX"}
    allowed |= {"OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "NUMEXPR_NUM_THREADS"}
    assert set(seen["env"]) <= allowed
    unaffected(result)


def test_no_docker_socket_and_no_privileges(sandbox, unaffected):
    program = """
import os
print(os.path.exists("/var/run/docker.sock"), os.path.exists("/run/docker.sock"), os.getuid(), os.getgid())
print(open("/proc/self/status").read())
"""
    result = sandbox.run(program)
    first, status = result.stdout.split(b"\n", 1)
    sockets, uid, gid = first.split(b" ")[:2], int(first.split(b" ")[2]), int(first.split(b" ")[3])
    assert sockets == [b"False", b"False"] and uid >= 1 << 20 and gid != uid  # an unprivileged uid; real gid differs
    caps = dict(line.split(b":\t") for line in status.splitlines() if line.startswith(b"Cap"))
    assert {value.strip() for value in caps.values()} == {b"0000000000000000"}  # inheritable to ambient, bounding too
    assert b"NoNewPrivs:\t1" in status and b"Seccomp:\t2" in status
    unaffected(result)


@pytest.fixture
def gateway_listener():
    """A TCP listener on the Docker bridge gateway (this machine's own address), counting connections."""
    out = subprocess.run(
        ["docker", "network", "inspect", "bridge", "--format", "{{(index .IPAM.Config 0).Gateway}}"],
        capture_output=True,
        text=True,
        check=True,
    )
    server = socket.create_server((out.stdout.strip(), 0))
    server.settimeout(0.2)
    accepted = []

    def serve():
        while server.fileno() != -1:
            try:
                accepted.append(server.accept())
            except OSError:
                continue

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    yield server.getsockname(), accepted
    server.close()


def test_network_and_dns_are_off(sandbox, unaffected, gateway_listener):
    (host, port), accepted = gateway_listener
    program = f"""
import socket
print(sorted(name for _, name in socket.if_nameindex()))
try:
    socket.create_connection(({host!r}, {port}), timeout=1)
    print("CONNECTED")
except OSError as exc:
    print("connect:", exc.strerror)
try:
    socket.getaddrinfo("sandbox-test.invalid", 80)
    print("RESOLVED")
except OSError as exc:
    print("dns:", exc)
"""
    result = sandbox.run(program)
    lines = result.stdout.decode().splitlines()
    assert lines[0] == "['lo']"
    assert "CONNECTED" not in result.stdout.decode() and "RESOLVED" not in result.stdout.decode()
    assert accepted == []
    unaffected(result)


def test_segfault_via_ctypes(sandbox, unaffected):
    result = sandbox.run("import ctypes; ctypes.string_at(0)")
    assert result.status is Status.RUNTIME_ERROR and result.signal == 11 and "SIGSEGV" in result.reason
    unaffected(result)


def test_ipc_objects_are_removed_before_the_next_job(sandbox, unaffected):
    program = """
import ctypes
libc = ctypes.CDLL(None)
print(libc.shmget(0x1234, 4096, 0o1666), libc.msgget(0x1234, 0o1666), libc.semget(0x1234, 1, 0o1666))
"""
    first = sandbox.run(program)
    assert first.status is Status.OK and b"-1" not in first.stdout and "broken" not in first.extra
    after = sandbox.run("print(open('/proc/sysvipc/shm').read().count(chr(10)), open('/proc/sysvipc/msg').read().count(chr(10)))")
    assert after.stdout == b"1 1\n"  # the header lines only: the cleaner removed the objects
    assert after.extra["worker"] == first.extra["worker"]
    unaffected(first)
