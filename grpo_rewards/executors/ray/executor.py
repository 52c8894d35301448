"""The ``ray`` executor: a batch split by group over the node actors, results in order, lost samples retried once.

For each batch the driver asks every fitting node actor how busy it is,
splits the groups over them in proportion to their free capacity (sandbox
rewards only over nodes that declare ``grpo_sandbox``), sends each actor its
share and collects the verdicts into their places. A share whose actor or
node is lost (or that has not answered by its deadline, the time its pool
could take if every sample ran into its own timeout, plus a slack) is split
again over the other nodes, once, while its deadline holds; otherwise its
samples are ``unverifiable(worker_lost)``, never 0, and the batch completes.

Inline rewards that cost no sandbox (``format``, ``length``, ...) are scored
in the driver: they are cheap, and shipping them would cost more than
scoring them.
"""

from __future__ import annotations

import collections
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from ... import limits
from ...errors import GrpoRewardsError, SandboxUnavailable
from ...reward import BaseReward, Group
from ...strategies import Strategy
from ...verdict import Verdict
from ..local import LocalExecutor, OnVerdict, failure_verdict, strategy_for
from .connection import SANDBOX_RESOURCE, RaySettings, connect
from .fleet import Fleet, Member, answers
from .split import free_capacity, split_groups

__all__ = ["RayExecutor", "RayReport", "no_sandbox_node", "worst_case_seconds"]


def no_sandbox_node(reward: str) -> str:
    """What to do when no node may run sandbox jobs."""
    return (
        f"no alive node of the Ray cluster declares the {SANDBOX_RESOURCE!r} resource, so reward {reward!r} has "
        "nowhere to run its sandbox. On each node with a Docker engine and the sandbox image, start Ray with "
        f"`ray start --address=HEAD:6379 --resources='{{\"{SANDBOX_RESOURCE}\": 8}}'` (8: the sandbox jobs that node may "
        f"run at once), or pass resources={{'{SANDBOX_RESOURCE}': 8}} to ray.init() or Cluster.add_node(); see docs/cluster.md"
    )


def worst_case_seconds(strategy: Strategy, reward: BaseReward, groups: Sequence[Group], workers: int) -> float:
    """How long a node with ``workers`` workers may take for ``groups`` if every item ran into its deadline."""
    size = 1 if strategy.isolation == "inline" else max(1, workers)
    plan = strategy.plan(reward, groups, size)
    costs = [task.timeout * (len(task.items) + 1) for task in plan.tasks]
    return sum(costs) / size + max(costs, default=0.0)


@dataclass
class RayReport:
    """What the last batch did: samples scored per node, samples retried, samples lost, nodes lost."""

    samples_per_node: collections.Counter[str] = field(default_factory=collections.Counter)
    retried: int = 0
    worker_lost: int = 0
    lost_nodes: list[str] = field(default_factory=list)


@dataclass
class _Share:
    member: Member
    indices: list[int]
    deadline: float
    attempt: int
    ref: Any


