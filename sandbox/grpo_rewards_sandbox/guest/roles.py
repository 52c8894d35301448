"""The two kinds of process the zygote makes: a job and, only when one is needed, its cleaner.

Both start as the zygote's grandchild (uid S, holding SETUID, SETGID and
SETPCAP) and make themselves unprivileged before they touch anything of a job.

A **job** (``fds``: stdin, stdout, stderr, report, spec, started) leads a
session and process group of its own, locks its OOM score at 1000, becomes uid
J with gids (C, J, J), empties its bounding set, locks its securebits, loads
the job seccomp layer (which also keeps every process of the job in that
process group) and checks that all of it took. Only then does it block on its
spec pipe: PID 1 writes the limits and arguments there when the job arrives
(the program is already in the job directory, written by PID 1). Right before
the program's first byte runs it sends one message on the *started* pipe (a
marker and the time, ``CLOCK_MONOTONIC`` in nanoseconds) and closes it (before
an ``execve`` the exec closes it, and a failed exec adds why), so PID
1 can tell our failure to start (infra) from the program's own failure, and
time the job from its real start, without being woken for it.

A **cleaner** (``fds``: report) is forked only after a job that left
something PID 1 cannot remove itself (a file it made outside its directory, a
subdirectory, an IPC object). It becomes (C, J, C): its effective uid is the
job's, so ``kill(-1, SIGKILL)`` reaches every process of the job at once and
it may delete the job's files and System V objects, while its real and saved
uids are its own, so the job can neither signal, trace nor ``prlimit`` it. It
kills, wipes, reports and exits.
"""

from __future__ import annotations

import fcntl
import os
import time
from typing import NoReturn

from . import framing, jobfilter, privileges, runner, scratch

__all__ = ["CLEANER_FDS", "EXIT_SETUP", "JOB_FDS", "STARTED", "cleaner", "exec_failure", "job", "started_at"]

JOB_FDS = ("stdin", "stdout", "stderr", "report", "spec", "started")
CLEANER_FDS = ("report",)
SPEC_FD, STARTED_FD = 4, 5
EXIT_SETUP = 70  # the job could not be set up: our failure, never the program's
STARTED, FAILED = b"G", b"F"
STARTED_SIZE = 9  # the marker, then the monotonic time in nanoseconds (8 bytes, big-endian)
MAX_SPEC = framing.MAX_REQUEST


def _install(fds: list[int], count: int) -> None:
    """Put ``fds`` on 0..count-1 and close everything else (the zygote's socket included)."""
    if len(fds) != count:
        raise OSError(f"expected {count} descriptors, got {len(fds)}")
    moved = [fcntl.fcntl(fd, fcntl.F_DUPFD, 64) for fd in fds]
    for target, fd in enumerate(moved):
        os.dup2(fd, target)
    os.closerange(count, 1 << 16)


def _lock_oom_score() -> None:
    """The job, never PID 1, is what the OOM killer takes: it cannot lower this (its proc files stay root's)."""
    privileges.set_dumpable(1)  # only for this write, while we are still uid S
    with open("/proc/self/oom_score_adj", "w") as handle:
        handle.write("1000")
    privileges.set_dumpable(0)


def _check_unprivileged(uid: int) -> None:
    fields = privileges.status_fields()
    caps = {fields[key] for key in ("CapInh", "CapPrm", "CapEff", "CapBnd", "CapAmb")}
    if caps != {"0000000000000000"} or fields["Uid"] != f"{uid} {uid} {uid} {uid}" or fields["NoNewPrivs"] != "1":
        raise OSError(f"dropping privileges did not take: {fields}")
    if jobfilter.supported() and fields["Seccomp"] != "2":
        raise OSError("the job's seccomp layer is not in force")


def _read_spec() -> bytes:
    chunks, size = [], 0
    while chunk := os.read(SPEC_FD, 1 << 20):
        chunks.append(chunk)
        size += len(chunk)
        if size > MAX_SPEC:
            raise OSError("the job's spec is too large")
    return b"".join(chunks)


def job(uid: int, fds: list[int]) -> NoReturn:
    """Entry point of a job process; never returns."""
    try:
        os.setsid()
        _install(fds, len(JOB_FDS))
        _lock_oom_score()
        privileges.become((uid, uid, uid), (privileges.cleaner_of(uid), uid, uid))
        if jobfilter.supported():
            jobfilter.install()
        _check_unprivileged(uid)
        spec = _read_spec()
        if not spec:
            os._exit(0)  # PID 1 retired this slot unused
        runner.start(spec, started=_started, failed=_exec_failed)
    except BaseException as exc:  # noqa: BLE001 - the job could not even start: say why on its stderr
        os.write(2, f"sandbox: could not start the job: {type(exc).__name__}: {exc}\n".encode())
    finally:
        os._exit(EXIT_SETUP)


def _started(before_exec: bool = False) -> None:
    """Tell PID 1 the program starts now. Before an ``execve`` the pipe stays open until the exec closes it."""
    os.write(STARTED_FD, STARTED + time.monotonic_ns().to_bytes(8, "big"))  # one write: atomic on a pipe
    os.close(SPEC_FD)
    if before_exec:
        os.set_inheritable(STARTED_FD, False)  # closed by a successful exec: the program never sees it
    else:
        os.close(STARTED_FD)


def _exec_failed(why: str) -> None:
    """The exec of a compiler or program failed (our image, not the program): PID 1 reads it as infra."""
    os.write(STARTED_FD, FAILED + why.encode("utf-8", "replace")[:400])


def started_at(message: bytes) -> float | None:
    """The job's start (``time.monotonic()`` seconds) from its *started* message; None if it is not one."""
    if len(message) < STARTED_SIZE or message[:1] != STARTED:
        return None
    return int.from_bytes(message[1:STARTED_SIZE], "big") / 1e9


def exec_failure(message: bytes) -> str:
    """What follows the start in the *started* message: why the exec failed, or ``""``."""
    rest = message[STARTED_SIZE:]
    return rest[1:].decode("utf-8", "replace") if rest[:1] == FAILED else ""


def cleaner(uid: int, fds: list[int]) -> NoReturn:
    """Entry point of a cleaner process (its report pipe is fd 0); never returns."""
    try:
        _install(fds, len(CLEANER_FDS))
        for _ in (1, 2):
            os.open("/dev/null", os.O_WRONLY)  # the lowest free descriptors: 1 and 2
        mine = privileges.cleaner_of(uid)
        privileges.become((mine, uid, mine), (mine, mine, mine))
        problems = scratch.clean()
        os.write(0, framing.pack({"problems": [problem[:300] for problem in problems[:20]]}))
    finally:
        os._exit(0)
