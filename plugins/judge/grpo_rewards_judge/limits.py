"""How many judge requests run at once and how fast they start, for the whole process.

The judge asks a :class:`RequestLimiter` before every request. The default,
:class:`LocalLimiter`, holds a concurrency limit and the ``requests_per_second``
option's rate in this process (all reward instances that talk to one endpoint
share it), and draws every attempt from the shared limits registry
(:mod:`grpo_rewards.limits`) under the name :data:`JUDGE_REQUESTS`: a rate set
there (``GRPO_REWARDS_LIMITS="judge_requests=20/s"``, or
``limits.set_rate("judge_requests", 20)``) holds for every judge of the
process, and on the Ray executor for the whole cluster (``per="node"``: on
each node). Another limiter with the same two methods is installed with
:func:`set_limiter_factory`; nothing else changes.

:class:`Breaker` stops sending to an endpoint that keeps failing, so a batch
against a dead endpoint ends in seconds instead of waiting out every request.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import AsyncIterator, Callable
from typing import Protocol

from grpo_rewards import limits

__all__ = [
    "JUDGE_REQUESTS",
    "Breaker",
    "LimiterFactory",
    "LocalLimiter",
    "RequestLimiter",
    "make_limiter",
    "set_limiter_factory",
]

#: The judge's name in :mod:`grpo_rewards.limits`: every attempt (retries too) is one start of it.
JUDGE_REQUESTS = "judge_requests"


class RequestLimiter(Protocol):
    """Admission control for requests to one endpoint."""

    def slot(self) -> contextlib.AbstractAsyncContextManager[None]:
        """Held for one judgment, from its first attempt to its last (retries and back-off included)."""
        ...

    async def pace(self) -> None:
        """Wait until one more HTTP attempt may start (called before every attempt, retries too)."""
        ...


class LocalLimiter:
    """A concurrency limit and a rate limit (evenly spaced starts) for this process, under the shared ``judge_requests`` rates.

    Args:
        max_concurrency: judgments in flight at once.
        requests_per_second: attempts started per second by this limiter; 0 for no limit of its own.
            Rates of :data:`JUDGE_REQUESTS` in :mod:`grpo_rewards.limits` apply as well: an attempt
            starts once every one of them allows it.
    """

    def __init__(self, max_concurrency: int, requests_per_second: float = 0.0) -> None:
        self.max_concurrency = max_concurrency
        self.requests_per_second = requests_per_second
        self._semaphore = asyncio.Semaphore(max_concurrency)
        self._schedule = limits.LocalLimiter()  # the option's own rate: this process's schedule, no one else's

    @contextlib.asynccontextmanager
    async def slot(self) -> AsyncIterator[None]:
        async with self._semaphore:
            yield

    async def pace(self) -> None:
        delay = 0.0
        if self.requests_per_second > 0:
            delay = self._schedule.reserve(JUDGE_REQUESTS, 1.0, self.requests_per_second)
        if _shared_rate_set():
            # the registry's limiter may be a Ray actor: book off the event loop, which serves every request
            delay = max(delay, await asyncio.to_thread(limits.reserve, JUDGE_REQUESTS))
        if delay > 0:
            await asyncio.sleep(delay)


def _shared_rate_set() -> bool:
    return limits.rate(JUDGE_REQUESTS) is not None or limits.rate(JUDGE_REQUESTS, per="node") is not None


#: Builds the limiter for (endpoint, max_concurrency, requests_per_second); called in the judge's event loop.
LimiterFactory = Callable[[str, int, float], RequestLimiter]


def _local(endpoint: str, max_concurrency: int, requests_per_second: float) -> RequestLimiter:
    return LocalLimiter(max_concurrency, requests_per_second)


_factory: LimiterFactory = _local


def set_limiter_factory(factory: LimiterFactory | None) -> None:
    """Use ``factory`` for limiters made from now on (``None`` restores the process-local one)."""
    global _factory
    _factory = factory or _local


def make_limiter(endpoint: str, max_concurrency: int, requests_per_second: float) -> RequestLimiter:
    """A new limiter from the installed factory."""
    return _factory(endpoint, max_concurrency, requests_per_second)


class Breaker:
    """Opens after ``threshold`` judgments in a row failed to reach the endpoint; retries one after ``cooldown`` s.

    While open, requests fail at once as ``judge_unavailable``. After the cool-down
    requests go out again; one success closes it, one more failure reopens it.
    """

    def __init__(self, threshold: int = 5, cooldown: float = 10.0) -> None:
        self.threshold = threshold
        self.cooldown = cooldown
        self.failures = 0
        self.opened_at: float | None = None

    def allows(self) -> bool:
        """Whether a request may be sent now."""
        return self.opened_at is None or time.monotonic() - self.opened_at >= self.cooldown

    def succeeded(self) -> None:
        self.failures = 0
        self.opened_at = None

    def failed(self) -> None:
        self.failures += 1
        if self.failures >= self.threshold or self.opened_at is not None:
            self.opened_at = time.monotonic()
