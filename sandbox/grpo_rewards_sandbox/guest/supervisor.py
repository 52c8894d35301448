"""PID 1 of every sandbox container: takes jobs over framed stdin/stdout and runs each in a fresh process.

The supervisor never runs untrusted code itself. For each job it:

* writes the program into a fresh directory under the scratch tmpfs;
* forks a child from this warm interpreter (or spawns ``python3 -I``), which
  starts a new session, lowers its OOM score, sets its rlimits and runs the
  program with its stdio on pipes;
* enforces the wall-clock deadline from outside, reading stdout and stderr
  concurrently with caps (keep ``keep`` bytes each, kill past ``max_output``);
* kills every other process in the container afterwards (``kill(-1)`` spares
  only PID 1), reaps them, wipes the scratch space and checks invariants;
* answers with what it observed, and asks to be recycled after a timeout, an
  out-of-memory kill or a broken invariant.

It makes itself non-dumpable, so the job (same uid) cannot open ``/proc/1/fd``
or ptrace it, and it installs no signal handlers, so signals sent from inside
the container do not reach PID 1 at all.
"""

from __future__ import annotations

# Imported here, once, so that a forked job finds them loaded (copy-on-write) instead of importing each time.
import atexit  # noqa: F401
import ctypes
import os
import resource
import signal
import sys
import threading  # noqa: F401
import time
import traceback  # noqa: F401
from typing import Any

from . import framing, runner
from .jobwatch import Outcome, watch
from .scratch import check_invariants, wipe

SCRATCH = "/tmp"
JOB_DIR = "/tmp/job"
RUNNER = os.path.join(os.path.dirname(os.path.abspath(__file__)), "runner.py")
PR_SET_DUMPABLE = 4


def main() -> None:
    channel_in, channel_out = _take_channel()
    _harden_self()
    baseline_fds = set(os.listdir("/proc/self/fd"))
    while (request := framing.read_frame(channel_in)) is not None:
        op = request.get("op")
        if op == "hello":
            framing.write_frame(channel_out, {"op": "ready", "pid": os.getpid(), "python": sys.version.split()[0]})
        elif op == "job":
            framing.write_frame(channel_out, run_job(request, baseline_fds))
        elif op == "exit":
            break
        else:
            framing.write_frame(channel_out, {"op": "error", "reason": f"unknown op {op!r}"})


def _take_channel() -> tuple[int, int]:
    """Move the protocol off fds 0 and 1 (so nothing else writes there) and put /dev/null in their place."""
    channel_in, channel_out = os.dup(0), os.dup(1)
    null = os.open("/dev/null", os.O_RDWR)
    for fd in (0, 1):
        os.dup2(null, fd)
    os.close(null)
    return channel_in, channel_out


LIBC = ctypes.CDLL(None, use_errno=True)


def _set_dumpable(value: int) -> None:
    if LIBC.prctl(PR_SET_DUMPABLE, value, 0, 0, 0) != 0:
        raise OSError(ctypes.get_errno(), f"prctl(PR_SET_DUMPABLE, {value}) failed")


def _harden_self() -> None:
    _set_dumpable(0)
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    try:
        os.setsid()
    except OSError:
        pass  # already a session leader
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Python's KeyboardInterrupt handler must not fire in PID 1
    os.umask(0o077)


def run_job(request: dict[str, Any], baseline_fds: set[str]) -> dict[str, Any]:
    limits = request["limits"]
    path = _write_program(request)
    oom_before = _oom_kills()
    started = time.monotonic()
    child, pipes = _start_child(request, path, limits)
    outcome = watch(child, pipes, request.get("stdin", b""), limits, started)
    broken = _clean_up(baseline_fds)
    outcome.oom_killed = _oom_kills() > oom_before
    return _reply(outcome, request.get("mode"), broken)


def _write_program(request: dict[str, Any]) -> str:
    if os.path.lexists(JOB_DIR):
        wipe(SCRATCH)
    os.mkdir(JOB_DIR, 0o700)
    path = os.path.join(JOB_DIR, "main.py" if request["mode"] == "run" else "solution.py")
    with open(path, "w", encoding="utf-8", errors="surrogatepass") as handle:
        handle.write(request["program"])
    if request["mode"] == "call" and request.get("launcher") == "spawn":  # a forked job gets them in memory
        with open(path + ".args", "wb") as handle:
            handle.write(request["args"])
    return path


