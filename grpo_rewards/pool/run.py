"""One call of :meth:`WorkerPool.run`: the loop that moves work between the scheduler and the worker processes.

Everything about which item is where lives in :class:`~grpo_rewards.pool.scheduler.Scheduler`;
this loop sends assignments, waits on the pipes and the nearest deadline,
passes each message on, answers requests (:class:`~grpo_rewards.pool.requests.RequestDesk`)
and kills or replaces workers.
"""

from __future__ import annotations

import pickle
import time
from collections.abc import Sequence
from multiprocessing.connection import wait
from typing import TYPE_CHECKING

from .messages import Done, Request, RunTask, WorkerMessage
from .process import WorkerProcess
from .requests import OnRequest, RequestDesk
from .scheduler import Scheduler
from .tasks import OnResult, Outcome, Task

if TYPE_CHECKING:  # pragma: no cover
    from .workers import WorkerPool

__all__ = ["PoolRun"]

_SETTLE_SECONDS = 5.0  # how long a worker whose results are all in may take to say Done


class PoolRun:
    """Runs ``tasks`` on ``pool``'s workers; :meth:`run` returns one outcome per item, in order."""

    def __init__(self, pool: WorkerPool, tasks: Sequence[Task], on_result: OnResult | None, on_request: OnRequest | None) -> None:
        self.pool = pool
        self.scheduler = Scheduler(tasks, on_result)
        self.desk = RequestDesk(on_request)

    def run(self) -> list[list[Outcome]]:
        try:
            while not self.scheduler.finished:
                self._dispatch()
                self._wait()
            self._settle()
        except BaseException:
            for worker in self._busy():
                self.pool.replace(worker, kill=True)
            raise
        finally:
            self.desk.close()
        return self.scheduler.outcomes()

    def _busy(self) -> list[WorkerProcess]:
        return [w for w in self.pool.workers if w.assignment is not None]

    def _dispatch(self) -> None:
        for worker in list(self.pool.workers):
            if worker.assignment is not None:
                continue
            assignment = self.scheduler.assign(time.monotonic(), fresh=worker.fresh)
            if assignment is None:
                return
            try:
                payload = pickle.dumps(self.scheduler.job_and_items(assignment))
                worker.conn.send(RunTask(assignment.task_id, payload))
            except (BrokenPipeError, ConnectionError, EOFError):
                self.scheduler.put_back(assignment)  # the worker is gone; another one takes the items
                self.pool.replace(worker, kill=True)
                continue
            except Exception as exc:  # noqa: BLE001 - an unpicklable job fails its items, not the run
                self.scheduler.fail_all(
                    assignment, Outcome(failure="crash", message=f"task could not be sent to a worker: {exc}")
                )
                continue
            worker.assignment = assignment

    def _wait(self) -> None:
        busy = self._busy()
        if not busy:
            return
        timeout = max(0.0, min(w.assignment.deadline for w in busy if w.assignment) - time.monotonic())
        ready = wait([w.conn for w in busy] + [self.desk.wakeup], timeout=timeout)
        if self.desk.wakeup in ready:
            self.desk.flush()
        for worker in busy:
            if worker.conn in ready:
                self._receive(worker)
        now = time.monotonic()
        for worker in self._busy():
            assert worker.assignment is not None
            if now >= worker.assignment.deadline:
                self.scheduler.expire(worker.assignment)
                self.pool.kills += 1
                self._drop(worker)

    def _receive(self, worker: WorkerProcess) -> None:
        try:
            while worker.assignment is not None and worker.conn.poll():
                self._handle(worker, worker.conn.recv())
        except (EOFError, OSError):
            if worker.assignment is not None:
                self.scheduler.lost(worker.assignment, worker.exit_description())
            self._drop(worker)

    def _handle(self, worker: WorkerProcess, message: WorkerMessage) -> None:
        assignment = worker.assignment
        assert assignment is not None
        if isinstance(message, Request):
            self.desk.answer(worker, assignment, message.payload)
        elif isinstance(message, Done):
            self._finish(worker, message)
        else:
            worker.fresh = False
            self.scheduler.handle(assignment, message, time.monotonic())

    def _finish(self, worker: WorkerProcess, done: Done) -> None:
        worker.assignment = None
        if done.retiring:
            self.pool.replace(worker, kill=False)

    def _drop(self, worker: WorkerProcess) -> None:
        worker.assignment = None
        self.pool.replace(worker, kill=True)

    def _settle(self) -> None:
        """Every result is in; wait for each busy worker's closing Done so none carries over to the next run."""
        for worker in self._busy():
            while worker.assignment is not None:
                try:
                    message = worker.conn.recv() if worker.conn.poll(_SETTLE_SECONDS) else None
                except (EOFError, OSError):
                    message = None
                if message is None:
                    self._drop(worker)
                elif isinstance(message, Done):
                    self._finish(worker, message)
