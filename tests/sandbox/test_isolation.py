"""Isolation v2 against real Docker: no job can steal from, slow down or sabotage another job or the supervisor.

One test per attack class. Each asserts the precise verdict of the attack, and
that the next honest job runs in the *same* container (the attack did not cost
a container) and scores correctly.
"""

from __future__ import annotations

import hashlib
import json
import secrets
from dataclasses import replace

import pytest
from grpo_rewards_sandbox import Status

pytestmark = pytest.mark.docker

PREFIX = "ZQXJ-"


def token() -> str:
    return PREFIX + secrets.token_hex(16)


def digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def honest_next(sandbox, attack):
    """The next honest job runs in the attack's container and scores correctly."""
    echo = sandbox.run("import sys; print(sum(map(int, sys.stdin.read().split())))", stdin="40 2")
    assert (echo.status, echo.stdout) == (Status.OK, b"42\n")
    assert echo.extra["worker"] == attack.extra["worker"], "the attack cost a container"


# -- a sibling's memory: the thief ---------------------------------------------------------------

THIEF = r"""
import ctypes, glob, hashlib, json, os, socket, sys

PREFIX = bytes([90, 81, 88, 74, 45])  # the tokens' public prefix; the secrets are known only by their hashes
WANTED = json.loads(HASHES)
found, reached = set(), {}
control = sys.stdin.read()  # our own input: the memory scan must find it (proof that the scan works)


def search(where, data):
    start = data.find(PREFIX)
    while start != -1:
        kind = WANTED.get(hashlib.sha256(data[start : start + 37]).hexdigest())
        if kind:
            found.add(where + ": " + kind)
        start = data.find(PREFIX, start + 1)


def read(where, path, limit=1 << 26):
    try:
        with open(path, "rb") as handle:
            data = handle.read(limit)
    except OSError as exc:
        reached[where] = exc.strerror
        return
    reached[where] = len(data)
    search(where, data)


# 1. all of our own memory, mapping by mapping (read directly: /proc/self/mem is closed to a non-dumpable job)
for line in open("/proc/self/maps"):
    fields = line.split()
    if "r" not in fields[1] or (len(fields) > 5 and fields[5] in ("[vvar]", "[vsyscall]", "[vvar_vclock]")):
        continue
    lo, hi = (int(x, 16) for x in fields[0].split("-"))
    search("own memory", ctypes.string_at(lo, hi - lo))
read("/proc/self/mem", "/proc/self/mem")
# 2. every other process: its memory, environment, command line, descriptors
for pid in sorted(p for p in os.listdir("/proc") if p.isdigit() and int(p) != os.getpid()):
    for name in ("mem", "environ", "cmdline"):
        read(f"/proc/{pid}/{name}", f"/proc/{pid}/{name}")
    try:
        reached[f"/proc/{pid}/fd"] = sorted(os.listdir(f"/proc/{pid}/fd"))
    except OSError as exc:
        reached[f"/proc/{pid}/fd"] = exc.strerror
# 3. our environment and descriptors
search("environment", b"\0".join(k.encode() + b"=" + v.encode() for k, v in os.environ.items()))
reached["own fds"] = sorted(os.listdir("/proc/self/fd"))
for fd in range(3, 64):
    try:
        os.set_blocking(fd, False)
        search(f"fd {fd}", os.read(fd, 1 << 20))
    except OSError:
        pass
# 4. every writable place, System V segments, abstract sockets
for root in ("/tmp", "/dev/shm", "/dev/mqueue"):
    for path in glob.glob(root + "/**", recursive=True):
        if os.path.isfile(path):
            read(path, path)
libc = ctypes.CDLL(None, use_errno=True)
libc.shmat.restype = ctypes.c_void_p
for row in open("/proc/sysvipc/shm").read().splitlines()[1:]:
    ident, size = int(row.split()[1]), int(row.split()[3])
    address = libc.shmat(ident, None, 0o10000)  # SHM_RDONLY
    reached[f"shm {ident}"] = "attached" if address not in (None, ctypes.c_void_p(-1).value) else "refused"
    if reached[f"shm {ident}"] == "attached":
        search(f"shm {ident}", ctypes.string_at(address, size))
read("/proc/net/unix", "/proc/net/unix")
scan = set(found)
print(json.dumps({"found": sorted(f for f in scan if not f.endswith(": control")),
                  "control": any(f.endswith(": control") for f in scan), "reached": reached}))
"""


