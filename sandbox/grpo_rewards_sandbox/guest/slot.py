"""One job's process, made by the zygote before the job arrives.

PID 1 creates the pipes, keeps its ends and hands the other ends to the zygote,
which passes them on unread. The job process then waits for its spec. It is
PID 1's child (the zygote double-forks), so PID 1 reaps it and reads its exit
status itself. It leads its own process group, which the job seccomp layer
keeps every descendant in: :meth:`Slot.kill` ends all of them in one atomic
``killpg``.
"""

from __future__ import annotations

import os
import select
import signal
from dataclasses import dataclass, field

from .jobwatch import JobHandles
from .roles import JOB_FDS
from .zygote import ZygoteClient

__all__ = ["PendingSlot", "Slot", "close_all"]

WRITTEN_BY_US = ("stdin", "spec")  # PID 1 writes these; the job writes the others
#: Who else may open the job's stdio pipes by path (``/dev/stdin`` is ``/proc/self/fd/0``, which the kernel
#: opens afresh, checking the pipe's mode): its own job may read its stdin and write its stdout and stderr.
#: Nobody else can name them: another uid's ``/proc/PID/fd`` is closed to a job.
REOPENABLE = {"stdin": 0o644, "stdout": 0o622, "stderr": 0o622}


@dataclass
class Slot:
    uid: int
    job: JobHandles
    reaped: bool = False  # set once PID 1 has waited for the job's main process (its pid may be reused then)
    watched: bool = False  # set once jobwatch took the pipes (it closes them all)
    closed: bool = field(default=False, repr=False)

    @classmethod
    def spawn(cls, zygote: ZygoteClient, uid: int) -> Slot:
        """Fork the job process for a job that will run as ``uid``; raise OSError if impossible."""
        return cls.request(zygote, uid).collect()

    @classmethod
    def request(cls, zygote: ZygoteClient, uid: int) -> PendingSlot:
        """Ask the zygote for the job process without waiting for it (see :meth:`PendingSlot.collect`)."""
        pipes = {name: os.pipe() for name in JOB_FDS}
        for name, mode in REOPENABLE.items():
            os.fchmod(pipes[name][0], mode)  # PID 1 owns the pipe; the mode is the pipe's, both ends alike
        theirs = [read if name in WRITTEN_BY_US else write for name, (read, write) in pipes.items()]
        ours = {name: write if name in WRITTEN_BY_US else read for name, (read, write) in pipes.items()}
        try:
            zygote.request("job", uid, theirs)
        except BaseException:
            close_all(list(ours.values()))
            raise
        finally:
            close_all(theirs)  # the zygote holds its own copies now
        return PendingSlot(zygote, uid, ours)

    def alive(self) -> bool:
        """Whether the waiting job process is still there (nothing should have killed it)."""
        return not select.select([self.job.pidfd], [], [], 0)[0]

    def kill(self) -> None:
        """SIGKILL the job's main process and, atomically, every process in its group.

        Only while the main process is not reaped: until then its pid, which is
        the group's id, cannot belong to anyone else.
        """
        try:
            signal.pidfd_send_signal(self.job.pidfd, signal.SIGKILL)
        except ProcessLookupError:
            pass
        if not self.reaped:
            try:
                os.killpg(self.job.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass  # the group is empty: everything of the job has ended

    def close(self) -> None:
        """Close PID 1's ends. An unused slot's job process sees end of file and exits; reap it then."""
        if self.closed:
            return
        self.closed = True
        close_all([] if self.watched else list(self.job.pipes.values()))

    def discard(self) -> None:
        """Retire a slot that never ran a job."""
        self.close()
        if not select.select([self.job.pidfd], [], [], 2.0)[0]:
            signal.pidfd_send_signal(self.job.pidfd, signal.SIGKILL)
        try:
            os.waitpid(self.job.pid, 0)
        except ChildProcessError:
            pass
        self.release()

    def release(self) -> None:
        """Close the pidfd (after the job was reaped)."""
        close_all([self.job.pidfd])


@dataclass
class PendingSlot:
    """A slot whose process the zygote is making; ``collect`` waits for its pid."""

    zygote: ZygoteClient
    uid: int
    pipes: dict[str, int]

    @property
    def descriptors(self) -> int:
        """How many descriptors PID 1 holds for this slot while it waits."""
        return len(self.pipes)

    def collect(self) -> Slot:
        try:
            pid = self.zygote.answer()
        except BaseException:
            close_all(list(self.pipes.values()))
            raise
        return Slot(self.uid, JobHandles(pid, os.pidfd_open(pid), self.pipes))


def close_all(fds: list[int]) -> None:
    for fd in fds:
        try:
            os.close(fd)
        except OSError:
            pass
