"""The seam between the pool and what runs jobs: a :class:`Backend` starts :class:`Worker` s.

The real backend is :class:`grpo_rewards_sandbox.docker_backend.DockerBackend`
(one warm container per worker). :class:`MockBackend` takes a handler function
instead, for hermetic tests of code that *uses* the pool (like httpx's
``MockTransport``); it isolates nothing.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from typing import Protocol

from .errors import WorkerLost
from .results import Job, Limits, Result

__all__ = ["Backend", "MockBackend", "Worker", "WorkerLost"]


class Worker(Protocol):
    """Runs one job at a time. Not thread-safe: the pool gives each worker to one thread."""

    name: str

    def execute(self, job: Job, limits: Limits) -> Result:
        """Run ``job``; return what happened, or raise :class:`WorkerLost` if the worker broke."""
        ...

    @property
    def needs_recycle(self) -> bool:
        """True when the last job left the worker unfit for another (timeout, memory, broken invariant)."""
        ...

    def close(self) -> None:
        """Stop and remove the worker. Safe to call twice."""
        ...


class Backend(Protocol):
    """Starts workers. ``check`` and ``start_worker`` raise ``SandboxUnavailable`` with a fix-it message."""

    image: str
    """What the workers run (an image tag), for cache keys and messages."""

    def check(self) -> None:
        """Fail fast, before any worker starts, if the engine or image is missing."""
        ...

    def ping(self) -> None:
        """Cheaply ask whether the engine answers now; raise ``SandboxUnavailable`` if not."""
        ...

    def sweep(self) -> int:
        """Remove workers left behind by dead processes; return how many were removed."""
        ...

    def start_worker(self) -> Worker:
        """Start one warm worker and return it once it is ready for jobs."""
        ...

    def close(self) -> None:
        """Release the backend's own resources (workers are closed by the pool)."""
        ...


Handler = Callable[[Job, Limits], Result]


class MockBackend:
    """A backend whose workers call ``handler(job, limits)``: for tests only, no isolation at all.

    The handler may raise :class:`WorkerLost` to simulate an infra failure.
    ``started`` counts the workers started so far.
    """

    image = "mock"

    def __init__(self, handler: Handler) -> None:
        self.handler = handler
        self.started = 0
        self._ids = itertools.count(1)

    def check(self) -> None:
        return None

    def ping(self) -> None:
        return None

    def sweep(self) -> int:
        return 0

    def start_worker(self) -> Worker:
        self.started += 1
        return _MockWorker(f"mock-{next(self._ids)}", self.handler)

    def close(self) -> None:
        return None


class _MockWorker:
    def __init__(self, name: str, handler: Handler) -> None:
        self.name = name
        self.handler = handler
        self.closed = False

    def execute(self, job: Job, limits: Limits) -> Result:
        return self.handler(job, limits)

    @property
    def needs_recycle(self) -> bool:
        return False

    def close(self) -> None:
        self.closed = True
