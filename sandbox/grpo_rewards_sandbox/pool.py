"""A pool of warm sandbox workers that keeps every one of them busy.

Each worker (a container) belongs to one dispatcher thread that pulls jobs
from a shared queue, so a batch spreads over the whole pool and many callers
may submit at once. Blocking calls (:meth:`SandboxPool.run`,
:meth:`SandboxPool.call`, :meth:`SandboxPool.map`), futures
(:meth:`SandboxPool.submit`) and coroutines (:meth:`SandboxPool.arun`,
:meth:`SandboxPool.acall`, :meth:`SandboxPool.amap`) all share that queue.

Workers that a job left unfit (timeout, memory, broken invariant) or that ran
``recycle_after`` jobs are retired and removed in the background; a spare
started ahead of time takes their place, so replacement stays off the
critical path. A job whose worker broke is retried once on a fresh worker and
then reported as ``infra_error``. When no fresh worker can be started at all,
the job fails with :class:`~grpo_rewards_sandbox.errors.SandboxUnavailable`.
"""

from __future__ import annotations

import asyncio
import os
import queue
import threading
from collections.abc import Iterable, Mapping, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, replace
from typing import Any

from .backend import Backend, Worker, WorkerLost
from .errors import SandboxError
from .results import CallJob, Job, Limits, Result, RunJob, Status

__all__ = ["PoolStats", "Sandbox", "SandboxPool", "default_size"]

SIZE_ENV = "GRPO_REWARDS_SANDBOX_WORKERS"


def default_size() -> int:
    """Containers to keep warm: ``$GRPO_REWARDS_SANDBOX_WORKERS``, else one per core."""
    value = os.environ.get(SIZE_ENV)
    return max(1, int(value)) if value else max(1, os.cpu_count() or 1)


@dataclass(frozen=True)
class PoolStats:
    """Counters since the pool started."""

    jobs: int
    infra_retries: int
    workers_started: int
    workers_retired: int


