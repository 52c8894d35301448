"""What the parent and a worker say to each other over the worker's pipe, one dataclass per message.

Parent to worker: :class:`RunTask`, :class:`Stop`, and :class:`Reply` or
:class:`ReplyError` answering a :class:`Request`.

Worker to parent, in the order they come for one task::

    Alive                      once, when the worker has imported its preloads
    Ready | SetupFailed        after job.setup()
    (Result | ItemFailed)*     one per item, in order; Request/Reply pairs may come in between
    Done                       the task is over (retiring: the worker exits after it)
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .tasks import Outcome

__all__ = [
    "Alive",
    "Done",
    "ItemFailed",
    "ParentMessage",
    "Ready",
    "Reply",
    "ReplyError",
    "Request",
    "Result",
    "RunTask",
    "SetupFailed",
    "Stop",
    "WorkerMessage",
]


class _Message:
    """Pickles as its class and its field values in order: about as cheap as a tuple (one crosses the pipe per item)."""

    def __reduce__(self) -> tuple[type, tuple[Any, ...]]:
        return type(self), tuple(vars(self).values())


# ----------------------------------------------------------------------------- parent -> worker


@dataclass(frozen=True)
class RunTask(_Message):
    """Run a task: ``payload`` is the pickled ``(job, items)``, unpickled in the worker so a bad one fails only this task."""

    task_id: int
    payload: bytes


@dataclass(frozen=True)
class Stop(_Message):
    """Exit now."""


@dataclass(frozen=True)
class Reply(_Message):
    """The answer to the worker's :class:`Request`."""

    value: Any


@dataclass(frozen=True)
class ReplyError(_Message):
    """The parent's handler failed: the worker's ``request_parent`` raises ``RequestError(message)``."""

    message: str


# ----------------------------------------------------------------------------- worker -> parent


@dataclass(frozen=True)
class Alive(_Message):
    """The worker started and imported its preloads; its first deadline starts now."""


@dataclass(frozen=True)
class Ready(_Message):
    """``job.setup()`` returned; the items run next."""

    task_id: int


@dataclass(frozen=True)
class SetupFailed(_Message):
    """``job.setup()`` raised (or the task could not be unpickled): every item of the task fails."""

    task_id: int
    failure: str
    message: str
    traceback: str | None
    seconds: float

    def outcome(self) -> Outcome:
        return Outcome(
            failure=self.failure, message=f"setup failed: {self.message}", traceback=self.traceback, seconds=self.seconds
        )


@dataclass(frozen=True)
class Result(_Message):
    """Item ``index`` of the task returned ``value``."""

    task_id: int
    index: int
    value: Any
    seconds: float

    def outcome(self) -> Outcome:
        return Outcome(value=self.value, seconds=self.seconds)


@dataclass(frozen=True)
class ItemFailed(_Message):
    """Item ``index`` raised, or its value could not be sent back."""

    task_id: int
    index: int
    failure: str
    message: str
    traceback: str | None
    seconds: float

    def outcome(self) -> Outcome:
        return Outcome(failure=self.failure, message=self.message, traceback=self.traceback, seconds=self.seconds)


@dataclass(frozen=True)
class Request(_Message):
    """The running job called ``request_parent(payload)`` and waits for a :class:`Reply` or :class:`ReplyError`."""

    task_id: int
    payload: Any


@dataclass(frozen=True)
class Done(_Message):
    """The task is over; with ``retiring`` the worker exits next (it ran ``max_items_per_worker`` items)."""

    task_id: int
    retiring: bool


ParentMessage = RunTask | Stop | Reply | ReplyError
WorkerMessage = Alive | Ready | SetupFailed | Result | ItemFailed | Request | Done