def test_a_job_finds_nothing_of_an_earlier_job(sandbox):
    program_token, input_token, arg_token = token(), token(), token()
    output_token = PREFIX + digest(input_token)[:32]  # printed by the victim, appears nowhere in its program or input
    returned_token = PREFIX + digest(arg_token)[:32]
    victim = sandbox.run(
        f"# {program_token}\nimport hashlib\nsecret = input()\n"
        f"print({PREFIX!r} + hashlib.sha256(secret.encode()).hexdigest()[:32])",
        stdin=input_token + "\n",
    )
    assert (victim.status, victim.stdout) == (Status.OK, output_token.encode() + b"\n")
    call_program = (
        f"import hashlib\n# {program_token}\ndef f(x):\n    return {PREFIX!r} + hashlib.sha256(x.encode()).hexdigest()[:32]\n"
    )
    caller = sandbox.call(call_program, "f", (arg_token,))
    assert (caller.status, caller.value) == (Status.OK, returned_token)

    control = token()
    kinds = {"program": program_token, "input": input_token, "output": output_token, "call argument": arg_token}
    kinds |= {"return value": returned_token, "control": control}
    hashes = json.dumps({digest(value): kind for kind, value in kinds.items()})
    thief = sandbox.run(f"HASHES = {hashes!r}\n" + THIEF, stdin=control)
    assert thief.status is Status.OK, thief.stderr_text()
    report = json.loads(thief.stdout)
    assert report["control"], "the memory scan did not even find the thief's own input"
    assert report["found"] == [], report
    assert report["reached"]["/proc/1/mem"] == "Permission denied" and report["reached"]["/proc/self/mem"] == "Permission denied"
    assert report["reached"]["own fds"] == ["0", "1", "2", "3", "4"]  # stdio, the report pipe, the listing itself
    assert {thief.extra["worker"], caller.extra["worker"]} == {victim.extra["worker"]}
    honest_next(sandbox, thief)


# -- prlimit, signals, ptrace on the supervisor, the zygote and the cleaner ----------------------

REACH_OTHERS = r"""
import ctypes, json, os, resource, signal, time
libc = ctypes.CDLL(None, use_errno=True)
mine = os.getuid()
def uids(pid):
    try:
        lines = open(f"/proc/{pid}/status").read().splitlines()
    except OSError:
        return [None, None]  # a launcher that just exited
    if any(line.startswith("State:") and line.split()[1] == "Z" for line in lines):
        return [None, None]  # the last job's cleaner, exited and not reaped yet
    return [int(x) for x in [line for line in lines if line.startswith("Uid:")][0].split()[1:3]]
supervisor = uids(1)[0]
for _ in range(400):  # until the prepared slot's processes have become their own principals
    if sum(uids(p)[0] == supervisor for p in os.listdir("/proc") if p.isdigit()) == 2:
        break
    time.sleep(0.005)
others = {}
for pid in (int(p) for p in os.listdir("/proc") if p.isdigit()):
    real, effective = uids(pid)
    if real is not None and real != mine:
        others[pid] = "cleaner" if effective == mine else "supervisor or zygote" if real == supervisor else "next job"
results = {}
def attempt(name, call):
    try:
        call()
        results[name] = "DONE"
    except OSError as exc:
        results[name] = exc.strerror
for pid, who in others.items():
    for name, limit in (("DATA", resource.RLIMIT_DATA), ("STACK", resource.RLIMIT_STACK), ("NOFILE", resource.RLIMIT_NOFILE)):
        attempt(f"{who} {pid} prlimit {name}", lambda: resource.prlimit(pid, limit, (1 << 16, 1 << 16)))
    for sig in (signal.SIGKILL, signal.SIGSTOP, signal.SIGTERM, 0):
        attempt(f"{who} {pid} kill {sig}", lambda: os.kill(pid, sig))
    attempt(f"{who} {pid} oom_score_adj", lambda: open(f"/proc/{pid}/oom_score_adj", "w").write("1000"))
    ptrace = libc.ptrace(16, pid, 0, 0)  # PTRACE_ATTACH
    results[f"{who} {pid} ptrace"] = "DONE" if ptrace == 0 else os.strerror(ctypes.get_errno())
    # Scheduling: the cleaner shares our effective uid, so the kernel lets us slow it down (harmless, see below)
    attempt(f"{who} {pid} nice", lambda: os.setpriority(os.PRIO_PROCESS, pid, 19))
    attempt(f"{who} {pid} sched", lambda: os.sched_setscheduler(pid, os.SCHED_IDLE, os.sched_param(0)))
    attempt(f"{who} {pid} affinity", lambda: os.sched_setaffinity(pid, {0}))
attempt("kill(-1)", lambda: os.kill(-1, 0))
for _ in range(40):  # and leave spinners behind to compete with the slowed-down cleaner
    if os.fork() == 0:
        while True:
            pass
print(json.dumps({"others": sorted(others.values()), "results": results}))
"""


