"""A worked solution that can go wrong on purpose, one computed step per line.

A GSM8K-style template computes its answer through ``Work.calc``. Run once with no slip it
gives the gold answer; run with ``slip_at=k`` the k-th computed value is replaced by a
plausible arithmetic slip and every later line uses the slipped value, exactly as a model's
error propagates. The label of a completion is then simply whether its final stated value
equals the gold.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from fractions import Fraction

Number = int | Fraction


class Work:
    """Hands out the values of a solution's steps, slipping at one of them if asked."""

    def __init__(self, rng: random.Random, slip_at: int | None = None) -> None:
        self.rng = rng
        self.slip_at = slip_at
        self.count = 0

    def calc(self, value: Number) -> Number:
        index = self.count
        self.count += 1
        if index != self.slip_at:
            return value
        return slip(value, self.rng)


def slip(value: Number, rng: random.Random) -> Number:
    """An arithmetic slip a model makes: off by one or ten, digits swapped, a doubled step."""
    if isinstance(value, Fraction) and value.denominator != 1:
        return value + Fraction(1, value.denominator)
    v = int(value)
    options = [v + 1, v - 1, v + 10, v + 2]
    if v > 20:
        options.append(v - 10)
    s = str(abs(v))
    if len(s) >= 2 and s[-1] != s[-2]:
        options.append(int(s[:-2] + s[-1] + s[-2]) * (1 if v >= 0 else -1))
    options = [o for o in options if o != v and o > 0]
    return rng.choice(options)


@dataclass
class Solved:
    """One run of a template."""

    problem: str
    steps: list[str]
    answer: Number
    statement: str  # the sentence that states the result in words, with its unit
    unit: str = ""  # "$" for money (a prefix), otherwise a word after the number
    intro: list[str] = field(default_factory=list)


def num(value: Number) -> str:
    """A value as a model writes it in running text."""
    if isinstance(value, Fraction):
        if value.denominator == 1:
            return str(value.numerator)
        as_float = value.numerator / value.denominator
        if value.denominator in (2, 4, 5, 8, 10, 20, 25, 50, 100):
            return f"{as_float:.2f}".rstrip("0").rstrip(".")
        return f"{value.numerator}/{value.denominator}"
    return str(value)


def money(value: Number, cents: bool = False) -> str:
    """Dollars: $18, $1,250, $12.50."""
    if isinstance(value, Fraction) and value.denominator != 1:
        return f"${float(value):,.2f}"
    v = int(value)
    return f"${v:,}.00" if cents else f"${v:,}"


def gold_text(value: Number) -> str:
    """The gold answer as GSM8K writes it: a plain number."""
    if isinstance(value, Fraction) and value.denominator != 1:
        return f"{float(value):.10g}"
    return str(int(value))
