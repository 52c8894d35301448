"""Requests from a running job to the parent: :func:`request_parent` in the worker, :class:`RequestDesk` in the parent.

A job calls ``request_parent(payload)`` and blocks; the parent's
``on_request(payload)`` handler (given to :meth:`WorkerPool.run`) answers,
with a value or a ``concurrent.futures.Future`` so many requests are in
flight at once. The item's deadline keeps running while the job waits.
"""

from __future__ import annotations

import collections
import concurrent.futures
import multiprocessing
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import TYPE_CHECKING, Any

from .messages import Reply, ReplyError, Request
from .tasks import RequestError

if TYPE_CHECKING:  # pragma: no cover
    from .process import WorkerProcess
    from .scheduler import Assignment

__all__ = ["OnRequest", "RequestDesk", "bind", "request_parent", "set_task"]

#: ``on_request(payload)``: the answer, or a Future of it.
OnRequest = Callable[[Any], Any]

# ----------------------------------------------------------------------------- worker side

_channel: Connection | None = None
_current_task: int | None = None


def bind(conn: Connection) -> None:
    """The worker's pipe to the parent (called once, when the worker starts)."""
    global _channel
    _channel = conn


def set_task(task_id: int | None) -> None:
    """The task running now (None between tasks): requests outside a task are refused."""
    global _current_task
    _current_task = task_id


def request_parent(payload: Any) -> Any:
    """From inside a job running in the pool, ask the parent and wait for its answer.

    The parent's ``on_request(payload)`` handler (see :meth:`WorkerPool.run`)
    answers. The item's deadline keeps running while it waits. Raises
    :class:`RequestError` when the handler failed.
    """
    if _channel is None or _current_task is None:
        raise RuntimeError("request_parent() works only inside a job running in a WorkerPool")
    _channel.send(Request(_current_task, payload))
    reply = _channel.recv()
    if isinstance(reply, ReplyError):
        raise RequestError(reply.message)
    return reply.value


# ----------------------------------------------------------------------------- parent side


class RequestDesk:
    """Answers one run's requests. Futures complete on other threads; :attr:`wakeup` wakes the run's loop to send them."""

    def __init__(self, on_request: OnRequest | None) -> None:
        self.on_request = on_request
        self._answered: collections.deque[tuple[WorkerProcess, Assignment, Reply | ReplyError]] = collections.deque()
        self.wakeup, self._wake = multiprocessing.Pipe(duplex=False)

    def answer(self, worker: WorkerProcess, assignment: Assignment, payload: Any) -> None:
        """Answer ``payload`` now, or when the handler's Future completes."""
        if self.on_request is None:
            self._reply(worker, assignment, ReplyError("this pool run takes no requests (no on_request handler)"))
            return
        try:
            answer = self.on_request(payload)
        except Exception as exc:  # noqa: BLE001 - the job sees the handler's failure as RequestError
            self._reply(worker, assignment, ReplyError(f"{type(exc).__name__}: {exc}"))
            return
        if not isinstance(answer, concurrent.futures.Future):
            self._reply(worker, assignment, Reply(answer))
            return

        def done(future: concurrent.futures.Future[Any]) -> None:
            exc = future.exception()
            self._answered.append(
                (worker, assignment, ReplyError(f"{type(exc).__name__}: {exc}") if exc else Reply(future.result()))
            )
            try:
                self._wake.send_bytes(b"!")
            except OSError:
                pass  # the run has ended; the answer is no longer wanted

        answer.add_done_callback(done)

    def flush(self) -> None:
        """Send every answer whose Future has completed (call when :attr:`wakeup` is readable)."""
        while self.wakeup.poll():
            self.wakeup.recv_bytes()
        while self._answered:
            self._reply(*self._answered.popleft())

    def close(self) -> None:
        self.wakeup.close()
        self._wake.close()

    @staticmethod
    def _reply(worker: WorkerProcess, assignment: Assignment, message: Reply | ReplyError) -> None:
        if worker.assignment is not assignment:
            return  # the worker was killed or moved on; nobody waits for this answer
        try:
            worker.conn.send(message)
        except (OSError, ValueError):
            pass  # the worker died; its EOF is handled by the run's loop
