"""After a job, once its reply is on its way: make sure nothing of it is left before the next one starts.

PID 1 killed the job's whole process group when its main process ended (see
:meth:`.slot.Slot.kill`), so the reply does not wait for any of this. Before
the next job runs, :func:`clean_up`:

1. reaps what the job left (its processes were re-parented to PID 1), and
   kills, as a backstop, any live process of the job's uid;
2. removes what the job left in the job directory, which is PID 1's own
   (:func:`.scratch.tidy_job_dir`);
3. only if the job left something PID 1 may not remove (files of its own
   elsewhere, a subdirectory, IPC objects), has a cleaner forked, whose
   effective uid is the job's, to kill and wipe (:func:`.scratch.clean`);
4. checks that nothing of the job's uids is left anywhere.

Whatever it finds left is returned; PID 1 then refuses the next job as our
failure (infra: the host retries it on a fresh container) and the container
is recycled.
"""

from __future__ import annotations

import os
import select
import signal
import time
from collections.abc import Callable

from . import codec, framing, scratch
from .framing import FrameError, FrameReader
from .privileges import cleaner_of

__all__ = ["CLEAN_SECONDS", "REAP_SECONDS", "clean_up", "processes_of", "reap_children"]

REAP_SECONDS = 2.0  # for killed processes to end
CLEAN_SECONDS = 5.0  # for a cleaner to kill, wipe and report

#: Forks a cleaner for a job's uid on the given report pipe; returns its pid (raises OSError).
SpawnCleaner = Callable[[int, int], int]


def clean_up(uid: int, keep: int, spawn_cleaner: SpawnCleaner) -> list[str]:
    """Everything above for the job that ran as ``uid``; ``keep`` is the zygote (never reaped here)."""
    problems = _end_processes({uid}, keep)
    scratch.tidy_job_dir()
    if not scratch.needs_cleaner():
        return problems  # the common case: the job left nothing outside its directory
    problems += _run_cleaner(uid, keep, spawn_cleaner)
    scratch.tidy_job_dir()
    return problems + scratch.leftovers()


def _end_processes(uids: set[int], keep: int) -> list[str]:
    """Reap the job's orphans, killing any still alive, until none is left or the grace period ends."""
    deadline = time.monotonic() + REAP_SECONDS
    while True:
        reap_children(keep)
        live, exited = processes_of(uids)
        if not live and not exited:
            return []
        for pid in live:
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        if time.monotonic() > deadline:
            return [f"processes still running: {(live + exited)[:5]}"]
        time.sleep(0.002)


def _run_cleaner(uid: int, keep: int, spawn_cleaner: SpawnCleaner) -> list[str]:
    read, write = os.pipe()
    try:
        pid = spawn_cleaner(uid, write)
    except OSError as exc:
        for fd in (read, write):
            os.close(fd)
        return [f"could not start a cleaner: {exc}"]
    os.close(write)
    pidfd = os.pidfd_open(pid)
    try:
        problems = _read_report(read, time.monotonic() + CLEAN_SECONDS)
        if not select.select([pidfd], [], [], REAP_SECONDS)[0]:
            signal.pidfd_send_signal(pidfd, signal.SIGKILL)
        os.waitpid(pid, 0)
    finally:
        os.close(pidfd)
        os.close(read)
    return problems + _end_processes({uid, cleaner_of(uid)}, keep)


def _read_report(fd: int, deadline: float) -> list[str]:
    reader = FrameReader(max_frames=1, max_frame=64 * 1024, max_total=64 * 1024 + 4)
    while (remaining := deadline - time.monotonic()) > 0 and select.select([fd], [], [], remaining)[0]:
        chunk = os.read(fd, 1 << 16)
        if not chunk:
            break
        try:
            reader.feed(chunk)
        except FrameError as exc:
            return [f"the cleaner's report is malformed: {exc}"]
    if reader.last is None:
        return ["the cleaner did not report (it died or hung)"]
    report = codec.decode(reader.last, framing.PROTOCOL_LIMITS)
    problems = report.get("problems") if type(report) is dict else None
    return [str(p) for p in problems] if type(problems) is list else ["the cleaner's report is malformed"]


def reap_children(keep: int) -> None:
    """Reap every exited child but ``keep`` (the zygote, whose death the supervisor reports)."""
    while True:
        try:
            info = os.waitid(os.P_ALL, 0, os.WEXITED | os.WNOHANG | os.WNOWAIT)
        except ChildProcessError:
            return
        if info is None or info.si_pid == keep:
            return
        os.waitpid(info.si_pid, 0)


def processes_of(uids: set[int]) -> tuple[list[int], list[int]]:
    """The processes whose real uid is in ``uids``: (alive, ended but not reaped yet)."""
    live: list[int] = []
    exited: list[int] = []
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            with open(f"/proc/{name}/status") as handle:
                fields = dict(line.split(":", 1) for line in handle if line.startswith(("State:", "Uid:")))
            uid, state = int(fields["Uid"].split()[0]), fields["State"].split()[0]
        except (OSError, ValueError, KeyError, IndexError):
            continue  # gone meanwhile
        if uid in uids:
            (exited if state in ("Z", "X") else live).append(int(name))
    return live, exited
