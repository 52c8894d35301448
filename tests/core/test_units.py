"""Execution units: declared by the base class, checked at registration, scored by a table of strategies."""

from __future__ import annotations

import os
from collections.abc import Sequence

import pytest
from grpo_test_rewards import Echo, GroupSizes, WholeBatch

import grpo_rewards
from grpo_rewards import (
    BatchReward,
    Group,
    GroupReward,
    Manifest,
    PluginError,
    PluginManager,
    Reward,
    Sample,
    Verdict,
    WorkerPool,
    score_samples,
)
from grpo_rewards.strategies import REFUSED, STRATEGIES


@pytest.fixture(scope="module")
def pool():
    with WorkerPool(2) as p:
        yield p


def register(*classes: type) -> PluginManager:
    class Plugin:
        @grpo_rewards.hookimpl
        def register_rewards(self, register):
            for cls in classes:
                register(cls)

    manager = PluginManager()
    manager.register(Plugin(), name="unit-plugin")
    return manager


class ProcessBatch(BatchReward):
    name = "process_batch"

    def score_batch(self, groups: Sequence[Group]) -> list[list[Verdict]]:
        return [[Verdict.correct() for _ in g.samples] for g in groups]


class SampleWithBatch(Reward):
    """The old mistake: a per-sample reward that overrides score_batch, which was silently never called."""

    name = "sample_with_batch"

    def score(self, sample: Sample, prepared: object) -> Verdict:
        return Verdict.correct()

    def score_batch(self, groups: Sequence[Group]) -> list[list[Verdict]]:
        return []


class SampleWithGroup(Reward):
    name = "sample_with_group"
    manifest = Manifest(isolation="inline")

    def score_group(self, group: Group) -> list[Verdict]:
        return []


class GroupWithoutMethod(GroupReward):
    name = "group_without_method"


class BothUnits(Reward, GroupReward):
    name = "both_units"

    def score(self, sample: Sample, prepared: object) -> Verdict:
        return Verdict.correct()

    def score_group(self, group: Group) -> list[Verdict]:
        return []


class RelabelledUnit(Reward):
    name = "relabelled_unit"
    unit = "batch"

    def score(self, sample: Sample, prepared: object) -> Verdict:
        return Verdict.correct()


@pytest.mark.parametrize(
    ("cls", "message"),
    [
        (ProcessBatch, "isolation='process'.*Manifest\\(isolation='inline'\\)"),
        (SampleWithBatch, "is a Reward .* defines score_batch\\(\\).*subclass grpo_rewards.BatchReward"),
        (SampleWithGroup, "defines score_group\\(\\).*subclass grpo_rewards.GroupReward"),
        (GroupWithoutMethod, "does not implement score_group\\(\\)"),
        (BothUnits, "subclasses Reward and GroupReward"),
        (RelabelledUnit, "sets unit = 'batch'.*Reward \\('sample'\\)"),
    ],
)
def test_impossible_rewards_are_refused_at_registration_naming_plugin_and_reward(cls, message):
    with pytest.raises(PluginError, match=message) as info:
        register(cls)
    assert f"plugin 'unit-plugin': reward {cls.name!r}" in str(info.value)


def test_every_unit_and_isolation_has_a_strategy_or_a_reason():
    pairs = {(u, i) for u in ("sample", "group", "batch") for i in ("process", "inline")}
    assert set(STRATEGIES) | set(REFUSED) == pairs and not set(STRATEGIES) & set(REFUSED)
    assert set(REFUSED) == {("batch", "process")}


def test_scoring_an_unregistered_impossible_reward_raises_instead_of_guessing():
    with pytest.raises(PluginError, match="process_batch"):
        score_samples(ProcessBatch(), [Sample(completion="x")], plugin="p")


def test_group_rewards_run_in_the_pool_one_call_per_group(pool):
    batch = [Sample(completion=c, prompt=p) for p, c in [("a", "1"), ("a", "2"), ("b", "3"), ("a", "4")]]
    verdicts = score_samples(GroupSizes(), batch, pool=pool)
    assert [v.details["size"] for v in verdicts] == [3, 3, 1, 3]
    assert all(v.details["pid"] != os.getpid() for v in verdicts)


def test_a_hanging_group_times_out_alone_and_a_short_group_is_a_crash(pool):
    batch = [Sample(completion=c, prompt=p) for p, c in [("a", "hang"), ("a", "x"), ("b", "ok"), ("c", "short"), ("c", "y")]]
    verdicts = score_samples(GroupSizes(), batch, plugin="p", pool=pool)
    assert [v.reason for v in verdicts[:2]] == ["timeout", "timeout"]
    assert verdicts[2].kind == "correct"
    assert [v.reason for v in verdicts[3:]] == ["crash", "crash"]
    assert "returned 1 verdicts for a group of 2" in verdicts[3].details["message"]


def test_batch_rewards_get_every_group_in_one_inline_call():
    batch = [Sample(completion=c, prompt=p) for p, c in [("a", "1"), ("b", "2"), ("a", "3"), ("c", "4")]]
    counted: list[int] = []
    verdicts = score_samples(WholeBatch(), batch, on_verdict=counted.append)
    assert [v.details["groups"] for v in verdicts] == [3, 3, 3, 3]
    assert {v.details["pid"] for v in verdicts} == {os.getpid()}
    assert sum(counted) == 4


@pytest.mark.parametrize(("trigger", "message"), [("crash", "batch boom"), ("short", "returned 2 lists for 3 groups")])
def test_a_failing_batch_makes_every_sample_unverifiable(trigger, message):
    batch = [Sample(completion=c, prompt=p) for p, c in [("a", "1"), ("b", trigger), ("c", "3")]]
    verdicts = score_samples(WholeBatch(), batch, plugin="p")
    assert [(v.kind, v.reason) for v in verdicts] == [("unverifiable", "crash")] * 3
    assert message in verdicts[0].details["message"] and verdicts[0].details["plugin"] == "p"


def test_inline_sample_rewards_prepare_once_per_group():
    class InlineEcho(Echo):
        manifest = Manifest(required_columns=("answer",), isolation="inline")

    batch = [Sample(completion=str(i), prompt="p", row={"answer": "1"}) for i in range(9)]
    tokens = {v.details["prepare_token"] for v in score_samples(InlineEcho(), batch)}
    assert len(tokens) == 1 and next(iter(tokens)).startswith(f"{os.getpid()}-")


def test_the_units_in_use():
    assert [Echo.unit, GroupSizes.unit, WholeBatch.unit] == ["sample", "group", "batch"]
    manager = PluginManager()
    manager.load(entry_points=False)
    assert manager.registry.get("length").reward_cls.unit == "group"
