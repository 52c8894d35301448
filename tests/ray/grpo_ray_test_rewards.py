"""Rewards and remote functions for the Ray tests, in a module every node's workers can import.

The cluster fixture puts this folder on ``PYTHONPATH`` before the raylets
start, so node actors and their pool workers unpickle these classes as they
would a real plugin's.
"""

from __future__ import annotations

import os
import time
from collections.abc import Sequence
from typing import Any

from grpo_rewards import BatchReward, Group, Manifest, Reward, Sample, Verdict


def _wait_for(path: str) -> None:
    while not os.path.exists(path):
        time.sleep(0.05)


def _judge(sample: Sample) -> Verdict:
    if sample.completion.strip() == str(sample.row["answer"]):
        return Verdict.correct("matches", answer=sample.completion.strip())
    return Verdict.incorrect("differs", answer=sample.completion.strip())


class Gate(Reward):
    """Waits until the file named in the row's ``gate`` column exists, then compares with ``answer``."""

    name = "gate"
    manifest = Manifest(required_columns=("gate", "answer"), default_timeout=600.0)

    def score(self, sample: Sample, prepared: Any) -> Verdict:
        _wait_for(str(sample.row["gate"]))
        return _judge(sample)


class SandboxGate(BatchReward):
    """A stand-in for a sandbox reward (cost ``sandbox``, one ``score_batch`` per share): gated like :class:`Gate`."""

    name = "sandbox_gate"
    manifest = Manifest(required_columns=("gate", "answer"), default_timeout=600.0, cost="sandbox", isolation="inline")

    def score_batch(self, groups: Sequence[Group]) -> list[list[Verdict]]:
        for group in groups:
            _wait_for(str(group.row["gate"]))
        return [[_judge(s) for s in group.samples] for group in groups]


class WhereInline(BatchReward):
    """A cheap inline reward: says which process scored it (the driver, on the Ray executor)."""

    name = "where_inline"
    manifest = Manifest(isolation="inline")

    def score_batch(self, groups: Sequence[Group]) -> list[list[Verdict]]:
        return [[Verdict.correct(pid=os.getpid()) for _ in group.samples] for group in groups]


def reserve_elsewhere(name: str, per_second: float, per: str) -> tuple[str, float]:
    """In a Ray task: book one start of ``name`` through :mod:`grpo_rewards.limits` and the cluster's limiter."""
    from grpo_rewards import limits
    from grpo_rewards.executors.ray.limiter import RayLimiter

    limits.use(RayLimiter())
    limits.set_rate(name, per_second, per=per)  # type: ignore[arg-type]
    return limits.current().node(), limits.reserve(name)
