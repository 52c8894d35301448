"""Built-in ``length`` reward: shorter correct answers score higher, within each group.

Modes (``mode``):

``kimi`` (Kimi k1.5's length reward)
    Per group of completions sharing a prompt, with ``min_len`` and ``max_len``
    the shortest and longest length in the group,
    ``λ = 0.5 - (len - min_len) / (max_len - min_len)`` (0 when all lengths are
    equal). A correct completion gets λ, in [-0.5, 0.5]; an incorrect one gets
    ``min(0, λ)``, so a short wrong answer never earns anything for being short.
    Every completion of the group counts toward ``min_len`` and ``max_len``,
    whatever its correctness.
``cosine`` (cosine length scaling)
    ``progress = min(1, len / budget)`` with ``budget = cosine_max_len``, or the
    group's longest length when that is unset. A correct completion goes from
    1.0 (empty) down to 0.5 (at the budget) along a half cosine; an incorrect one
    from -1.0 up to -0.5: shorter correct answers are better, longer wrong ones
    (more thinking) less bad.
``overlong`` (DAPO's soft overlong punishment, alone)
    0 up to ``max_length - overlong_cache`` tokens, then linearly down to -1 at
    ``max_length`` tokens, -1 beyond.

With ``max_length`` set, ``kimi`` and ``cosine`` add that overlong penalty too.
Every score is clamped to the output range [-1, 1].

**Length** is counted in tokens (``len(completion_ids)``) when every completion
of the group has ``completion_ids``, else in characters with whitespace runs
counted as one (so padding with spaces does not make a wrong answer "longer");
``unit`` forces tokens, characters or whitespace-separated words. Characters
are the fallback rather than words because words are easy to game (delete the
spaces). The overlong penalty always counts tokens: without ``completion_ids``
it cannot be computed, and the verdict is ``unverifiable(missing_column)``.

**Correctness** comes from ``correctness``: ``column:NAME`` (a boolean or a
score per completion) or ``reward:NAME`` (another installed reward, e.g.
``reward:math``, with its options in ``correctness_options`` as KEY=VALUE
items); see :mod:`._correctness`. Under TRL, dataset columns hold one value per
prompt, so use ``reward:NAME`` there; note the named reward is then scored a
second time (cheap for ``math``, a second sandbox run for ``code``). When
correctness is unknown for a completion (empty cell, unverifiable verdict) its
verdict is ``unverifiable(correctness_unknown)``, which TRL drops, never a 0.

**Groups.** This reward is group-relative, so it is a ``GroupReward``. A
group is every completion with the same prompt *in one call*: under multi-GPU
TRL a prompt's ``num_generations`` completions may be split across processes,
and each process then compares only its share. A group of one has nothing to
compare against (``kimi``, and ``cosine`` without ``cosine_max_len``), and is
``unverifiable(group_too_small)``.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from ..errors import ConfigError
from ..hookspecs import hookimpl
from ..reward import Group, GroupReward, Manifest, Sample
from ..verdict import Verdict
from ._correctness import Judgment, RewardJudge, judge_value, parse_assignments, parse_source

__all__ = ["LengthOptions", "LengthReward", "cosine_score", "kimi_lambda", "overlong_penalty"]

#: (value for an empty completion, value at the budget) of the cosine mode.
COSINE_CORRECT = (1.0, 0.5)
COSINE_INCORRECT = (-1.0, -0.5)


@dataclass(frozen=True)
class LengthOptions:
    """Options of the ``length`` reward (see the module docstring)."""

    mode: Literal["kimi", "cosine", "overlong"] = field(default="kimi", metadata={"help": "kimi, cosine or overlong"})
    correctness: str = field(default="column:correct", metadata={"help": "column:NAME or reward:NAME deciding correctness"})
    correctness_options: tuple[str, ...] = field(
        default=(), metadata={"help": "KEY=VALUE options of the reward named in correctness"}
    )
    correct_threshold: float = field(default=1.0, metadata={"help": "a score at or above this counts as correct"})
    unit: Literal["auto", "tokens", "chars", "words"] = field(
        default="auto", metadata={"help": "auto: tokens if completion_ids, else chars"}
    )
    cosine_max_len: int | None = field(default=None, metadata={"help": "cosine budget in units (default: the group's longest)"})
    max_length: int | None = field(default=None, metadata={"help": "tokens; enables the overlong penalty"})
    overlong_cache: int | None = field(
        default=None, metadata={"help": "tokens over which the penalty ramps (default: max_length/5)"}
    )

    def __post_init__(self) -> None:
        kind, name = parse_source(self.correctness)
        parse_assignments(self.correctness_options)
        if kind == "reward" and name == "length":
            raise ValueError("correctness=reward:length would judge length by itself; name a correctness reward such as math")
        if self.mode == "overlong" and self.max_length is None:
            raise ValueError("mode=overlong needs max_length (in tokens)")
        if self.max_length is not None and self.max_length < 1:
            raise ValueError(f"max_length must be positive, got {self.max_length}")
        if self.overlong_cache is not None and not 1 <= self.overlong_cache <= (self.max_length or 0):
            raise ValueError(f"overlong_cache must be between 1 and max_length, got {self.overlong_cache}")
        if self.cosine_max_len is not None and self.cosine_max_len < 1:
            raise ValueError(f"cosine_max_len must be positive, got {self.cosine_max_len}")

    @property
    def cache(self) -> int:
        """The overlong ramp in tokens."""
        assert self.max_length is not None
        return self.overlong_cache if self.overlong_cache is not None else max(1, self.max_length // 5)


def kimi_lambda(length: float, shortest: float, longest: float) -> float:
    """Kimi k1.5's ``λ = 0.5 - (len - min_len) / (max_len - min_len)``; 0 when all lengths are equal."""
    return 0.5 - (length - shortest) / (longest - shortest) if longest > shortest else 0.0


