"""How each kind of reward is scored: a table of strategies keyed by ``(unit, isolation)``.

A strategy cuts a batch of groups into picklable :class:`~grpo_rewards.Task`
objects (a job, its items, a deadline), says where they run (``process``: the
killable worker pool; ``inline``: the caller's process) and how one item's
value unpacks into verdicts. It never runs anything itself, so another runner
(see :mod:`grpo_rewards.runners`) can run the same tasks somewhere else.

=========  ==========  =====================================================
unit       isolation   tasks
=========  ==========  =====================================================
sample     process     chunks of a group's samples, about two per worker;
                       ``prepare`` once per chunk, a deadline per sample
sample     inline      one per group; ``prepare`` once, ``score`` per sample
group      process     one per group; deadline ``timeout`` x group size
group      inline      one per group
batch      inline      one for the whole batch
batch      process     refused: see :data:`REFUSED`
=========  ==========  =====================================================
"""

from __future__ import annotations

import collections
import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from .pool import Task
from .reward import BaseReward, BatchReward, Group, GroupReward, Isolation, Reward, Sample, Unit
from .verdict import Verdict

__all__ = [
    "REFUSED",
    "STRATEGIES",
    "BatchJob",
    "GroupJob",
    "Plan",
    "SampleJob",
    "ShapeError",
    "Slot",
    "Strategy",
    "strategy_problem",
]

#: A sample's place in the batch: (group index, sample index in its group).
Slot = tuple[int, int]


class ShapeError(ValueError):
    """A reward returned the wrong number of verdicts; the message says what it returned."""


# ----------------------------------------------------------------------------- jobs (picklable, run by a runner)


@dataclass(frozen=True)
class SampleJob:
    """Prepare a group once, then score its samples one by one (a deadline per sample in the pool)."""

    reward: Reward
    group: Group

    def setup(self) -> Any:
        return self.reward.prepare(self.group)

    def run(self, prepared: Any, sample: Sample) -> Verdict:
        return self.reward.score(sample, prepared)


@dataclass(frozen=True)
class GroupJob:
    """Score a whole group in one call."""

    reward: GroupReward

    def setup(self) -> None:
        return None

    def run(self, _: None, group: Group) -> list[Verdict]:
        return self.reward.score_group(group)


@dataclass(frozen=True)
class BatchJob:
    """Score every group of a batch in one call."""

    reward: BatchReward

    def setup(self) -> None:
        return None

    def run(self, _: None, groups: Sequence[Group]) -> list[list[Verdict]]:
        return self.reward.score_batch(groups)


# ----------------------------------------------------------------------------- plans


@dataclass(frozen=True)
class Plan:
    """The tasks for one batch, and where each item's verdicts go.

    ``slots[t][i]`` lists the samples that item ``i`` of task ``t`` judges, in
    the order its value gives their verdicts; ``unpack(value, slots)`` turns
    that value into one raw verdict per slot or raises :class:`ShapeError`.
    """

    tasks: list[Task]
    slots: list[list[list[Slot]]]
    unpack: Callable[[Any, Sequence[Slot]], list[Any]]


def _unpack_one(value: Any, slots: Sequence[Slot]) -> list[Any]:
    return [value]


def _unpack_group(value: Any, slots: Sequence[Slot]) -> list[Any]:
    if not isinstance(value, list) or len(value) != len(slots):
        got = len(value) if isinstance(value, list) else type(value).__name__
        raise ShapeError(f"returned {got} verdicts for a group of {len(slots)}")
    return value


def _unpack_batch(value: Any, slots: Sequence[Slot]) -> list[Any]:
    sizes = list(collections.Counter(group for group, _ in slots).values())  # groups in first-seen order
    if not isinstance(value, list) or len(value) != len(sizes):
        got = f"{len(value)} lists" if isinstance(value, list) else type(value).__name__
        raise ShapeError(f"score_batch returned {got} for {len(sizes)} groups")
    for index, (verdicts, size) in enumerate(zip(value, sizes, strict=True)):
        if not isinstance(verdicts, list) or len(verdicts) != size:
            count = len(verdicts) if isinstance(verdicts, list) else type(verdicts).__name__
            raise ShapeError(f"score_batch returned {count} verdicts for group {index} of {size}")
    return [verdict for verdicts in value for verdict in verdicts]


