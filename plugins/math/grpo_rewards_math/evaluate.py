"""A small evaluator of the LaTeX most answers are written in, so most comparisons never reach a parser.

:func:`evaluate` reads numbers, ``+ - * / ^ !``, implicit products (``2\\pi``,
``3\\sqrt{2}``, ``(x+1)(x-1)``), ``\\frac``, ``\\sqrt[n]{}``, ``\\binom``,
``\\pi``, ``e``, ``i``, ``\\sin``/``\\cos``/``\\tan``/``\\ln``/``\\log``/``\\exp`` with
an argument in brackets, and single-letter variables (bound to the given point).
Rational arithmetic stays exact (:class:`~fractions.Fraction`); anything
irrational is an ``mpmath`` complex number at 60 digits. Everything else (a
relation, a set, an interval, a matrix, text, an unbraced ``\\sin 2x``) raises
:class:`Unsupported` and the caller falls back to SymPy.

:func:`compare` decides equality from the values: exact values exactly,
irrational ones to 40 digits, values written with decimals within the
reward's relative tolerance, and expressions with variables at three fixed
points (a disagreement anywhere means different).

Hostile sizes never get here: :mod:`.guards` refuses them first. Recursion is
bounded by the nesting guard.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from fractions import Fraction
from functools import lru_cache
from typing import Any

import mpmath  # type: ignore[import-untyped]

from .guards import estimated_digits

__all__ = ["Unsupported", "Value", "compare", "evaluate", "variables"]

_CTX = mpmath.MPContext()
_CTX.dps = 60
_TOKEN = re.compile(r"\d+(?:\.\d+)?|\\[a-zA-Z]+|\\.|\S")
_FUNCTIONS = {
    "\\sin": _CTX.sin,
    "\\cos": _CTX.cos,
    "\\tan": _CTX.tan,
    "\\cot": _CTX.cot,
    "\\sec": _CTX.sec,
    "\\csc": _CTX.csc,
    "\\arcsin": _CTX.asin,
    "\\arccos": _CTX.acos,
    "\\arctan": _CTX.atan,
    "\\sinh": _CTX.sinh,
    "\\cosh": _CTX.cosh,
    "\\tanh": _CTX.tanh,
    "\\ln": _CTX.ln,
    "\\exp": _CTX.exp,
}
_MULTIPLY = ("*", "\\cdot", "\\times")
_ATOM_STARTS = frozenset(("(", "{", "\\pi", "\\frac", "\\sqrt", "\\binom", "\\log"))
_DIVIDE = ("/", "\\div")
_MAX_EXACT_POWER = 20_000
_MAX_DIGITS = 5_000  # values with more digits are compared structurally by SymPy, not evaluated
# Sample points: each variable takes both signs and values below and above 1 across the three points.
_POINTS = (
    ("1.2345", "-0.7071", "2.9137", "0.5772"),
    ("-1.618", "3.3219", "-0.3679", "1.4142"),
    ("2.2361", "0.6931", "-1.7321", "-2.6458"),
)


class Unsupported(Exception):
    """The text uses something the evaluator does not read (the caller asks SymPy instead)."""


@dataclass(frozen=True)
class Value:
    """A value: exact (a Fraction) or not (an mpmath complex), and whether a decimal was written in it."""

    number: Any
    decimal: bool = False

    @property
    def exact(self) -> bool:
        return isinstance(self.number, Fraction)


def _inexact(value: Any) -> Any:
    return _CTX.mpc(_CTX.mpf(value.numerator) / value.denominator) if isinstance(value, Fraction) else value


class _Reader:
    """Recursive descent over the tokens of one span; ``bindings`` gives each variable's value."""

    def __init__(self, text: str, bindings: dict[str, Any] | None) -> None:
        self.tokens = _TOKEN.findall(text)
        self.i = 0
        self.bindings = bindings
        self.decimal = False

    def peek(self, ahead: int = 0) -> str:
        index = self.i + ahead
        return self.tokens[index] if index < len(self.tokens) else ""

    def take(self, expected: str | None = None) -> str:
        token = self.peek()
        if expected is not None and token != expected:
            raise Unsupported(f"expected {expected!r}, got {token!r}")
        self.i += 1
        return token

    def read(self) -> Value:
        value = self.expr()
        if self.i != len(self.tokens):
            raise Unsupported(f"unread token {self.peek()!r}")
        return Value(value, self.decimal)

    def expr(self) -> Any:
        value = self.term()
        while self.peek() in ("+", "-"):
            sign = self.take()
            other = self.term()
            value = _add(value, other) if sign == "+" else _add(value, _neg(other))
        return value

    def _starts_atom(self, token: str) -> bool:
        return bool(token) and (
            token[0].isdigit()
            or token.isalpha()
            or token in ("(", "{", "\\pi", "\\frac", "\\sqrt", "\\binom")
            or token in _FUNCTIONS
        )

    def term(self) -> Any:
        value = self.signed()
        while True:
            token = self.peek()
            if token in _MULTIPLY:
                self.take()
                value = _mul(value, self.signed())
            elif token in _DIVIDE:
                self.take()
                value = _div(value, self.signed())
            elif self._starts_atom(token) and not (token[0].isdigit() and self.tokens[self.i - 1][-1:].isdigit()):
                value = _mul(value, self.power())  # implicit product: 2\pi, 3x, (x+1)(x-1)
            else:
                return value

    def signed(self) -> Any:
        if self.peek() == "-":
            self.take()
            return _neg(self.signed())
        if self.peek() == "+":
            self.take()
            return self.signed()
        return self.power()

    def power(self) -> Any:
        base = self.postfix(self.atom())
        if self.peek() != "^":
            return base
        self.take()
        if self.peek() in ("-", "+"):
            exponent = _neg(self.postfix(self.atom())) if self.take() == "-" else self.postfix(self.atom())
        else:
            exponent = self.postfix(self.atom())
        if self.peek() == "^":
            raise Unsupported("a^b^c without braces")
        return _pow(base, exponent)

    def postfix(self, value: Any) -> Any:
        while self.peek() == "!":
            self.take()
            value = _factorial(value)
        return value

    def group(self) -> Any:
        """A braced group ``{...}``, or one token (``\\frac12``, ``\\sqrt2``)."""
        if self.peek() == "{":
            self.take()
            value = self.expr()
            self.take("}")
            return value
        return self.atom()

    def atom(self) -> Any:
        token = self.take()
        if not token:
            raise Unsupported("an empty expression")
        if token[0].isdigit():
            return self.number(token)
        if token in ("(", "{"):
            value = self.expr()
            self.take(")" if token == "(" else "}")
            return value
        if token == "\\frac":
            return _div(self.group(), self.group())
        if token == "\\binom":
            return _binomial(self.group(), self.group())
        if token == "\\sqrt":
            return self.root()
        if token == "\\pi":
            return _CTX.mpc(_CTX.pi)
        if token in _FUNCTIONS:
            return self.function(token)
        if token == "\\log":
            return self.logarithm()
        if len(token) == 1 and token.isalpha():
            return self.variable(token)
        raise Unsupported(f"token {token!r}")

    def number(self, token: str) -> Any:
        if "." in token:
            self.decimal = True
        value = Fraction(token)
        if self.peek() == "\\frac" and "." not in token and self._integer_fraction_follows():
            self.take()
            return value + _div(self.group(), self.group())  # a mixed number: 2\frac{1}{2}
        return value

    def _integer_fraction_follows(self) -> bool:
        ahead = self.tokens[self.i + 1 : self.i + 7]
        return len(ahead) >= 6 and ahead[0] == "{" and ahead[1].isdigit() and ahead[2:4] == ["}", "{"] and ahead[4].isdigit()

    def root(self) -> Any:
        degree: Any = Fraction(2)
        if self.peek() == "[":
            self.take()
            degree = self.expr()
            self.take("]")
        radicand = self.group()
        return _pow(radicand, _div(Fraction(1), degree))

    def argument(self) -> Any:
        if self.peek() in ("(", "{"):
            return self.atom()
        value = self.atom()
        if self._starts_atom(self.peek()) or self.peek() == "^":
            raise Unsupported("a function applied to an unbracketed product")
        return value

    def function(self, name: str) -> Any:
        power = None
        if self.peek() == "^":
            self.take()
            power = self.group()  # \sin^2 x
        value = _FUNCTIONS[name](_inexact(self.argument()))
        return _pow(value, power) if power is not None else value

    def logarithm(self) -> Any:
        base: Any = Fraction(10)  # \log is base 10, as the SymPy path reads it
        if self.peek() == "_":
            self.take()
            base = self.group()
        return _div(_CTX.ln(_inexact(self.argument())), _CTX.ln(_inexact(base)))

    def variable(self, name: str) -> Any:
        if self.peek() == "_":
            self.take()
            name += "_" + "".join(self._subscript())
        if name == "e":
            return _CTX.mpc(_CTX.e)
        if name == "i":
            return _CTX.mpc(0, 1)
        if self.bindings is None or name not in self.bindings:
            raise Unsupported(f"variable {name}")
        return self.bindings[name]

    def _subscript(self) -> list[str]:
        if self.peek() != "{":
            return [self.take()]
        self.take()
        parts = []
        while self.peek() not in ("}", ""):
            parts.append(self.take())
        self.take("}")
        return parts


