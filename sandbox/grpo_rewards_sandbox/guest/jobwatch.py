"""Watching one job from outside: its deadline, its output caps, its exit.

:func:`watch` feeds stdin, reads stdout, stderr and the report pipe at the same
time, and wakes on the child's exit through a pidfd (so a daemon that keeps the
pipes open cannot stall it). On the deadline or past the output cap it
SIGKILLs every process but PID 1. It returns an :class:`Outcome`, which
classifies itself into a status.
"""

from __future__ import annotations

import os
import selectors
import signal
import time
from dataclasses import dataclass, field
from typing import Any

DRAIN_SECONDS = 0.5  # after the job ends, how long leftover output may take to arrive


@dataclass
class Capture:
    """The first ``keep`` bytes of a stream, and whether more came."""

    keep: int
    chunks: list[bytes] = field(default_factory=list)
    kept: int = 0
    total: int = 0

    def add(self, chunk: bytes) -> None:
        self.total += len(chunk)
        room = self.keep - self.kept
        if room > 0:
            piece = chunk[:room]
            self.chunks.append(piece)
            self.kept += len(piece)

    @property
    def data(self) -> bytes:
        return b"".join(self.chunks)

    @property
    def truncated(self) -> bool:
        return self.total > self.kept


@dataclass
class Outcome:
    """What the supervisor saw of one job."""

    stdout: Capture
    stderr: Capture
    report: bytearray = field(default_factory=bytearray)
    killed_for: str | None = None
    exit_code: int | None = None
    signal: int | None = None
    wall: float = 0.0
    cpu: float = 0.0
    peak_kb: int = 0
    cpu_limit: float = 0.0
    oom_killed: bool = False

    @property
    def frames(self) -> list[bytes]:
        """Complete frames on the report pipe, in order (the program may have written some itself)."""
        frames, data = [], bytes(self.report)
        while len(data) >= 4:
            size = int.from_bytes(data[:4], "big")
            if len(data) < 4 + size:
                break
            frames.append(data[4 : 4 + size])
            data = data[4 + size :]
        return frames

    @property
    def returned(self) -> bytes | None:
        last = self.frames[-1:] or [b""]
        return last[0][1:] if last[0][:1] == b"R" else None

    @property
    def exception(self) -> str | None:
        from . import codec

        last = self.frames[-1:] or [b""]
        if last[0][:1] != b"E":
            return None
        try:
            name = codec.decode(last[0][1:], codec.CodecLimits(max_bytes=1024, max_depth=1))
        except codec.CodecError:
            return None
        return name if type(name) is str else None

    def classify(self, mode: Any) -> tuple[str, str]:
        """The status and a reason in words."""
        if self.killed_for is not None:
            return self.killed_for, KILL_REASONS[self.killed_for]
        if self.oom_killed or (self.exception == "MemoryError" and self.exit_code != 0):
            return "memory", "ran out of memory"
        if self.signal is not None:
            if self.signal == signal.SIGXCPU or (self.signal == signal.SIGKILL and self.cpu >= self.cpu_limit):
                return "timeout", f"CPU time limit of {self.cpu_limit:g} s"
            return "runtime_error", f"killed by {_signal_name(self.signal)}"
        if self.exit_code != 0 and self.exception == "ReturnValueRejected":
            return "runtime_error", "return value rejected: only exact builtin values pass (details on stderr)"
        if self.exit_code != 0:
            what = f" ({self.exception})" if self.exception else ""
            return "runtime_error", f"exit code {self.exit_code}{what}"
        if mode == "call" and self.returned is None:
            return "runtime_error", "the process ended without returning a value"
        return "ok", "exit code 0"


KILL_REASONS = {
    "timeout": "wall-clock limit reached",
    "output_limit": "printed more than the output limit",
    "value_limit": "return value larger than the limit",
}


def _signal_name(number: int) -> str:
    try:
        return signal.Signals(number).name
    except ValueError:
        return f"signal {number}"


