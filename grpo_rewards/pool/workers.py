"""The :class:`WorkerPool`: warm, killable worker processes that run tasks with a deadline per item.

Several threads may call :meth:`WorkerPool.run` at once; the runs share the
workers, taking turns task by task (see :mod:`grpo_rewards.pool.loop`).
"""

from __future__ import annotations

import threading
from collections.abc import Sequence

from .loop import PoolClosed, PoolLoop
from .messages import Reply, ReplyError, Stop
from .preload import worker_context
from .process import WorkerProcess
from .requests import OnRequest
from .run import PoolRun
from .scheduler import Assignment
from .tasks import OnResult, Outcome, Task, default_memory_mb, default_workers

__all__ = ["WorkerPool"]


class WorkerPool:
    """Warm, killable worker processes. Use as a context manager or call :meth:`close`.

    Args:
        workers: number of processes (default: :func:`default_workers`).
        preload: modules every worker imports before its first task.
        max_items_per_worker: a worker retires and is replaced after this many items.
        memory_limit_mb: address-space cap per worker; 0 disables it.
    """

    def __init__(
        self,
        workers: int | None = None,
        *,
        preload: Sequence[str] = (),
        max_items_per_worker: int = 2000,
        memory_limit_mb: int | None = None,
    ) -> None:
        self.size = workers or default_workers()
        self.preload = tuple(dict.fromkeys(preload))
        self.max_items_per_worker = max_items_per_worker
        self.memory_limit_mb = default_memory_mb() if memory_limit_mb is None else memory_limit_mb
        self._context = worker_context(self.preload)
        self._lock = threading.Lock()  # guards _closed and _loop
        self._closed = False
        self._loop: PoolLoop | None = None  # started by the first run
        self.kills = 0  # workers SIGKILLed for a deadline, for tests and benchmarks
        self.workers: list[WorkerProcess] = [self._start_worker() for _ in range(self.size)]

    @property
    def closed(self) -> bool:
        return self._closed

    # -- lifecycle ---------------------------------------------------------------

    def _start_worker(self) -> WorkerProcess:
        return WorkerProcess.start(self._context, self.preload, self.memory_limit_mb, self.max_items_per_worker)

    def replace(self, worker: WorkerProcess, *, kill: bool) -> None:
        """Put a new worker in ``worker``'s place, SIGKILLing it first (``kill``) or letting it exit (retiring)."""
        if kill:
            worker.kill()
        else:
            worker.release()
        self.workers[self.workers.index(worker)] = self._start_worker()

    def close(self) -> None:
        """Stop every worker. Runs still in flight (in other threads) raise :class:`PoolClosed`."""
        with self._lock:
            if self._closed:
                return
            self._closed = True
            loop, self._loop = self._loop, None
        if loop is not None:
            loop.stop()  # fails the runs in flight and kills their workers; then no other thread touches a worker
        with self._lock:
            for worker in self.workers:
                try:
                    worker.conn.send(Stop())
                except OSError:
                    pass
            for worker in self.workers:
                worker.process.join(timeout=1)
                if worker.process.is_alive():
                    worker.kill()
            self.workers.clear()

    def __enter__(self) -> WorkerPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- running -----------------------------------------------------------------

    def run(
        self,
        tasks: Sequence[Task],
        *,
        on_result: OnResult | None = None,
        on_request: OnRequest | None = None,
    ) -> list[list[Outcome]]:
        """Run every task; returns one :class:`Outcome` per item, in order.

        ``on_result(task_index, item_index, outcome)`` is called as results
        arrive (for progress bars). ``on_request(payload)`` answers
        :func:`request_parent` calls from jobs; it may return a value or a
        ``concurrent.futures.Future``. Both are called in this thread. Never
        raises for a failing item.

        Other threads may run at the same time: each idle worker takes the next
        task of the runs in flight in turn, so a short run is not held up by a
        long one, and every guarantee (deadlines, kills, recycling, requests)
        holds for each run. If this call is interrupted (Ctrl-C, an exception
        from a callback), the workers busy on its tasks are killed and replaced
        before the exception goes on; other runs carry on.

        Raises:
            PoolClosed: the pool was closed while the run was in flight.
        """
        if not any(task.items for task in tasks):
            self._check_open()
            return [[] for _ in tasks]
        run = PoolRun(tasks, on_result, on_request, self._post_reply)
        loop = self._submit(run)
        try:
            return run.wait()
        except BaseException:
            loop.cancel(run)
            raise

    def _check_open(self) -> None:
        if self._closed:
            raise PoolClosed("the worker pool is closed")

    def _post_reply(self, worker: WorkerProcess, assignment: Assignment, reply: Reply | ReplyError) -> None:
        loop = self._loop
        if loop is not None:  # else the pool is closed, and the worker with it
            loop.post_reply(worker, assignment, reply)

    def _submit(self, run: PoolRun) -> PoolLoop:
        """Hand ``run`` to the loop, starting one first if none runs (or the last one broke)."""
        with self._lock:
            self._check_open()
            if self._loop is None or not self._loop.submit(run):
                self._loop = PoolLoop(self)
                self._loop.start()
                self._loop.submit(run)
            return self._loop