def cosine_score(progress: float, correct: bool) -> float:
    """The cosine-scaled value at ``progress`` in [0, 1] of the budget."""
    short, long = COSINE_CORRECT if correct else COSINE_INCORRECT
    return long + 0.5 * (short - long) * (1.0 + math.cos(math.pi * min(1.0, max(0.0, progress))))


def overlong_penalty(tokens: int, max_length: int, cache: int) -> float:
    """DAPO's soft overlong punishment: 0, then linear down to -1 at ``max_length``, -1 beyond."""
    start = max_length - cache
    if tokens <= start:
        return 0.0
    return max(-1.0, (start - tokens) / cache)


def _clamp(value: float) -> float:
    return max(-1.0, min(1.0, value))


def _text_length(text: str, unit: str) -> int:
    return len(text.split()) if unit == "words" else len(" ".join(text.split()))


def measure(samples: Sequence[Sample], unit: str) -> tuple[list[int] | None, str]:
    """Lengths of ``samples`` in one unit for the whole group, and the unit used (None: ids missing)."""
    have_ids = all(s.completion_ids is not None for s in samples)
    if unit == "tokens" or (unit == "auto" and have_ids):
        if not have_ids:
            return None, "tokens"
        return [len(s.completion_ids or ()) for s in samples], "tokens"
    unit = "chars" if unit == "auto" else unit
    return [_text_length(s.completion, unit) for s in samples], unit


def _missing_ids(why: str) -> Verdict:
    return Verdict.unverifiable("missing_column", f"column 'completion_ids' is missing: {why}")


