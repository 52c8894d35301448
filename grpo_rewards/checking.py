"""The engine behind ``grpo-rewards check``: pick rewards, score rows, lint, summarise.

Kept apart from the CLI so it can be tested and reused without a terminal.
"""

from __future__ import annotations

import collections
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from .data import InputRow
from .errors import GrpoRewardsError
from .executors import Executor
from .plugins import PluginManager
from .reward import BaseReward, Sample
from .scoring import score_samples
from .selection import SelectedReward, parse_option_flags, select_rewards
from .summary import RewardSummary, summarize
from .verdict import Verdict

__all__ = [
    "BLOCK_ROWS",
    "DATA_REASONS",
    "AppliedReward",
    "CheckReport",
    "is_data_problem",
    "parse_option_flags",
    "prompt_blocks",
    "run_check",
    "select_for_rows",
]

OnProgress = Callable[[str, int], None]


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


#: Unverifiable reasons that say the row's own data (not the completion, not our side) is unusable.
DATA_REASONS = frozenset({"missing_column", "gold_unparseable"})

#: Rows scored per block: each block is scored by every reward, then its rows are done (and written).
BLOCK_ROWS = 256


def is_data_problem(verdict: Verdict) -> bool:
    """True when ``verdict`` says the row's data cannot be used.

    A reward says so with ``Verdict.unverifiable(reason, message, data_error=True)``
    (the code reward does for missing or malformed tests); ``missing_column``
    and ``gold_unparseable`` always do.
    """
    return verdict.kind == "unverifiable" and (verdict.reason in DATA_REASONS or verdict.details.get("data_error") is True)


@dataclass
class CheckReport:
    """Everything ``check`` found; while a run is going (or after Ctrl-C), what it found so far."""

    rewards: list[AppliedReward]
    verdicts: dict[str, dict[int, Verdict]] = field(default_factory=dict)  # reward -> row position -> verdict
    lint: dict[str, list[str]] = field(default_factory=dict)
    summaries: dict[str, RewardSummary] = field(default_factory=dict)
    earlier: dict[str, list[Verdict]] = field(default_factory=dict)  # verdicts of rows an earlier run wrote (--resume)
    done: set[int] = field(default_factory=set)  # positions of rows every reward has scored

    @property
    def failed(self) -> bool:
        """True when a sample hit a failure on our side (crash, timeout, infra, missing column) or no row had usable data."""
        return any(s.failures for s in self.summaries.values()) or bool(self.unusable())

    def verdicts_of(self, position: int) -> dict[str, Verdict]:
        """The verdicts of the row at ``position``, by reward (rewards that do not apply to it left out)."""
        return {name: by_row[position] for name, by_row in self.verdicts.items() if position in by_row}

    def summarize(self) -> None:
        """Summaries of every reward over the rows scored so far (and those an earlier run wrote)."""
        for item in self.rewards:
            verdicts = [*self.earlier.get(item.name, ()), *self.verdicts.get(item.name, {}).values()]
            self.summaries[item.name] = summarize(item.name, verdicts, item.reward.manifest.failure_reasons)

    def unusable(self) -> list[str]:
        """One message per reward whose every verdict says the row's data cannot be used (exit status 1)."""
        messages = []
        for item in self.rewards:
            verdicts = [*self.earlier.get(item.name, ()), *self.verdicts.get(item.name, {}).values()]
            if verdicts and all(is_data_problem(v) for v in verdicts):
                messages.append(_unusable_message(item, verdicts))
        return messages


def _unusable_message(item: AppliedReward, verdicts: list[Verdict]) -> str:
    reasons = collections.Counter(v.reason for v in verdicts)
    counts = ", ".join(f"{reason} {count}" for reason, count in reasons.most_common())
    first = verdicts[0].details.get("message", verdicts[0].reason)
    return (
        f"reward {item.name!r} (plugin {item.plugin!r}) could not use the data of any of its {len(verdicts)} rows "
        f"({counts}; first: {first}). Fix the dataset, or point the reward at the right columns with "
        f"--option {item.name}.KEY=VALUE (see `grpo-rewards rewards`)."
    )


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


def prompt_blocks(samples: Sequence[Sample], size: int, *, split_groups: bool) -> list[list[int]]:
    """Positions cut into blocks of about ``size`` rows, in first-seen order, keeping rows of one prompt together.

    With ``split_groups`` (no selected reward looks at whole groups) a prompt
    with more than ``size`` rows is cut as well, so a file without prompts still streams.
    """
    by_prompt: dict[str, list[int]] = {}
    for position, sample in enumerate(samples):
        by_prompt.setdefault(sample.prompt, []).append(position)
    blocks: list[list[int]] = [[]]
    for members in by_prompt.values():
        pieces = [members[i : i + size] for i in range(0, len(members), size)] if split_groups else [members]
        for piece in pieces:
            if blocks[-1] and len(blocks[-1]) + len(piece) > size:
                blocks.append([])
            blocks[-1].extend(piece)
    return [sorted(block) for block in blocks if block]


def _score_block(
    item: AppliedReward,
    block: list[int],
    wanted: set[int],
    samples: Sequence[Sample],
    on_progress: OnProgress | None,
    executor: str | Executor | None,
) -> dict[int, Verdict]:
    positions = [p for p in block if p in wanted]
    if not positions:
        return {}
    progress = (lambda n: on_progress(item.name, n)) if on_progress else None
    try:
        chosen = [samples[p] for p in positions]
        verdicts = score_samples(item.reward, chosen, plugin=item.plugin, on_verdict=progress, executor=executor)
    except GrpoRewardsError as exc:
        verdicts = [Verdict.unverifiable("crash", str(exc), plugin=item.plugin)] * len(positions)
    return dict(zip(positions, verdicts, strict=True))


def run_check(
    selected: Sequence[AppliedReward],
    rows: Sequence[InputRow],
    *,
    on_progress: OnProgress | None = None,
    on_rows: Callable[[list[int]], None] | None = None,
    report: CheckReport | None = None,
    block_rows: int = BLOCK_ROWS,
    executor: str | Executor | None = None,
    lint: bool = True,
) -> CheckReport:
    """Score every selected reward on its rows, a block of rows at a time. Failures become verdicts; nothing raises per row.

    Rewards run on ``executor`` (see :mod:`grpo_rewards.executors`). ``on_rows(positions)``
    is called when every reward has scored a block (``check --output`` writes
    those rows then). Pass ``report`` to keep what was found when the run is
    interrupted: its summaries cover the rows done. ``lint=False`` skips each
    reward's data lint (``serve`` scores without it).
    """
    report = report if report is not None else CheckReport(list(selected))
    samples = [row.sample() for row in rows]
    for item in selected:
        report.lint[item.name] = _lint(item, rows) if lint else []
        report.verdicts.setdefault(item.name, {})
    split_groups = all(item.reward.unit == "sample" for item in selected)
    wanted = {item.name: set(item.positions) for item in selected}
    try:
        for block in prompt_blocks(samples, block_rows, split_groups=split_groups):
            for item in selected:
                report.verdicts[item.name].update(_score_block(item, block, wanted[item.name], samples, on_progress, executor))
            report.done.update(block)
            if on_rows is not None:
                on_rows(block)
    finally:
        report.summarize()
    return report