def _neg(a: Any) -> Any:
    return -a


def _add(a: Any, b: Any) -> Any:
    return a + b if isinstance(a, Fraction) and isinstance(b, Fraction) else _inexact(a) + _inexact(b)


def _mul(a: Any, b: Any) -> Any:
    return a * b if isinstance(a, Fraction) and isinstance(b, Fraction) else _inexact(a) * _inexact(b)


def _div(a: Any, b: Any) -> Any:
    if b == 0:
        raise Unsupported("division by zero")
    return a / b if isinstance(a, Fraction) and isinstance(b, Fraction) else _inexact(a) / _inexact(b)


def _pow(base: Any, exponent: Any) -> Any:
    if isinstance(base, Fraction) and isinstance(exponent, Fraction):
        if exponent.denominator == 1 and abs(exponent) <= _MAX_EXACT_POWER:
            if base == 0 and exponent < 0:
                raise Unsupported("division by zero")
            return base**exponent.numerator
        root = _exact_root(base, exponent)
        if root is not None:
            return root
    if base == 0:
        return Fraction(0) if (exponent.real if not isinstance(exponent, Fraction) else exponent) > 0 else _raise()
    return _CTX.power(_inexact(base), _inexact(exponent))


def _raise() -> Any:
    raise Unsupported("0 to a non-positive power")