def _start_child(request: dict[str, Any], path: str, limits: dict[str, Any]) -> tuple[int, dict[str, int]]:
    ends = {name: os.pipe() for name in ("stdin", "stdout", "stderr", "report")}
    child = os.fork()
    if child == 0:
        _in_child(request, path, limits, ends)
    os.close(ends["stdin"][0])
    for name in ("stdout", "stderr", "report"):
        os.close(ends[name][1])
    pipes = {"stdin": ends["stdin"][1], "stdout": ends["stdout"][0], "stderr": ends["stderr"][0]}
    pipes["report"] = ends["report"][0]
    return child, pipes


def _in_child(request: dict[str, Any], path: str, limits: dict[str, Any], ends: dict[str, tuple[int, int]]) -> None:
    try:
        os.setsid()
        for target, fd in enumerate((ends["stdin"][0], ends["stdout"][1], ends["stderr"][1], ends["report"][1])):
            os.dup2(fd, target)
        os.closerange(4, 1 << 20)
        _lower_priority()
        _set_limits(limits)
        os.chdir(JOB_DIR)
        os.umask(0o022)
        if request.get("launcher") == "spawn":
            _spawn(request, path)
        args = request.get("args", b"") if request["mode"] == "call" else b""
        runner.run_forked(request["mode"], path, request.get("function") or "", args, limits["max_value"])
    except BaseException as exc:  # noqa: BLE001 - the job could not even start: say why on its stderr
        os.write(2, f"sandbox: could not start the job: {type(exc).__name__}: {exc}\n".encode())
    finally:
        os._exit(70)


def _lower_priority() -> None:
    _set_dumpable(1)  # the job's own /proc entries become its own again (PID 1 stays non-dumpable)
    with open("/proc/self/oom_score_adj", "w") as handle:  # the job, never PID 1, is what the OOM killer takes
        handle.write("1000")


def _set_limits(limits: dict[str, Any]) -> None:
    cpu = max(1, int(limits["cpu"] + 0.999))
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))
    data = limits["memory_mb"] * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_DATA, (data, data))
    fsize = limits["fsize_mb"] * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_FSIZE, (fsize, fsize))
    resource.setrlimit(resource.RLIMIT_NOFILE, (limits["nofile"], limits["nofile"]))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


def _spawn(request: dict[str, Any], path: str) -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    max_value = str(request["limits"]["max_value"])
    argv = [sys.executable, "-I", RUNNER, request["mode"], path, request.get("function") or "", max_value]
    os.execv(sys.executable, argv)


def _clean_up(baseline_fds: set[str]) -> list[str]:
    """Kill and reap everything but PID 1, wipe scratch space, and list broken invariants."""
    try:
        problems = kill_everything()
        problems += wipe(SCRATCH)
        problems += wipe("/dev/shm")
        problems += check_invariants(baseline_fds)
    except Exception as exc:  # noqa: BLE001 - never let a job crash PID 1: report it, and get recycled
        problems = [f"clean-up failed: {type(exc).__name__}: {exc}"]
    return problems


def kill_everything(grace: float = 2.0) -> list[str]:
    """SIGKILL every process except PID 1 (double-forked daemons included) and reap them all."""
    deadline = time.monotonic() + grace
    while True:
        try:
            os.kill(-1, signal.SIGKILL)
        except ProcessLookupError:
            pass
        _reap()
        if not _others_alive():
            return []
        if time.monotonic() > deadline:
            return ["processes survived SIGKILL"]
        time.sleep(0.002)


def _reap() -> None:
    while True:
        try:
            pid, _ = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            return


def _others_alive() -> bool:
    me = str(os.getpid())
    return any(name.isdigit() and name != me for name in os.listdir("/proc"))


def _oom_kills() -> int:
    for path in ("/sys/fs/cgroup/memory.events", "/sys/fs/cgroup/memory/memory.oom_control"):
        try:
            with open(path) as handle:
                for line in handle:
                    key, _, value = line.partition(" ")
                    if key == "oom_kill":
                        return int(value)
        except OSError:
            continue
    return 0


def _reply(outcome: Outcome, mode: Any, broken: list[str]) -> dict[str, Any]:
    status, reason = outcome.classify(mode)
    recycle = bool(broken) or status in ("timeout", "memory")
    return {
        "op": "result",
        "status": status,
        "reason": reason,
        "exit_code": outcome.exit_code,
        "signal": outcome.signal,
        "wall": outcome.wall,
        "cpu": outcome.cpu,
        "peak_kb": outcome.peak_kb,
        "stdout": outcome.stdout.data,
        "stderr": outcome.stderr.data,
        "stdout_truncated": outcome.stdout.truncated,
        "stderr_truncated": outcome.stderr.truncated,
        "value": outcome.returned,
        "exception": outcome.exception,
        "recycle": recycle,
        "broken": "; ".join(broken),
    }


if __name__ == "__main__":
    main()