def _chunks(count: int, size: int) -> list[list[int]]:
    return [list(range(start, min(start + size, count))) for start in range(0, count, size)]


def _plan_samples(reward: BaseReward, groups: Sequence[Group], chunk: int) -> Plan:
    assert isinstance(reward, Reward)
    tasks, slots = [], []
    for gi, group in enumerate(groups):
        for members in _chunks(len(group.samples), chunk or len(group.samples)):
            tasks.append(Task(SampleJob(reward, group), [group.samples[i] for i in members], reward.timeout))
            slots.append([[(gi, i)] for i in members])
    return Plan(tasks, slots, _unpack_one)


def _samples_in_pool(reward: BaseReward, groups: Sequence[Group], workers: int) -> Plan:
    total = sum(len(g.samples) for g in groups)
    return _plan_samples(reward, groups, max(1, math.ceil(total / (2 * workers))))


def _samples_inline(reward: BaseReward, groups: Sequence[Group], workers: int) -> Plan:
    return _plan_samples(reward, groups, 0)


def _groups(reward: BaseReward, groups: Sequence[Group], workers: int) -> Plan:
    assert isinstance(reward, GroupReward)
    tasks = [Task(GroupJob(reward), [group], reward.timeout * max(1, len(group.samples))) for group in groups]
    slots = [[[(gi, i) for i in range(len(group.samples))]] for gi, group in enumerate(groups)]
    return Plan(tasks, slots, _unpack_group)


def _batch(reward: BaseReward, groups: Sequence[Group], workers: int) -> Plan:
    assert isinstance(reward, BatchReward)
    if not groups:
        return Plan([], [], _unpack_batch)
    total = sum(len(g.samples) for g in groups)
    task = Task(BatchJob(reward), [list(groups)], reward.timeout * max(1, total))
    return Plan([task], [[[(gi, i) for gi, group in enumerate(groups) for i in range(len(group.samples))]]], _unpack_batch)


# ----------------------------------------------------------------------------- the table


@dataclass(frozen=True)
class Strategy:
    """How rewards of one ``unit`` and ``isolation`` are scored.

    ``plan(reward, groups, workers)`` cuts the groups into tasks for a runner
    of ``workers`` slots; ``isolation`` names the runner.
    """

    unit: Unit
    isolation: Isolation
    plan: Callable[[BaseReward, Sequence[Group], int], Plan]


STRATEGIES: Mapping[tuple[Unit, Isolation], Strategy] = {
    (s.unit, s.isolation): s
    for s in (
        Strategy("sample", "process", _samples_in_pool),
        Strategy("sample", "inline", _samples_inline),
        Strategy("group", "process", _groups),
        Strategy("group", "inline", _groups),
        Strategy("batch", "inline", _batch),
    )
}

#: Why the combinations without a strategy are refused, and what to do instead.
REFUSED: Mapping[tuple[Unit, Isolation], str] = {
    ("batch", "process"): (
        "is a BatchReward with isolation='process', but the worker pool cannot split one score_batch() call or give "
        "its samples deadlines: declare Manifest(isolation='inline') and bound your own calls (as the code reward does), "
        "or subclass Reward or GroupReward to be scored in the pool"
    ),
}


def strategy_problem(reward_cls: type[BaseReward]) -> str | None:
    """Why ``reward_cls`` has no strategy (its unit and isolation do not combine), or None when it has one."""
    key = (reward_cls.unit, reward_cls.manifest.isolation)
    if key in STRATEGIES:
        return None
    return REFUSED.get(key, f"has unit {key[0]!r} and isolation {key[1]!r}, which the core cannot score")
