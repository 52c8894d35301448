"""A warm pool of killable worker processes. The core owns every timer.

Plugin code that can hang runs here, never behind ``signal.alarm`` in the
caller and never in a thread. Work arrives as :class:`Task` objects: a
picklable :class:`Job` plus a list of items. A worker calls ``job.setup()``
once per task and ``job.run(state, item)`` per item, reporting each result as
it goes. The parent enforces a wall-clock deadline on setup and on every item:

* an item past its deadline gets ``Outcome(failure="timeout")``; its worker
  (with its whole process group) is SIGKILLed and replaced, and the task's
  remaining items go back on the queue for another worker;
* an item that raises gets ``failure="crash"`` (``"memory"`` for MemoryError)
  with the traceback; a worker that dies mid-item gets ``"crash"`` too;
* workers retire after ``max_items_per_worker`` items and run under an
  address-space cap (``memory_limit_mb``).

A job may ask the parent for something mid-item with :func:`request_parent`
(the code reward's test harness runs in a worker and sends each call of the
candidate function to the sandbox this way). The parent answers through the
``on_request`` handler given to :meth:`WorkerPool.run`; a handler may return a
``concurrent.futures.Future`` so many requests are in flight at once.

Workers are forked from multiprocessing's fork server, which imports the
``preload`` modules once, so a new worker costs milliseconds, not an import.
"""

from __future__ import annotations

import atexit
import collections
import concurrent.futures
import contextlib
import multiprocessing
import os
import pickle
import resource
import signal
import sys
import threading
import time
import traceback
import types
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from typing import Any, Protocol

__all__ = [
    "Job",
    "Outcome",
    "RequestError",
    "Task",
    "WorkerPool",
    "default_workers",
    "describe_failure",
    "get_pool",
    "request_parent",
    "shutdown_pool",
]

WORKERS_ENV = "GRPO_REWARDS_WORKERS"
MEMORY_ENV = "GRPO_REWARDS_WORKER_MEMORY_MB"
_SPAWN_GRACE = 30.0  # seconds a fresh worker may take to import before its first task times out


class Job(Protocol):
    """Picklable work for the pool. ``setup`` runs once per task, ``run`` once per item."""

    def setup(self) -> Any: ...

    def run(self, state: Any, item: Any) -> Any: ...


@dataclass(frozen=True)
class Task:
    """A job, the items to run it on, and the deadline in seconds for setup and for each item."""

    job: Job
    items: Sequence[Any]
    timeout: float


@dataclass(frozen=True)
class Outcome:
    """What happened to one item: a value, or a failure of kind timeout, crash or memory."""

    value: Any = None
    failure: str | None = None
    message: str = ""
    traceback: str | None = None
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return self.failure is None


def default_workers() -> int:
    """Workers to start: ``$GRPO_REWARDS_WORKERS``, else one per core, at most 8."""
    value = os.environ.get(WORKERS_ENV)
    if value:
        return max(1, int(value))
    return max(1, min(os.cpu_count() or 1, 8))


def _default_memory_mb() -> int:
    return int(os.environ.get(MEMORY_ENV, "4096"))


class RequestError(RuntimeError):
    """The parent's ``on_request`` handler failed; raised by :func:`request_parent` in the worker."""


# ----------------------------------------------------------------------------- worker side

_channel: Connection | None = None
_current_task: int | None = None


def request_parent(payload: Any) -> Any:
    """From inside a job running in the pool, ask the parent and wait for its answer.

    The parent's ``on_request(payload)`` handler (see :meth:`WorkerPool.run`)
    answers. The item's deadline keeps running while it waits.
    """
    if _channel is None or _current_task is None:
        raise RuntimeError("request_parent() works only inside a job running in a WorkerPool")
    _channel.send(("request", _current_task, payload))
    kind, value = _channel.recv()
    if kind == "reply_error":
        raise RequestError(value)
    return value


