"""Verdicts: what a reward says about one completion.

A reward never returns a bare float. It returns a :class:`Verdict`:

* ``correct`` / ``incorrect`` / ``partial(x)`` judge the model's output and
  become rewards (1.0, 0.0 and x unless the reward passes another ``score``);
* ``unverifiable(reason)`` says *we* could not judge it (``timeout``, ``crash``,
  ``sandbox_unavailable``, ``gold_unparseable``, ...). It becomes ``None`` in
  TRL, which leaves the sample out of that reward instead of punishing the
  policy for our outage. It is counted and reported, never turned into 0.0.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any, Literal

__all__ = ["Kind", "Verdict", "UNVERIFIABLE_REASONS"]

Kind = Literal["correct", "incorrect", "partial", "unverifiable"]

#: Reasons the core and built-in plugins use for unverifiable verdicts. Plugins may add their own.
UNVERIFIABLE_REASONS = (
    "timeout",
    "crash",
    "memory",
    "sandbox_unavailable",
    "infra_error",
    "worker_lost",
    "gold_unparseable",
    "no_answer_expected",
    "missing_column",
)


@dataclass(frozen=True)
class Verdict:
    """One reward's judgment of one completion.

    Build verdicts with the class methods (``Verdict.correct()``, ...), not the
    constructor. ``details`` is free-form JSON-able data that ``check`` shows;
    ``answer`` is what the reward extracted from the completion, if anything.
    ``seconds`` is filled in by the core.
    """

    kind: Kind
    score: float | None
    reason: str = ""
    answer: str | None = None
    details: dict[str, Any] = field(default_factory=dict)
    seconds: float = 0.0

    def __post_init__(self) -> None:
        if self.kind == "unverifiable":
            if self.score is not None:
                raise ValueError("an unverifiable verdict has no score")
            if not self.reason:
                raise ValueError("an unverifiable verdict needs a reason")
        elif self.score is None or not math.isfinite(self.score):
            raise ValueError(f"a {self.kind} verdict needs a finite score, got {self.score!r}")

    @classmethod
    def correct(cls, reason: str = "", *, score: float = 1.0, answer: str | None = None, **details: Any) -> Verdict:
        """The completion is right. ``score`` defaults to 1.0."""
        return cls("correct", float(score), reason, answer, details)

    @classmethod
    def incorrect(cls, reason: str = "", *, score: float = 0.0, answer: str | None = None, **details: Any) -> Verdict:
        """The completion is wrong. ``score`` defaults to 0.0."""
        return cls("incorrect", float(score), reason, answer, details)

    @classmethod
    def partial(cls, score: float, reason: str = "", *, answer: str | None = None, **details: Any) -> Verdict:
        """The completion earns ``score``, somewhere between wrong and right."""
        return cls("partial", float(score), reason, answer, details)

    @classmethod
    def unverifiable(cls, reason: str, message: str = "", *, answer: str | None = None, **details: Any) -> Verdict:
        """We could not judge the completion. ``reason`` is a short snake_case code."""
        if message:
            details = {"message": message, **details}
        return cls("unverifiable", None, reason, answer, details)

    @property
    def is_judgment(self) -> bool:
        """True when the verdict judges the model (anything but unverifiable)."""
        return self.kind != "unverifiable"

    def with_seconds(self, seconds: float) -> Verdict:
        """A copy with ``seconds`` set."""
        return replace(self, seconds=seconds)

    def with_details(self, **details: Any) -> Verdict:
        """A copy with extra ``details`` merged in."""
        return replace(self, details={**self.details, **details})

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Verdict:
        """The verdict :meth:`to_dict` wrote (as ``check --output`` and ``POST /score`` give it).

        Raises ``ValueError`` (or ``KeyError``/``TypeError``) for a mapping that is not a verdict.
        """
        kind = data["verdict"]
        if kind not in ("correct", "incorrect", "partial", "unverifiable"):
            raise ValueError(f"not a verdict kind: {kind!r}")
        details = dict(data.get("details") or {})
        score = None if data.get("score") is None else float(data["score"])
        answer = details.get("answer")
        return cls(
            kind,
            score,
            str(data.get("reason") or ""),
            None if answer is None else str(answer),
            details,
            float(data.get("seconds") or 0.0),
        )

    def to_dict(self) -> dict[str, Any]:
        """The stable JSON shape that ``check --output`` writes."""
        details = dict(self.details)
        if self.answer is not None:
            details.setdefault("answer", self.answer)
        return {
            "score": self.score,
            "verdict": self.kind,
            "reason": self.reason,
            "details": details,
            "seconds": round(self.seconds, 6),
        }