class LengthReward(GroupReward):
    """Group-relative length shaping by correctness (Kimi k1.5 or cosine), plus DAPO's overlong penalty."""

    name = "length"
    description = "Shorter correct answers score higher within a group (Kimi k1.5 or cosine), plus overlong penalty."
    manifest = Manifest(
        required_columns=("correct",), output_range=(-1.0, 1.0), default_timeout=10.0, isolation="inline", role="shaping"
    )
    Options = LengthOptions

    def __init__(self, options: Any = None, *, timeout: float | None = None) -> None:
        super().__init__(options, timeout=timeout)
        kind, name = parse_source(self.options.correctness)
        self._column = name if kind == "column" else None
        self._judge = RewardJudge(name, parse_assignments(self.options.correctness_options)) if kind == "reward" else None
        if self._judge is not None and self.options.mode != "overlong":
            try:
                self._judge.reward()  # an unknown reward or a bad option fails now, not on every batch
            except ConfigError as exc:
                raise ConfigError(f"reward 'length' option correctness={self.options.correctness!r}: {exc}") from None

    def required_columns(self) -> tuple[str, ...]:
        if self.options.mode == "overlong":
            return ()
        if self._judge is not None:
            return self._judge.reward().required_columns()
        return (self._column,) if self._column else ()

    def group_columns(self) -> tuple[str, ...]:
        return ()  # a group is one prompt's completions; correctness differs inside it

    def _judgments(self, samples: Sequence[Sample]) -> list[Judgment]:
        threshold = self.options.correct_threshold
        if self._judge is not None:
            return self._judge.judge(samples, threshold)
        column = self._column or ""
        return [judge_value(s.row.get(column), threshold, column) for s in samples]

    def _penalties(self, samples: Sequence[Sample]) -> list[float | None]:
        """The overlong penalty of each sample; None where it lacks the token ids to count."""
        max_length = self.options.max_length
        if max_length is None:
            return [0.0] * len(samples)
        return [
            None if s.completion_ids is None else overlong_penalty(len(s.completion_ids), max_length, self.options.cache)
            for s in samples
        ]

    def score_group(self, group: Group) -> list[Verdict]:
        samples = group.samples
        penalties = self._penalties(samples)
        no_ids = _missing_ids(f"the overlong penalty (max_length={self.options.max_length}) counts tokens")
        if self.options.mode == "overlong":
            return [
                no_ids if p is None else self._overlong_verdict(len(s.completion_ids or ()), p)
                for s, p in zip(samples, penalties, strict=True)
            ]
        lengths, unit = measure(samples, self.options.unit)
        if lengths is None:
            return [_missing_ids("unit=tokens needs the token ids of every completion in the group")] * len(samples)
        if len(samples) < 2 and (self.options.mode == "kimi" or self.options.cosine_max_len is None):
            message = "a group of 1 completion has no lengths to compare (under multi-GPU TRL a group may be split)"
            return [Verdict.unverifiable("group_too_small", message, length=lengths[0], unit=unit)]
        judgments = self._judgments(samples)
        return [
            no_ids if penalty is None else self._shaped_verdict(length, unit, lengths, judgment, penalty)
            for length, judgment, penalty in zip(lengths, judgments, penalties, strict=True)
        ]

    def _overlong_verdict(self, tokens: int, penalty: float) -> Verdict:
        limit = self.options.max_length
        details = {"tokens": tokens, "max_length": limit, "overlong_cache": self.options.cache}
        if penalty == 0.0:
            return Verdict.correct(f"{tokens} tokens, within the budget", score=0.0, **details)
        if penalty <= -1.0:
            return Verdict.incorrect(f"{tokens} tokens, at or over max_length {limit}", score=-1.0, **details)
        return Verdict.partial(
            penalty, f"{tokens} tokens, {tokens - (limit or 0) + self.options.cache} into the overlong ramp", **details
        )

    def _shape(self, length: int, lo: int, hi: int, correct: bool) -> tuple[float, str, dict[str, Any]]:
        """The kimi or cosine score before the overlong penalty, how it came about, and its details."""
        if self.options.mode == "kimi":
            lam = kimi_lambda(length, lo, hi)
            base = lam if correct else min(0.0, lam)
            return base, f"λ={lam:+.2f}" + (" capped at 0 for a wrong answer" if base != lam else ""), {"lambda": round(lam, 6)}
        budget = self.options.cosine_max_len or max(hi, 1)
        return (
            cosine_score(length / budget, correct),
            f"cosine at {min(1.0, length / budget):.0%} of {budget}",
            {"budget": budget},
        )

    def _shaped_verdict(self, length: int, unit: str, lengths: list[int], judgment: Judgment, penalty: float) -> Verdict:
        lo, hi = min(lengths), max(lengths)
        details: dict[str, Any] = {"length": length, "unit": unit, "group_min": lo, "group_max": hi, "correctness": judgment.note}
        if judgment.correct is None:
            return Verdict.unverifiable("correctness_unknown", judgment.note, **details)
        base, how, extra = self._shape(length, lo, hi, judgment.correct)
        reason = f"{'correct' if judgment.correct else 'incorrect'}, {length} {unit} (group {lo}-{hi}): {how}"
        if penalty:
            reason += f", overlong penalty {penalty:.2f}"
            extra["overlong_penalty"] = round(penalty, 6)
        build = Verdict.correct if judgment.correct else Verdict.incorrect
        return build(reason, score=_clamp(base + penalty), **details, **extra)


@hookimpl
def register_rewards(register: Callable[..., None]) -> None:
    """Registers the ``length`` reward."""
    register(LengthReward)