def test_a_job_cannot_touch_the_supervisor_the_zygote_or_the_cleaner(sandbox):
    attack = sandbox.run(REACH_OTHERS)
    assert attack.status is Status.OK, attack.stderr_text()
    report = json.loads(attack.stdout)
    # each another uid: PID 1 and the zygote, our cleaner, and the prepared next job and its cleaner
    assert report["others"][:3] == ["cleaner", "next job", "next job"] and set(report["others"][3:]) == {"supervisor or zygote"}
    done = sorted(name for name, outcome in report["results"].items() if outcome == "DONE")
    scheduling = [name for name in done if name.startswith("cleaner") and name.split()[-1] in ("nice", "sched", "affinity")]
    assert done == sorted(scheduling + ["kill(-1)"])  # kill(-1) reaches only the job's own processes
    assert "broken" not in attack.extra  # PID 1 killed the spinners itself: the slowed cleaner still cleaned up
    honest_next(sandbox, attack)


# -- the OOM killer takes the job, never PID 1 ---------------------------------------------------

OOM = r"""
import ctypes, fcntl, json, os, subprocess, sys
libc = ctypes.CDLL(None, use_errno=True)
tries = {}
for path, value in (("/proc/self/oom_score_adj", "0"), ("/proc/self/oom_score_adj", "-1000"), ("/proc/self/oom_adj", "-17")):
    try:
        open(path, "w").write(value)
        tries[path + " " + value] = "WROTE"
    except OSError as exc:
        tries[path + " " + value] = exc.strerror
tries["prctl dumpable"] = os.strerror(ctypes.get_errno()) if libc.prctl(4, 1, 0, 0, 0) else "DONE"
try:
    os.setresgid(os.getegid(), os.getegid(), os.getegid())
    tries["setresgid"] = "DONE"
except OSError as exc:
    tries["setresgid"] = exc.strerror
child = "open('/proc/self/oom_score_adj', 'w').write('0')"
tries["after exec"] = subprocess.run([sys.executable, "-c", child], capture_output=True).returncode
print(json.dumps(tries), flush=True)
# Park memory where no process's RSS shows it, then spread over small processes until the container runs out.
for path, size in (("/tmp/park", 60 << 20), ("/dev/shm/park", 15 << 20)):
    try:
        with open(path, "wb") as handle:
            handle.write(b"x" * size)
    except OSError:
        pass
libc.shmat.restype = ctypes.c_void_p
segment = libc.shmget(0, (16 << 20) - 4096, 0o1600)
if segment >= 0:
    ctypes.memset(libc.shmat(segment, None, 0), 1, (16 << 20) - 4096)
pipes = []
for _ in range(24):
    r, w = os.pipe()
    fcntl.fcntl(w, 1031, 1 << 20)
    os.set_blocking(w, False)
    try:
        while True:
            os.write(w, b"x" * 65536)
    except BlockingIOError:
        pipes.append((r, w))
for _ in range(8):
    if os.fork() == 0:
        hold = []
        try:
            while True:
                hold.append(bytearray(4 << 20))
        except MemoryError:
            import time
            time.sleep(60)
hold = []
while True:
    hold.append(bytearray(4 << 20))
"""


def test_the_job_cannot_lower_its_oom_score_and_is_what_the_oom_killer_takes(sandbox):
    attack = sandbox.run(OOM, limits=replace(sandbox.limits, timeout=10.0))
    tries = json.loads(attack.stdout.splitlines()[0])
    assert {value for key, value in tries.items() if key.startswith("/proc")} == {"Permission denied"}
    assert (tries["prctl dumpable"], tries["setresgid"]) == ("Operation not permitted", "Operation not permitted")
    assert tries["after exec"] == 1  # an exec'd child is still not allowed to open its oom_score_adj
    assert attack.status is Status.MEMORY, attack
    assert "broken" not in attack.extra
    honest_next(sandbox, attack)


# -- the report channel: floods cost the flooder, in linear time ---------------------------------


@pytest.mark.parametrize(
    "flood",
    [
        "os.write(3, b'\\x00\\x00\\x00\\x00' * (1 << 20))",  # a million empty frames
        "[os.write(3, b'\\x00\\x00\\x00\\x01R') for _ in range(100000)]",  # many tiny ones
        "os.write(3, b'\\xff\\xff\\xff\\xff')",  # one frame claiming 4 GiB
    ],
    ids=["empty-frames", "tiny-frames", "huge-header"],
)
def test_a_report_flood_is_the_flooders_output_limit(sandbox, flood):
    attack = sandbox.call(f"import os\ndef f():\n    {flood}\n    return 1\n", "f")
    assert attack.status is Status.OUTPUT_LIMIT and "report channel" in attack.reason, attack
    assert attack.wall_time < sandbox.limits.timeout
    honest_next(sandbox, attack)


