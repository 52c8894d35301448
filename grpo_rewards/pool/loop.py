"""The pool's loop: one thread that talks to every worker process, for every run in flight.

Callers of :meth:`WorkerPool.run` (several threads at once: TRL's async
rewards, a Ray actor's concurrent calls) hand their :class:`~grpo_rewards.pool.run.PoolRun`
to this loop and wait on its inbox. The loop sends work to idle workers,
taking the runs in turn (:class:`~grpo_rewards.pool.scheduler.Rota`: each idle
worker goes to the next run with work queued), waits on the pipes and the
nearest deadline, passes each message to the scheduler of the run it belongs
to, hands requests to that run's caller and sends back the replies, and kills
and replaces workers. It is the only thread that sends to or reads from a
worker, so a worker is never spoken to by two threads.

Other threads reach it only through :meth:`PoolLoop.submit`,
:meth:`PoolLoop.cancel`, :meth:`PoolLoop.post_reply` and :meth:`PoolLoop.stop`,
which queue a command and wake it.
"""

from __future__ import annotations

import collections
import contextlib
import functools
import os
import pickle
import threading
import time
from multiprocessing.connection import wait
from typing import TYPE_CHECKING, Any

from .messages import Done, Reply, ReplyError, Request, RunTask, WorkerMessage
from .process import WorkerProcess
from .run import PoolRun
from .scheduler import Assignment, Rota
from .tasks import Outcome

if TYPE_CHECKING:  # pragma: no cover
    from .workers import WorkerPool

__all__ = ["PoolClosed", "PoolLoop"]

_CANCEL_WAIT_SECONDS = 30.0  # how long a cancelling caller waits for its run's workers to be killed


class PoolClosed(RuntimeError):
    """The pool was closed (or its loop broke) while a run was in flight."""


class _Waker:
    """A self-pipe: any thread calls :meth:`wake`; the loop waits on it (:meth:`fileno`) and :meth:`drain`\\s it."""

    def __init__(self) -> None:
        self._read, self._write = os.pipe()
        os.set_blocking(self._read, False)
        os.set_blocking(self._write, False)
        self._lock = threading.Lock()  # a wake never writes to a descriptor number closed (and perhaps reused) meanwhile
        self._closed = False

    def fileno(self) -> int:
        return self._read

    def wake(self) -> None:
        with self._lock:
            if not self._closed:
                with contextlib.suppress(BlockingIOError):  # the pipe is full: a wake is pending anyway
                    os.write(self._write, b"!")

    def drain(self) -> None:
        with contextlib.suppress(BlockingIOError):
            while os.read(self._read, 4096):
                pass

    def close(self) -> None:
        with self._lock:
            if not self._closed:
                self._closed = True
                os.close(self._read)
                os.close(self._write)