def _init_worker(preload: Sequence[str], memory_limit_mb: int) -> None:
    os.setpgid(0, 0)  # our own process group, so a kill reaches anything the job started
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    if memory_limit_mb > 0:
        limit = memory_limit_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    for module in preload:
        try:
            __import__(module)
        except Exception:  # noqa: BLE001 - the job that needs it reports the import error with a traceback
            pass


def describe_failure(exc: BaseException) -> tuple[str, str, str]:
    """The failure kind of ``exc`` (``memory`` or ``crash``), a one-line message and its traceback."""
    kind = "memory" if isinstance(exc, MemoryError) else "crash"
    message = f"{type(exc).__name__}: {exc}".strip().rstrip(":")
    return kind, message, "".join(traceback.format_exception(exc))


def _send_result(conn: Connection, task_id: int, index: int, value: Any, seconds: float) -> None:
    try:
        conn.send(("ok", task_id, index, value, seconds))
    except Exception as exc:  # noqa: BLE001 - an unpicklable result is the job's fault, not ours
        kind, message, tb = describe_failure(exc)
        conn.send(("error", task_id, index, kind, f"result could not be sent back: {message}", tb, seconds))


def _run_task(conn: Connection, task_id: int, job: Job, items: Sequence[Any]) -> int:
    started = time.perf_counter()
    try:
        state = job.setup()
    except BaseException as exc:  # noqa: BLE001 - SystemExit from plugin code is a crash too
        kind, message, tb = describe_failure(exc)
        conn.send(("setup_error", task_id, kind, message, tb, time.perf_counter() - started))
        return 0
    conn.send(("ready", task_id))
    for index, item in enumerate(items):
        started = time.perf_counter()
        try:
            value = job.run(state, item)
        except BaseException as exc:  # noqa: BLE001
            kind, message, tb = describe_failure(exc)
            conn.send(("error", task_id, index, kind, message, tb, time.perf_counter() - started))
            continue
        _send_result(conn, task_id, index, value, time.perf_counter() - started)
    return len(items)


def _worker_main(conn: Connection, preload: Sequence[str], memory_limit_mb: int, max_items: int) -> None:
    global _channel, _current_task
    _init_worker(preload, memory_limit_mb)
    _channel = conn
    conn.send(("alive",))
    done = 0
    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError):
            return
        if message[0] == "stop":
            return
        _, task_id, payload = message
        try:
            job, items = pickle.loads(payload)
        except BaseException as exc:  # noqa: BLE001 - e.g. a reward class defined in __main__
            kind, text, tb = describe_failure(exc)
            hint = " (define rewards and jobs in an importable module, not in __main__)"
            conn.send(("setup_error", task_id, "crash", f"the worker could not load the task: {text}{hint}", tb, 0.0))
            conn.send(("done", task_id, False))
            continue
        _current_task = task_id
        done += _run_task(conn, task_id, job, items)
        _current_task = None
        retiring = done >= max_items
        conn.send(("done", task_id, retiring))
        if retiring:
            return


# ----------------------------------------------------------------------------- parent side


@dataclass
class _Assignment:
    task_id: int
    offsets: list[int]  # positions in the original task of the items sent
    position: int = 0  # index into offsets of the item running now
    ready: bool = False
    deadline: float = 0.0


