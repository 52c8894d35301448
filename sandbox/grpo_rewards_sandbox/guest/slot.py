"""One job's pair of processes, made by the zygote before the job arrives: the job and its cleaner.

PID 1 creates the pipes, keeps its ends and hands the other ends to the zygote,
which passes them on unread. The job process then waits for its spec; the
cleaner waits for PID 1's word. Both are PID 1's children (the zygote
double-forks), so PID 1 reaps them and reads the job's exit status itself.
"""

from __future__ import annotations

import os
import select
import signal
import time
from dataclasses import dataclass, field

from .framing import FrameError, FrameReader
from .jobwatch import JobHandles
from .roles import CLEAN, JOB_FDS
from .zygote import ZygoteClient

__all__ = ["Slot"]

CLEAN_SECONDS = 5.0  # for the cleaner to kill, wipe and report
WRITTEN_BY_US = ("stdin", "spec")  # PID 1 writes these; the job writes the others


@dataclass
class Slot:
    uid: int
    job: JobHandles
    cleaner_pid: int
    cleaner_pidfd: int
    command: int
    report: int
    triggered: bool = False
    watched: bool = False  # set once jobwatch took the pipes (it closes them all)
    closed: bool = field(default=False, repr=False)

    @classmethod
    def spawn(cls, zygote: ZygoteClient, uid: int) -> Slot:
        """Fork the job and the cleaner for a job that will run as ``uid``; raise OSError if impossible."""
        return cls.request(zygote, uid).collect()

    @classmethod
    def request(cls, zygote: ZygoteClient, uid: int) -> PendingSlot:
        """Ask the zygote for both processes without waiting for it (see :meth:`PendingSlot.collect`)."""
        pipes = {name: os.pipe() for name in JOB_FDS}
        theirs = [read if name in WRITTEN_BY_US else write for name, (read, write) in pipes.items()]
        ours = {name: write if name in WRITTEN_BY_US else read for name, (read, write) in pipes.items()}
        (command_read, command), (report, report_write) = os.pipe(), os.pipe()
        try:
            zygote.request_slot(uid, theirs + [command_read, report_write])
        except BaseException:
            _close(list(ours.values()) + [command, report])
            raise
        finally:
            _close(theirs + [command_read, report_write])  # the zygote holds its own copies now
        return PendingSlot(zygote, uid, ours, command, report)

    def alive(self) -> bool:
        """Whether the waiting job process is still there (nothing should have killed it)."""
        return not select.select([self.job.pidfd], [], [], 0)[0]

    def clean(self) -> None:
        """Kill what PID 1 sees of the job, then have the cleaner kill the rest atomically and wipe up (once).

        The cleaner shares the job's effective uid, so the job may have reniced
        it or made it SCHED_IDLE; PID 1 (CAP_KILL) kills the job's processes
        first, so the cleaner never has to compete with them for the CPU.
        """
        if not self.triggered:
            self.triggered = True
            kill_processes_of(self.uid)
            try:
                os.write(self.command, CLEAN)
            except OSError:
                pass  # the cleaner is gone: finish() reports it

    def kill(self) -> None:
        """Kill the job's main process now, and have everything else of it killed."""
        try:
            signal.pidfd_send_signal(self.job.pidfd, signal.SIGKILL)
        except ProcessLookupError:
            pass
        self.clean()

    def finish(self) -> list[str]:
        """Wait for the cleaner's report; the problems it found (or that it failed).

        A cleaner that reported exits right after; PID 1 reaps it with the
        job's orphans, without waiting for it here. One that did not report is
        killed and reaped now.
        """
        self.clean()
        problems = _read_report(self.report, time.monotonic() + CLEAN_SECONDS)
        if problems and problems[0].startswith("the cleaner did not report"):
            _reap(self.cleaner_pid, self.cleaner_pidfd, grace=0.0)
        return problems

    def close(self) -> None:
        """Close PID 1's ends. An unused slot's processes see end of file and exit; reap them then."""
        if self.closed:
            return
        self.closed = True
        pipes = [] if self.watched else list(self.job.pipes.values())
        _close(pipes + [self.command, self.report])

    def discard(self) -> None:
        """Retire a slot that never ran a job."""
        self.close()
        _reap(self.job.pid, self.job.pidfd)
        _reap(self.cleaner_pid, self.cleaner_pidfd)

    def release(self) -> None:
        """Close the pidfds (after the job and the cleaner were reaped)."""
        _close([self.job.pidfd, self.cleaner_pidfd])


@dataclass
class PendingSlot:
    """A slot whose processes the zygote is making; ``collect`` waits for their pids."""

    zygote: ZygoteClient
    uid: int
    pipes: dict[str, int]
    command: int
    report: int

    @property
    def descriptors(self) -> int:
        """How many descriptors PID 1 holds for this slot while it waits."""
        return len(self.pipes) + 2

    def collect(self) -> Slot:
        try:
            job, cleaner = self.zygote.slot_pids()
        except BaseException:
            _close(list(self.pipes.values()) + [self.command, self.report])
            raise
        handles = JobHandles(job, os.pidfd_open(job), self.pipes)
        return Slot(self.uid, handles, cleaner, os.pidfd_open(cleaner), self.command, self.report)


def kill_processes_of(uid: int, passes: int = 20) -> None:
    """SIGKILL every live process whose real uid is ``uid``, pass after pass until a pass finds none."""
    for _ in range(passes):
        found = False
        for name in os.listdir("/proc"):
            if name.isdigit() and _live_uid(name) == uid:
                found = True
                try:
                    os.kill(int(name), signal.SIGKILL)
                except ProcessLookupError:
                    pass
        if not found:
            return


def _live_uid(pid: str) -> int | None:
    """The real uid of a process that is not yet a zombie (None for a zombie or a process gone)."""
    try:
        with open(f"/proc/{pid}/status") as handle:
            fields = dict(line.split(":", 1) for line in handle if line.startswith(("State:", "Uid:")))
    except (OSError, ValueError):
        return None
    if fields.get("State", " Z").split()[0] in ("Z", "X"):
        return None
    return int(fields["Uid"].split()[0])


def _read_report(fd: int, deadline: float) -> list[str]:
    from . import codec, framing

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


def _reap(pid: int, pidfd: int, grace: float = 2.0) -> None:
    """Reap ``pid`` (a child of PID 1), killing it if it does not end within ``grace``."""
    if not select.select([pidfd], [], [], grace)[0]:
        signal.pidfd_send_signal(pidfd, signal.SIGKILL)
    try:
        os.waitpid(pid, 0)
    except ChildProcessError:
        pass


def _close(fds: list[int]) -> None:
    for fd in fds:
        try:
            os.close(fd)
        except OSError:
            pass