def watch(child: int, pipes: dict[str, int], stdin: bytes, limits: dict[str, Any], started: float) -> Outcome:
    """Run the job to its end (or kill it), then reap it and return what happened."""
    outcome = Outcome(Capture(limits["keep"]), Capture(limits["keep"]), cpu_limit=limits["cpu"])
    with selectors.DefaultSelector() as selector:
        _Watch(selector, child, pipes, stdin, limits, outcome).run(started + limits["timeout"])
    _, status, usage = os.wait4(child, 0)
    outcome.wall = time.monotonic() - started
    outcome.peak_kb = usage.ru_maxrss
    if os.WIFSIGNALED(status):
        outcome.signal = os.WTERMSIG(status)
    else:
        outcome.exit_code = os.WEXITSTATUS(status)
    outcome.cpu = usage.ru_utime + usage.ru_stime
    return outcome


class _Watch:
    def __init__(self, selector: Any, child: int, pipes: dict[str, int], stdin: bytes, limits: dict[str, Any], outcome: Outcome):
        self.selector, self.outcome, self.limits = selector, outcome, limits
        self.stdin = memoryview(stdin)
        self.streams = {"stdout": outcome.stdout, "stderr": outcome.stderr}
        self.pidfd = os.pidfd_open(child)
        self.exited = False
        for name in ("stdout", "stderr", "report"):
            os.set_blocking(pipes[name], False)
            selector.register(pipes[name], selectors.EVENT_READ, name)
        selector.register(self.pidfd, selectors.EVENT_READ, "exit")
        if self.stdin:
            os.set_blocking(pipes["stdin"], False)
            selector.register(pipes["stdin"], selectors.EVENT_WRITE, "stdin")
        else:
            os.close(pipes["stdin"])

    def run(self, deadline: float) -> None:
        self.deadline = deadline
        try:
            self._loop()
        finally:
            for key in list(self.selector.get_map().values()):
                self.selector.unregister(key.fileobj)
                os.close(key.fd)

    def _loop(self) -> None:
        while self.selector.get_map():
            remaining = self.deadline - time.monotonic()
            if remaining <= 0:
                if not self.exited:
                    self._kill("timeout")
                return
            for key, _ in self.selector.select(remaining):
                self._handle(key)
            if self.outcome.killed_for is not None:
                return

    def _handle(self, key: Any) -> None:
        name, fd = key.data, key.fd
        if name == "exit":
            self._on_exit()
        elif name == "stdin":
            self._feed(fd)
        else:
            self._read(name, fd)

    def _on_exit(self) -> None:
        """The job's main process ended: kill what it left behind so the pipes close, then drain them."""
        self.exited = True
        self.deadline = min(self.deadline, time.monotonic() + DRAIN_SECONDS)
        self._close("exit", self.pidfd)
        _kill_all()
        for key in list(self.selector.get_map().values()):
            if key.data == "stdin":
                self._close("stdin", key.fd)

    def _feed(self, fd: int) -> None:
        try:
            written = os.write(fd, self.stdin[: 1 << 16])
        except (BrokenPipeError, BlockingIOError) as exc:
            if isinstance(exc, BrokenPipeError):
                self._close("stdin", fd)
            return
        self.stdin = self.stdin[written:]
        if not self.stdin:
            self._close("stdin", fd)

    def _read(self, name: str, fd: int) -> None:
        try:
            chunk = os.read(fd, 1 << 16)
        except BlockingIOError:
            return
        if not chunk:
            self._close(name, fd)
            return
        if name == "report":
            self.outcome.report += chunk
            if len(self.outcome.report) > self.limits["max_value"] + 64:
                self._kill("value_limit")
            return
        self.streams[name].add(chunk)
        if self.outcome.stdout.total + self.outcome.stderr.total > self.limits["max_output"]:
            self._kill("output_limit")

    def _close(self, name: str, fd: int) -> None:
        self.selector.unregister(fd)
        os.close(fd)

    def _kill(self, reason: str) -> None:
        if self.outcome.killed_for is None:
            self.outcome.killed_for = reason
        _kill_all()


def _kill_all() -> None:
    try:
        os.kill(-1, signal.SIGKILL)
    except ProcessLookupError:
        pass
