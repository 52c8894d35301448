"""GRPO diagnostics for ``check``: what the trainer will make of these rewards, before any GPU time.

GRPO learns from differences between the completions of one prompt. This
module computes, from ``check``'s verdicts, what TRL's ``GRPOTrainer``
computes from the same rewards (``multi_objective_aggregation="sum_then_normalize"``,
its default):

* the **weighted total** per completion: ``nansum(weight * score)`` over the
  rewards, ``None`` when every reward was unverifiable (TRL's "unscorable"
  rows, whose advantage it forces to 0);
* **groups**: completions that share a prompt;
* per group, the mean and the sample standard deviation (Bessel-corrected,
  ignoring ``None``, as TRL's ``nanstd``), and each completion's **advantage**
  ``(total - mean) / (std + 1e-4)`` (``scale_rewards="group"``), 0 when unscorable;
* the fraction of groups whose total has **zero variance**: no gradient at all
  from that prompt (TRL logs it as ``frac_reward_zero_std``), overall and per reward;
* the **correlation** between each pair of rewards over the completions both scored.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from .verdict import Verdict

__all__ = ["EPSILON", "Diagnostics", "GroupStats", "diagnose", "nanstd", "weighted_totals"]

#: TRL adds this to the group's std before dividing.
EPSILON = 1e-4

Verdicts = Mapping[str, Mapping[int, Verdict]]  # reward -> row position -> verdict


def weighted_totals(verdicts: Verdicts, weights: Mapping[str, float], count: int) -> list[float | None]:
    """TRL's total reward per row: the weighted sum of the scores given, None when no reward scored the row."""
    totals: list[float | None] = []
    for position in range(count):
        parts = [
            weights.get(name, 1.0) * by_row[position].score  # type: ignore[operator]
            for name, by_row in verdicts.items()
            if position in by_row and by_row[position].score is not None
        ]
        totals.append(math.fsum(parts) if parts else None)
    return totals


def nanstd(values: Sequence[float | None]) -> float | None:
    """The sample standard deviation of the values that are not None; None for fewer than two."""
    present = [v for v in values if v is not None]
    if len(present) < 2:
        return None
    mean = math.fsum(present) / len(present)
    return math.sqrt(math.fsum((v - mean) ** 2 for v in present) / (len(present) - 1))


def _mean(values: Sequence[float | None]) -> float | None:
    present = [v for v in values if v is not None]
    return math.fsum(present) / len(present) if present else None


def _is_zero(std: float | None) -> bool:
    return std is not None and math.isclose(std, 0.0, abs_tol=1e-8)


@dataclass(frozen=True)
class GroupStats:
    """One prompt's completions: their totals, the group's mean and std, and each advantage."""

    prompt: str
    positions: list[int]
    totals: list[float | None]
    mean: float | None
    std: float | None
    advantages: list[float]
    reward_std: dict[str, float | None]

    @property
    def zero_std(self) -> bool:
        """True when the total is the same for every scored completion: this prompt gives no gradient."""
        return _is_zero(self.std)

    @property
    def comparable(self) -> bool:
        """At least two completions scored, so the group has a std at all."""
        return self.std is not None

    def to_dict(self, lines: Sequence[int]) -> dict[str, Any]:
        return {
            "prompt": self.prompt,
            "lines": [lines[p] for p in self.positions],
            "totals": self.totals,
            "mean": self.mean,
            "std": self.std,
            "zero_std": self.zero_std,
            "advantages": self.advantages,
            "reward_std": self.reward_std,
        }


