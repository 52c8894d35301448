"""Rewards that break the contract one way each, for the contract-check and output-range tests.

Importable (tests/support is on the path) so the worker pool can unpickle them.
"""

from __future__ import annotations

import os
from typing import Any

import grpo_rewards
from grpo_rewards import Group, GroupReward, Manifest, Reward, Sample, Verdict


class Crashes(Reward):
    name = "crashes"
    description = "raises on every sample"

    def score(self, sample: Sample, prepared: Any) -> Verdict:
        raise KeyError("solution")


class GivesFloat(Reward):
    name = "gives_float"
    description = "returns a bare float"

    def score(self, sample: Sample, prepared: Any) -> Verdict:
        return 1.0  # type: ignore[return-value]


class TooFew(GroupReward):
    name = "too_few"
    description = "one verdict short per group"

    def score_group(self, group: Group) -> list[Verdict]:
        return [Verdict.correct() for _ in group.samples[1:]]


class NeedsColumn(Reward):
    name = "needs_column"
    description = "reads the answer column"
    manifest = Manifest(required_columns=("answer",))

    def score(self, sample: Sample, prepared: Any) -> Verdict:
        return Verdict.correct() if sample.completion == sample.row["answer"] else Verdict.incorrect("differs")


class OutOfRange(Reward):
    name = "out_of_range"
    description = "says 1.5 for 'big', inside [0, 1] otherwise"

    def score(self, sample: Sample, prepared: Any) -> Verdict:
        if sample.completion == "big":
            return Verdict.partial(1.5, "too generous")
        return Verdict.partial(0.5, "fine")


class WhereAmI(Reward):
    name = "where_am_i"
    description = "says which process scored it, and keeps the completion's whitespace in its reason"

    def score(self, sample: Sample, prepared: Any) -> Verdict:
        return Verdict.incorrect(f"expected 'c b a', got {sample.completion!r}", answer=sample.completion, pid=os.getpid())


class ContractPlugin:
    @grpo_rewards.hookimpl
    def register_rewards(self, register: Any) -> None:
        for reward in (Crashes, GivesFloat, TooFew, NeedsColumn, OutOfRange, WhereAmI):
            register(reward)
