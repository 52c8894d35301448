"""The cluster's rate limits: one small named actor keeps every schedule, and :class:`RayLimiter` asks it.

The Ray executor installs a :class:`RayLimiter` (see :mod:`grpo_rewards.limits`)
in the driver and in every node actor, so all of them book starts in one
place. Booking is one round trip; the caller then sleeps on its own. If the
actor cannot be reached even after it is made again, the caller books in
its own process and says so once in the log, so a lost limiter slows
nothing down to a halt.
"""

from __future__ import annotations

import logging
import threading
from typing import Any

from ...limits import LocalLimiter
from .connection import NAMESPACE, actor_name

__all__ = ["RateBook", "RayLimiter"]

logger = logging.getLogger("grpo_rewards")
_ANSWER_SECONDS = 30.0


class RateBook:
    """The actor: a :class:`~grpo_rewards.limits.LocalLimiter` for the whole cluster."""

    def __init__(self) -> None:
        self._book = LocalLimiter()

    def reserve(self, key: str, amount: float, per_second: float) -> float:
        return self._book.reserve(key, amount, per_second)


class RayLimiter:
    """A :class:`~grpo_rewards.limits.Limiter` whose schedules live in the cluster's :class:`RateBook` actor."""

    def __init__(self) -> None:
        self._handle: Any = None
        self._lock = threading.Lock()
        self._fallback = LocalLimiter()
        self._warned = False

    def node(self) -> str:
        import ray

        return str(ray.get_runtime_context().get_node_id())

    def _book(self) -> Any:
        import ray

        with self._lock:
            if self._handle is None:
                actor = ray.remote(RateBook).options(
                    name=actor_name("limits"), namespace=NAMESPACE, get_if_exists=True, lifetime="detached", num_cpus=0
                )
                self._handle = actor.remote()
            return self._handle

    def reserve(self, key: str, amount: float, per_second: float) -> float:
        import ray

        for _ in range(2):
            try:
                return float(ray.get(self._book().reserve.remote(key, amount, per_second), timeout=_ANSWER_SECONDS))
            except ray.exceptions.RayError as exc:
                with self._lock:
                    self._handle = None
                error = exc
        if not self._warned:
            self._warned = True
            logger.warning("the cluster's rate limiter cannot be reached (%s); this process paces %r on its own", error, key)
        return self._fallback.reserve(key, amount, per_second)
