"""Built-in ``repetition`` reward: a penalty for repeated n-grams.

The completion is split into normalised tokens (see :mod:`._tokens`: case,
width, invisible characters, look-alike letters, whitespace and the choice of
sentence punctuation make no difference). Of its n-grams, the fraction that
repeat an n-gram seen earlier (``1 - distinct / total``) is scaled onto
``[max_penalty, 0]``: 0.0 when nothing repeats, approaching ``max_penalty``
for a completion that is one loop.

A completion with fewer than ``ngram_size`` tokens has no n-grams and scores
0.0 ("too short to repeat"); rewards for correctness or format are the ones to
punish an empty answer. Everything is linear in the completion's length.

Limits: a loop with a fresh number in every n-gram (``x 1 x 2 x 3``) has no
repeated n-gram, since numbers are content; and a loop followed by as much new
text only counts half. Code repeats n-grams naturally (``self . x``); use a
larger ``ngram_size`` for code.
"""

from __future__ import annotations

import collections
from collections.abc import Callable
from dataclasses import dataclass, field

from ..hookspecs import hookimpl
from ..reward import Manifest, Reward, Sample
from ..verdict import Verdict
from ._tokens import tokens

__all__ = ["RepetitionOptions", "RepetitionReward"]


@dataclass(frozen=True)
class RepetitionOptions:
    """Options of the ``repetition`` reward."""

    ngram_size: int = field(default=3, metadata={"help": "tokens per n-gram (use 5 or more for code)"})
    max_penalty: float = field(default=-1.0, metadata={"help": "score of a completion that is all repetition (-1 to 0)"})

    def __post_init__(self) -> None:
        if self.ngram_size < 1:
            raise ValueError(f"ngram_size must be at least 1, got {self.ngram_size}")
        if not -1.0 <= self.max_penalty < 0.0:
            raise ValueError(f"max_penalty must be negative and at least -1, got {self.max_penalty}")


@dataclass(frozen=True)
class RepeatCount:
    """How much of a token sequence repeats itself."""

    tokens: int
    ngrams: int
    repeated: int
    most_repeated: tuple[str, ...]
    most_repeated_count: int

    @property
    def fraction(self) -> float:
        return self.repeated / self.ngrams if self.ngrams else 0.0


def count_repeats(words: list[str], n: int) -> RepeatCount:
    """Count the n-grams of ``words`` that repeat an earlier one."""
    counts = collections.Counter(zip(*(words[i:] for i in range(n)), strict=False))  # stops at the last full n-gram
    total = sum(counts.values())
    top, top_count = counts.most_common(1)[0] if counts else ((), 0)
    return RepeatCount(len(words), total, total - len(counts), top, top_count)


class RepetitionReward(Reward):
    """``max_penalty`` times the fraction of repeated n-grams; 0.0 when nothing repeats."""

    name = "repetition"
    description = "Penalty for repeated n-grams (0 = none, down to max_penalty), robust to case and spacing tricks."
    manifest = Manifest(output_range=(-1.0, 0.0), default_timeout=5.0, isolation="inline", role="penalty")
    Options = RepetitionOptions

    def score(self, sample: Sample, prepared: object) -> Verdict:
        n = self.options.ngram_size
        found = count_repeats(tokens(sample.completion), n)
        details = {"tokens": found.tokens, "ngrams": found.ngrams, "repeated": found.repeated, "ngram_size": n}
        if found.ngrams == 0:
            return Verdict.correct(f"too short to repeat ({found.tokens} tokens, fewer than {n})", score=0.0, **details)
        if found.repeated == 0:
            return Verdict.correct(f"no {n}-gram repeats ({found.ngrams} {n}-grams)", score=0.0, **details)
        top = " ".join(found.most_repeated)
        share = f"{found.repeated} of {found.ngrams} {n}-grams repeat ({found.fraction:.0%})"
        return Verdict.partial(
            self.options.max_penalty * found.fraction,
            f"{share}; most often {top!r} x{found.most_repeated_count}",
            fraction=round(found.fraction, 4),
            most_repeated=top,
            most_repeated_count=found.most_repeated_count,
            **details,
        )


@hookimpl
def register_rewards(register: Callable[..., None]) -> None:
    """Registers the ``repetition`` reward."""
    register(RepetitionReward)