@dataclass
class _Worker:
    process: Any
    conn: Connection
    started: float = field(default_factory=time.monotonic)
    assignment: _Assignment | None = None
    fresh: bool = True


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
        self.memory_limit_mb = _default_memory_mb() if memory_limit_mb is None else memory_limit_mb
        self._context = _context(self.preload)
        self._workers: list[_Worker] = []
        self._lock = threading.Lock()
        self._closed = False
        self.kills = 0  # workers SIGKILLed for a deadline, for tests and benchmarks
        for _ in range(self.size):
            self._workers.append(self._start_worker())

    # -- lifecycle ---------------------------------------------------------------

    def _start_worker(self) -> _Worker:
        parent_conn, child_conn = self._context.Pipe(duplex=True)
        process = self._context.Process(
            target=_worker_main,
            args=(child_conn, self.preload, self.memory_limit_mb, self.max_items_per_worker),
            daemon=True,
            name="grpo-rewards-worker",
        )
        with _main_module_hidden():
            process.start()
        child_conn.close()
        return _Worker(process, parent_conn)

    def _kill(self, worker: _Worker) -> None:
        pid = worker.process.pid
        for kill in (lambda: os.killpg(pid, signal.SIGKILL), lambda: os.kill(pid, signal.SIGKILL)):
            try:
                kill()
            except (ProcessLookupError, PermissionError, OSError):
                pass
        worker.conn.close()
        worker.process.join(timeout=5)

    def _replace(self, worker: _Worker, *, kill: bool) -> None:
        if kill:
            self._kill(worker)
        else:
            worker.conn.close()
            worker.process.join(timeout=5)
        self._workers[self._workers.index(worker)] = self._start_worker()

    def close(self) -> None:
        """Stop every worker."""
        with self._lock:
            if self._closed:
                return
            self._closed = True
            for worker in self._workers:
                try:
                    worker.conn.send(("stop",))
                except OSError:
                    pass
            for worker in self._workers:
                worker.process.join(timeout=1)
                if worker.process.is_alive():
                    self._kill(worker)
            self._workers.clear()

    def __enter__(self) -> WorkerPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- running -----------------------------------------------------------------

    def run(
        self,
        tasks: Sequence[Task],
        *,
        on_result: Callable[[int, int, Outcome], None] | None = None,
        on_request: Callable[[Any], Any] | None = None,
    ) -> list[list[Outcome]]:
        """Run every task; returns one :class:`Outcome` per item, in order.

        ``on_result(task_index, item_index, outcome)`` is called as results
        arrive (for progress bars). ``on_request(payload)`` answers
        :func:`request_parent` calls from jobs; it may return a value or a
        ``concurrent.futures.Future``. Never raises for a failing item.
        """
        with self._lock:
            if self._closed:
                raise RuntimeError("the worker pool is closed")
            return _Run(self, tasks, on_result, on_request).run()


