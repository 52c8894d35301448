"""Scoring: check columns, group samples, and hand the groups to an executor.

:func:`score_samples` is what ``check`` and the TRL bridge call. It never
raises because of one sample: a crash, a hang or a missing column becomes an
``unverifiable`` verdict with the plugin named in its details. How a reward is
cut into tasks is its strategy (:mod:`grpo_rewards.strategies`); where they
run is the executor's business (:mod:`grpo_rewards.executors`: this process,
or the nodes of a Ray cluster).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence

from .executors import Executor, LocalExecutor, get_executor
from .executors.local import OnVerdict, failure_verdict, strategy_for
from .pool import WorkerPool
from .reward import BaseReward, Group, Sample
from .verdict import Verdict

__all__ = ["group_samples", "score_samples"]


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


def _missing_columns(reward: BaseReward, sample: Sample, plugin: str | None) -> Verdict | None:
    missing = [c for c in reward.required_columns() if c not in sample.row]
    if not missing:
        return None
    names = ", ".join(repr(c) for c in missing)
    message = f"column {names} is missing; reward {reward.name!r} needs {', '.join(reward.required_columns())}"
    details = {"plugin": plugin} if plugin else {}
    return Verdict.unverifiable("missing_column", message, **details)


def score_samples(
    reward: BaseReward,
    samples: Sequence[Sample],
    *,
    plugin: str | None = None,
    pool: WorkerPool | None = None,
    on_verdict: OnVerdict | None = None,
    executor: str | Executor | None = None,
) -> list[Verdict]:
    """Score ``samples`` with ``reward``; one verdict per sample, in order.

    Samples are grouped by prompt and the reward's group columns, so
    ``prepare`` runs once per group. ``executor`` decides where the groups
    are scored (``"local"`` or ``"ray"``, see :mod:`grpo_rewards.executors`;
    default: ``$GRPO_REWARDS_EXECUTOR``, else local); ``pool`` scores
    process-isolated rewards locally in that pool instead. ``on_verdict(n)``
    reports progress.

    Raises:
        PluginError: the reward's unit and isolation do not combine (registration refuses such rewards).
        ConfigError: an unknown executor, or one that cannot start (Ray missing or unreachable).
    """
    strategy_for(reward, plugin)
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
    runner = LocalExecutor(pool) if pool is not None else get_executor(executor)
    scored = runner.score_groups(reward, [g for g, _ in grouped], plugin=plugin, on_verdict=on_verdict)
    for (_, positions), group_verdicts in zip(grouped, scored, strict=True):
        for local, verdict in zip(positions, group_verdicts, strict=True):
            verdicts[ready[local]] = verdict
    return [v if v is not None else failure_verdict("crash", "no verdict produced", plugin) for v in verdicts]
