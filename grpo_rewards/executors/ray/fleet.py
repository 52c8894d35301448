"""The driver's view of the node actors: which nodes are alive, and one ready actor per node.

Every refresh reads the list of alive nodes, forgets actors on nodes that
went away and asks for an actor on each new node (Ray returns the existing
one when another driver made it already). A new actor is waited for when no
ready actor of the kind needed exists yet; otherwise it joins at a later
batch, so a node that comes back gets a replacement actor without holding
up training.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from .connection import NAMESPACE, SANDBOX_RESOURCE, RaySettings, actor_name
from .node import NodeScorer

__all__ = ["Fleet", "Member", "answers"]

logger = logging.getLogger("grpo_rewards")
_LOAD_SECONDS = 30.0


@dataclass(frozen=True)
class Member:
    """A ready node actor."""

    node_id: str
    actor: Any
    workers: int
    sandbox_slots: int
    pid: int

    def capacity(self, sandbox: bool) -> int:
        """How much it runs at once: sandbox slots for sandbox rewards, else pool workers."""
        return self.sandbox_slots if sandbox else self.workers


@dataclass
class _Pending:
    actor: Any
    ready: Any
    since: float


def answers(ray: Any, refs: Sequence[Any], timeout: float) -> list[Any]:
    """Each ref's value, or the exception it raised (a GetTimeoutError past ``timeout``), in order."""
    if not refs:
        return []
    ray.wait(list(refs), num_returns=len(refs), timeout=timeout)
    out: list[Any] = []
    for ref in refs:
        try:
            out.append(ray.get(ref, timeout=0))
        except Exception as exc:  # noqa: BLE001 - the caller decides what a failure means
            out.append(exc)
    return out


class Fleet:
    """One actor per alive node, created on demand and replaced when a node returns."""

    def __init__(self, ray: Any, settings: RaySettings) -> None:
        self.ray = ray
        self.settings = settings
        self._remote = ray.remote(NodeScorer)
        self._members: dict[str, Member] = {}
        self._pending: dict[str, _Pending] = {}
        self._refreshed = float("-inf")
        self._lock = threading.RLock()

    def members(self, *, sandbox: bool, wait: bool = False) -> list[Member]:
        """Ready actors (on sandbox nodes only, for sandbox rewards). ``wait``: wait for every new actor first."""
        with self._lock:
            self._refresh(force=wait)
            if wait or not self._fitting(sandbox):
                self._collect(self.settings.ready_seconds)
            else:
                self._collect(0.0)
            return self._fitting(sandbox)

    def forget(self, member: Member) -> None:
        """Drop a lost actor; the next call reads the node list again."""
        with self._lock:
            if self._members.get(member.node_id) is member:
                del self._members[member.node_id]
            self._refreshed = float("-inf")

    def loads(self, members: Sequence[Member]) -> list[int | None]:
        """Shares each actor is scoring now; None for one that did not answer (it is forgotten)."""
        got = answers(self.ray, [m.actor.load.remote() for m in members], _LOAD_SECONDS)
        out: list[int | None] = []
        for member, value in zip(members, got, strict=True):
            if isinstance(value, BaseException):
                self.forget(member)
                out.append(None)
            else:
                out.append(int(value))
        return out

    def stats(self) -> list[dict[str, Any]]:
        """Every ready actor's :meth:`NodeScorer.stats` (those that answer)."""
        members = list(self._members.values())
        got = answers(self.ray, [m.actor.stats.remote() for m in members], _LOAD_SECONDS)
        return [value for value in got if isinstance(value, dict)]

    # -- internals ---------------------------------------------------------------------------

    def _fitting(self, sandbox: bool) -> list[Member]:
        return [m for m in self._members.values() if m.capacity(sandbox) > 0]

    def _refresh(self, *, force: bool) -> None:
        now = time.monotonic()
        if not force and now - self._refreshed < self.settings.refresh_seconds:
            return
        self._refreshed = now
        alive = {n["NodeID"]: n for n in self.ray.nodes() if n.get("Alive")}
        for node_id in [n for n in self._members if n not in alive]:
            del self._members[node_id]
        for node_id in [n for n in self._pending if n not in alive]:
            del self._pending[node_id]
        for node_id, node in alive.items():
            if node_id not in self._members and node_id not in self._pending:
                self._pending[node_id] = self._start(node_id, node.get("Resources", {}))

    def _start(self, node_id: str, resources: dict[str, float]) -> _Pending:
        from ray.util.scheduling_strategies import NodeAffinitySchedulingStrategy

        slots = int(resources.get(SANDBOX_RESOURCE, 0))
        workers = self.settings.workers or max(1, int(resources.get("CPU", 1)))
        options: dict[str, Any] = {
            "name": actor_name(f"node-{node_id}"),
            "namespace": NAMESPACE,
            "get_if_exists": True,
            "lifetime": "detached",
            "num_cpus": 0,
            "max_concurrency": 32,
            "scheduling_strategy": NodeAffinitySchedulingStrategy(node_id, soft=False),
        }
        if slots:
            options["resources"] = {SANDBOX_RESOURCE: slots}
        actor = self._remote.options(**options).remote(workers, slots, self.settings.idle_seconds)
        return _Pending(actor, actor.ready.remote(), time.monotonic())

    def _collect(self, timeout: float) -> None:
        """Move pending actors that answered ready into the members, waiting up to ``timeout`` for all of them."""
        if not self._pending:
            return
        node_ids = list(self._pending)
        got = answers(self.ray, [self._pending[n].ready for n in node_ids], timeout)
        now = time.monotonic()
        for node_id, value in zip(node_ids, got, strict=True):
            pending = self._pending[node_id]
            if isinstance(value, dict):
                del self._pending[node_id]
                self._members[node_id] = Member(
                    node_id, pending.actor, int(value["workers"]), int(value["sandbox_slots"]), int(value["pid"])
                )
            elif isinstance(value, self.ray.exceptions.GetTimeoutError):
                if now - pending.since > self.settings.ready_seconds:
                    logger.warning("the node actor on Ray node %s has not started in %.0f s", node_id, now - pending.since)
                    pending.since = now
            else:
                del self._pending[node_id]  # it failed to start; the next refresh asks again
                logger.warning("the node actor on Ray node %s failed to start: %s", node_id, value)
