"""Feeding the sandbox pool: a bounded number of jobs in flight, the most urgent first.

A whole GRPO batch may hold thousands of executions. Queueing them all in the
sandbox pool at once would make a harness call (which a test program waits on,
under a deadline) wait behind every stdin/stdout case of the batch. So jobs
wait here in a priority queue and at most ``capacity`` are handed to the pool
at a time; harness calls come first, then in-sandbox fallbacks, then stdio
cases. Within a kind, the job with the smaller ``share`` (the wall time its
sample has already spent executing) goes first, so a sample whose calls sleep
to their cap cannot starve one that makes a hundred quick calls; then the
oldest. A job may carry a ``should_run`` check, asked when its turn comes (a
sample whose budget is spent stops submitting).
"""

from __future__ import annotations

import heapq
import itertools
import threading
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass, field
from typing import Any

__all__ = ["CALL", "Dispatcher", "FALLBACK", "STDIO"]

CALL, FALLBACK, STDIO = 0, 1, 2

#: ``on_done(future)`` gets the pool's future, or ``None`` when ``should_run`` said no.
OnDone = Callable[["Future[Any] | None"], None]


@dataclass(order=True)
class _Pending:
    priority: int
    share: float
    order: int
    job: Any = field(compare=False)
    on_done: OnDone = field(compare=False)
    should_run: Callable[[], bool] | None = field(compare=False, default=None)


class Dispatcher:
    """Submits jobs to ``pool`` (anything with ``submit(job) -> Future``), ``capacity`` at a time."""

    def __init__(self, pool: Any, capacity: int) -> None:
        self.pool = pool
        self.capacity = max(1, capacity)
        self._heap: list[_Pending] = []
        self._order = itertools.count()
        self._lock = threading.Lock()
        self._idle = threading.Condition(self._lock)
        self._in_flight = 0
        self._outstanding = 0
        self._local = threading.local()
        self.submitted = 0

    def submit(
        self, job: Any, priority: int, on_done: OnDone, should_run: Callable[[], bool] | None = None, share: float = 0.0
    ) -> None:
        """Queue ``job``; ``on_done`` is called once, from whichever thread finishes it."""
        with self._lock:
            heapq.heappush(self._heap, _Pending(priority, share, next(self._order), job, on_done, should_run))
            self._outstanding += 1
        self._pump()

    def wait(self) -> None:
        """Block until every queued job has finished and its ``on_done`` has run."""
        with self._idle:
            self._idle.wait_for(lambda: self._outstanding == 0)

    def _take(self) -> _Pending | None:
        with self._lock:
            if self._in_flight >= self.capacity or not self._heap:
                return None
            self._in_flight += 1
            return heapq.heappop(self._heap)

    def _pump(self) -> None:
        if getattr(self._local, "pumping", False):
            return  # a job finished synchronously inside our own loop, which goes on taking
        self._local.pumping = True
        try:
            self._pump_all()
        finally:
            self._local.pumping = False

    def _pump_all(self) -> None:
        while (pending := self._take()) is not None:
            if pending.should_run is not None and not pending.should_run():
                self._finish(pending, None)
                continue
            try:
                future = self.pool.submit(pending.job)
            except BaseException as exc:  # noqa: BLE001 - reported to on_done like any failed job
                future = Future()
                future.set_exception(exc)
            with self._lock:
                self.submitted += 1
            future.add_done_callback(lambda f, p=pending: self._finish(p, f))

    def _finish(self, pending: _Pending, future: Future[Any] | None) -> None:
        with self._lock:
            self._in_flight -= 1
        try:
            pending.on_done(future)
        finally:
            with self._idle:
                self._outstanding -= 1
                self._idle.notify_all()
            self._pump()
