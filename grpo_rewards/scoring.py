"""Scoring: group samples, run a reward's strategy on them, and turn every failure into a verdict.

:func:`score_samples` is what ``check`` and the TRL bridge call. It never
raises because of one sample: a crash, a hang or a missing column becomes an
``unverifiable`` verdict with the plugin named in its details. How a reward is
cut into tasks, and where they run, is its strategy (:mod:`grpo_rewards.strategies`).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Sequence
from typing import Any

from .errors import PluginError
from .pool import Outcome, WorkerPool, get_pool
from .reward import BaseReward, Group, Sample
from .runners import InlineRunner, Runner
from .strategies import STRATEGIES, Plan, ShapeError, Slot, Strategy, strategy_problem
from .verdict import Verdict

__all__ = ["group_samples", "score_samples"]

OnVerdict = Callable[[int], None]


def _group_key(sample: Sample, columns: Sequence[str]) -> str:
    shared = {column: sample.row.get(column) for column in columns}
    text = json.dumps([sample.prompt, shared], sort_keys=True, default=repr)
    return hashlib.sha1(text.encode()).hexdigest()


def group_samples(samples: Sequence[Sample], columns: Sequence[str]) -> list[tuple[Group, list[int]]]:
    """Groups of samples sharing a prompt and ``columns``, with their positions, in first-seen order."""
    members: dict[str, list[int]] = {}
    for position, sample in enumerate(samples):
        members.setdefault(_group_key(sample, columns), []).append(position)
    groups = []
    for key, positions in members.items():
        first = samples[positions[0]]
        group = Group(key, first.prompt, first.row, tuple(samples[p] for p in positions))
        groups.append((group, positions))
    return groups


def _failure_verdict(failure: str, message: str, plugin: str | None, tb: str | None, seconds: float) -> Verdict:
    details: dict[str, Any] = {"plugin": plugin} if plugin else {}
    if tb:
        details["traceback"] = tb
    return Verdict.unverifiable(failure, message, **details).with_seconds(seconds)


#: Slack for float rounding when checking a score against the declared output range.
RANGE_SLACK = 1e-9


def _checked(value: Any, reward: BaseReward, plugin: str | None, seconds: float) -> Verdict:
    """The reward's verdict, or ``unverifiable(crash)`` naming the breach: not a Verdict, or a score out of range.

    A score outside the reward's ``output_range()`` (its manifest's, unless its
    options change it) is never clamped: clamping would hide a bug and hand the
    policy a reward nobody declared.
    """
    if not isinstance(value, Verdict):
        message = f"reward {reward.name!r} returned {type(value).__name__}, not a Verdict"
        return _failure_verdict("crash", message, plugin, None, seconds)
    lo, hi = reward.output_range()
    if value.score is not None and not lo - RANGE_SLACK <= value.score <= hi + RANGE_SLACK:
        message = (
            f"reward {reward.name!r} returned {value.kind} with score {value.score!r}, outside its declared"
            f" output_range [{lo:g}, {hi:g}]; the score is not used (fix the reward or its declared output_range)"
        )
        failure = _failure_verdict("crash", message, plugin, None, seconds)
        return failure.with_details(breach="output_range", rejected_score=value.score, rejected_kind=value.kind)
    return value.with_seconds(value.seconds or seconds)


def _missing_columns(reward: BaseReward, sample: Sample, plugin: str | None) -> Verdict | None:
    missing = [c for c in reward.required_columns() if c not in sample.row]
    if not missing:
        return None
    names = ", ".join(repr(c) for c in missing)
    message = f"column {names} is missing; reward {reward.name!r} needs {', '.join(reward.required_columns())}"
    details = {"plugin": plugin} if plugin else {}
    return Verdict.unverifiable("missing_column", message, **details)


def _outcome_verdicts(
    outcome: Outcome, plan: Plan, slots: Sequence[Slot], reward: BaseReward, plugin: str | None
) -> list[Verdict]:
    count = len(slots)
    if not outcome.ok:
        return [_failure_verdict(outcome.failure or "crash", outcome.message, plugin, outcome.traceback, outcome.seconds)] * count
    try:
        values = plan.unpack(outcome.value, slots)
    except ShapeError as exc:
        return [_failure_verdict("crash", f"reward {reward.name!r} {exc}", plugin, None, outcome.seconds)] * count
    share = outcome.seconds / max(1, count)
    return [_checked(value, reward, plugin, share) for value in values]


def _run_plan(
    reward: BaseReward, groups: Sequence[Group], plan: Plan, runner: Runner, plugin: str | None, on_verdict: OnVerdict | None
) -> list[list[Verdict | None]]:
    results: list[list[Verdict | None]] = [[None] * len(g.samples) for g in groups]

    def collect(task_index: int, item_index: int, outcome: Outcome) -> None:
        slots = plan.slots[task_index][item_index]
        for (gi, si), verdict in zip(slots, _outcome_verdicts(outcome, plan, slots, reward, plugin), strict=True):
            results[gi][si] = verdict
        if on_verdict is not None:
            on_verdict(len(slots))

    runner.run(plan.tasks, on_result=collect)
    return results


def _strategy(reward: BaseReward, plugin: str | None) -> Strategy:
    problem = strategy_problem(type(reward))
    if problem is not None:
        raise PluginError(f"plugin {plugin or 'unknown'!r}: reward {reward.name!r} {problem}")
    return STRATEGIES[(reward.unit, reward.manifest.isolation)]


def _runner(strategy: Strategy, reward: BaseReward, pool: WorkerPool | None) -> Runner:
    if strategy.isolation == "inline":
        return InlineRunner()
    return pool or get_pool(reward.manifest.preload)


def score_samples(
    reward: BaseReward,
    samples: Sequence[Sample],
    *,
    plugin: str | None = None,
    pool: WorkerPool | None = None,
    on_verdict: OnVerdict | None = None,
) -> list[Verdict]:
    """Score ``samples`` with ``reward``; one verdict per sample, in order.

    Samples are grouped by prompt and the reward's group columns, so
    ``prepare`` runs once per group. Process-isolated rewards run in ``pool``
    (default: the process-wide pool). ``on_verdict(n)`` reports progress.

    Raises:
        PluginError: the reward's unit and isolation do not combine (registration refuses such rewards).
    """
    strategy = _strategy(reward, plugin)
    verdicts: list[Verdict | None] = [None] * len(samples)
    ready: list[int] = []
    for position, sample in enumerate(samples):
        missing = _missing_columns(reward, sample, plugin)
        if missing is not None:
            verdicts[position] = missing
        else:
            ready.append(position)
    if on_verdict is not None and len(ready) < len(samples):
        on_verdict(len(samples) - len(ready))
    grouped = group_samples([samples[p] for p in ready], reward.group_columns())
    groups = [g for g, _ in grouped]
    runner = _runner(strategy, reward, pool)
    scored = _run_plan(reward, groups, strategy.plan(reward, groups, runner.size), runner, plugin, on_verdict)
    for (_, positions), group_verdicts in zip(grouped, scored, strict=True):
        for local, verdict in zip(positions, group_verdicts, strict=True):
            verdicts[ready[local]] = verdict
    return [v if v is not None else _failure_verdict("crash", "no verdict produced", plugin, None, 0.0) for v in verdicts]