class SandboxPool:
    """Warm sandbox workers behind a thread-safe, async-friendly API.

    Use it as a context manager::

        with SandboxPool() as pool:
            result = pool.run("print(input()[::-1])", stdin="abc")
            assert result.stdout == b"cba\\n"
            value = pool.call("def f(x): return x * 2", "f", (21,)).value

    ``size`` workers run jobs (default: one per core); ``spares`` more are kept
    started to replace retired ones. ``limits`` are the defaults for jobs that
    bring none; the default backend sizes each container for them, so a job's
    own limits may not ask for more memory or output. ``image`` names the
    sandbox image (default: the one built from this package's sources).
    """

    def __init__(
        self,
        size: int | None = None,
        *,
        limits: Limits | None = None,
        image: str | None = None,
        backend: Backend | None = None,
        recycle_after: int = 1000,
        spares: int = 1,
    ) -> None:
        self.size = size if size is not None else default_size()
        if self.size < 1:
            raise ValueError(f"SandboxPool size must be at least 1, got {self.size}")
        self.limits = limits or Limits()
        self.recycle_after = recycle_after
        self._backend = backend if backend is not None else _docker_backend(image, self.limits)
        self._queue: queue.SimpleQueue[tuple[Job, Future[Result]] | None] = queue.SimpleQueue()
        self._spares = _Spares(self._backend, spares)
        self._threads: list[threading.Thread] = []
        self._lock = threading.Lock()
        self._counts = {"jobs": 0, "infra_retries": 0, "workers_retired": 0}
        self._started = False
        self._closed = False

    # -- life cycle ------------------------------------------------------------------------------

    def __enter__(self) -> SandboxPool:
        self.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def start(self) -> None:
        """Check the backend, sweep orphans, and start every worker; raise ``SandboxUnavailable`` if impossible."""
        if self._started:
            return
        self._backend.check()
        self._backend.sweep()
        workers = self._start_workers(self.size)
        for worker in workers:
            thread = threading.Thread(target=self._dispatch, args=(worker,), name=f"sandbox-{worker.name}", daemon=True)
            thread.start()
            self._threads.append(thread)
        self._spares.start()
        self._started = True

    def close(self) -> None:
        """Finish queued jobs, then stop and remove every worker."""
        if self._closed:
            return
        self._closed = True
        for _ in self._threads:
            self._queue.put(None)
        for thread in self._threads:
            thread.join()
        self._spares.close()
        self._backend.close()

    @property
    def image(self) -> str:
        """The image (tag) this pool's workers run."""
        return self._backend.image

    def ping(self) -> None:
        """Raise ``SandboxUnavailable`` unless the engine answers now (cheap; starts nothing)."""
        self._backend.ping()

    # -- submitting ------------------------------------------------------------------------------

    def submit(self, job: Job) -> Future[Result]:
        """Queue ``job``; the future resolves to its :class:`Result` (or raises ``SandboxUnavailable``)."""
        if not self._started or self._closed:
            raise SandboxError("the sandbox pool is not running: use it inside `with SandboxPool() as pool:`")
        self._check_limits(job.limits)
        future: Future[Result] = Future()
        self._queue.put((job, future))
        return future

    def run(self, program: str, stdin: bytes | str = b"", *, limits: Limits | None = None) -> Result:
        """Run ``program`` (Python source) with ``stdin``; block until it ends."""
        return self.submit(RunJob(program, stdin, limits)).result()

    def call(
        self,
        program: str,
        function: str,
        args: Sequence[Any] = (),
        kwargs: Mapping[str, Any] | None = None,
        *,
        limits: Limits | None = None,
    ) -> Result:
        """Run ``program``, then ``function(*args, **kwargs)`` in the same fresh process; block until done."""
        return self.submit(CallJob(program, function, tuple(args), kwargs, limits)).result()

    def map(self, jobs: Iterable[Job]) -> list[Result]:
        """Run a batch over the whole pool; results come back in the order of ``jobs``."""
        futures = [self.submit(job) for job in jobs]
        return [future.result() for future in futures]

    async def arun(self, program: str, stdin: bytes | str = b"", *, limits: Limits | None = None) -> Result:
        """Coroutine form of :meth:`run`."""
        return await asyncio.wrap_future(self.submit(RunJob(program, stdin, limits)))

    async def acall(
        self,
        program: str,
        function: str,
        args: Sequence[Any] = (),
        kwargs: Mapping[str, Any] | None = None,
        *,
        limits: Limits | None = None,
    ) -> Result:
        """Coroutine form of :meth:`call`."""
        return await asyncio.wrap_future(self.submit(CallJob(program, function, tuple(args), kwargs, limits)))

    async def amap(self, jobs: Iterable[Job]) -> list[Result]:
        """Coroutine form of :meth:`map`."""
        futures = [asyncio.wrap_future(self.submit(job)) for job in jobs]
        return list(await asyncio.gather(*futures))

    def stats(self) -> PoolStats:
        """Counters since the pool started."""
        with self._lock:
            counts = dict(self._counts)
        return PoolStats(workers_started=self._spares.started, **counts)

    # -- internals -------------------------------------------------------------------------------

    def _check_limits(self, limits: Limits | None) -> None:
        if limits is None:
            return
        pool = self.limits
        if limits.memory_mb > pool.memory_mb or limits.max_output > pool.max_output:
            raise ValueError(
                f"job limits (memory_mb={limits.memory_mb}, max_output={limits.max_output}) exceed the pool's "
                f"(memory_mb={pool.memory_mb}, max_output={pool.max_output}); create the pool with larger limits"
            )

    def _start_workers(self, count: int) -> list[Worker]:
        with ThreadPoolExecutor(max_workers=count) as executor:
            futures = [executor.submit(self._spares.make) for _ in range(count)]
        workers = [future.result() for future in futures if future.exception() is None]
        errors = [future.exception() for future in futures if future.exception() is not None]
        if errors:
            for worker in workers:
                worker.close()
            raise errors[0]  # type: ignore[misc]
        return workers

    def _dispatch(self, worker: Worker | None) -> None:
        jobs_on_worker = 0
        while (item := self._queue.get()) is not None:
            job, future = item
            if not future.set_running_or_notify_cancel():
                continue
            try:
                worker, result, jobs_on_worker = self._execute(worker, jobs_on_worker, job)
            except BaseException as exc:  # noqa: BLE001 - handed to the caller through the future
                if worker is not None:
                    self._retire(worker)  # its state is unknown; closing twice is safe
                worker = None
                future.set_exception(exc)
            else:
                future.set_result(result)
        if worker is not None:
            worker.close()

    def _execute(self, worker: Worker | None, jobs_on_worker: int, job: Job) -> tuple[Worker | None, Result, int]:
        limits = job.limits or self.limits
        for attempt in (1, 2):
            if worker is None:
                # A retry gets a brand-new container: a spare might have died with the one that just failed.
                worker, jobs_on_worker = (self._spares.take() if attempt == 1 else self._spares.make()), 0
            try:
                result = worker.execute(job, limits)
            except WorkerLost as lost:
                self._retire(worker)
                worker = None
                if attempt == 2:
                    return None, Result(Status.INFRA_ERROR, reason=f"sandbox failed twice: {lost}", attempts=2), 0
                self._count("infra_retries")
                continue
            jobs_on_worker += 1
            self._count("jobs")
            if worker.needs_recycle or jobs_on_worker >= self.recycle_after:
                self._retire(worker)
                worker = None
            return worker, (replace(result, attempts=attempt) if attempt > 1 else result), jobs_on_worker
        raise AssertionError("unreachable")

    def _retire(self, worker: Worker) -> None:
        self._count("workers_retired")
        threading.Thread(target=worker.close, name=f"retire-{worker.name}", daemon=True).start()

    def _count(self, key: str) -> None:
        with self._lock:
            self._counts[key] += 1