def _exact_root(base: Fraction, exponent: Fraction) -> Fraction | None:
    """``4^{1/2}`` is exactly 2; None when the root is irrational."""
    if base < 0 or exponent.denominator > 12 or abs(exponent.numerator) > 64:
        return None
    n = exponent.denominator
    num, den = round(base.numerator ** (1 / n)), round(base.denominator ** (1 / n))
    if num**n == base.numerator and den**n == base.denominator:
        return Fraction(num, den) ** exponent.numerator
    return None


def _factorial(value: Any) -> Any:
    if isinstance(value, Fraction) and value.denominator == 1 and 0 <= value <= 20_000:
        return Fraction(math.factorial(int(value)))
    raise Unsupported("factorial of a non-integer")


def _binomial(n: Any, k: Any) -> Any:
    if all(isinstance(v, Fraction) and v.denominator == 1 and 0 <= v <= 20_000 for v in (n, k)):
        return Fraction(math.comb(int(n), int(k)))
    raise Unsupported("binomial of non-integers")


_VARIABLE = re.compile(r"(?<![\\a-zA-Z])([a-df-hj-zA-Z])(?![a-zA-Z])(?:_(\{[^{}]*\}|\w))?")


def variables(text: str) -> frozenset[str]:
    """The variable names a span uses (``e`` and ``i`` are constants, command names are not variables)."""
    return frozenset(
        m.group(1) + ("_" + re.sub(r"[{}\s]", "", m.group(2)) if m.group(2) else "") for m in _VARIABLE.finditer(text)
    )


@lru_cache(maxsize=8192)
def evaluate(text: str, point: int = -1, names: frozenset[str] = frozenset()) -> Value | None:
    """The value of ``text``, or None when the evaluator does not read it. Cached by string.

    With ``point`` >= 0, each of ``names`` is bound to that point's value.
    """
    bindings = None
    if len(names) > len(_POINTS[0]) or estimated_digits(text) > _MAX_DIGITS:
        return None  # a gold may be a tower (never refused); compared structurally, never evaluated
    if point >= 0:
        bindings = {name: _CTX.mpc(_CTX.mpf(_POINTS[point][k])) for k, name in enumerate(sorted(names))}
    try:
        return _Reader(text, bindings).read()
    except (Unsupported, ZeroDivisionError, OverflowError, ValueError, RecursionError):
        return None


def _close(a: Value, b: Value, tolerance: float, floor: str) -> bool:
    """Equal values: exactly when both are exact and no decimal was written; else within a relative bound."""
    decimal = (a.decimal or b.decimal) and tolerance > 0
    if a.exact and b.exact:
        if not decimal:
            return bool(a.number == b.number)
        return bool(abs(a.number - b.number) <= Fraction(str(tolerance)) * max(abs(a.number), abs(b.number)))
    x, y = _inexact(a.number), _inexact(b.number)
    scale = max(abs(x), abs(y))
    if scale == 0:
        return True
    relative = _CTX.mpf(tolerance) * (1 + _CTX.mpf("1e-9")) if decimal else _CTX.mpf(floor)
    return bool(abs(x - y) <= relative * scale)


def compare(gold: str, pred: str, tolerance: float, *, gold_precision: Fraction | None = None) -> bool | None:
    """Whether ``pred`` equals ``gold`` by evaluation; None when either side cannot be evaluated.

    ``gold_precision``: half a unit in the last place of a decimal gold (``0.0166667``): a
    value within it rounds to the gold (``\\frac{0.1}{6}``).
    """
    names = variables(gold) | variables(pred)
    if not names:
        a, b = evaluate(gold), evaluate(pred)
        if a is None or b is None:
            return None
        if gold_precision is not None and (not b.exact or b.decimal):
            bound = _CTX.mpf(gold_precision.numerator) / gold_precision.denominator
            if abs(_inexact(a.number) - _inexact(b.number)) < bound:
                return True
        return _close(a, b, tolerance, "1e-40")
    if len(names) > 4:
        return None
    for point in range(3):
        a, b = evaluate(gold, point, names), evaluate(pred, point, names)
        if a is None or b is None:
            return None
        if not _close(a, b, tolerance, "1e-30"):
            return False  # one point where they differ: different answers
    return True
