"""Requests from a running job to the parent: :func:`request_parent` in the worker, :class:`RequestDesk` in the parent.

A job calls ``request_parent(payload)`` and blocks; the parent's
``on_request(payload)`` handler (given to :meth:`WorkerPool.run`) answers,
with a value or a ``concurrent.futures.Future`` so many requests are in
flight at once. The item's deadline keeps running while the job waits.
"""

from __future__ import annotations

import concurrent.futures
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import TYPE_CHECKING, Any

from .messages import Reply, ReplyError, Request
from .tasks import RequestError

if TYPE_CHECKING:  # pragma: no cover
    from .process import WorkerProcess
    from .scheduler import Assignment

__all__ = ["OnRequest", "PostReply", "RequestDesk", "bind", "request_parent", "set_task"]

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

#: ``post(worker, assignment, reply)``: hand a reply to the pool's loop, which sends it if the worker still runs ``assignment``.
PostReply = Callable[["WorkerProcess", "Assignment", "Reply | ReplyError"], None]


class RequestDesk:
    """Answers one run's requests in the run's own thread; replies go back through ``post``.

    The handler runs in the thread that called :meth:`WorkerPool.run`, so a
    slow one holds up only its own run. A Future it returns completes on
    whatever thread finishes it; its reply is posted then.
    """

    def __init__(self, on_request: OnRequest | None, post: PostReply) -> None:
        self.on_request = on_request
        self.post = post

    def answer(self, worker: WorkerProcess, assignment: Assignment, payload: Any) -> None:
        """Answer ``payload`` now, or when the handler's Future completes."""
        if self.on_request is None:
            self.post(worker, assignment, ReplyError("this pool run takes no requests (no on_request handler)"))
            return
        try:
            answer = self.on_request(payload)
        except Exception as exc:  # noqa: BLE001 - the job sees the handler's failure as RequestError
            self.post(worker, assignment, ReplyError(f"{type(exc).__name__}: {exc}"))
            return
        if not isinstance(answer, concurrent.futures.Future):
            self.post(worker, assignment, Reply(answer))
            return

        def done(future: concurrent.futures.Future[Any]) -> None:
            exc = future.exception()
            self.post(worker, assignment, ReplyError(f"{type(exc).__name__}: {exc}") if exc else Reply(future.result()))

        answer.add_done_callback(done)
