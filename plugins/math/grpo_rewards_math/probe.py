"""The numeric probe: settle most comparisons by evaluating both sides, before any symbolic simplification.

Imported only in worker processes (it uses SymPy). For two expressions (not
sets, relations or matrices):

* both constant: evaluated to 50 digits. Exact values are equal when they agree to
  1e-40 relatively (``1/2004!`` and ``1/2006!`` are far apart); when either side is a
  decimal, the reward's relative tolerance applies;
* with symbols: evaluated at a few fixed points (negative, fractional, above 1, so
  ``\\sqrt{x^2}`` and ``x`` part); any disagreement settles "different", agreement at
  every point "equal" (a polynomial identity test).

A result of ``None`` means the probe could not decide (an unevaluated function, a
value that does not evaluate to a number); SymPy's symbolic comparison decides then.
"""

from __future__ import annotations

from typing import Any

import sympy

__all__ = ["numeric_probe"]

_POINTS = ((1.2345, -0.7071, 2.9137), (-1.618, 0.5772, 3.3219), (0.3679, 1.4142, -2.2361))
_DIGITS = 50
_EXACT = sympy.Float("1e-40")
_SYMBOLIC = 1e-9


def _value(expr: Any, digits: int) -> Any:
    try:
        value = sympy.N(expr, digits)
    except Exception:  # noqa: BLE001 - anything SymPy cannot evaluate is "undecided"
        return None
    if not getattr(value, "is_number", False) or value.has(sympy.oo, -sympy.oo, sympy.zoo, sympy.nan):
        return None
    try:
        return value
    except (TypeError, ValueError):
        return None


def _has_float(expr: Any) -> bool:
    return bool(expr.atoms(sympy.Float))


def _close(a: Any, b: Any, relative: Any) -> bool:
    scale = max(abs(a), abs(b))
    if scale == 0:
        return True
    return bool(abs(a - b) <= relative * scale)


def _exact_difference(gold: Any, pred: Any) -> bool | None:
    """Rationals compare exactly (``10^{100}`` is not ``10^{100}+1``); None when either side is irrational or a decimal."""
    if _has_float(gold) or _has_float(pred):
        return None
    try:
        difference = (gold - pred).doit()
    except Exception:  # noqa: BLE001 - leave it to evaluation
        return None
    return bool(difference == 0) if difference.is_Rational else None


def numeric_probe(gold: Any, pred: Any, tolerance: float) -> bool | None:
    """Equal / different by evaluation, or ``None`` when evaluation cannot decide."""
    if not (isinstance(gold, sympy.Expr) and isinstance(pred, sympy.Expr)):
        return None
    symbols = sorted(gold.free_symbols | pred.free_symbols, key=str)
    if not symbols:
        exact = _exact_difference(gold, pred)
        if exact is not None:
            return exact
        a, b = _value(gold, _DIGITS), _value(pred, _DIGITS)
        if a is None or b is None:
            return None
        if _has_float(gold) or _has_float(pred):
            return _close(a, b, sympy.Float(tolerance) * (1 + sympy.Float("1e-9")) if tolerance else _EXACT)
        return _close(a, b, _EXACT)
    if len(symbols) > 3:
        return None
    agreed = 0
    for point in _POINTS:
        values = dict(zip(symbols, (sympy.Float(v, 30) for v in point), strict=False))
        a, b = _value(gold.subs(values), 30), _value(pred.subs(values), 30)
        if a is None or b is None:
            continue
        if not _close(a, b, sympy.Float(max(tolerance, _SYMBOLIC))):
            return False
        agreed += 1
    return True if agreed == len(_POINTS) else None