# -- system calls our seccomp profile (and the job's own layer) refuse --------------------------

SYSCALLS = r"""
import ctypes, json, os, platform
libc = ctypes.CDLL(None, use_errno=True)
numbers = {
    "x86_64": {"io_uring_setup": 425, "io_uring_enter": 426, "io_uring_register": 427, "userfaultfd": 323,
               "perf_event_open": 298, "bpf": 321, "keyctl": 250, "add_key": 248, "request_key": 249,
               "unshare": 272, "setns": 308, "clone": 56, "clone3": 435, "setresuid": 117, "setgroups": 116},
    "aarch64": {"io_uring_setup": 425, "io_uring_enter": 426, "io_uring_register": 427, "userfaultfd": 282,
                "perf_event_open": 241, "bpf": 280, "keyctl": 219, "add_key": 217, "request_key": 218,
                "unshare": 97, "setns": 268, "clone": 220, "clone3": 435, "setresuid": 147, "setgroups": 159},
}[platform.machine()]
buffer = ctypes.create_string_buffer(256)
calls = {
    "io_uring_setup": (8, buffer), "io_uring_enter": (0, 1, 0, 0, None, 0), "io_uring_register": (0, 0, None, 0),
    "userfaultfd": (0,), "perf_event_open": (buffer, 0, -1, -1, 0), "bpf": (0, buffer, 64),
    "keyctl": (0, 0), "add_key": (b"user", b"k", b"v", 1, -3), "request_key": (b"user", b"k", None, -3),
    "unshare": (0x10000000,), "setns": (0, 0x10000000), "clone": (0x10000000 | 17, 0, 0, 0, 0),
    "clone3": (buffer, 88), "setresuid": (-1, -1, -1), "setgroups": (0, None),
}
errors = {}
for name, args in calls.items():
    result = libc.syscall(numbers[name], *args)
    errors[name] = "succeeded" if result >= 0 else os.strerror(ctypes.get_errno())
    if result == 0 and name == "clone":
        os._exit(0)
pid = os.fork()
if pid == 0:
    os._exit(7)
errors["fork"] = os.waitpid(pid, 0)[1] >> 8
print(json.dumps(errors))
"""


def test_our_seccomp_profile_refuses_kernel_surface_and_namespaces(sandbox):
    attack = sandbox.run(SYSCALLS)
    assert attack.status is Status.OK, attack.stderr_text()
    errors = json.loads(attack.stdout)
    refused = {name: errors.pop(name) for name in list(errors) if name not in ("clone3", "fork")}
    assert set(refused.values()) == {"Operation not permitted"}, refused
    assert errors == {"clone3": "Function not implemented", "fork": 7}  # clone3 falls back to clone; fork works
    honest_next(sandbox, attack)


# -- our side: a job that cannot start is infra, retried, never the program's -------------------


def test_a_job_the_sandbox_cannot_set_up_is_an_infra_error_not_a_wrong_answer(sandbox):
    result = sandbox.run("print('never runs')", limits=replace(sandbox.limits, open_files=100_000))
    assert (result.status, result.attempts) == (Status.INFRA_ERROR, 2)
    assert "could not start" in result.reason and result.stdout == b""
    after = sandbox.run("print(6 * 7)")
    assert (after.status, after.stdout) == (Status.OK, b"42\n")


# -- a job's CPU share: a hog cannot take more than its container's quota ------------------------

HOG = r"""
import os, time
def usage():
    for path in ("/sys/fs/cgroup/cpu.stat", "/sys/fs/cgroup/cpuacct/cpuacct.usage"):
        try:
            text = open(path).read()
        except OSError:
            continue
        return int(text.split()[1]) / 1e6 if "usage_usec" in text else int(text) / 1e9
children = []
for _ in range(4):
    pid = os.fork()
    if pid == 0:
        while True:
            pass
    children.append(pid)
time.sleep(0.3)
cpu, wall = usage(), time.monotonic()
time.sleep(1.5)
print((usage() - cpu) / (time.monotonic() - wall))
"""


def test_a_hog_gets_at_most_its_one_cpu(sandbox):
    hog = sandbox.run(HOG, limits=replace(sandbox.limits, timeout=10.0))
    assert hog.status is Status.OK, hog.stderr_text()
    assert float(hog.stdout) <= 1.1  # four spinning processes, one CPU's worth at most (the container's quota)
    honest_next(sandbox, hog)