class PoolLoop:
    """The thread that runs ``pool``'s workers for every run in flight. Start with :meth:`start`."""

    def __init__(self, pool: WorkerPool) -> None:
        self.pool = pool
        self.rota: Rota[PoolRun] = Rota()
        self._commands: collections.deque[tuple[str, Any]] = collections.deque()
        self._waker = _Waker()
        self._lock = threading.Lock()  # guards _accepting against a submit racing the loop's end
        self._accepting = True
        self._thread = threading.Thread(target=self._main, name="grpo-rewards-pool", daemon=True)

    @property
    def alive(self) -> bool:
        with self._lock:
            return self._accepting and self._thread.is_alive()

    def start(self) -> None:
        self._thread.start()

    # -- other threads -------------------------------------------------------------

    def submit(self, run: PoolRun) -> bool:
        """Take ``run`` on; False when this loop has ended (start another)."""
        with self._lock:
            if not self._accepting:
                return False
            self._command("submit", run)
            return True

    def cancel(self, run: PoolRun) -> None:
        """Drop ``run`` (its caller gave up): kill the workers busy on it, and wait until they are replaced."""
        with self._lock:
            if not self._accepting:
                return  # the loop has ended and killed every busy worker
            self._command("cancel", run)
        run.cancelled.wait(_CANCEL_WAIT_SECONDS)

    def post_reply(self, worker: WorkerProcess, assignment: Assignment, reply: Reply | ReplyError) -> None:
        """Send ``reply`` to ``worker``, if it still runs ``assignment`` (any thread)."""
        self._command("reply", (worker, assignment, reply))

    def stop(self) -> None:
        """End the loop: every run in flight fails with :class:`PoolClosed` and busy workers are killed."""
        self._command("stop", None)
        if self._thread.is_alive() and threading.current_thread() is not self._thread:
            self._thread.join()
        self._waker.close()

    def _command(self, kind: str, body: Any) -> None:
        self._commands.append((kind, body))
        self._waker.wake()

    # -- the loop ------------------------------------------------------------------

    def _main(self) -> None:
        try:
            while self._take_commands():
                self._dispatch()
                self._end_finished()
                self._wait()
                self._end_finished()
        except BaseException as exc:  # noqa: BLE001 - a broken loop must fail its runs, never leave them waiting
            error = PoolClosed(f"the worker pool's loop failed: {type(exc).__name__}: {exc}")
            error.__cause__ = exc
            self._end(error, replace=True)
        else:
            self._end(PoolClosed("the worker pool was closed while this run was in flight"), replace=False)

    def _take_commands(self) -> bool:
        """Apply what other threads asked for; False once told to stop."""
        while self._commands:
            kind, body = self._commands.popleft()
            if kind == "submit":
                self.rota.add(body)
            elif kind == "cancel":
                self._cancel(body)
            elif kind == "reply":
                self._reply(*body)
            else:
                return False
        return True

    def _end(self, error: BaseException, *, replace: bool) -> None:
        """Stop taking runs; fail every run in flight or still queued with ``error``; kill the busy workers.

        ``replace``: start new workers in their place (the loop broke; the pool
        goes on with a new loop), else leave them dead for :meth:`WorkerPool.close`.
        """
        with self._lock:
            self._accepting = False
        while self._commands:
            kind, body = self._commands.popleft()
            if kind == "submit":
                self.rota.add(body)
            elif kind == "cancel":
                body.cancelled.set()
        for run in list(self.rota.members):
            self.rota.remove(run)
            run.fail(error)
        for worker in self._busy():
            with contextlib.suppress(Exception):  # the pool may be half-broken; kill what can be killed
                if replace:
                    self._drop(worker)
                else:
                    worker.assignment, worker.owner = None, None
                    worker.kill()

    def _busy(self) -> list[WorkerProcess]:
        return [w for w in self.pool.workers if w.assignment is not None]

    def _cancel(self, run: PoolRun) -> None:
        if run in self.rota.members:
            self.rota.remove(run)
        for worker in self._busy():
            if worker.owner is run:
                self._drop(worker)
        run.cancelled.set()

    def _end_finished(self) -> None:
        for run in [r for r in self.rota.members if r.scheduler.finished]:
            self.rota.remove(run)
            run.finish()

    def _dispatch(self) -> None:
        for worker in list(self.pool.workers):
            if worker.assignment is not None:
                continue
            taken = self.rota.take(functools.partial(_assign, fresh=worker.fresh))
            if taken is None:
                return
            self._send(worker, *taken)

    def _send(self, worker: WorkerProcess, run: PoolRun, assignment: Assignment) -> None:
        try:
            payload = pickle.dumps(run.scheduler.job_and_items(assignment))
            worker.conn.send(RunTask(assignment.task_id, payload))
        except (BrokenPipeError, ConnectionError, EOFError):
            run.scheduler.put_back(assignment)  # the worker is gone; another one takes the items
            self.pool.replace(worker, kill=True)
            return
        except Exception as exc:  # noqa: BLE001 - an unpicklable job fails its items, not the run
            run.scheduler.fail_all(assignment, Outcome(failure="crash", message=f"task could not be sent to a worker: {exc}"))
            return
        worker.assignment, worker.owner = assignment, run

    def _wait(self) -> None:
        busy = self._busy()
        deadlines = [w.assignment.deadline for w in busy if w.assignment is not None]
        if self._idle_worker_for_queued_work():
            timeout: float | None = 0.0  # a worker replaced while dispatching is idle, and work waits for it
        else:
            timeout = max(0.0, min(deadlines) - time.monotonic()) if deadlines else None
        ready = wait([*(w.conn for w in busy), self._waker.fileno()], timeout=timeout)
        if self._waker.fileno() in ready:
            self._waker.drain()
        for worker in busy:
            if worker.conn in ready:
                self._receive(worker)
        now = time.monotonic()
        for worker in self._busy():
            assert worker.assignment is not None and worker.owner is not None
            if now >= worker.assignment.deadline:
                worker.owner.scheduler.expire(worker.assignment)
                self.pool.kills += 1
                self._drop(worker)

    def _idle_worker_for_queued_work(self) -> bool:
        return any(w.assignment is None for w in self.pool.workers) and any(r.scheduler.queue for r in self.rota.members)

    def _receive(self, worker: WorkerProcess) -> None:
        try:
            while worker.assignment is not None and worker.conn.poll():
                self._handle(worker, worker.conn.recv())
        except (EOFError, OSError):
            if worker.assignment is not None and worker.owner is not None:
                worker.owner.scheduler.lost(worker.assignment, worker.exit_description())
            self._drop(worker)

    def _handle(self, worker: WorkerProcess, message: WorkerMessage) -> None:
        assignment, run = worker.assignment, worker.owner
        assert assignment is not None and run is not None
        if isinstance(message, Request):
            run.request(worker, assignment, message.payload)
        elif isinstance(message, Done):
            self._finish(worker, message)
        else:
            worker.fresh = False
            run.scheduler.handle(assignment, message, time.monotonic())

    def _reply(self, worker: WorkerProcess, assignment: Assignment, reply: Reply | ReplyError) -> None:
        if worker.assignment is not assignment:
            return  # the worker was killed or moved on; nobody waits for this answer
        try:
            worker.conn.send(reply)
        except (OSError, ValueError):
            pass  # the worker died; its EOF is handled when its pipe is read

    def _finish(self, worker: WorkerProcess, done: Done) -> None:
        worker.assignment, worker.owner = None, None
        if done.retiring:
            self.pool.replace(worker, kill=False)

    def _drop(self, worker: WorkerProcess) -> None:
        worker.assignment, worker.owner = None, None
        self.pool.replace(worker, kill=True)


def _assign(run: PoolRun, *, fresh: bool) -> Assignment | None:
    return run.scheduler.assign(time.monotonic(), fresh=fresh)
