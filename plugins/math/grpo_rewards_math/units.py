"""Units after an answer: stripped for comparison, and read so that ``5 minutes`` never meets ``5 hours``.

:func:`strip_text_units` drops a trailing unit (``5\\text{ cm}``, ``12 apples``,
``3 m^2``, ``72 kilometres per hour``, ``300千米``, ``150 $``, ``1,5 кг``).
:func:`unit_of` names the unit a span ends with in a canonical spelling
(``hours`` -> ``h``, ``square meters`` -> ``m^2``, ``°`` -> ``deg``), or ``None``
for a count noun or no unit. Two answers whose units are both known and differ
are different answers; a bare number meets any unit.
"""

from __future__ import annotations

import re

__all__ = ["strip_text_units", "unit_of"]

_CANONICAL = [
    ("s", r"s|sec|secs|seconds?"),
    ("min", r"min|mins|minutes?"),
    ("h", r"h|hr|hrs|hours?"),
    ("day", r"days?"),
    ("week", r"weeks?"),
    ("month", r"months?"),
    ("year", r"years?|yrs?"),
    ("mm", r"mm|millimet(?:er|re)s?"),
    ("cm", r"cm|centimet(?:er|re)s?"),
    ("m", r"m|met(?:er|re)s?"),
    ("km", r"km|kilomet(?:er|re)s?"),
    ("in", r"in|inch(?:es)?"),
    ("ft", r"ft|foot|feet"),
    ("yd", r"yd|yards?"),
    ("mi", r"mi|miles?"),
    ("mg", r"mg|milligrams?"),
    ("g", r"g|grams?"),
    ("kg", r"kg|kilograms?"),
    ("lb", r"lbs?|pounds?"),
    ("oz", r"oz|ounces?"),
    ("l", r"l|liters?|litres?"),
    ("ml", r"ml|milliliters?|millilitres?"),
    ("mph", r"mph|miles?\s+per\s+hour"),
    ("km/h", r"km/h|kmh|kph|kilomet(?:er|re)s?\s+per\s+hour"),
    ("m/s", r"m/s|met(?:er|re)s?\s+per\s+second"),
    ("deg", r"degrees?|deg"),
    ("rad", r"radians?|rad"),
    ("usd", r"dollars?"),
    ("cent", r"cents?"),
    ("eur", r"euros?"),
]
_NAMED = [(name, re.compile(rf"^(?:{pattern})$", re.IGNORECASE)) for name, pattern in _CANONICAL]
_COUNT_NOUNS = (
    "yuan|rupees?|units?|people|persons?|students?|items?|pieces?|apples?|books?|marbles?|cookies?|times|ways|tickets?|"
    "cups?|gallons?|tons?"
)
_SIMPLE = "|".join(pattern for _, pattern in _CANONICAL)
_UNIT_WORDS = rf"(?:square|sq\.?|cubic)\s+(?:{_SIMPLE}|units?)|{_SIMPLE}|{_COUNT_NOUNS}"
_POWER = r"(?:\s*\^\s*\{?[23]\}?|[²³])?"
_TEXT_UNIT_RE = re.compile(r"(?<=[\d}\s])\s*\\text\{\s*[A-Za-z][A-Za-z\s./]*\}(?:\s*\^\s*\{?\d\}?)?\s*$")
_FRACTION_UNIT_RE = re.compile(
    r"(?<=[\d}\s])\s*\\frac\{\s*\\text\{[^{}]*\}\s*\}\{\s*\\text\{[^{}]*\}(?:\s*\^\s*\{?\d\}?)?\s*\}\s*$"
)
_WORD_UNIT_RE = re.compile(rf"(?<=[\d}}\s])\s*(?:{_UNIT_WORDS}){_POWER}\s*$", re.IGNORECASE)
_NON_LATIN_UNIT_RE = re.compile(r"(?<=[\d}])\s*[\u0400-\u04ff\u3000-\u303f\u4e00-\u9fff\u3040-\u30ff\uac00-\ud7af.]+\s*$")
_CURRENCY_AFTER_RE = re.compile(r"(?<=[\d}])\s*(?:\\\$|\$|€|£|¥|₹|\\euro|\\pounds)\s*$")  # 150 $
_DEGREE_RE = re.compile(r"\^\s*\{?\s*\\circ\s*\}?|°|\\degree")


def strip_text_units(text: str) -> str:
    """Drop a trailing unit: ``5\\text{ cm}``, ``12 apples``, ``3 m^2`` -> the number or expression before it."""
    for _ in range(3):
        stripped = _FRACTION_UNIT_RE.sub("", _TEXT_UNIT_RE.sub("", text)).strip()
        stripped = _WORD_UNIT_RE.sub("", stripped).strip()
        stripped = _CURRENCY_AFTER_RE.sub("", _NON_LATIN_UNIT_RE.sub("", stripped)).strip()
        if not stripped or stripped == text:
            break
        text = stripped
    return text


def _canonical(unit: str) -> str | None:
    unit = re.sub(r"\\text\{([^{}]*)\}", r"\1", unit).strip().rstrip(".")
    power = ""
    square = re.match(r"^(?:square|sq\.?)\s+(.+)$", unit, re.IGNORECASE)
    cubic = re.match(r"^cubic\s+(.+)$", unit, re.IGNORECASE)
    exponent = re.match(r"^(.+?)\s*(?:\^\s*\{?([23])\}?|([²³]))$", unit)
    if square:
        unit, power = square.group(1), "^2"
    elif cubic:
        unit, power = cubic.group(1), "^3"
    elif exponent:
        unit, power = exponent.group(1), "^" + (exponent.group(2) or ("2" if exponent.group(3) == "²" else "3"))
    for name, pattern in _NAMED:
        if pattern.match(unit.strip()):
            return name + power
    return None


def unit_of(text: str) -> str | None:
    """The canonical unit ``text`` ends with (``"h"``, ``"m^2"``, ``"deg"``), or ``None``."""
    if _DEGREE_RE.search(text):
        return "deg"
    stripped = strip_text_units(text)
    if stripped == text or not text.startswith(stripped):
        return None
    suffix = text[len(stripped) :].strip()
    return _canonical(suffix) if suffix else None
