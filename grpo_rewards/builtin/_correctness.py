"""Where the ``length`` reward learns whether a completion is correct.

Two sources, named by one option string:

``column:NAME``
    a column holding a boolean (``true``/``false``, also as text) or a score
    (correct when ``>= threshold``). One value per completion, so this suits
    ``check`` files and trainers that attach per-completion results; TRL's
    dataset columns hold one value per *prompt*.
``reward:NAME``
    another installed reward, scored on the same samples through
    :func:`grpo_rewards.score_samples`: ``correct`` counts as correct,
    ``incorrect`` as incorrect, ``partial(x)`` as correct when ``x >= threshold``.
    It runs where the length reward runs (inline, in the trainer's or
    ``check``'s own process), so a process-isolated reward such as ``math`` uses
    that process's warm worker pool, with its deadlines, as it would on its own.

Anything else (an empty cell, a value that is neither a boolean nor a number,
an unverifiable verdict) leaves correctness unknown, and the length reward says
so instead of guessing.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ..plugins import load_plugins
from ..reward import BaseReward, Sample
from ..scoring import score_samples
from ..verdict import Verdict

__all__ = ["Judgment", "RewardJudge", "judge_value", "judge_verdict", "parse_assignments", "parse_source"]

_TRUE = {"true", "yes", "correct", "1"}
_FALSE = {"false", "no", "incorrect", "0"}


@dataclass(frozen=True)
class Judgment:
    """Whether one completion is correct (None: unknown), and how we know."""

    correct: bool | None
    note: str


def parse_source(spec: str) -> tuple[str, str]:
    """``"column:correct"`` -> ``("column", "correct")``; ``"reward:math"`` -> ``("reward", "math")``."""
    kind, sep, name = spec.partition(":")
    if kind not in ("column", "reward") or not sep or not name.strip():
        raise ValueError(f"correctness {spec!r} must be column:NAME or reward:NAME (e.g. column:correct, reward:math)")
    return kind, name.strip()


def parse_assignments(items: Sequence[str]) -> dict[str, str]:
    """``("gold_column=solution",)`` -> ``{"gold_column": "solution"}``."""
    out = {}
    for item in items:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            raise ValueError(f"correctness_options item {item!r} must look like KEY=VALUE, e.g. gold_column=solution")
        out[key.strip()] = value.strip()
    return out


def _number(value: Any) -> float | None:
    if isinstance(value, bool):
        return float(value)
    if isinstance(value, (int, float)) and math.isfinite(value):
        return float(value)
    if isinstance(value, str):
        text = value.strip().lower()
        if text in _TRUE | _FALSE:
            return 1.0 if text in _TRUE else 0.0
        try:
            number = float(text)
        except ValueError:
            return None
        return number if math.isfinite(number) else None
    return None


def judge_value(value: Any, threshold: float, column: str) -> Judgment:
    """Correctness from a column's value."""
    number = _number(value)
    if number is None:
        return Judgment(None, f"column {column!r} holds {value!r}, not a boolean or a score")
    if isinstance(value, bool) or (isinstance(value, str) and value.strip().lower() in _TRUE | _FALSE):
        return Judgment(number == 1.0, f"column {column!r} = {value!r}")
    return Judgment(number >= threshold, f"column {column!r} = {value!r} ({'>=' if number >= threshold else '<'} {threshold:g})")


def judge_verdict(verdict: Verdict, threshold: float, name: str) -> Judgment:
    """Correctness from another reward's verdict."""
    if verdict.kind == "unverifiable":
        message = verdict.details.get("message")
        return Judgment(None, f"reward {name!r} could not judge it ({verdict.reason}{': ' + message if message else ''})")
    if verdict.kind == "partial":
        assert verdict.score is not None
        return Judgment(verdict.score >= threshold, f"reward {name!r}: partial {verdict.score:g} (threshold {threshold:g})")
    return Judgment(verdict.kind == "correct", f"reward {name!r}: {verdict.kind}")


class RewardJudge:
    """Another installed reward, used to decide correctness. Resolved lazily; pickles by name."""

    def __init__(self, name: str, options: Mapping[str, Any]) -> None:
        self.name = name
        self.options = dict(options)
        self._reward: BaseReward | None = None
        self._plugin: str | None = None

    def reward(self) -> BaseReward:
        """The reward instance; raises :class:`~grpo_rewards.ConfigError` for an unknown name or bad options."""
        if self._reward is None:
            registered = load_plugins(strict=False).registry.get(self.name)
            self._reward = registered.create(self.options)
            self._plugin = registered.plugin
        return self._reward

    def judge(self, samples: Sequence[Sample], threshold: float) -> list[Judgment]:
        """Score ``samples`` with the reward and read correctness off each verdict."""
        verdicts = score_samples(self.reward(), samples, plugin=self._plugin)
        return [judge_verdict(v, threshold, self.name) for v in verdicts]

    def __getstate__(self) -> dict[str, Any]:
        return {"name": self.name, "options": self.options}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(state["name"], state["options"])  # type: ignore[misc]
