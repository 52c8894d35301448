"""The two kinds of process the zygote makes: a job and its cleaner.

Both start as the zygote's grandchild (uid S, holding SETUID, SETGID and
SETPCAP) and make themselves unprivileged before they touch anything of a job.

A **job** (``fds``: stdin, stdout, stderr, report, spec, started) locks its OOM
score at 1000, becomes uid J with gids (C, J, J), empties its bounding set,
locks its securebits, loads the job seccomp layer and checks that all of it
took. Only then does it block on its spec pipe: PID 1 writes the program,
arguments and limits there when the job arrives. It sends one byte on the
*started* pipe and closes it right before the program's first byte runs, so
PID 1 can tell our failure to start (infra) from the program's own failure.

A **cleaner** (``fds``: command, report) becomes (C, J, C): its effective uid
is the job's, so ``kill(-1, SIGKILL)`` reaches every process of the job at
once (atomically, even a fork bomb) and it may delete the job's files, while
its real and saved uids are its own, so the job can neither signal, trace nor
``prlimit`` it. It waits for PID 1's word, kills, wipes, reports, exits.
"""

from __future__ import annotations

import fcntl
import os
from typing import NoReturn

from . import framing, jobfilter, privileges, runner, scratch

__all__ = ["CLEANER_FDS", "EXIT_SETUP", "JOB_FDS", "STARTED", "cleaner", "job"]

JOB_FDS = ("stdin", "stdout", "stderr", "report", "spec", "started")
CLEANER_FDS = ("command", "report")
SPEC_FD, STARTED_FD = 4, 5
EXIT_SETUP = 70  # the job could not be set up: our failure, never the program's
STARTED, CLEAN = b"G", b"K"
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
        runner.start(spec, started=lambda: _started())
    except BaseException as exc:  # noqa: BLE001 - the job could not even start: say why on its stderr
        os.write(2, f"sandbox: could not start the job: {type(exc).__name__}: {exc}\n".encode())
    finally:
        os._exit(EXIT_SETUP)


def _started() -> None:
    os.write(STARTED_FD, STARTED)
    os.close(STARTED_FD)
    os.close(SPEC_FD)


def cleaner(uid: int, fds: list[int]) -> NoReturn:
    """Entry point of a cleaner process; never returns."""
    try:
        _install(fds, len(CLEANER_FDS))
        null = os.open("/dev/null", os.O_WRONLY)  # the lowest free descriptor: 2
        if null != 2:
            os.dup2(null, 2)
            os.close(null)
        mine = privileges.cleaner_of(uid)
        privileges.become((mine, uid, mine), (mine, mine, mine))
        if os.read(0, 1) != CLEAN:
            os._exit(0)  # PID 1 retired this slot unused
        problems = scratch.clean()
        os.write(1, framing.pack({"problems": [problem[:300] for problem in problems[:20]]}))
    finally:
        os._exit(0)
