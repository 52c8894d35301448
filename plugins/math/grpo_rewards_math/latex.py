"""String-level LaTeX helpers: balanced braces, ``\\boxed{}`` contents, delimiters, light normalisation.

Everything here is pure Python, linear in the input, and imports nothing heavy,
so it is safe on 50k-character completions and cheap enough for the fast path.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

__all__ = [
    "Boxed",
    "find_boxed",
    "math_segments",
    "normalize",
    "split_top_level",
    "strip_delimiters",
    "strip_text_units",
]

_BOX_RE = re.compile(r"\\(?:begin)?(?:boxed|fbox)\b\s*")  # \\beginboxed{...}: a slip some models make
# Every math delimiter, found in one pass; ``\\$`` is an escaped dollar, never a delimiter.
_DELIMITER_RE = re.compile(r"\\\$|\$\$|\$|\\\[|\\\]|\\\(|\\\)")
_CLOSER = {"$$": "$$", "$": "$", "\\[": "\\]", "\\(": "\\)"}


@dataclass(frozen=True)
class Boxed:
    """One ``\\boxed{...}`` (or ``\\fbox{...}``): where it starts and what it holds."""

    start: int
    end: int
    content: str


def _matching_braces(text: str) -> dict[int, int]:
    """Position of every ``{`` mapped to its closing ``}``, in one pass (escaped ``\\{`` ignored)."""
    stack: list[int] = []
    pairs: dict[int, int] = {}
    escaped = False
    for i, char in enumerate(text):
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif char == "{":
            stack.append(i)
        elif char == "}" and stack:
            pairs[stack.pop()] = i
    return pairs


def split_top_level(text: str, separator: str = ",") -> list[str]:
    """``text`` split at ``separator`` outside brackets (``(1,2), 3`` -> ``["(1,2)", " 3"]``); escaped ``\\,`` kept."""
    parts, depth, start = [], 0, 0
    for i, char in enumerate(text):
        if char in "{([":
            depth += 1
        elif char in "})]":
            depth = max(depth - 1, 0)
        elif char == separator and depth == 0 and (i == 0 or text[i - 1] != "\\"):
            parts.append(text[start:i])
            start = i + 1
    parts.append(text[start:])
    return parts


def find_boxed(text: str) -> list[Boxed]:
    """Every complete ``\\boxed{...}`` in ``text``, outermost only, in order.

    A box whose braces never close (a truncated completion) is skipped;
    ``\\boxed 5`` (no braces) holds the next whitespace-free token.
    """
    if "boxed" not in text and "\\fbox" not in text:
        return []
    pairs = _matching_braces(text)
    found: list[Boxed] = []
    covered_until = -1
    for match in _BOX_RE.finditer(text):
        if match.start() < covered_until:
            continue  # nested inside a box already taken
        after = match.end()
        if after < len(text) and text[after] == "{":
            close = pairs.get(after)
            if close is None:
                continue
            found.append(Boxed(match.start(), close + 1, text[after + 1 : close].strip()))
            covered_until = close
        else:
            token = re.match(r"[^\s$]+", text[after:])
            if token:
                found.append(Boxed(match.start(), after + token.end(), token.group(0)))
    return found


def math_segments(text: str) -> list[str]:
    """Contents of ``$...$``, ``$$...$$``, ``\\(...\\)`` and ``\\[...\\]`` in ``text``, in order.

    Linear in the input whatever it holds (delimiters are found in one pass and each
    opener looks up its closer by bisection): an inline ``$...$`` never spans a line
    break, a ``$`` right after a digit (``5$``) opens nothing, and an opener that is
    never closed is skipped rather than swallowing the rest.
    """
    tokens = [(m.start(), m.end(), m.group(0)) for m in _DELIMITER_RE.finditer(text) if m.group(0) != "\\$"]
    where: dict[str, list[int]] = {}
    for index, (_, _, token) in enumerate(tokens):
        where.setdefault(token, []).append(index)
    newlines = [i for i, char in enumerate(text) if char == "\n"] if "$" in text else []
    found: list[str] = []
    i = 0
    while i < len(tokens):
        start, end, token = tokens[i]
        closer = _CLOSER.get(token)
        if closer is None or (token == "$" and start > 0 and text[start - 1].isdigit()):
            i += 1
            continue
        candidates = where.get(closer, [])
        k = bisect.bisect_right(candidates, i)
        if k == len(candidates):
            i += 1
            continue
        j = candidates[k]
        close_start = tokens[j][0]
        if token == "$":
            n = bisect.bisect_left(newlines, end)
            if n < len(newlines) and newlines[n] < close_start:
                i += 1
                continue
        content = text[end:close_start].strip()
        if content:
            found.append(content)
        i = j + 1
    return found


def strip_delimiters(text: str) -> str:
    """``$x$``, ``\\(x\\)``, ``\\[x\\]``, ``\\boxed{x}`` (wrapping the whole string) become ``x``."""
    previous = None
    text = text.strip()
    while text != previous:
        previous = text
        for start, end in (("$$", "$$"), ("$", "$"), ("\\(", "\\)"), ("\\[", "\\]")):
            if len(text) > len(start) + len(end) and text.startswith(start) and text.endswith(end):
                text = text[len(start) : -len(end)].strip()
        boxes = find_boxed(text) if text.startswith(("\\boxed", "\\fbox")) else []
        if len(boxes) == 1 and boxes[0].start == 0 and boxes[0].end == len(text):
            text = boxes[0].content
    return text


_COMMANDS = [
    (re.compile(r"\\[dtc]frac"), r"\\frac"),
    (re.compile(r"\\(?:left|right|bigl|bigr|Bigl|Bigr|big|Big)(?![a-zA-Z])\s*"), ""),
    (re.compile(r"(?<!\\)\\!"), ""),  # a negative thin space joins: 10,\!000 is 10,000
    (re.compile(r"(?<!\\)\\(?:displaystyle|textstyle|,|;|:|quad|qquad)(?![a-zA-Z])"), " "),
    (re.compile(r"\\varnothing|∅"), r"\\emptyset"),
    (re.compile(r"\\(?:mathrm|textrm|mathbf|textbf|mathit|textit|mbox|operatorname|textnormal)\s*\{"), r"\\text{"),
    (re.compile(r"\^\s*\{?\s*\\circ\s*\}?|°|\\degree"), ""),
    (re.compile(r"\\%|％"), "%"),
    (re.compile(r"[−–]"), "-"),
    (re.compile(r"\\(?:dollar|\$)"), ""),
    (re.compile(r"(?<!\\)\\ "), " "),
    (re.compile(r"~"), " "),
    (re.compile(r"\\text\{\s*([ei])\s*\}"), r"\1"),  # \mathrm{e}^2 is e^2, \mathrm{i} is i
    (re.compile(r"(?<!\\)\\(?=\d)"), ""),  # \boxed{\27}: a stray backslash before digits
    (re.compile(r"(?<!\\)\\$"), ""),  # a trailing stray backslash
]
_TRAILING = re.compile(r"[\s.,;:。，；]+$")  # never "!": that is a factorial
_SPACES = re.compile(r"\s+")


def normalize(text: str) -> str:
    """A canonical spelling for string comparison: delimiters, spacing commands, ``\\left``, ``\\dfrac``, degrees."""
    text = strip_delimiters(text)
    for pattern, replacement in _COMMANDS:
        text = pattern.sub(replacement, text)
    text = _TRAILING.sub("", text)
    text = _SPACES.sub(" ", text).strip()
    return strip_delimiters(text)


_UNIT_WORDS = (
    "cm|mm|km|m|meters?|metres?|centimeters?|millimeters?|kilometers?|inch(?:es)?|in|feet|foot|ft|yards?|yd|miles?|mi|"
    "kg|g|grams?|kilograms?|mg|pounds?|lbs?|oz|ounces?|tons?|"
    "s|sec|seconds?|min|minutes?|h|hr|hrs|hours?|days?|weeks?|months?|years?|"
    "l|liters?|litres?|ml|gallons?|cups?|"
    "dollars?|cents?|euros?|yuan|rupees?|units?|sq|square|cubic|degrees?|deg|radians?|rad|"
    "mph|km/h|kmh|m/s|people|persons?|students?|items?|pieces?|apples?|books?|marbles?|cookies?|times|ways"
)
_CJK_UNIT_RE = re.compile(r"(?<=[\d}])\s*[\u3000-\u303f\u4e00-\u9fff\u3040-\u30ff\uac00-\ud7af]+\s*$")  # 300千米, 5个, 3人
_CURRENCY_AFTER_RE = re.compile(r"(?<=[\d}])\s*(?:\\\$|\$|€|£|¥|₹|\\euro|\\pounds)\s*$")  # 150 $
_TEXT_UNIT_RE = re.compile(r"(?<=[\d}\s])\s*\\text\{\s*[A-Za-z][A-Za-z\s./]*\}(?:\s*\^\s*\{?\d\}?)?\s*$")
_WORD_UNIT_RE = re.compile(rf"(?<=[\d}}\s])\s*(?:{_UNIT_WORDS})(?:\s*\^\s*\{{?\d\}}?|[²³])?\s*$", re.IGNORECASE)


def strip_text_units(text: str) -> str:
    """Drop a trailing unit: ``5\\text{ cm}``, ``12 apples``, ``3 m^2`` -> the number or expression before it."""
    for _ in range(2):
        stripped = _TEXT_UNIT_RE.sub("", text).strip()
        stripped = _WORD_UNIT_RE.sub("", stripped).strip()
        stripped = _CURRENCY_AFTER_RE.sub("", _CJK_UNIT_RE.sub("", stripped)).strip()
        if not stripped or stripped == text:
            break
        text = stripped
    return text
