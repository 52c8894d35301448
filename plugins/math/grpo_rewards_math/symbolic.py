"""The SymPy path: math-verify's parser and comparer, with its timers off and its known errors guarded.

Imported only inside worker processes (it pulls in SymPy and ANTLR). Every
math-verify call passes ``parsing_timeout=None`` / ``timeout_seconds=None``:
math-verify's own timer is ``signal.alarm``, which breaks off the main thread and
cancels any outer timer. A hang here is ended by the core's worker pool instead.

Guards against the errors measured in math-verify (DESIGN.md §6):

* a span is always wrapped as ``\\boxed{...}`` before parsing, so it is read whole;
* numeric equality is exact for exact values: math-verify's comparison rounds
  ``a - b`` to 15 digits with ``chop``, so ``1/2004! == 1/2006!``; while we call
  ``verify`` its numeric comparison is our numeric probe (:mod:`.probe`), and its
  symbolic one simplifies only what evaluation could not decide;
* ``x = 2 x = 3`` (two equations run together) is refused rather than read as ``x = 3``;
* power towers and huge factorials are compared structurally, never evaluated.
"""

from __future__ import annotations

import logging
import math
import re
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from typing import Any

import sympy
from math_verify import LatexExtractionConfig, parse, verify
from math_verify import grader as _grader

from .probe import numeric_probe

__all__ = ["ParseResult", "equal", "parse_span", "too_large"]

logging.getLogger("math_verify").setLevel(logging.ERROR)  # "timeout is disabled" is on purpose here

_EXTRACTION = [LatexExtractionConfig(boxed_match_priority=0, try_extract_without_anchor=False)]
_E_NOTATION = re.compile(r"(?<![\w.])(\d+(?:\.\d+)?|\.\d+)[eE]([-+]?\d+)(?![\w.])")
_HUGE_DIGITS = 10_000  # values with more digits than this are compared structurally only

ParseResult = Any  # a SymPy Basic or MatrixBase


def _expand_plus_minus(span: str) -> str:
    """``\\frac{-1 \\pm \\sqrt{5}}{2}`` -> the two values it names, as a list; anything else unchanged."""
    sign = "\\pm"
    if span.count(sign) != 1 or "\\mp" in span or "," in span:
        return span
    return span.replace(sign, "+") + ", " + span.replace(sign, "-")


def _prepare(span: str) -> str:
    return _E_NOTATION.sub(r"\1\\times 10^{\2}", _expand_plus_minus(span))


_I = sympy.Symbol("i")


def _imaginary_unit(expr: ParseResult) -> ParseResult:
    """A free ``i`` is the imaginary unit (``3+4i``, ``e^{i\\pi}``), however the parser guessed it."""
    if not isinstance(expr, sympy.Basic):
        return expr
    symbols = [s for s in expr.free_symbols if isinstance(s, sympy.Symbol) and s.name == "i"]
    if not symbols:
        return expr
    try:
        return expr.subs({s: sympy.I for s in symbols})
    except Exception:  # noqa: BLE001 - keep the parse as it was
        return expr


@lru_cache(maxsize=4096)
def parse_span(span: str) -> ParseResult | None:
    """``span`` read whole as one expression (via ``\\boxed{span}``), or ``None`` when it does not parse. Cached by string."""
    results = parse(
        "\\boxed{" + _prepare(span) + "}", extraction_config=_EXTRACTION, fallback_mode="no_fallback", parsing_timeout=None
    )
    return _imaginary_unit(results[0]) if results else None


# ----------------------------------------------------------------------------- size guard


def _magnitude(node: Any) -> float | None:
    """Signed log10 of the size of a numeric node (``inf`` when astronomically large), None when unknown."""
    if node.is_Rational:
        return (int(node.p).bit_length() - int(node.q).bit_length()) * math.log10(2)
    if node.is_Float:
        return 0.0
    if isinstance(node, sympy.factorial) and node.args[0].is_Integer:
        n = int(node.args[0])
        return n * math.log10(max(n, 2)) - n * math.log10(math.e) if n > 2 else 0.0
    if isinstance(node, sympy.Pow) and node.is_number:
        base, exponent = node.args
        base_digits = _magnitude(base)
        if base_digits is None:
            return None
        if exponent.is_number and abs(float(exponent.evalf(15))) > 1e12:
            return math.inf
        return base_digits * float(exponent.evalf(15)) if exponent.is_number else None
    if isinstance(node, (sympy.Mul, sympy.Add)) and node.is_number:
        sizes = [_magnitude(arg) for arg in node.args]
        known = [size for size in sizes if size is not None]
        if not known:
            return None
        return sum(known) if isinstance(node, sympy.Mul) else max(known, key=abs)
    return None


def too_large(expr: ParseResult, limit: int = _HUGE_DIGITS) -> bool:
    """True when a subterm would have more than ``limit`` digits (``9^{9^{9^9}}``, ``10000!``)."""
    if not isinstance(expr, sympy.Basic):
        return False
    for node in sympy.preorder_traversal(expr):
        try:
            size = _magnitude(node)
        except (TypeError, ValueError, OverflowError):
            return True
        if size is not None and abs(size) > limit:
            return True
    return False


# ----------------------------------------------------------------------------- structure guards