class Sandbox(SandboxPool):
    """A pool of exactly one warm container, for simple scripts and tests."""

    def __init__(self, *, limits: Limits | None = None, image: str | None = None, backend: Backend | None = None) -> None:
        super().__init__(1, limits=limits, image=image, backend=backend, spares=1)


class _Spares:
    """Keeps ``count`` started workers ready, refilled by a background thread."""

    def __init__(self, backend: Backend, count: int) -> None:
        self.backend = backend
        self.count = count
        self.started = 0
        self._ready: queue.Queue[Worker] = queue.Queue()
        self._wake = threading.Event()
        self._closed = False
        self._lock = threading.Lock()
        self._thread = threading.Thread(target=self._refill, name="sandbox-spares", daemon=True)

    def start(self) -> None:
        if self.count > 0:
            self._thread.start()

    def make(self) -> Worker:
        worker = self.backend.start_worker()
        with self._lock:
            self.started += 1
        return worker

    def take(self) -> Worker:
        """A ready spare if there is one, else a worker started now (raises ``SandboxUnavailable``)."""
        self._wake.set()
        try:
            return self._ready.get_nowait()
        except queue.Empty:
            return self.make()

    def close(self) -> None:
        self._closed = True
        self._wake.set()
        if self._thread.is_alive():
            self._thread.join()
        while not self._ready.empty():
            self._ready.get_nowait().close()

    def _refill(self) -> None:
        while not self._closed:
            if self._ready.qsize() >= self.count:
                self._wake.wait()
                self._wake.clear()
                continue
            try:
                worker = self.make()
            except Exception:  # noqa: BLE001 - the engine is down or flaky; take() reports it to the caller
                self._wake.wait(timeout=5.0)
                self._wake.clear()
                continue
            closed_meanwhile: bool = self._closed  # close() may have run while the worker started
            if closed_meanwhile:
                worker.close()
            else:
                self._ready.put(worker)


def _docker_backend(image: str | None, limits: Limits) -> Backend:
    from .docker_backend import DockerBackend

    if image is None:
        return DockerBackend(limits=limits)
    return DockerBackend(image=image, limits=limits)
