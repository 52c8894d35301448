"""Comparing a program's stdout with the expected output. Runs on our side, never in the sandbox.

The normalisation, applied to both sides:

1. ``\\r\\n`` and lone ``\\r`` become ``\\n``;
2. trailing whitespace is stripped from every line;
3. blank lines at the very end (the final newline, and any after it) are dropped.

Then the outputs must have exactly the same number of lines, and each line
must match exactly. Leading whitespace, blank lines in the middle and case are
significant. There is no prefix or ``zip`` leniency: printing only the first
expected line fails.

Options:

* ``ignore_case``: compare lines case-insensitively (``str.casefold``).
* ``float_tolerance`` > 0: compare each line token by token (split on
  whitespace, same token count); two tokens that are both decimal numbers
  match when ``|got - expected| <= tol * max(1, |expected|)``; every other token
  must match exactly.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

__all__ = ["Comparison", "compare_output", "normalize_lines"]

_NUMBER = re.compile(r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?")


@dataclass(frozen=True)
class Comparison:
    """The outcome of one comparison: ``ok``, and a short reason when not ok."""

    ok: bool
    reason: str = ""


def normalize_lines(text: str) -> list[str]:
    """``text`` as lines after the normalisation in the module docstring."""
    lines = [line.rstrip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    while lines and not lines[-1]:
        lines.pop()
    return lines


def _number(token: str) -> float | None:
    if not _NUMBER.fullmatch(token):
        return None
    value = float(token)
    return value if math.isfinite(value) else None


def _tokens_match(got: str, expected: str, tolerance: float) -> bool:
    if got == expected:
        return True
    a, b = _number(got), _number(expected)
    if a is None or b is None:
        return False
    return abs(a - b) <= tolerance * max(1.0, abs(b))


def _lines_match(got: str, expected: str, tolerance: float) -> bool:
    if tolerance <= 0:
        return got == expected
    got_tokens, expected_tokens = got.split(), expected.split()
    if len(got_tokens) != len(expected_tokens):
        return False
    return all(_tokens_match(g, e, tolerance) for g, e in zip(got_tokens, expected_tokens, strict=True))


def _clip(text: str, width: int = 60) -> str:
    return repr(text if len(text) <= width else text[: width - 1] + "…")


def compare_output(got: str, expected: str, *, ignore_case: bool = False, float_tolerance: float = 0.0) -> Comparison:
    """Compare stdout ``got`` with ``expected`` as the module docstring defines."""
    got_lines, expected_lines = normalize_lines(got), normalize_lines(expected)
    if len(got_lines) != len(expected_lines):
        return Comparison(False, f"expected {len(expected_lines)} line(s), got {len(got_lines)}")
    for number, (g, e) in enumerate(zip(got_lines, expected_lines, strict=True), start=1):
        if ignore_case:
            g, e = g.casefold(), e.casefold()
        if not _lines_match(g, e, float_tolerance):
            return Comparison(False, f"line {number}: expected {_clip(e)}, got {_clip(g)}")
    return Comparison(True)
