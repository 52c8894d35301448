"""Other behaviours of the function, to tell which tests depend on it.

A test counts only if its result depends on what the function does. After the
real run, the harness runs the test program again against *mutants*: stand-ins
that answer each call the real function answered with a different value of the
same kind (a deterministic function of the real answer, so two calls with the
same arguments still agree), and any other call with :data:`SENTINEL`. A test
that passes against the real function and against every mutant passes whatever
the function returns (``assert True``; ``assert f(x) == f(x)``; a comparison of
the function with itself under another name), so it counts for nothing.

Two mutants, because one change can be invisible to a weak but real test: the
first moves every value away (``n + 1``, a longer string, one more item), the
second empties or flips it (``-n - 1``, ``""``, ``[]``). Failing against either
makes a test count.
"""

from __future__ import annotations

import collections
import decimal
import fractions
import math
from typing import Any

from .values import Opaque

__all__ = ["MUTANTS", "SENTINEL", "mutate", "unknown_answer"]

SENTINEL = "\x00grpo: not the function's answer"
MUTANTS = (0, 1)


def unknown_answer(variant: int) -> Any:
    """What a mutant answers for arguments the real function never saw."""
    return SENTINEL if variant == 0 else None


def _number(value: Any, variant: int) -> Any:
    if isinstance(value, float) and not math.isfinite(value):
        return 0.0
    if isinstance(value, decimal.Decimal) and not value.is_finite():
        return decimal.Decimal(0)
    if variant == 0:
        magnitude: Any = abs(value)
        step = max(1, magnitude) if isinstance(value, (float, fractions.Fraction, decimal.Decimal)) else 1
        return value + step
    return -value - 1


def _sequence(value: Any, variant: int, extra: Any) -> Any:
    if variant == 0:
        return value + extra
    return value[:0] if value else extra


def mutate(value: Any, variant: int) -> Any:
    """A value of ``value``'s kind that differs from it (see the module docstring). Never changes ``value``."""
    kind = type(value)
    if value is None:
        return 1 if variant == 0 else ""
    if kind is bool:
        return not value
    if kind in (int, float, complex, fractions.Fraction, decimal.Decimal):
        return _number(value, variant)
    if kind is str:
        return _sequence(value, variant, SENTINEL)
    if kind is bytes:
        return _sequence(value, variant, SENTINEL.encode())
    if kind is list or kind is tuple:
        return _sequence(value, variant, kind([SENTINEL]))
    if kind is set or kind is frozenset:
        return value | {SENTINEL} if variant == 0 else (kind() if value else kind([SENTINEL]))
    if isinstance(value, dict):
        items = dict(value)
        return {**items, SENTINEL: SENTINEL} if variant == 0 else ({} if items else {SENTINEL: SENTINEL})
    if kind is collections.deque:
        return collections.deque(mutate(list(value), variant))
    if kind is range:  # one more item, or none (or one): never materialised
        if variant == 0:
            return range(value.start, value.stop + value.step, value.step) if value else range(1)
        return range(0) if value else range(1)
    if kind is Opaque:
        return Opaque(value.type_name, True if value.truth is None else not value.truth)
    return SENTINEL
