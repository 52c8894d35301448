"""Summaries of verdicts: what ``check`` prints per reward and the trainer logs."""

from __future__ import annotations

import collections
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field

from .verdict import Verdict

__all__ = ["FAILURE_REASONS", "RewardSummary", "percentile", "summarize", "verdict_metrics"]

#: Unverifiable reasons that mean something went wrong on our side (exit status 1 in ``check``).
FAILURE_REASONS = frozenset({"crash", "timeout", "memory", "sandbox_unavailable", "infra_error", "missing_column", "worker_lost"})


def percentile(values: Sequence[float], q: float) -> float:
    """The ``q``-th percentile (0-100) by nearest rank; 0.0 for no values."""
    if not values:
        return 0.0
    ordered = sorted(values)
    rank = max(0, min(len(ordered) - 1, round(q / 100 * (len(ordered) - 1))))
    return ordered[rank]


@dataclass(frozen=True)
class RewardSummary:
    """Counts and timings of one reward over many samples."""

    name: str
    count: int
    mean: float | None
    verdicts: dict[str, int]
    unverifiable: dict[str, int]
    p50_seconds: float
    p99_seconds: float
    failures: int = 0
    reduced_trust: int = 0
    metrics: dict[str, float] = field(default_factory=dict)

    @property
    def notes(self) -> list[str]:
        """Lines worth printing under the summary table."""
        notes = []
        if self.reduced_trust:
            notes.append(
                f"{self.name}: {self.reduced_trust} sample(s) scored with reduced trust "
                "(details trust: reduced; the judging ran where the model's code could reach it)"
            )
        if self.metrics:
            notes.append(f"{self.name}: " + ", ".join(f"{key} {value:g}" for key, value in self.metrics.items()))
        return notes

    def to_dict(self) -> dict[str, object]:
        return {
            "count": self.count,
            "mean": self.mean,
            "verdicts": self.verdicts,
            "unverifiable": self.unverifiable,
            "p50_seconds": self.p50_seconds,
            "p99_seconds": self.p99_seconds,
            "failures": self.failures,
            "reduced_trust": self.reduced_trust,
            "metrics": self.metrics,
        }


def summarize(name: str, verdicts: Sequence[Verdict], failure_reasons: Collection[str] = ()) -> RewardSummary:
    """Mean score (judged samples only), verdict counts, unverifiable reasons, p50/p99 seconds.

    ``failures`` counts the core's :data:`FAILURE_REASONS` plus the reward's own
    ``failure_reasons`` (from its manifest). ``reduced_trust`` counts verdicts whose
    details say ``trust: reduced`` (a reward that had to judge where the model's
    code could interfere, e.g. the code reward's in-sandbox fallback). ``metrics``
    sums the numbers verdicts carry under ``details["metrics"]`` (see :func:`verdict_metrics`).
    """
    failing = FAILURE_REASONS | frozenset(failure_reasons)
    scores = [v.score for v in verdicts if v.score is not None]
    kinds = collections.Counter(v.kind for v in verdicts)
    reasons = collections.Counter(v.reason for v in verdicts if v.kind == "unverifiable")
    seconds = [v.seconds for v in verdicts]
    return RewardSummary(
        name=name,
        count=len(verdicts),
        mean=sum(scores) / len(scores) if scores else None,
        verdicts={k: kinds.get(k, 0) for k in ("correct", "incorrect", "partial", "unverifiable")},
        unverifiable=dict(reasons.most_common()),
        p50_seconds=percentile(seconds, 50),
        p99_seconds=percentile(seconds, 99),
        failures=sum(c for r, c in reasons.items() if r in failing),
        reduced_trust=sum(v.details.get("trust") == "reduced" for v in verdicts),
        metrics=verdict_metrics(verdicts),
    )


def verdict_metrics(verdicts: Sequence[Verdict]) -> dict[str, float]:
    """Sums of the numbers under ``details["metrics"]`` (a reward's own counters, e.g. judge tokens).

    A reward reports per-sample costs this way (``Verdict.partial(0.7, metrics={"tokens_in": 812})``);
    the TRL bridge logs each sum per call as ``rewards/<name>/<key>`` and ``check`` prints them.
    Non-numeric values are ignored.
    """
    totals: dict[str, float] = {}
    for verdict in verdicts:
        metrics = verdict.details.get("metrics")
        if not isinstance(metrics, Mapping):
            continue
        for key, value in metrics.items():
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                totals[str(key)] = totals.get(str(key), 0.0) + float(value)
    return totals
