"""The engine behind ``grpo-rewards check``: pick rewards, score rows, lint, summarise.

Kept apart from the CLI so it can be tested and reused without a terminal.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from .data import InputRow
from .errors import GrpoRewardsError
from .plugins import PluginManager
from .reward import BaseReward
from .scoring import score_samples
from .selection import SelectedReward, parse_option_flags, select_rewards
from .summary import RewardSummary, summarize
from .verdict import Verdict

__all__ = ["AppliedReward", "CheckReport", "parse_option_flags", "run_check", "select_for_rows"]


@dataclass(frozen=True)
class AppliedReward:
    """A reward chosen for this check, and the rows it applies to (positions in the row list)."""

    selected: SelectedReward
    positions: list[int]

    @property
    def name(self) -> str:
        return self.selected.name

    @property
    def reward(self) -> BaseReward:
        return self.selected.reward

    @property
    def plugin(self) -> str:
        return self.selected.plugin


@dataclass
class CheckReport:
    """Everything ``check`` found."""

    rewards: list[AppliedReward]
    verdicts: dict[str, dict[int, Verdict]] = field(default_factory=dict)  # reward -> row position -> verdict
    lint: dict[str, list[str]] = field(default_factory=dict)
    summaries: dict[str, RewardSummary] = field(default_factory=dict)

    @property
    def failed(self) -> bool:
        """True when a sample hit a failure on our side (crash, timeout, infra, missing column)."""
        return any(s.failures for s in self.summaries.values())


def select_for_rows(
    manager: PluginManager, specs: Sequence[str], options: Mapping[str, Mapping[str, Any]], rows: Sequence[InputRow]
) -> list[AppliedReward]:
    """The rewards named in ``specs``; with none named, every installed reward whose columns the rows have.

    A named reward applies to every row (rows missing its columns become
    unverifiable(missing_column)); a default one only to rows that have them.
    Raises :class:`~grpo_rewards.ConfigError` listing every selection problem.
    """
    selection = select_rewards(manager.registry, specs, options, every_installed=True)
    selection.raise_for_errors()
    if specs:
        return [AppliedReward(s, list(range(len(rows)))) for s in selection.rewards]
    applied = []
    for selected in selection.rewards:
        positions = [i for i, row in enumerate(rows) if selected.reward.applies_to(row.columns)]
        if positions:
            applied.append(AppliedReward(selected, positions))
    return applied


def _lint(selected: AppliedReward, rows: Sequence[InputRow]) -> list[str]:
    subset = [{**rows[i].columns, "__line__": rows[i].line} for i in selected.positions]
    try:
        return list(selected.reward.lint(subset))
    except Exception as exc:  # noqa: BLE001 - a broken lint is reported, not fatal
        return [f"lint of reward {selected.name!r} (plugin {selected.plugin!r}) failed: {type(exc).__name__}: {exc}"]


def run_check(
    selected: Sequence[AppliedReward], rows: Sequence[InputRow], *, on_progress: Callable[[str, int], None] | None = None
) -> CheckReport:
    """Score every selected reward on its rows. Failures become verdicts; nothing raises per row."""
    report = CheckReport(list(selected))
    samples = [row.sample() for row in rows]
    for item in selected:
        report.lint[item.name] = _lint(item, rows)
        progress = (lambda n, name=item.name: on_progress(name, n)) if on_progress else None
        try:
            verdicts = score_samples(item.reward, [samples[i] for i in item.positions], plugin=item.plugin, on_verdict=progress)
        except GrpoRewardsError as exc:
            failure = Verdict.unverifiable("crash", str(exc), plugin=item.plugin)
            verdicts = [failure] * len(item.positions)
        report.verdicts[item.name] = dict(zip(item.positions, verdicts, strict=True))
        report.summaries[item.name] = summarize(item.name, verdicts, item.reward.manifest.failure_reasons)
    return report
