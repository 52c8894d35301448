"""The numeric fast path: plain numbers as exact fractions, compared without SymPy.

Reads integers (with ``1,234`` / ``1\\,234`` / ``1{,}234`` / ``1 234`` thousands
separators), decimals, scientific notation (``1.2e-3``, ``1.2\\times10^{-3}``),
fractions (``3/4``, ``\\frac{3}{4}``, ``-\\frac34``), mixed numbers
(``2\\frac{1}{2}``, ``2 1/2``), percents and currency signs.

Exact values compare exactly; a decimal compares within a relative tolerance,
so ``1/2004!`` and ``1/2006!`` never meet but ``0.333333`` meets ``1/3``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from fractions import Fraction

__all__ = ["Collection", "Num", "collections_equal", "numbers_equal", "parse_collection", "parse_number"]

_MAX_DIGITS = 400  # longer literals go to SymPy (and its deadline), not to Fraction


@dataclass(frozen=True)
class Num:
    """A number read from text. ``exact`` is False for decimals and scientific notation."""

    value: Fraction
    exact: bool
    percent: bool = False
    places: int | None = None  # digits after the decimal point, for a plain decimal

    @property
    def half_unit(self) -> Fraction | None:
        """Half a unit in the last place of a decimal written to 4+ places (``0.0166667`` -> 5e-8), else None."""
        return Fraction(1, 2 * 10**self.places) if self.places is not None and self.places >= _ROUNDED_PLACES else None


_ROUNDED_PLACES = 4  # a decimal gold with this many places is read as rounded (0.0166667 for 1/60)
_SIGN = r"(?P<sign>[-+])?"
_INT = r"(?:\d{1,3}(?:(?:,|\\,|\{,\}| |\\ )\d{3})+|\d+)"
_DEC = rf"(?:{_INT}(?:\.\d*)?|\.\d+)"
_SCI = r"(?:\s*(?:[eE](?P<e>[-+]?\d+)|(?:\\times|\\cdot|\*|×)\s*10\s*\^\s*\{?\s*(?P<p>[-+]?\d+)\s*\}?))"
_DECIMAL_RE = re.compile(rf"^{_SIGN}(?P<num>{_DEC}){_SCI}?$")
_POWER_OF_TEN_RE = re.compile(r"^(?P<sign>[-+])?10\s*\^\s*\{?\s*(?P<p>[-+]?\d+)\s*\}?$")
_FRAC_RE = re.compile(
    r"^(?P<sign>[-+])?\\frac\s*(?:\{\s*(?P<a>[-+]?\d+)\s*\}|(?P<a1>\d))\s*(?:\{\s*(?P<b>[-+]?\d+)\s*\}|(?P<b1>\d))$"
)
_SLASH_RE = re.compile(r"^(?P<sign>[-+])?(?P<a>\d+)\s*/\s*(?P<b>\d+)$")
_MIXED_RE = re.compile(r"^(?P<sign>[-+])?(?P<whole>\d+)\s*(?:\\frac\s*\{(?P<a>\d+)\}\s*\{(?P<b>\d+)\}|\s(?P<c>\d+)/(?P<d>\d+))$")
_REPEATING_RE = re.compile(r"^(?P<sign>[-+])?(?P<whole>\d*)\.(?P<fixed>\d*)\\overline\{(?P<rep>\d{1,12})\}$")
_CURRENCY = re.compile(r"^(?:\\\$|\$|€|£|¥|₹|\\euro\s*|\\pounds\s*|(?:USD|US\$|EUR|GBP|CAD|AUD|INR|Rs\.?|RMB|CNY|JPY)\s*)")
_WORD_VALUES = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen"
        " seventeen eighteen nineteen twenty".split()
    )
}
_WORD_VALUES.update({"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "a": 1})
_SCALES = {"hundred": 100, "thousand": 1000, "million": 10**6, "billion": 10**9, "trillion": 10**12}
_SCALED_RE = re.compile(
    r"^(?P<num>[\w.,]+?)\s*(?:\\text\{\s*)?(?P<scale>hundred|thousand|million|billion|trillion)\}?$", re.IGNORECASE
)
_PERCENT = re.compile(r"\s*(?:%|\\%|\s*percent)$")
_SEPARATORS = re.compile(r",|\\,|\{,\}|\\ | ")


def _signed(value: Fraction, sign: str | None) -> Fraction:
    return -value if sign == "-" else value


def _decimal(text: str) -> Num | None:
    match = _DECIMAL_RE.match(text)
    if match is None:
        power = _POWER_OF_TEN_RE.match(text)
        if power is None or len(power["p"]) > 6:
            return None
        return Num(_signed(Fraction(10) ** int(power["p"]), power["sign"]), exact=True)
    digits = _SEPARATORS.sub("", match["num"])
    exponent = match["e"] or match["p"]
    if exponent is not None and abs(int(exponent)) > 10_000:
        return None
    value = Fraction(digits if digits != "." else "0")
    if exponent is not None:
        value *= Fraction(10) ** int(exponent)
    places = len(digits) - digits.index(".") - 1 if "." in digits and exponent is None else None
    return Num(_signed(value, match["sign"]), exact="." not in digits and exponent is None, places=places)


def _repeating(text: str) -> Num | None:
    """``0.1\\overline{6}`` -> 1/6."""
    match = _REPEATING_RE.match(text)
    if match is None:
        return None
    fixed, rep = match["fixed"], match["rep"]
    value = Fraction(int(match["whole"] or 0)) + Fraction(int(fixed or 0), 10 ** len(fixed))
    value += Fraction(int(rep), (10 ** len(rep) - 1) * 10 ** len(fixed))
    return Num(_signed(value, match["sign"]), exact=True)


def _fraction(text: str) -> Num | None:
    for pattern in (_FRAC_RE, _SLASH_RE):
        match = pattern.match(text)
        if match:
            a = int(match["a"] or match.groupdict().get("a1") or 0)
            b = int(match["b"] or match.groupdict().get("b1") or 0)
            return Num(_signed(Fraction(a, b), match["sign"]), exact=True) if b else None
    match = _MIXED_RE.match(text)
    if match:
        a_text, b_text = (match["a"], match["b"]) if match["a"] else (match["c"], match["d"])
        a, b = int(a_text), int(b_text)
        if b == 0 or a >= b:
            return None  # "2 3/2" is not how anyone writes a mixed number
        return Num(_signed(int(match["whole"]) + Fraction(int(a), int(b)), match["sign"]), exact=True)
    return None


def parse_number(text: str) -> Num | None:
    """``text`` as a number, or ``None`` when it is anything else (SymPy decides those)."""
    text = text.strip()
    if not text or len(text) > _MAX_DIGITS:
        return None
    percent = bool(_PERCENT.search(text))
    text = _PERCENT.sub("", text)
    sign = text[0] if text[0] in "+-" else ""
    text = sign + _CURRENCY.sub("", text[len(sign) :]).strip()
    if text.startswith("{") and text.endswith("}"):
        text = text[1:-1].strip()
    num = _decimal(text) or _fraction(text) or _repeating(text) or _in_words(text)
    if num is None:
        return None
    return Num(num.value, num.exact, percent, num.places)


def _in_words(text: str) -> Num | None:
    """``five``, ``zero``, ``3 million``, ``7.2 billion``, ``one million``."""
    lowered = text.lower()
    if lowered in _WORD_VALUES and lowered != "a":
        return Num(Fraction(_WORD_VALUES[lowered]), exact=True)
    match = _SCALED_RE.match(text)
    if match is None:
        return None
    head = match["num"].lower()
    base = Num(Fraction(_WORD_VALUES[head]), True) if head in _WORD_VALUES else _decimal(head)
    if base is None:
        return None
    value = base.value * _SCALES[match["scale"].lower()]
    return Num(value, exact=value.denominator == 1)


def _close(a: Fraction, b: Fraction, tolerance: float) -> bool:
    if a == b:
        return True
    return abs(a - b) <= Fraction(str(tolerance)) * max(abs(a), abs(b))


def _candidates(num: Num) -> list[Fraction]:
    return [num.value, num.value / 100] if num.percent else [num.value]


def numbers_equal(gold: Num, pred: Num, tolerance: float) -> bool:
    """Equal numbers: exactly when both are exact, else within ``tolerance`` (relative).

    A percent on one side may be read as its number or as its fraction of 100
    (``50%`` meets ``50`` and ``0.5``; plain ``50`` never meets ``0.5``); two
    percents compare as written (``0.25%`` is not ``25%``).
    """
    exact = gold.exact and pred.exact
    if gold.half_unit is not None and not pred.exact and pred.places is not None and pred.places > gold.places:  # type: ignore[operator]
        return abs(gold.value - pred.value) < gold.half_unit  # 0.016666667 rounds to the gold 0.0166667
    if gold.percent and pred.percent:
        return gold.value == pred.value or (not exact and _close(gold.value, pred.value, tolerance))
    for g in _candidates(gold):
        for p in _candidates(pred):
            if g == p or (not exact and _close(g, p, tolerance)):
                return True
    return False


@dataclass(frozen=True)
class Collection:
    """A bracketed list of plain numbers: ``opening``/``closing`` are the brackets ('' for a bare list)."""

    opening: str
    closing: str
    items: tuple[Num, ...]

    @property
    def unordered(self) -> bool:
        return self.opening in ("", "\\{")


_BRACKETS = (("\\{", "\\}"), ("(", ")"), ("[", "]"), ("(", "]"), ("[", ")"), ("", ""))


def parse_collection(text: str) -> Collection | None:
    """``(1, 2)``, ``[0, 1)``, ``\\{3, 4\\}`` or ``1, 2`` whose items are all plain numbers; else None."""
    text = text.strip()
    for opening, closing in _BRACKETS:
        if text.startswith(opening) and text.endswith(closing) and len(text) > len(opening) + len(closing):
            inner = text[len(opening) : len(text) - len(closing)] if closing else text
            parts = re.split(r",\s+", inner) if ", " in inner else inner.split(",")  # "1,000, 2,000" has two items
            if len(parts) < 2 or any(b in inner for b in "()[]{}"):
                continue
            items = [parse_number(part) for part in parts]
            if all(item is not None for item in items):
                return Collection(opening, closing, tuple(items))  # type: ignore[arg-type]
    return None


def collections_equal(gold: Collection, pred: Collection, tolerance: float, *, ordered: bool = False) -> bool | None:
    """Equal collections (order per the gold's brackets, or always with ``ordered``); None when SymPy must decide."""
    if ordered and gold.opening == pred.opening == "":
        return len(gold.items) == len(pred.items) and all(
            numbers_equal(g, p, tolerance) for g, p in zip(gold.items, pred.items, strict=True)
        )
    if gold.unordered != pred.unordered:
        return None  # a bare list against a tuple: SymPy decides
    if not gold.unordered and (gold.opening, gold.closing) != (pred.opening, pred.closing):
        return False  # [1, 2] is not (1, 2) nor [1, 2)
    if len(gold.items) != len(pred.items):
        return False
    if not gold.unordered:
        return all(numbers_equal(g, p, tolerance) for g, p in zip(gold.items, pred.items, strict=True))
    remaining = list(pred.items)
    for g in gold.items:
        match = next((i for i, p in enumerate(remaining) if numbers_equal(g, p, tolerance)), None)
        if match is None:
            return False
        remaining.pop(match)
    return True
