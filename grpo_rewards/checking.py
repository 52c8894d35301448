"""The engine behind ``grpo-rewards check``: pick rewards, score rows, lint, summarise.

Kept apart from the CLI so it can be tested and reused without a terminal.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from .bridge import parse_reward_spec
from .data import InputRow
from .errors import ConfigError, GrpoRewardsError
from .options import parse_option_assignment
from .plugins import PluginManager
from .reward import Reward
from .scoring import score_samples
from .summary import RewardSummary, summarize
from .verdict import Verdict

__all__ = ["CheckReport", "SelectedReward", "parse_option_flags", "run_check", "select_rewards"]


@dataclass(frozen=True)
class SelectedReward:
    """A reward chosen for this check, and the rows it applies to (positions in the row list)."""

    name: str
    weight: float
    reward: Reward
    plugin: str
    positions: list[int]


@dataclass
class CheckReport:
    """Everything ``check`` found."""

    rewards: list[SelectedReward]
    verdicts: dict[str, dict[int, Verdict]] = field(default_factory=dict)  # reward -> row position -> verdict
    lint: dict[str, list[str]] = field(default_factory=dict)
    summaries: dict[str, RewardSummary] = field(default_factory=dict)

    @property
    def failed(self) -> bool:
        """True when a sample hit a failure on our side (crash, timeout, infra, missing column)."""
        return any(s.failures for s in self.summaries.values())


def parse_option_flags(flags: Sequence[str]) -> dict[str, dict[str, str]]:
    """``["math.mode=strict"]`` -> ``{"math": {"mode": "strict"}}``."""
    options: dict[str, dict[str, str]] = {}
    for flag in flags:
        reward, key, value = parse_option_assignment(flag)
        options.setdefault(reward, {})[key] = value
    return options


def select_rewards(
    manager: PluginManager, specs: Sequence[str], options: Mapping[str, Mapping[str, Any]], rows: Sequence[InputRow]
) -> list[SelectedReward]:
    """The rewards named in ``specs``; with none named, every installed reward whose columns the rows have.

    A named reward applies to every row (rows missing its columns become
    unverifiable(missing_column)); a default one only to rows that have them.
    """
    named = [parse_reward_spec(s) for s in specs]
    if len({n for n, _ in named}) != len(named):
        raise ConfigError("a reward is named twice in --reward; give each once")
    chosen = {n for n, _ in named} if named else set()
    unknown = set(options) - (chosen or {r.name for r in manager.registry})
    if unknown:
        raise ConfigError(f"--option given for {', '.join(sorted(unknown))}, which is not a selected reward")
    selected = []
    if named:
        for name, weight in named:
            registered = manager.registry.get(name)
            reward = registered.create(options.get(name))
            selected.append(SelectedReward(name, weight, reward, registered.plugin, list(range(len(rows)))))
        return selected
    for registered in manager.registry:
        reward = registered.create(options.get(registered.name))
        positions = [i for i, row in enumerate(rows) if reward.applies_to(row.columns)]
        if positions:
            selected.append(SelectedReward(registered.name, 1.0, reward, registered.plugin, positions))
    return selected


def _lint(selected: SelectedReward, rows: Sequence[InputRow]) -> list[str]:
    subset = [{**rows[i].columns, "__line__": rows[i].line} for i in selected.positions]
    try:
        return list(selected.reward.lint(subset))
    except Exception as exc:  # noqa: BLE001 - a broken lint is reported, not fatal
        return [f"lint of reward {selected.name!r} (plugin {selected.plugin!r}) failed: {type(exc).__name__}: {exc}"]


def run_check(
    selected: Sequence[SelectedReward], rows: Sequence[InputRow], *, on_progress: Callable[[str, int], None] | None = None
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
