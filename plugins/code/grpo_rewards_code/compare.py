"""Comparing a program's stdout with the expected output. Runs on our side, never in the sandbox.

Two modes (the ``compare`` option); both run in time linear in the output:

* ``tokens`` (default), what APPS and Codeforces checkers accept: both outputs
  are split on whitespace (spaces, tabs, newlines, ``\\r``), and the token
  sequences must be equal. So trailing whitespace, blank lines and line breaks
  between tokens never matter, while every token must be there, in order:
  printing only the first expected token fails, and so does an extra one.
* ``exact``: line by line after a light normalisation of both sides: ``\\r\\n``
  and lone ``\\r`` become ``\\n``, trailing whitespace is stripped from every
  line, and blank lines at the very end are dropped. Leading whitespace and
  blank lines in the middle are significant.

Options, in either mode:

* ``ignore_case``: compare case-insensitively (``str.casefold``).
* ``float_tolerance`` (``tokens`` mode, default ``1e-6``): an expected token
  written as a decimal fraction (with a ``.`` or an exponent: ``0.5``,
  ``2.000000``, ``1e-9``) matches any decimal number within
  ``tol * max(1, |expected|)``, the "absolute or relative error" rule of
  Codeforces-style float checkers, so ``1.5`` matches ``1.500000`` and
  ``0.3333333333333333`` matches ``0.333333333333``. Integer tokens and words
  must match exactly (a count of ``1000001`` never matches ``1000000``).
  ``nan`` and ``inf`` are words, not numbers. ``0`` compares every token exactly.
  Whether a token is a decimal number is decided by a single left-to-right
  scan, never by a backtracking regular expression.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal

__all__ = ["DEFAULT_TOLERANCE", "CompareMode", "Comparison", "compare_output", "decimal_number", "normalize_lines"]

CompareMode = Literal["tokens", "exact"]
_DIGITS = frozenset("0123456789")
#: The default ``float_tolerance``: what float checkers of programming contests accept.
DEFAULT_TOLERANCE = 1e-6


@dataclass(frozen=True)
class Comparison:
    """The outcome of one comparison: ``ok``, and a short reason when not ok."""

    ok: bool
    reason: str = ""


def normalize_lines(text: str) -> list[str]:
    """``text`` as lines after the ``exact`` mode's normalisation."""
    lines = [line.rstrip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    while lines and not lines[-1]:
        lines.pop()
    return lines


def _digits_from(token: str, i: int) -> int:
    while i < len(token) and token[i] in _DIGITS:
        i += 1
    return i


def decimal_number(token: str) -> float | None:
    """``token`` as a finite float when it is ``[+-]digits[.digits][e[+-]digits]`` (or ``.5``), else ``None``.

    One pass over the token: linear in its length whatever it holds.
    """
    i = 1 if token[:1] in ("+", "-") else 0
    start = i
    i = _digits_from(token, i)
    whole = i - start
    fraction = 0
    if i < len(token) and token[i] == ".":
        after = _digits_from(token, i + 1)
        fraction, i = after - i - 1, after
    if whole == 0 and fraction == 0:
        return None
    if i < len(token) and token[i] in "eE":
        j = i + 1 + (token[i + 1 : i + 2] in ("+", "-"))
        end = _digits_from(token, j)
        if end == j:
            return None
        i = end
    if i != len(token):
        return None
    value = float(token)
    return value if math.isfinite(value) else None


def _fractional(token: str) -> bool:
    return "." in token or "e" in token or "E" in token


def _tokens_match(got: str, expected: str, tolerance: float) -> bool:
    if got == expected:
        return True
    if tolerance <= 0 or not _fractional(expected):
        return False
    a, b = decimal_number(got), decimal_number(expected)
    if a is None or b is None:
        return False
    return abs(a - b) <= tolerance * max(1.0, abs(b))


def _clip(text: str, width: int = 60) -> str:
    return repr(text if len(text) <= width else text[: width - 1] + "…")


def _compare_tokens(got: str, expected: str, tolerance: float) -> Comparison:
    got_tokens, expected_tokens = got.split(), expected.split()
    for number, (g, e) in enumerate(zip(got_tokens, expected_tokens, strict=False), start=1):
        if not _tokens_match(g, e, tolerance):
            return Comparison(False, f"token {number}: expected {_clip(e)}, got {_clip(g)}")
    if len(got_tokens) != len(expected_tokens):
        return Comparison(False, f"expected {len(expected_tokens)} token(s), got {len(got_tokens)}")
    return Comparison(True)


def _compare_lines(got: str, expected: str) -> Comparison:
    got_lines, expected_lines = normalize_lines(got), normalize_lines(expected)
    if len(got_lines) != len(expected_lines):
        return Comparison(False, f"expected {len(expected_lines)} line(s), got {len(got_lines)}")
    for number, (g, e) in enumerate(zip(got_lines, expected_lines, strict=True), start=1):
        if g != e:
            return Comparison(False, f"line {number}: expected {_clip(e)}, got {_clip(g)}")
    return Comparison(True)


def compare_output(
    got: str,
    expected: str,
    *,
    mode: CompareMode = "tokens",
    ignore_case: bool = False,
    float_tolerance: float = DEFAULT_TOLERANCE,
) -> Comparison:
    """Compare stdout ``got`` with ``expected`` as the module docstring defines."""
    if ignore_case:
        got, expected = got.casefold(), expected.casefold()
    if mode == "exact":
        return _compare_lines(got, expected)
    return _compare_tokens(got, expected, float_tolerance)