def malformed_chain(expr: ParseResult) -> bool:
    """``x = 2 x = 3`` parses as the chain ``x = 2x = 3``: a chain whose inner members hold symbols."""
    if not isinstance(expr, sympy.And):
        return False
    relations = getattr(expr, "_unsorted_args", expr.args)
    if not all(isinstance(r, sympy.Eq) for r in relations) or len(relations) < 2:
        return False
    inner = [r.rhs for r in relations[:-1]]
    return any(getattr(member, "free_symbols", None) for member in inner)


def _inequality(expr: Any) -> bool:
    """``x > 1`` or a chain ``-2 <= x <= 0`` (an And of inequalities)."""
    if isinstance(expr, sympy.And):
        return all(_inequality(arg) for arg in expr.args)
    return isinstance(expr, sympy.core.relational.Relational) and not isinstance(expr, sympy.Eq)


def _as_solution_set(expr: ParseResult) -> ParseResult:
    """``x < 1 or x > 2`` (a set of inequalities in one variable) as the union of their solution sets."""
    if not isinstance(expr, sympy.FiniteSet) or len(expr) < 2:
        return expr
    relations = list(expr.args)
    if not all(_inequality(r) for r in relations):
        return expr
    symbols = set().union(*(r.free_symbols for r in relations))
    if len(symbols) != 1:
        return expr
    try:
        return sympy.Union(*(r.as_set() for r in relations))
    except Exception:  # noqa: BLE001 - keep the original when SymPy cannot solve it
        return expr


def _as_sequence(expr: ParseResult) -> tuple[Any, ...] | None:
    """A row/column vector, tuple or open pair as its elements in order."""
    if isinstance(expr, sympy.MatrixBase) and 1 in expr.shape:
        return tuple(expr)
    if isinstance(expr, sympy.Tuple):
        return tuple(expr.args)
    if isinstance(expr, sympy.Interval) and expr.left_open and expr.right_open:
        return (expr.start, expr.end)
    return None


# ----------------------------------------------------------------------------- numeric equality


def _numeric_eq(a: Any, b: Any, float_rounding: int, numeric_precision: int, *, tolerance: float) -> bool:
    """Stand-in for math-verify's ``sympy_numeric_eq``: the numeric probe (exact for exact values, tolerance for decimals)."""
    if isinstance(a, sympy.MatrixBase) and isinstance(b, sympy.MatrixBase):
        return a.shape == b.shape and all(
            _numeric_eq(x, y, float_rounding, numeric_precision, tolerance=tolerance) for x, y in zip(a, b, strict=True)
        )
    if not (isinstance(a, sympy.Basic) and isinstance(b, sympy.Basic)):
        return False
    a, b = _grader.safe_sympy_doit(a), _grader.safe_sympy_doit(b)
    try:
        if a.has(sympy.oo, -sympy.oo, sympy.zoo, sympy.nan) or b.has(sympy.oo, -sympy.oo, sympy.zoo, sympy.nan):
            return bool(a == b)
        return bool(numeric_probe(a, b, tolerance))
    except (TypeError, ValueError, ArithmeticError):
        return False


def _symbolic_eq(a: Any, b: Any) -> bool:
    """Stand-in for math-verify's ``sympy_symbolic_eq``: simplification only when evaluation cannot decide."""
    probed = numeric_probe(a, b, 0.0)
    return probed if probed is not None else bool(_SYMBOLIC_EQ(a, b))


_SYMBOLIC_EQ = _grader.sympy_symbolic_eq


@contextmanager
def _strict_numbers(tolerance: float) -> Iterator[None]:
    originals = _grader.sympy_numeric_eq, _grader.sympy_symbolic_eq
    _grader.sympy_numeric_eq = lambda a, b, r, p: _numeric_eq(a, b, r, p, tolerance=tolerance)
    _grader.sympy_symbolic_eq = _symbolic_eq
    try:
        yield
    finally:
        _grader.sympy_numeric_eq, _grader.sympy_symbolic_eq = originals


# ----------------------------------------------------------------------------- entry point


def _sequences_equal(gold: ParseResult, pred: ParseResult, tolerance: float) -> bool | None:
    g, p = _as_sequence(gold), _as_sequence(pred)
    if g is None or p is None or isinstance(gold, sympy.MatrixBase) == isinstance(pred, sympy.MatrixBase):
        return None  # same kind: math-verify compares those itself
    return len(g) == len(p) and all(equal(x, y, tolerance) for x, y in zip(g, p, strict=True))


def equal(gold: ParseResult, pred: ParseResult, tolerance: float) -> bool:
    """Whether ``pred`` is mathematically the same answer as ``gold`` (the gold's structure decides order)."""
    if malformed_chain(pred):
        return False
    if too_large(gold) or too_large(pred):
        return bool(sympy.srepr(gold) == sympy.srepr(pred))
    gold, pred = _as_solution_set(gold), _as_solution_set(pred)
    as_sequences = _sequences_equal(gold, pred, tolerance)
    if as_sequences is not None:
        return as_sequences
    probed = numeric_probe(gold, pred, tolerance)
    if probed is not None:
        return probed  # settled by evaluation: no symbolic simplification
    with _strict_numbers(tolerance):
        return bool(verify(gold, pred, timeout_seconds=None, allow_set_relation_comp=True))