class _Run:
    """One call of :meth:`WorkerPool.run`: the scheduling loop and its bookkeeping."""

    def __init__(self, pool: WorkerPool, tasks: Sequence[Task], on_result: Any, on_request: Any) -> None:
        self.pool = pool
        self.tasks = tasks
        self.on_result = on_result
        self.on_request = on_request
        self.answered: collections.deque[tuple[_Worker, _Assignment, str, Any]] = collections.deque()
        self.wakeup_r, self.wakeup_w = multiprocessing.Pipe(duplex=False)
        self.results: list[list[Outcome | None]] = [[None] * len(t.items) for t in tasks]
        self.pending = sum(len(t.items) for t in tasks)
        self.queue: collections.deque[tuple[int, list[int]]] = collections.deque(
            (i, list(range(len(t.items)))) for i, t in enumerate(tasks) if t.items
        )

    def run(self) -> list[list[Outcome]]:
        try:
            while self.pending:
                self._dispatch()
                self._wait()
            self._settle()
        except BaseException:
            for worker in list(self.pool._workers):
                if worker.assignment is not None:
                    self.pool._replace(worker, kill=True)
            raise
        finally:
            self.wakeup_r.close()
            self.wakeup_w.close()
        return [[o for o in row if o is not None] for row in self.results]

    def _settle(self) -> None:
        """Every result is in; wait for each busy worker's closing "done" so none carries over to the next run."""
        for worker in list(self.pool._workers):
            while worker.assignment is not None:
                try:
                    message = worker.conn.recv() if worker.conn.poll(5.0) else None
                except (EOFError, OSError):
                    message = None
                if message is None:
                    worker.assignment = None
                    self.pool._replace(worker, kill=True)
                elif message[0] == "done":
                    worker.assignment = None
                    if message[2]:
                        self.pool._replace(worker, kill=False)

    def _record(self, task_id: int, offset: int, outcome: Outcome) -> None:
        if self.results[task_id][offset] is None:
            self.results[task_id][offset] = outcome
            self.pending -= 1
            if self.on_result is not None:
                self.on_result(task_id, offset, outcome)

    def _deadline(self, worker: _Worker, timeout: float) -> float:
        # A fresh worker may still be importing; its clock starts when it says "alive".
        return time.monotonic() + timeout + (_SPAWN_GRACE if worker.fresh else 0.0)

    def _dispatch(self) -> None:
        for worker in self.pool._workers:
            if not self.queue:
                return
            if worker.assignment is not None:
                continue
            task_id, offsets = self.queue.popleft()
            task = self.tasks[task_id]
            deadline = self._deadline(worker, task.timeout)
            try:
                payload = pickle.dumps((task.job, [task.items[o] for o in offsets]))
                worker.conn.send(("task", task_id, payload))
            except Exception as exc:  # noqa: BLE001 - an unpicklable job fails its items, not the run
                if isinstance(exc, (BrokenPipeError, ConnectionError, EOFError)):
                    self.queue.appendleft((task_id, offsets))
                    self.pool._replace(worker, kill=True)
                    continue
                for offset in offsets:
                    self._record(task_id, offset, Outcome(failure="crash", message=f"task could not be sent to a worker: {exc}"))
                continue
            worker.assignment = _Assignment(task_id, offsets, deadline=deadline)

    def _wait(self) -> None:
        busy = [w for w in self.pool._workers if w.assignment is not None]
        if not busy:
            return
        timeout = max(0.0, min(w.assignment.deadline for w in busy) - time.monotonic())
        ready = wait([w.conn for w in busy] + [self.wakeup_r], timeout=timeout)
        if self.wakeup_r in ready:
            self._send_answers()
        for worker in busy:
            if worker.conn in ready:
                self._receive(worker)
        now = time.monotonic()
        for worker in [w for w in self.pool._workers if w.assignment is not None]:
            if now >= worker.assignment.deadline:
                self._expire(worker)

    def _receive(self, worker: _Worker) -> None:
        try:
            while worker.conn.poll():
                self._handle(worker, worker.conn.recv())
                if worker.assignment is None:
                    return
        except (EOFError, OSError):
            self._died(worker)

    def _handle(self, worker: _Worker, message: tuple[Any, ...]) -> None:
        a = worker.assignment
        assert a is not None
        kind = message[0]
        task = self.tasks[a.task_id]
        if kind == "alive":
            worker.fresh = False
            a.deadline = time.monotonic() + task.timeout
        elif kind == "ready":
            a.ready = True
            a.deadline = time.monotonic() + task.timeout
        elif kind in ("ok", "error"):
            index = message[2]
            if kind == "ok":
                outcome = Outcome(value=message[3], seconds=message[4])
            else:
                outcome = Outcome(failure=message[3], message=message[4], traceback=message[5], seconds=message[6])
            self._record(a.task_id, a.offsets[index], outcome)
            a.position = index + 1
            a.deadline = time.monotonic() + task.timeout
        elif kind == "setup_error":
            outcome = Outcome(failure=message[2], message=f"setup failed: {message[3]}", traceback=message[4], seconds=message[5])
            for offset in a.offsets:
                self._record(a.task_id, offset, outcome)
        elif kind == "request":
            self._answer(worker, a, message[2])
        elif kind == "done":
            worker.assignment = None
            if message[2]:  # retiring
                self.pool._replace(worker, kill=False)

    def _answer(self, worker: _Worker, a: _Assignment, payload: Any) -> None:
        if self.on_request is None:
            self._reply(worker, a, "reply_error", "this pool run takes no requests (no on_request handler)")
            return
        try:
            answer = self.on_request(payload)
        except Exception as exc:  # noqa: BLE001 - the job sees the handler's failure as RequestError
            self._reply(worker, a, "reply_error", f"{type(exc).__name__}: {exc}")
            return
        if not isinstance(answer, concurrent.futures.Future):
            self._reply(worker, a, "reply", answer)
            return

        def done(future: concurrent.futures.Future[Any]) -> None:
            exc = future.exception()
            reply = ("reply_error", f"{type(exc).__name__}: {exc}") if exc else ("reply", future.result())
            self.answered.append((worker, a, *reply))
            try:
                self.wakeup_w.send_bytes(b"!")
            except OSError:
                pass  # the run has ended; the answer is no longer wanted

        answer.add_done_callback(done)

    def _send_answers(self) -> None:
        while self.wakeup_r.poll():
            self.wakeup_r.recv_bytes()
        while self.answered:
            worker, a, kind, value = self.answered.popleft()
            self._reply(worker, a, kind, value)

    def _reply(self, worker: _Worker, a: _Assignment, kind: str, value: Any) -> None:
        if worker.assignment is not a:
            return  # the worker was killed or moved on; nobody waits for this answer
        try:
            worker.conn.send((kind, value))
        except (OSError, ValueError):
            pass  # the worker died; its EOF is handled by _receive

    def _requeue_rest(self, a: _Assignment, start: int) -> None:
        rest = a.offsets[start:]
        if rest:
            self.queue.appendleft((a.task_id, rest))

    def _expire(self, worker: _Worker) -> None:
        a = worker.assignment
        assert a is not None
        timeout = self.tasks[a.task_id].timeout
        if not a.ready:
            outcome = Outcome(failure="timeout", message=f"setup took longer than {timeout:g} s", seconds=timeout)
            for offset in a.offsets:
                self._record(a.task_id, offset, outcome)
        else:
            outcome = Outcome(failure="timeout", message=f"took longer than {timeout:g} s", seconds=timeout)
            self._record(a.task_id, a.offsets[a.position], outcome)
            self._requeue_rest(a, a.position + 1)
        self.pool.kills += 1
        worker.assignment = None
        self.pool._replace(worker, kill=True)

    def _died(self, worker: _Worker) -> None:
        a = worker.assignment
        worker.process.join(timeout=1)
        code = worker.process.exitcode
        how = f"killed by signal {-code}" if code is not None and code < 0 else f"exited with status {code}"
        if a is not None:
            outcome = Outcome(failure="crash", message=f"worker process {how}")
            if not a.ready:
                for offset in a.offsets:
                    self._record(a.task_id, offset, outcome)
            else:
                self._record(a.task_id, a.offsets[a.position], outcome)
                self._requeue_rest(a, a.position + 1)
        worker.assignment = None
        self.pool._replace(worker, kill=True)


