"""Watching one job from outside: its start, its deadline, its output caps, its exit.

:func:`watch` writes the job's spec and stdin, reads stdout, stderr, the report
pipe and the *started* pipe at the same time, and wakes on the job's exit
through a pidfd (so a daemon that keeps the pipes open cannot stall it). The
wall clock starts when the job says it started; until then a set-up deadline
applies (a job that never starts is our failure, not the program's). On the
deadline or past a cap it kills the job (``kill``); when the job's main
process ends it has the rest killed (``ended``) and drains the pipes briefly.
"""

from __future__ import annotations

import os
import selectors
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .framing import FrameError
from .outcome import Capture, Outcome, report_reader

__all__ = ["DRAIN_SECONDS", "SETUP_SECONDS", "JobHandles", "watch"]

DRAIN_SECONDS = 0.5  # after the job ends, how long leftover output may take to arrive
SETUP_SECONDS = 10.0  # from the spec to the started byte, on a loaded machine
READERS = ("stdout", "stderr", "report", "started")


@dataclass
class JobHandles:
    """PID 1's ends of one job: its pid and pidfd, and the pipe ends by name."""

    pid: int
    pidfd: int
    pipes: dict[str, int]


def watch(
    job: JobHandles,
    inputs: dict[str, bytes],
    limits: dict[str, Any],
    kill: Callable[[], None],
    ended: Callable[[], None],
) -> Outcome:
    """Run the job to its end (or kill it), reap it, and return what happened.

    ``inputs`` maps the writable pipes (``spec``, ``stdin``) to their bytes.
    """
    keep = limits["keep"]
    outcome = Outcome(Capture(keep), Capture(keep), report_reader(limits["max_value"]), cpu_limit=limits["cpu"])
    with selectors.DefaultSelector() as selector:
        loop = _Watch(selector, job, inputs, limits, outcome, kill, ended)
        loop.run()
    _, status, usage = os.wait4(job.pid, 0)
    outcome.wall = time.monotonic() - loop.started_at if outcome.started else 0.0
    outcome.peak_kb = usage.ru_maxrss
    if os.WIFSIGNALED(status):
        outcome.signal = os.WTERMSIG(status)
    else:
        outcome.exit_code = os.WEXITSTATUS(status)
    outcome.cpu = usage.ru_utime + usage.ru_stime
    return outcome


class _Watch:
    def __init__(
        self,
        selector: Any,
        job: JobHandles,
        inputs: dict[str, bytes],
        limits: dict[str, Any],
        outcome: Outcome,
        kill: Callable[[], None],
        ended: Callable[[], None],
    ) -> None:
        self.kill_job, self.job_ended = kill, ended
        self.selector, self.outcome, self.limits, self.pidfd = selector, outcome, limits, job.pidfd
        self.streams = {"stdout": outcome.stdout, "stderr": outcome.stderr}
        self.pending = {name: memoryview(data) for name, data in inputs.items()}
        self.exited = False
        self.started_at = time.monotonic()
        self.deadline = self.started_at + SETUP_SECONDS
        for name in READERS:
            os.set_blocking(job.pipes[name], False)
            selector.register(job.pipes[name], selectors.EVENT_READ, name)
        selector.register(job.pidfd, selectors.EVENT_READ, "exit")
        for name, data in self.pending.items():
            if data:
                os.set_blocking(job.pipes[name], False)
                selector.register(job.pipes[name], selectors.EVENT_WRITE, name)
            else:
                os.close(job.pipes[name])

    def run(self) -> None:
        try:
            self._loop()
        finally:
            for key in list(self.selector.get_map().values()):
                if key.data != "exit":  # the pidfd belongs to the caller
                    os.close(key.fd)
                self.selector.unregister(key.fileobj)

    def _loop(self) -> None:
        while self.selector.get_map():
            remaining = self.deadline - time.monotonic()
            if remaining <= 0:
                if not self.exited:
                    self._kill("timeout" if self.outcome.started else "setup")
                return
            for key, _ in self.selector.select(remaining):
                self._handle(key)
            if self.outcome.killed_for is not None:
                return

    def _handle(self, key: Any) -> None:
        name, fd = key.data, key.fd
        if name == "exit":
            self._on_exit()
        elif name in self.pending:
            self._feed(name, fd)
        else:
            self._read(name, fd)

    def _on_exit(self) -> None:
        """The job's main process ended: have what it left behind killed so the pipes close, then drain them."""
        self.exited = True
        self.deadline = min(self.deadline, time.monotonic() + DRAIN_SECONDS)
        self.selector.unregister(self.pidfd)
        self.job_ended()
        for key in list(self.selector.get_map().values()):
            if key.data in self.pending:
                self._close(key.fd)

    def _feed(self, name: str, fd: int) -> None:
        data = self.pending[name]
        try:
            written = os.write(fd, data[: 1 << 16])
        except BlockingIOError:
            return
        except BrokenPipeError:
            self._close(fd)
            return
        self.pending[name] = data[written:]
        if not self.pending[name]:
            self._close(fd)

    def _read(self, name: str, fd: int) -> None:
        try:
            chunk = os.read(fd, 1 << 16)
        except BlockingIOError:
            return
        if not chunk:
            self._close(fd)
            return
        if name == "started":
            self._on_started()
        elif name == "report":
            try:
                self.outcome.report.feed(chunk)
            except FrameError:
                self._kill("report_limit")
        else:
            self.streams[name].add(chunk)
            if self.outcome.stdout.total + self.outcome.stderr.total > self.limits["max_output"]:
                self._kill("output_limit")

    def _on_started(self) -> None:
        if not self.outcome.started:
            self.outcome.started = True
            self.started_at = time.monotonic()
            self.deadline = self.started_at + self.limits["timeout"]

    def _close(self, fd: int) -> None:
        self.selector.unregister(fd)
        os.close(fd)

    def _kill(self, reason: str) -> None:
        if self.outcome.killed_for is None and reason != "setup":
            self.outcome.killed_for = reason
        self.kill_job()
