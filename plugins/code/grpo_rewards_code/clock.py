"""A CPU-time limit for our own test code, per test, in the harness worker.

The dataset's test code runs on our side and computes on the function's
results; a result chosen to make it loop (``range(candidate(x))`` with a huge
value) must fail that test, not stall a worker until the pool's deadline.
``ITIMER_VIRTUAL`` counts only this process's own CPU time, so waiting for the
sandbox (blocked on a pipe) is not counted; the proxy also pauses the clock
around each call. When the time runs out, the current test is failed with
``timeout`` and stays failed even if the test code swallows the exception.
"""

from __future__ import annotations

import signal
from types import FrameType

from .recorder import Recorder, TestFailed

__all__ = ["ClockedRecorder"]


class ClockedRecorder(Recorder):
    """A :class:`Recorder` that gives each test ``seconds`` of CPU time in this process."""

    def __init__(self, count: int, seconds: float) -> None:
        super().__init__(count)
        self.seconds = seconds
        self._previous = signal.signal(signal.SIGVTALRM, self._expired)

    def begin(self, index: int) -> None:
        super().begin(index)
        signal.setitimer(signal.ITIMER_VIRTUAL, self.seconds)

    def ok(self, index: int) -> None:
        signal.setitimer(signal.ITIMER_VIRTUAL, 0)
        super().ok(index)

    def fail(self, index: int, error: BaseException) -> None:
        signal.setitimer(signal.ITIMER_VIRTUAL, 0)
        super().fail(index, error)

    def pause(self) -> float:
        """Stop the clock (around a sandbox call); returns the time left."""
        left, _ = signal.setitimer(signal.ITIMER_VIRTUAL, 0)
        return left

    def resume(self, left: float) -> None:
        if left > 0:
            signal.setitimer(signal.ITIMER_VIRTUAL, left)

    def close(self) -> None:
        """Stop the clock and put the previous signal handler back."""
        signal.setitimer(signal.ITIMER_VIRTUAL, 0)
        signal.signal(signal.SIGVTALRM, self._previous)

    def _expired(self, signum: int, frame: FrameType | None) -> None:
        message = f"the test code ran past {self.seconds:g} s of CPU time on the function's results"
        self.force("timeout", message)
        raise TestFailed("timeout", message)
