"""Guards that decide hostile answers before any parser or evaluator sees them.

A policy learns fast that an answer which makes the grader hang escapes the
penalty a wrong answer gets. So an answer span that would be expensive to read
is **incorrect**, with a reason, in linear time and without SymPy:

* ``answer_too_long``: more characters than ``max_answer_chars``;
* ``answer_too_deep``: brackets nested deeper than ``max_nesting``;
* ``answer_too_big``: a value with more than :data:`MAX_DIGITS` digits (or a
  magnitude below ``10^-MAX_DIGITS``), estimated from the text: factorials
  (``(10^9)!``, ``3!!!!``), binomials (``\\binom{10^9}{5\\cdot10^8}``), ``\\Gamma``,
  ``\\prod``/``\\sum`` over too many terms, and power towers (``9^{9^{9^9}}``).

The estimate is a small recursive-descent reading of numbers, groups, ``^``,
``!``, ``\\frac``, ``\\binom``, ``\\Gamma``, ``\\prod``, ``\\sum`` and the four
operations, in log10 space; anything else (a symbol, an unknown command) is an
unknown value that cannot be big. Recursion is bounded by the nesting guard,
which runs first.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

__all__ = ["MAX_DIGITS", "MAX_TERMS", "Refusal", "estimated_digits", "nesting_depth", "refuse"]

MAX_DIGITS = 100_000  # a value with more digits than this is answer_too_big
MAX_TERMS = 10_000  # a \prod or \sum over more terms than this is answer_too_big
_MAX_WORK = 10**6  # terms x digits per term of a \sum that may be evaluated
_LOG10_E = math.log10(math.e)

_TOKEN = re.compile(r"\d+(?:\.\d+)?|\\[a-zA-Z]+|\\.|!+|\s+|.", re.DOTALL)


@dataclass(frozen=True)
class Refusal:
    """Why an answer span is refused unread."""

    reason: str
    detail: dict[str, float | int | str]


def nesting_depth(text: str) -> int:
    """The deepest nesting of ``{``, ``(`` and ``[`` in ``text`` (parsers slow down sharply past a few dozen)."""
    depth = deepest = 0
    for char in text:
        if char in "{([":
            depth += 1
            deepest = max(deepest, depth)
        elif char in "})]" and depth:
            depth -= 1
    return deepest


def refuse(span: str, max_chars: int, max_nesting: int) -> Refusal | None:
    """The refusal for ``span``, or ``None`` when it is safe to read."""
    if len(span) > max_chars:
        return Refusal("answer_too_long", {"chars": len(span)})
    depth = nesting_depth(span)
    if depth > max_nesting:
        return Refusal("answer_too_deep", {"depth": depth})
    digits = estimated_digits(span)
    if digits > MAX_DIGITS:
        return Refusal("answer_too_big", {"digits": "inf" if math.isinf(digits) else round(digits)})
    return None


class _TooBig(Exception):
    pass


# A magnitude is log10 of the absolute value (-inf for zero) or None when unknown.
Mag = float | None


class _Reader:
    """Recursive descent over LaTeX tokens, tracking the largest magnitude seen."""

    def __init__(self, text: str) -> None:
        self.tokens = [t for t in _TOKEN.findall(text) if not t.isspace()]
        self.i = 0
        self.largest = 0.0
        self.bound_names: dict[str, float] = {}

    def peek(self) -> str:
        return self.tokens[self.i] if self.i < len(self.tokens) else ""

    def take(self) -> str:
        token = self.peek()
        self.i += 1
        return token

    def note(self, mag: Mag) -> Mag:
        if mag is not None and mag != -math.inf:
            self.largest = max(self.largest, abs(mag))
            if abs(mag) > MAX_DIGITS:
                raise _TooBig
        return mag

    def run(self) -> float:
        try:
            while self.i < len(self.tokens):
                before = self.i
                self.expr()
                if self.i == before:
                    self.i += 1  # a token no rule reads (a closing bracket, "&", ","): skip it
        except (_TooBig, RecursionError):  # a chain of 500 unbraced powers is a tower too
            return math.inf
        return self.largest

    def expr(self) -> Mag:
        mag = self.term()
        while self.peek() in ("+", "-", "\\pm", "\\mp"):
            self.take()
            other = self.term()
            mag = None if mag is None or other is None else max(mag, other)
        return mag

    def term(self) -> Mag:
        mag = self.power()
        while True:
            token = self.peek()
            if token in ("*", "\\cdot", "\\times"):
                self.take()
                mag = _add(mag, self.power())
            elif token == "/":
                self.take()
                mag = _sub(mag, self.power())
            elif token and (token[0].isdigit() or token in ("{", "(", "\\frac", "\\binom", "\\Gamma", "\\prod", "\\sum")):
                mag = _add(mag, self.power())  # implicit product: 2\binom{..}{..}
            else:
                return self.note(mag)

    def power(self) -> Mag:
        base = self.postfix(self.atom())
        if self.peek() != "^":
            return base
        self.take()
        exponent_mag = self.power()  # right associative: a^b^c is a^(b^c)
        exponent = _value(exponent_mag)
        if base is None or exponent is None:
            return None
        if base == -math.inf:
            return -math.inf
        if base == 0.0:
            return 0.0  # 1^anything
        return self.postfix(self.note(base * exponent if exponent != 0 else 0.0))

    def postfix(self, mag: Mag) -> Mag:
        while self.peek().startswith("!"):
            bangs = len(self.take())
            for _ in range(bangs if bangs != 2 else 1):  # n!! is a double factorial, about the size of n!
                mag = self.note(_factorial(mag))
        return mag

    def group(self, close: str) -> Mag:
        mag = self.expr()
        while self.peek() and self.peek() != close:
            self.take()
            mag = None
        self.take()
        return mag

    def atom(self) -> Mag:
        token = self.take()
        if not token:
            return None
        if token[0].isdigit():
            value = float(token)
            return math.log10(value) if value else -math.inf
        if token in ("{", "(", "["):
            return self.group({"{": "}", "(": ")", "[": "]"}[token])
        if token in ("-", "+"):
            return self.power()
        if token in ("\\frac", "\\dfrac", "\\tfrac"):
            return _sub(self.braced(), self.braced())
        if token == "\\binom":
            return self.binomial(self.braced(), self.braced())
        if token == "\\Gamma":
            return self.note(_factorial(_shift(self.atom(), -1)))
        if token in ("\\prod", "\\sum"):
            return self.big_operator(token)
        if token == "\\sqrt":
            if self.peek() == "[":
                self.take()
                self.group("]")
            inner = self.atom()
            return None if inner is None else inner / 2
        if token in ("\\left", "\\right"):
            return self.atom()
        if token in ("e", "\\pi"):
            return math.log10(math.e if token == "e" else math.pi)
        return self.bound_names.get(token)  # an index of \\sum or \\prod, at the top of its range

    def braced(self) -> Mag:
        if self.peek() == "{":
            self.take()
            return self.group("}")
        return self.atom()

    def binomial(self, n: Mag, k: Mag) -> Mag:
        n_value, k_value = _value(n), _value(k)
        if n_value is None:
            return None
        if k_value is None:
            return self.note(n_value * math.log10(2)) if n_value > 4 * MAX_DIGITS else None
        k_value = min(k_value, max(n_value - k_value, 0.0))
        return self.note(_log_factorial(n_value) - _log_factorial(k_value) - _log_factorial(n_value - k_value))

    def big_operator(self, token: str) -> Mag:
        """``\\prod_{k=1}^{n} body`` / ``\\sum``: too many terms, or terms too large at the top of the range, are too big."""
        name, low, high = "", None, None
        for _ in range(2):
            if self.peek() == "_":
                self.take()
                name, low = self.bound()
            elif self.peek() == "^":
                self.take()
                high = _value(self.braced())
        low_value = _value(low)
        terms = None if high is None else high - (low_value or 0) + 1
        if terms is not None and terms > MAX_TERMS:
            raise _TooBig
        if name and high is not None:
            self.bound_names[name] = math.log10(high) if high > 0 else 0.0
        body = self.power()
        self.bound_names.pop(name, None)
        if body is None or terms is None:
            return None
        if token == "\\prod":
            return self.note(body * terms)
        if max(body, 1.0) * terms > _MAX_WORK:
            raise _TooBig  # ten thousand terms of forty thousand digits each
        return body + math.log10(max(terms, 1))

    def bound(self) -> tuple[str, Mag]:
        """``_{k=1}`` -> ``("k", magnitude of 1)``."""
        name, mag = "", None
        if self.peek() == "{":
            self.take()
            while self.peek() and self.peek() != "}":
                token = self.take()
                if token == "=":
                    mag = self.expr()
                elif not name and len(token) == 1 and token.isalpha():
                    name = token
            self.take()
        else:
            self.atom()
        return name, mag


def _value(mag: Mag) -> float | None:
    """The (absolute) value a magnitude stands for; ``inf`` past float range."""
    if mag is None:
        return None
    if mag == -math.inf:
        return 0.0
    return math.inf if mag > 300 else 10.0**mag


def _add(a: Mag, b: Mag) -> Mag:
    return None if a is None or b is None else a + b


def _sub(a: Mag, b: Mag) -> Mag:
    return None if a is None or b is None else a - b


def _shift(mag: Mag, by: float) -> Mag:
    value = _value(mag)
    return None if value is None else (math.log10(value + by) if value + by > 0 else -math.inf)


def _log_factorial(n: float) -> float:
    """log10(n!) by Stirling (exact enough to compare with a digit limit)."""
    if n < 2:
        return 0.0
    if math.isinf(n):
        return math.inf
    return n * math.log10(n) - n * _LOG10_E + 0.5 * math.log10(2 * math.pi * n)


def _factorial(mag: Mag) -> Mag:
    value = _value(mag)
    return None if value is None else _log_factorial(value)


def estimated_digits(span: str) -> float:
    """The number of digits of the largest (or smallest) value ``span`` writes; ``inf`` when astronomically large.

    Cheap and linear: it reads the text, never evaluates anything.
    """
    if not any(char in span for char in "^!") and "\\binom" not in span and "\\Gamma" not in span:
        return max((len(token) for token in re.findall(r"\d+", span)), default=0)
    return _Reader(span).run()
