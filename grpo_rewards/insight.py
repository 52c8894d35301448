"""What ``check`` adds to the verdicts: GRPO diagnostics and seed guidance, from the rows and the check report."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from .checking import CheckReport
from .data import InputRow
from .diagnostics import Diagnostics, diagnose
from .seedlint import seed_warnings

__all__ = ["Insight", "insight"]


@dataclass(frozen=True)
class Insight:
    """The diagnostics over all scored rows, and the seed warnings for the data."""

    diagnostics: Diagnostics
    seed: list[str] = field(default_factory=list)

    def to_dict(self, lines: Sequence[int]) -> dict[str, Any]:
        return {"diagnostics": self.diagnostics.to_dict(lines), "seed_lint": self.seed}


def insight(rows: Sequence[InputRow], report: CheckReport) -> Insight:
    """Diagnose ``report``'s verdicts as GRPO would group them, and lint the rows' prompts and golds."""
    prompts = [row.sample().prompt for row in rows]
    weights = {item.name: item.selected.weight for item in report.rewards}
    diag = diagnose(prompts, report.verdicts, weights)
    golds = [c for item in report.rewards for c in item.reward.required_columns()]
    seed = seed_warnings([row.line for row in rows], prompts, [row.columns for row in rows], golds)
    return Insight(diag, seed)