@contextlib.contextmanager
def _main_module_hidden() -> Iterator[None]:
    """Start a worker without telling it the caller's ``__main__``.

    multiprocessing would otherwise re-run the caller's script in every worker
    (a training script without an ``if __name__ == "__main__":`` guard would
    train again, or fork workers of its own, in each one). Workers need only
    importable modules; a reward defined in ``__main__`` fails its task with a
    message saying so.
    """
    main = sys.modules.get("__main__")
    sys.modules["__main__"] = types.ModuleType("__main__")
    try:
        yield
    finally:
        if main is not None:
            sys.modules["__main__"] = main


# ----------------------------------------------------------------------------- process-wide pool

_forkserver_preload: tuple[str, ...] | None = None


def _context(preload: Sequence[str]) -> Any:
    """The fork-server context, its server told to import ``preload`` if not yet started."""
    global _forkserver_preload
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    if _forkserver_preload is None:
        _forkserver_preload = tuple(preload)
        context.set_forkserver_preload(["grpo_rewards.pool", *preload])
    return context


_pool: WorkerPool | None = None
_pool_lock = threading.Lock()


def get_pool(preload: Sequence[str] = ()) -> WorkerPool:
    """The process-wide pool, started on first use and stopped at exit.

    A pool already running keeps its workers; modules in ``preload`` that it
    lacks are imported by each worker on its first task instead.
    """
    global _pool
    with _pool_lock:
        if _pool is None or _pool._closed:
            _pool = WorkerPool(preload=preload)
            atexit.register(shutdown_pool)
        return _pool


def shutdown_pool() -> None:
    """Stop the process-wide pool, if one runs."""
    global _pool
    with _pool_lock:
        if _pool is not None:
            _pool.close()
            _pool = None