class _BatchRun:
    """One batch on the cluster: dispatch, collect, retry."""

    def __init__(
        self, executor: RayExecutor, reward: BaseReward, groups: Sequence[Group], plugin: str | None, on_verdict: OnVerdict | None
    ) -> None:
        self.ray, self.fleet, self.settings = executor.ray, executor.fleet, executor.settings
        self.reward, self.groups, self.plugin, self.on_verdict = reward, groups, plugin, on_verdict
        self.strategy = strategy_for(reward, plugin)
        self.sandbox = reward.manifest.cost == "sandbox"
        self.results: list[list[Verdict] | None] = [None] * len(groups)
        self.pending: list[_Share] = []
        self.report = RayReport()

    def run(self) -> list[list[Verdict]]:
        members = self.fleet.members(sandbox=self.sandbox)
        if not members:
            self._nowhere(list(range(len(self.groups))))
        else:
            self._send(list(range(len(self.groups))), members, attempt=0, deadline=None)
        while self.pending:
            self._wait()
        missing = failure_verdict("crash", "no verdict produced", self.plugin)
        return [r if r is not None else [missing] * len(g.samples) for r, g in zip(self.results, self.groups, strict=True)]

    def _samples(self, indices: Sequence[int]) -> int:
        return sum(len(self.groups[i].samples) for i in indices)

    def _send(self, indices: list[int], members: Sequence[Member], *, attempt: int, deadline: float | None) -> None:
        loads = self.fleet.loads(members)
        live = [(m, load) for m, load in zip(members, loads, strict=True) if load is not None]
        if not live and attempt:
            self.report.worker_lost += self._samples(indices)
            self._fill(indices, "worker_lost", "a node actor was lost while scoring this sample; no other node answered")
            return
        if not live:
            self._nowhere(indices)
            return
        weights = [free_capacity(m.capacity(self.sandbox), load) for m, load in live]
        parts = split_groups([len(self.groups[i].samples) for i in indices], weights)
        for (member, _), part in zip(live, parts, strict=True):
            if not part:
                continue
            chosen = [indices[k] for k in part]
            share_groups = [self.groups[i] for i in chosen]
            limit = deadline
            if limit is None:
                worst = worst_case_seconds(self.strategy, self.reward, share_groups, member.workers)
                limit = time.monotonic() + worst + self.settings.slack_seconds
            ref = member.actor.score.remote(self.reward, share_groups, self.plugin)
            self.pending.append(_Share(member, chosen, limit, attempt, ref))

    def _wait(self) -> None:
        timeout = max(0.0, min(s.deadline for s in self.pending) - time.monotonic())
        ready, _ = self.ray.wait([s.ref for s in self.pending], num_returns=1, timeout=timeout)
        done = set(ready)
        for share in [s for s in self.pending if s.ref in done]:
            self.pending.remove(share)
            self._finished(share)
        now = time.monotonic()
        for share in [s for s in self.pending if s.deadline <= now]:
            self.pending.remove(share)
            self._lost(share, "it did not answer within the share's deadline")

    def _finished(self, share: _Share) -> None:
        node = share.member.node_id
        try:
            value = self.ray.get(share.ref)
        except self.ray.exceptions.RayTaskError as exc:
            cause = getattr(exc, "cause", None) or exc
            message = f"reward {self.reward.name!r} failed on Ray node {node}: {type(cause).__name__}: {cause}"
            self._fill(share.indices, "crash", message, getattr(exc, "traceback_str", None))
            return
        except self.ray.exceptions.RayError as exc:
            self._lost(share, f"{type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}")
            return
        sizes = [len(self.groups[i].samples) for i in share.indices]
        if not isinstance(value, list) or [len(v) if isinstance(v, list) else -1 for v in value] != sizes:
            self._fill(share.indices, "crash", f"the node actor on Ray node {node} answered malformed verdicts")
            return
        for index, verdicts in zip(share.indices, value, strict=True):
            self.results[index] = verdicts
        self.report.samples_per_node[node] += sum(sizes)
        self._progress(sum(sizes))

    def _lost(self, share: _Share, why: str) -> None:
        node = share.member.node_id
        self.fleet.forget(share.member)
        self.report.lost_nodes.append(node)
        count = self._samples(share.indices)
        if share.attempt == 0 and time.monotonic() < share.deadline:
            others = [m for m in self.fleet.members(sandbox=self.sandbox) if m.node_id != node]
            if others:
                self.report.retried += count
                self._send(share.indices, others, attempt=1, deadline=share.deadline)
                return
            outcome = "no other node could take its samples"
        else:
            outcome = "it was already a retry" if share.attempt else "its deadline had passed"
        self.report.worker_lost += count
        message = f"the node actor on Ray node {node} was lost while scoring this sample ({why}); {outcome}"
        self._fill(share.indices, "worker_lost", message)

    def _nowhere(self, indices: list[int]) -> None:
        if self.sandbox:
            self._fill(indices, "sandbox_unavailable", no_sandbox_node(self.reward.name))
            return
        self.report.worker_lost += self._samples(indices)
        self._fill(indices, "worker_lost", "no node actor of the Ray cluster answered; see `ray status` and docs/cluster.md")

    def _fill(self, indices: Sequence[int], reason: str, message: str, tb: str | None = None) -> None:
        verdict = failure_verdict(reason, message, self.plugin, tb)
        for index in indices:
            self.results[index] = [verdict] * len(self.groups[index].samples)
        self._progress(self._samples(indices))

    def _progress(self, count: int) -> None:
        if self.on_verdict is not None and count:
            self.on_verdict(count)