@dataclass
class Diagnostics:
    """Everything :func:`diagnose` found. ``groups`` holds prompts with two or more completions."""

    weights: dict[str, float]
    totals: list[float | None]
    groups: list[GroupStats] = field(default_factory=list)
    singletons: int = 0
    correlations: dict[tuple[str, str], tuple[float | None, int]] = field(default_factory=dict)

    @property
    def comparable(self) -> list[GroupStats]:
        return [g for g in self.groups if g.comparable]

    @property
    def zero_std_groups(self) -> list[GroupStats]:
        return [g for g in self.comparable if g.zero_std]

    @property
    def frac_zero_std(self) -> float | None:
        """The share of comparable groups whose total has zero variance (TRL's ``frac_reward_zero_std``)."""
        comparable = self.comparable
        return len(self.zero_std_groups) / len(comparable) if comparable else None

    def zero_std_by_reward(self) -> dict[str, tuple[int, int]]:
        """For each reward: (groups where it alone has zero variance, groups where it has a std)."""
        out: dict[str, tuple[int, int]] = {}
        for name in self.weights:
            stds = [g.reward_std.get(name) for g in self.groups]
            measured = [s for s in stds if s is not None]
            out[name] = (sum(_is_zero(s) for s in measured), len(measured))
        return out

    def advantage_of(self) -> dict[int, float]:
        """Row position -> advantage, for rows in a group."""
        return {p: a for g in self.groups for p, a in zip(g.positions, g.advantages, strict=True)}

    def to_dict(self, lines: Sequence[int]) -> dict[str, Any]:
        return {
            "weights": self.weights,
            "groups": len(self.groups),
            "comparable_groups": len(self.comparable),
            "singletons": self.singletons,
            "frac_reward_zero_std": self.frac_zero_std,
            "zero_std_by_reward": {k: {"zero": z, "of": n} for k, (z, n) in self.zero_std_by_reward().items()},
            "zero_std_groups": [g.to_dict(lines) for g in self.zero_std_groups],
            "correlations": [{"a": a, "b": b, "r": r, "n": n} for (a, b), (r, n) in self.correlations.items()],
        }


def _advantages(totals: Sequence[float | None], mean: float | None, std: float | None) -> list[float]:
    if mean is None or std is None:
        return [0.0] * len(totals)  # TRL: NaN advantages (no std, or unscorable) become 0
    return [0.0 if t is None else (t - mean) / (std + EPSILON) for t in totals]


def _group(prompt: str, positions: list[int], totals: Sequence[float | None], verdicts: Verdicts) -> GroupStats:
    mine = [totals[p] for p in positions]
    mean, std = _mean(mine), nanstd(mine)
    reward_std = {
        name: nanstd([by_row[p].score if p in by_row else None for p in positions]) for name, by_row in verdicts.items()
    }
    return GroupStats(prompt, positions, mine, mean, std, _advantages(mine, mean, std), reward_std)


def pearson(xs: Sequence[float], ys: Sequence[float]) -> float | None:
    """Pearson's r, or None when there are fewer than three pairs or either side is constant."""
    if len(xs) < 3:
        return None
    mx, my = math.fsum(xs) / len(xs), math.fsum(ys) / len(ys)
    sxy = math.fsum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True))
    sxx, syy = math.fsum((x - mx) ** 2 for x in xs), math.fsum((y - my) ** 2 for y in ys)
    if sxx <= 1e-12 or syy <= 1e-12:
        return None
    return max(-1.0, min(1.0, sxy / math.sqrt(sxx * syy)))


def _correlations(verdicts: Verdicts) -> dict[tuple[str, str], tuple[float | None, int]]:
    names = list(verdicts)
    out: dict[tuple[str, str], tuple[float | None, int]] = {}
    for i, a in enumerate(names):
        for b in names[i + 1 :]:
            shared = [p for p, v in verdicts[a].items() if v.score is not None and p in verdicts[b]]
            pairs = [(verdicts[a][p].score, verdicts[b][p].score) for p in shared if verdicts[b][p].score is not None]
            xs = [float(x) for x, _ in pairs if x is not None]
            ys = [float(y) for _, y in pairs if y is not None]
            out[(a, b)] = (pearson(xs, ys), len(xs))
    return out


def diagnose(prompts: Sequence[str], verdicts: Verdicts, weights: Mapping[str, float]) -> Diagnostics:
    """Group rows by prompt text and compute what GRPO will see.

    ``prompts[i]`` is row ``i``'s prompt as text; an empty prompt groups with
    nothing (rows without prompts cannot be told apart). ``verdicts`` maps each
    reward to its verdicts by row position; ``weights`` gives each reward's weight.
    """
    weights = {name: float(weights.get(name, 1.0)) for name in verdicts}
    totals = weighted_totals(verdicts, weights, len(prompts))
    members: dict[str, list[int]] = {}
    singletons = 0
    for position, prompt in enumerate(prompts):
        if prompt.strip():
            members.setdefault(prompt, []).append(position)
        else:
            singletons += 1
    groups = [_group(prompt, positions, totals, verdicts) for prompt, positions in members.items() if len(positions) > 1]
    singletons += sum(1 for positions in members.values() if len(positions) == 1)
    return Diagnostics(weights, totals, groups, singletons, _correlations(verdicts))
