"""Scoring: group samples, run a reward on them, and turn every failure into a verdict.

:func:`score_samples` is what ``check`` and the TRL bridge call. It never
raises because of one sample: a crash, a hang or a missing column becomes an
``unverifiable`` verdict with the plugin named in its details.
"""

from __future__ import annotations

import hashlib
import json
import math
import time
import traceback
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from .plugins import get_manager
from .pool import Outcome, Task, WorkerPool, get_pool
from .reward import Group, Reward, Sample
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


def _failure_verdict(outcome_failure: str, message: str, plugin: str | None, tb: str | None, seconds: float) -> Verdict:
    details: dict[str, Any] = {"plugin": plugin} if plugin else {}
    if tb:
        details["traceback"] = tb
    return Verdict.unverifiable(outcome_failure, message, **details).with_seconds(seconds)


def _checked(value: Any, reward: Reward, plugin: str | None, seconds: float) -> Verdict:
    if isinstance(value, Verdict):
        return value.with_seconds(value.seconds or seconds)
    message = f"reward {reward.name!r} returned {type(value).__name__}, not a Verdict"
    return _failure_verdict("crash", message, plugin, None, seconds)


def _missing_columns(reward: Reward, sample: Sample, plugin: str | None) -> Verdict | None:
    missing = [c for c in reward.required_columns() if c not in sample.row]
    if not missing:
        return None
    names = ", ".join(repr(c) for c in missing)
    message = f"column {names} is missing; reward {reward.name!r} needs {', '.join(reward.required_columns())}"
    details = {"plugin": plugin} if plugin else {}
    return Verdict.unverifiable("missing_column", message, **details)


# ----------------------------------------------------------------------------- jobs run in the pool


@dataclass(frozen=True)
class _SampleJob:
    """Prepare a group once, then score samples one by one (deadline per sample)."""

    reward: Reward
    group: Group

    def setup(self) -> Any:
        return self.reward.prepare(self.group)

    def run(self, prepared: Any, sample: Sample) -> Any:
        return self.reward.score(sample, prepared)


@dataclass(frozen=True)
class _GroupJob:
    """Score a whole group in one call (group-relative rewards)."""

    reward: Reward

    def setup(self) -> None:
        return None

    def run(self, _: None, group: Group) -> Any:
        return self.reward.score_group(group)


def _chunks(positions: list[int], size: int) -> list[list[int]]:
    return [positions[i : i + size] for i in range(0, len(positions), size)]


def _score_in_pool(
    reward: Reward, groups: list[Group], plugin: str | None, pool: WorkerPool, on_verdict: OnVerdict | None
) -> list[list[Verdict]]:
    results: list[list[Verdict | None]] = [[None] * len(g.samples) for g in groups]
    per_sample = not type(reward).overrides("score_group")
    tasks: list[Task] = []
    where: list[tuple[int, list[int]]] = []
    if per_sample:
        total = sum(len(g.samples) for g in groups)
        size = max(1, math.ceil(total / (2 * pool.size)))
        for gi, group in enumerate(groups):
            for chunk in _chunks(list(range(len(group.samples))), size):
                tasks.append(Task(_SampleJob(reward, group), [group.samples[i] for i in chunk], reward.timeout))
                where.append((gi, chunk))
    else:
        for gi, group in enumerate(groups):
            tasks.append(Task(_GroupJob(reward), [group], reward.timeout * max(1, len(group.samples))))
            where.append((gi, list(range(len(group.samples)))))

    def collect(task_index: int, item_index: int, outcome: Outcome) -> None:
        gi, members = where[task_index]
        targets = [members[item_index]] if per_sample else members
        for i, verdict in zip(targets, _outcome_verdicts(outcome, reward, plugin, len(targets)), strict=True):
            results[gi][i] = verdict
        if on_verdict is not None:
            on_verdict(len(targets))

    pool.run(tasks, on_result=collect)
    return [[v for v in row if v is not None] for row in results]


def _outcome_verdicts(outcome: Outcome, reward: Reward, plugin: str | None, count: int) -> list[Verdict]:
    if not outcome.ok:
        return [_failure_verdict(outcome.failure or "crash", outcome.message, plugin, outcome.traceback, outcome.seconds)] * count
    if count == 1 and not isinstance(outcome.value, list):
        return [_checked(outcome.value, reward, plugin, outcome.seconds)]
    return _checked_list(outcome.value, reward, plugin, count, outcome.seconds)


