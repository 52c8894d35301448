"""Rate limits for costly calls, shared by this process or by a whole Ray cluster.

A reward that calls something with a budget (an LLM judge's endpoint, say)
asks before each call::

    from grpo_rewards import limits

    limits.acquire("judge_requests")               # blocks until one more call may start
    await limits.acquire_async("judge_requests")   # the same, in async code

A name is limited once it has a rate, set in Python or in the environment::

    limits.set_rate("judge_requests", 20)                  # 20 starts per second in all
    limits.set_rate("judge_requests", 5, per="node")       # and at most 5 per second on each node
    GRPO_REWARDS_LIMITS="judge_requests=20/s,judge_requests@node=5/s"

A name without a rate is not limited: ``acquire`` returns at once. Starts are
evenly spaced (``1/rate`` apart), with no bursts. Where the budget lives is
the *limiter*: by default :class:`LocalLimiter`, this process only; the Ray
executor installs one small named actor as the limiter of the driver and of
every node actor, so every rank and every node draws from one budget
(``per="cluster"``) and each node from its own (``per="node"``). Each caller
passes the rate it knows, so give every process the same rates (the
environment variable does).

Call it from code that runs in the scoring process: a ``BatchReward`` with
``isolation="inline"`` (as model-based rewards are) runs in the driver, or,
for sandbox rewards on Ray, in a node actor, and both use the limiter above.
A process-isolated reward's worker processes each keep a schedule of their
own.
"""

from __future__ import annotations

import asyncio
import os
import socket
import threading
import time
from collections.abc import Callable, Mapping
from typing import Literal, Protocol

from .errors import ConfigError

__all__ = [
    "LIMITS_ENV",
    "Limiter",
    "LocalLimiter",
    "Per",
    "acquire",
    "acquire_async",
    "current",
    "parse_rates",
    "rate",
    "reserve",
    "set_rate",
    "use",
]

LIMITS_ENV = "GRPO_REWARDS_LIMITS"
Per = Literal["cluster", "node"]
_UNITS = {"s": 1.0, "sec": 1.0, "min": 60.0, "m": 60.0, "h": 3600.0}


class Limiter(Protocol):
    """Keeps the schedule of every limited name. :meth:`reserve` books a start and says how long to wait for it."""

    def node(self) -> str:
        """The id of the node this process runs on (the key of ``per="node"`` budgets)."""
        ...

    def reserve(self, key: str, amount: float, per_second: float) -> float:
        """Book ``amount`` starts of ``key`` at ``per_second``; the seconds the caller must wait before starting."""
        ...


class LocalLimiter:
    """The schedule of this process (thread-safe). ``clock`` is for tests."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._next: dict[str, float] = {}
        self._lock = threading.Lock()

    def node(self) -> str:
        return socket.gethostname()

    def reserve(self, key: str, amount: float, per_second: float) -> float:
        with self._lock:
            now = self._clock()
            start = max(now, self._next.get(key, now))
            self._next[key] = start + amount / per_second
            return start - now


def parse_rates(text: str) -> dict[str, float]:
    """``"judge_requests=20/s,judge_requests@node=300/min"`` as starts per second by key; ConfigError naming a bad entry."""
    rates: dict[str, float] = {}
    for entry in filter(None, (part.strip() for part in text.split(","))):
        name, _, value = entry.partition("=")
        number, _, unit = value.strip().partition("/")
        try:
            per_second = float(number) / _UNITS[unit.strip() or "s"]
        except (ValueError, KeyError):
            per_second = -1.0
        if not name.strip() or per_second <= 0:
            raise ConfigError(f"{LIMITS_ENV}: {entry!r} is not NAME=RATE/s (or /min, /h) with a positive rate")
        rates[name.strip()] = per_second
    return rates


_rates: dict[str, float] = {}
_env_read = False
_limiter: Limiter = LocalLimiter()
_state_lock = threading.Lock()


def _key(name: str, per: Per) -> str:
    if per not in ("cluster", "node"):
        raise ValueError(f"per must be 'cluster' or 'node', not {per!r}")
    return name if per == "cluster" else f"{name}@node"


def _all_rates() -> Mapping[str, float]:
    global _env_read
    with _state_lock:
        if not _env_read:
            _rates.update({k: v for k, v in parse_rates(os.environ.get(LIMITS_ENV, "")).items() if k not in _rates})
            _env_read = True
        return dict(_rates)


def set_rate(name: str, per_second: float | None, *, per: Per = "cluster") -> None:
    """Limit ``name`` to ``per_second`` starts in all (``per="cluster"``) or on each node; ``None`` lifts the limit."""
    key = _key(name, per)
    _all_rates()
    with _state_lock:
        if per_second is None:
            _rates.pop(key, None)
        elif per_second <= 0:
            raise ValueError(f"the rate of {name!r} must be positive, got {per_second}")
        else:
            _rates[key] = float(per_second)


def rate(name: str, *, per: Per = "cluster") -> float | None:
    """The rate of ``name`` in starts per second, or None when it has none."""
    return _all_rates().get(_key(name, per))


def use(limiter: Limiter | None) -> None:
    """Keep schedules in ``limiter`` from now on (``None``: a fresh :class:`LocalLimiter`)."""
    global _limiter
    _limiter = limiter if limiter is not None else LocalLimiter()


def current() -> Limiter:
    """The limiter in use."""
    return _limiter


def reserve(name: str, amount: float = 1.0) -> float:
    """Book ``amount`` starts of ``name`` under every rate it has; the seconds to wait (0 when it has none)."""
    rates = _all_rates()
    limiter = _limiter
    delays = [0.0]
    if name in rates:
        delays.append(limiter.reserve(name, amount, rates[name]))
    node_key = _key(name, "node")
    if node_key in rates:
        delays.append(limiter.reserve(f"{node_key}:{limiter.node()}", amount, rates[node_key]))
    return max(delays)


def acquire(name: str, amount: float = 1.0) -> float:
    """Wait until ``amount`` more starts of ``name`` are allowed; the seconds waited."""
    delay = reserve(name, amount)
    if delay > 0:
        time.sleep(delay)
    return delay


async def acquire_async(name: str, amount: float = 1.0) -> float:
    """:func:`acquire` for async code: the booking runs off the event loop, the wait is an ``asyncio.sleep``."""
    delay = await asyncio.to_thread(reserve, name, amount)
    if delay > 0:
        await asyncio.sleep(delay)
    return delay
