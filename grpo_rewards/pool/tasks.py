"""What the pool runs and what it reports: :class:`Job`, :class:`Task`, :class:`Outcome`, and the pool's settings."""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

__all__ = [
    "MEMORY_ENV",
    "WORKERS_ENV",
    "Job",
    "OnResult",
    "Outcome",
    "RequestError",
    "Task",
    "default_memory_mb",
    "default_workers",
]

WORKERS_ENV = "GRPO_REWARDS_WORKERS"
MEMORY_ENV = "GRPO_REWARDS_WORKER_MEMORY_MB"


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


#: ``on_result(task_index, item_index, outcome)``, called as each item's outcome is known.
OnResult = Callable[[int, int, Outcome], None]


class RequestError(RuntimeError):
    """The parent's ``on_request`` handler failed; raised by :func:`request_parent` in the worker."""


def default_workers() -> int:
    """Workers to start: ``$GRPO_REWARDS_WORKERS``, else one per core, at most 8."""
    value = os.environ.get(WORKERS_ENV)
    if value:
        return max(1, int(value))
    return max(1, min(os.cpu_count() or 1, 8))


def default_memory_mb() -> int:
    """Address-space cap per worker in MiB: ``$GRPO_REWARDS_WORKER_MEMORY_MB``, else 4096."""
    return int(os.environ.get(MEMORY_ENV, "4096"))
