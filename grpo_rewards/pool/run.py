"""One call of :meth:`WorkerPool.run` as its caller sees it: the run's bookkeeping, its inbox, and the wait.

The pool's loop thread (:mod:`grpo_rewards.pool.loop`) does everything that
touches a worker process; what it learns for this run (an item's outcome, a
job's request, the end) it puts in the run's inbox, and :meth:`PoolRun.wait`
handles it in the caller's thread. So ``on_result`` and ``on_request`` run in
the thread that called :meth:`WorkerPool.run`, as they would with no other
run in flight, and a slow or failing callback holds up or fails only its own run.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from .requests import OnRequest, PostReply, RequestDesk
from .scheduler import Assignment, Scheduler
from .tasks import OnResult, Outcome, Task

if TYPE_CHECKING:  # pragma: no cover
    from .process import WorkerProcess

__all__ = ["PoolRun"]

_SIGNAL_CHECK_SECONDS = 0.2


class PoolRun:
    """The run of ``tasks``: its :class:`Scheduler` (kept by the loop thread) and the inbox its caller reads."""

    def __init__(self, tasks: Sequence[Task], on_result: OnResult | None, on_request: OnRequest | None, post: PostReply) -> None:
        self.on_result = on_result
        self.scheduler = Scheduler(tasks, self._recorded if on_result is not None else None)
        self.desk = RequestDesk(on_request, post)
        self.cancelled = threading.Event()  # set by the loop once the run's workers are killed
        self._inbox: queue.SimpleQueue[tuple[str, Any]] = queue.SimpleQueue()

    # -- called by the loop thread -----------------------------------------------

    def _recorded(self, task: int, item: int, outcome: Outcome) -> None:
        self._inbox.put(("result", (task, item, outcome)))

    def request(self, worker: WorkerProcess, assignment: Assignment, payload: Any) -> None:
        """A job of this run asked for ``payload``; the caller's thread answers it."""
        self._inbox.put(("request", (worker, assignment, payload)))

    def finish(self) -> None:
        """Every item has its outcome."""
        self._inbox.put(("done", None))

    def fail(self, error: BaseException) -> None:
        """The run cannot go on (the pool was closed, or its loop broke): :meth:`wait` raises ``error``."""
        self._inbox.put(("error", error))

    # -- called by the caller's thread -------------------------------------------

    def wait(self) -> list[list[Outcome]]:
        """Handle the inbox until the run ends; one outcome per item, in order."""
        while True:
            try:
                # a bounded wait: the main thread must come back to Python often enough to take a
                # Ctrl-C or SIGTERM that the kernel delivered to another thread of the process
                kind, body = self._inbox.get(timeout=_SIGNAL_CHECK_SECONDS)
            except queue.Empty:
                continue
            if kind == "result":
                assert self.on_result is not None
                self.on_result(*body)
            elif kind == "request":
                self.desk.answer(*body)
            elif kind == "done":
                return self.scheduler.outcomes()
            else:
                raise body