class RayExecutor:
    """Scores on a Ray cluster through one long-lived actor per node (see the module docstring and docs/cluster.md).

    It connects on first use: to the Ray this process initialised already, or
    with ``ray.init()`` (``$RAY_ADDRESS``). ``last_report`` tells what the last
    batch did on which node.
    """

    name = "ray"

    def __init__(self, settings: RaySettings | None = None) -> None:
        self.settings = settings or RaySettings.from_env()
        self._ray: Any = None
        self._fleet: Fleet | None = None
        self._local = LocalExecutor()
        self._lock = threading.Lock()
        self.last_report = RayReport()

    @property
    def ray(self) -> Any:
        """The connected ``ray`` module (connecting on first use)."""
        with self._lock:
            if self._ray is None:
                from .limiter import RayLimiter

                ray = connect()
                if isinstance(limits.current(), limits.LocalLimiter):
                    limits.use(RayLimiter())
                self._fleet = Fleet(ray, self.settings)
                self._ray = ray
            return self._ray

    @property
    def fleet(self) -> Fleet:
        """The node actors."""
        self.ray  # noqa: B018 - connects and builds the fleet
        assert self._fleet is not None
        return self._fleet

    def start(self) -> str:
        """Connect, start an actor on every node and wait for them; a one-line status."""
        members = self.fleet.members(sandbox=False, wait=True)
        sandbox = [m for m in members if m.sandbox_slots]
        address = self.ray.get_runtime_context().gcs_address
        return (
            f"ray executor: {len(members)} node actor(s) at {address}, {sum(m.workers for m in members)} worker(s), "
            f"{sum(m.sandbox_slots for m in sandbox)} sandbox slot(s) on {len(sandbox)} node(s)"
        )

    def score_groups(
        self, reward: BaseReward, groups: Sequence[Group], *, plugin: str | None = None, on_verdict: OnVerdict | None = None
    ) -> list[list[Verdict]]:
        """One list of verdicts per group, in order; see the module docstring for where each reward runs."""
        strategy = strategy_for(reward, plugin)
        self.ray  # noqa: B018 - connect first, so the cluster's limiter is in place for rewards scored here too
        if strategy.isolation == "inline" and reward.manifest.cost != "sandbox":
            return self._local.score_groups(reward, groups, plugin=plugin, on_verdict=on_verdict)
        if not groups:
            return []
        batch = _BatchRun(self, reward, groups, plugin, on_verdict)
        results = batch.run()
        self.last_report = batch.report
        return results

    def preflight(self, reward: BaseReward, *, plugin: str | None = None) -> str | None:
        """The reward's preflight on every node that would score it (sandbox rewards: on every sandbox node).

        Raises:
            SandboxUnavailable: no node declares ``grpo_sandbox`` (the message says how), or a node's sandbox is down.
            GrpoRewardsError: no node actor answered, or the reward's preflight failed on a node (named).
        """
        strategy = strategy_for(reward, plugin)
        sandbox = reward.manifest.cost == "sandbox"
        if strategy.isolation == "inline" and not sandbox:
            return self._local.preflight(reward, plugin=plugin)
        members = self.fleet.members(sandbox=sandbox, wait=True)
        if not members:
            if sandbox:
                raise SandboxUnavailable(no_sandbox_node(reward.name))
            raise GrpoRewardsError("no node actor of the Ray cluster answered; see `ray status` and docs/cluster.md")
        said = answers(self.ray, [m.actor.preflight.remote(reward) for m in members], self.settings.ready_seconds)
        for member, value in zip(members, said, strict=True):
            if isinstance(value, BaseException):
                raise _preflight_error(reward.name, member.node_id, value)
        lines = sorted({str(value) for value in said if value is not None})
        return f"{'; '.join(lines)} (on each of {len(members)} Ray node(s))" if lines else None

    def stats(self) -> list[dict[str, Any]]:
        """What each node actor has done (pid, node, shares, samples, ...)."""
        return self.fleet.stats()


def _preflight_error(reward: str, node: str, exc: BaseException) -> GrpoRewardsError:
    cause = getattr(exc, "cause", None) or exc
    message = f"reward {reward!r} on Ray node {node}: {cause}"
    return SandboxUnavailable(message) if isinstance(cause, SandboxUnavailable) else GrpoRewardsError(message)
