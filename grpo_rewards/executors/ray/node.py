"""The node actor: one per Ray node, owning that node's worker pool (and its sandbox pool, through the rewards it runs).

It loads the installed plugins (so their preloads are declared), starts a
:class:`~grpo_rewards.WorkerPool` and scores each share it is sent with the
:class:`~grpo_rewards.executors.LocalExecutor`, so the local pool's
guarantees (a hard deadline per sample, SIGKILL and replace, memory caps,
recycling) hold on every node. On a node that declares ``grpo_sandbox: N``
it holds those N units in Ray's accounting and sizes the sandbox pool to N,
so the cluster never runs more sandbox jobs at once than its nodes declare.
Sandbox rewards run their ``score_batch`` in this process, where the sandbox
pool they start belongs to the actor and lives as long as it does.

Actors are named per node and shared by every driver of the cluster; one
that has had no work for ``idle_seconds`` closes its pools and exits.
"""

from __future__ import annotations

import contextlib
import os
import threading
import time
from collections.abc import Iterator, Sequence
from typing import Any

from ... import limits
from ...plugins import load_plugins
from ...pool import WorkerPool, declared_preload
from ...reward import BaseReward, Group
from ...verdict import Verdict
from ..local import LocalExecutor
from .connection import SANDBOX_SIZE_ENV

__all__ = ["NodeScorer"]


class NodeScorer:
    """Scores shares of batches on one node. Created by the driver's fleet with Ray's actor options.

    Args:
        workers: worker processes in this node's pool.
        sandbox_slots: sandbox jobs this node may run at once (0: not a sandbox node).
        idle_seconds: exit after this long without work (0: never).
    """

    def __init__(self, workers: int, sandbox_slots: int, idle_seconds: float) -> None:
        import ray

        from .limiter import RayLimiter

        if sandbox_slots:
            os.environ[SANDBOX_SIZE_ENV] = str(sandbox_slots)
        load_plugins(strict=False)
        self.pool = WorkerPool(workers, preload=declared_preload())
        self.local = LocalExecutor(self.pool)
        self.node_id: str = ray.get_runtime_context().get_node_id()
        self.sandbox_slots = sandbox_slots
        limits.use(RayLimiter())
        self._lock = threading.Lock()
        self._active = 0
        self._last_used = time.monotonic()
        self._counts: dict[str, float] = {"shares": 0, "samples": 0, "busy_seconds": 0.0}
        if idle_seconds > 0:
            threading.Thread(target=self._watch_idle, args=(idle_seconds,), name="grpo-rewards-idle", daemon=True).start()

    def ready(self) -> dict[str, Any]:
        """Who and what this actor is: node id, pid, workers and sandbox slots."""
        return {"node_id": self.node_id, "pid": os.getpid(), "workers": self.pool.size, "sandbox_slots": self.sandbox_slots}

    def load(self) -> int:
        """Shares being scored now (by every driver)."""
        with self._lock:
            return self._active

    def stats(self) -> dict[str, Any]:
        """What this actor has done since it started (for tests and benchmarks)."""
        with self._lock:
            return {**self.ready(), **self._counts, "active": self._active, "kills": self.pool.kills}

    def score(self, reward: BaseReward, groups: Sequence[Group], plugin: str | None) -> list[list[Verdict]]:
        """One list of verdicts per group, scored on this node."""
        with self._busy(sum(len(g.samples) for g in groups)):
            return self.local.score_groups(reward, groups, plugin=plugin)

    def preflight(self, reward: BaseReward) -> str | None:
        """The reward's own preflight, on this node."""
        with self._busy(0):
            return self.local.preflight(reward)

    def retire(self) -> bool:
        """Close the pools and exit, if still idle (the idle watch calls this; False: work came in meanwhile)."""
        import ray

        with self._lock:
            if self._active:
                return False
            self._active = 1  # nothing else starts here from now on
        self.pool.close()
        ray.actor.exit_actor()
        return True  # pragma: no cover - exit_actor does not return

    @contextlib.contextmanager
    def _busy(self, samples: int) -> Iterator[None]:
        with self._lock:
            self._active += 1
            self._counts["shares"] += 1
            self._counts["samples"] += samples
        started = time.monotonic()
        try:
            yield
        finally:
            with self._lock:
                self._active -= 1
                self._last_used = time.monotonic()
                self._counts["busy_seconds"] += self._last_used - started

    def _watch_idle(self, idle_seconds: float) -> None:
        import ray

        me = ray.get_runtime_context().current_actor
        while True:
            time.sleep(min(idle_seconds, 10.0))
            with self._lock:
                idle = not self._active and time.monotonic() - self._last_used >= idle_seconds
            if idle:
                me.retire.remote()  # exits unless work arrived meanwhile; then the watch goes on