def _checked_list(values: Any, reward: Reward, plugin: str | None, count: int, seconds: float) -> list[Verdict]:
    if not isinstance(values, list) or len(values) != count:
        got = len(values) if isinstance(values, list) else type(values).__name__
        message = f"reward {reward.name!r} returned {got} verdicts for a group of {count}"
        return [_failure_verdict("crash", message, plugin, None, seconds)] * count
    share = seconds / max(1, count)
    return [_checked(v, reward, plugin, share) for v in values]


# ----------------------------------------------------------------------------- inline scoring


def _timed(call: Callable[[], Any]) -> tuple[Any, BaseException | None, float]:
    started = time.perf_counter()
    try:
        return call(), None, time.perf_counter() - started
    except Exception as exc:  # noqa: BLE001 - a failing reward is data, not a crash of the batch
        return None, exc, time.perf_counter() - started


def _crash(exc: BaseException, plugin: str | None, seconds: float) -> Verdict:
    tb = "".join(traceback.format_exception(exc))
    return _failure_verdict("crash", f"{type(exc).__name__}: {exc}", plugin, tb, seconds)


def _score_group_inline(reward: Reward, group: Group, plugin: str | None) -> list[Verdict]:
    count = len(group.samples)
    if type(reward).overrides("score_group"):
        value, exc, seconds = _timed(lambda: reward.score_group(group))
        if exc is not None:
            return [_crash(exc, plugin, seconds / max(1, count))] * count
        return _checked_list(value, reward, plugin, count, seconds)
    prepared, exc, seconds = _timed(lambda: reward.prepare(group))
    if exc is not None:
        return [_crash(exc, plugin, seconds)] * count
    verdicts = []
    for sample in group.samples:
        value, exc, seconds = _timed(lambda s=sample: reward.score(s, prepared))
        verdicts.append(_crash(exc, plugin, seconds) if exc is not None else _checked(value, reward, plugin, seconds))
    return verdicts


def _score_inline(reward: Reward, groups: list[Group], plugin: str | None, on_verdict: OnVerdict | None) -> list[list[Verdict]]:
    if type(reward).overrides("score_batch"):
        value, exc, seconds = _timed(lambda: reward.score_batch(groups))
        sizes = [len(g.samples) for g in groups]
        if exc is not None or not isinstance(value, list) or len(value) != len(groups):
            failure = (
                _crash(exc, plugin, seconds)
                if exc is not None
                else _failure_verdict(
                    "crash", f"reward {reward.name!r} score_batch returned a wrong shape", plugin, None, seconds
                )
            )
            value = [[failure] * n for n in sizes]
        out = [_checked_list(v, reward, plugin, n, 0.0) for v, n in zip(value, sizes, strict=True)]
        if on_verdict is not None:
            on_verdict(sum(sizes))
        return out
    out = []
    for group in groups:
        out.append(_score_group_inline(reward, group, plugin))
        if on_verdict is not None:
            on_verdict(len(group.samples))
    return out


# ----------------------------------------------------------------------------- entry point


def _preloads(reward: Reward) -> tuple[str, ...]:
    """Heavy modules of every installed process reward, so the first pool preloads them all at once."""
    manager = get_manager()
    everyone = [r.manifest.preload for r in manager.registry if r.manifest.isolation == "process"] if manager.loaded else []
    return tuple(dict.fromkeys(m for modules in [reward.manifest.preload, *everyone] for m in modules))


def score_samples(
    reward: Reward,
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
    """
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
    if reward.manifest.isolation == "inline":
        scored = _score_inline(reward, groups, plugin, on_verdict)
    else:
        scored = _score_in_pool(reward, groups, plugin, pool or get_pool(_preloads(reward)), on_verdict)
    for (_, positions), group_verdicts in zip(grouped, scored, strict=True):
        for local, verdict in zip(positions, group_verdicts, strict=True):
            verdicts[ready[local]] = verdict
    return [v if v is not None else _failure_verdict("crash", "no verdict produced", plugin, None, 0.0) for v in verdicts]
