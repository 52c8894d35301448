"""String-level LaTeX helpers: balanced braces, ``\\boxed{}`` contents, delimiters, light normalisation.

Everything here is pure Python, linear in the input, and imports nothing heavy,
so it is safe on 50k-character completions and cheap enough for the fast path.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

__all__ = [
    "Boxed",
    "find_boxed",
    "mask_math",
    "math_segments",
    "math_spans",
    "normalize",
    "split_top_level",
    "strip_delimiters",
]

_BOX_RE = re.compile(r"\\(?:begin)?(?:boxed|fbox)\b\s*")  # \\beginboxed{...}: a slip some models make
_BOX_END_RE = re.compile(r"\$|\\\]|\\\)|\n")
_TOKEN_RE = re.compile(r"[^\s$]+")
_MAX_UNCLOSED = 2000
# Every math delimiter, found in one pass; ``\\$`` is an escaped dollar, never a delimiter.
_DELIMITER_RE = re.compile(r"\\\$|\$\$|\$|\\\[|\\\]|\\\(|\\\)")
_CLOSER = {"$$": "$$", "$": "$", "\\[": "\\]", "\\(": "\\)"}


@dataclass(frozen=True)
class Boxed:
    """One ``\\boxed{...}`` (or ``\\fbox{...}``): where it starts and what it holds."""

    start: int
    end: int
    content: str


def _matching_braces(text: str, start: int = 0) -> dict[int, int]:
    """Position of every ``{`` from ``start`` on mapped to its closing ``}``, in one pass (escaped ``\\{`` ignored)."""
    stack: list[int] = []
    pairs: dict[int, int] = {}
    escaped = False
    for i in range(start, len(text)):
        char = text[i]
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

    ``\\boxed 5`` (no braces) holds the next whitespace-free token. A box whose
    braces never close is read up to the math delimiter or line end that closes
    it (``$\\boxed{4\\sqrt3$``, ``\\[\\boxed{x\\]``) when its content is balanced; a
    box cut off by the end of the text (a truncated completion) is skipped.
    """
    first = min((i for i in (text.find("boxed"), text.find("\\fbox")) if i >= 0), default=-1)
    if first < 0:
        return []
    pairs = _matching_braces(text, max(0, first - 6))
    ends = [m.start() for m in _BOX_END_RE.finditer(text)]
    found: list[Boxed] = []
    covered_until = -1
    for match in _BOX_RE.finditer(text):
        if match.start() < covered_until:
            continue  # nested inside a box already taken
        after = match.end()
        if after < len(text) and text[after] == "{":
            close = pairs.get(after)
            if close is None:
                recovered = _unclosed(text, after, ends)
                if recovered is not None:
                    found.append(recovered)
                continue
            found.append(Boxed(match.start(), close + 1, text[after + 1 : close].strip()))
            covered_until = close
        else:
            token = _TOKEN_RE.match(text, after)
            if token:
                found.append(Boxed(match.start(), token.end(), token.group(0)))
    return found


def _unclosed(text: str, brace: int, ends: list[int]) -> Boxed | None:
    """A box opened at ``brace`` whose ``}`` is missing, read up to the delimiter that ends its line or math."""
    k = bisect.bisect_right(ends, brace)
    end = ends[k] if k < len(ends) else len(text.rstrip()) if text.rstrip().endswith("\\}") else -1
    if end < 0 or end - brace > _MAX_UNCLOSED:
        return None
    content = text[brace + 1 : end].rstrip()
    content = content[:-2] if content.endswith("\\}") else content.rstrip("\\")
    if not content.strip() or content.count("{") != content.count("}"):
        return None
    return Boxed(brace, end, content.strip())


def math_spans(text: str) -> list[tuple[int, int]]:
    """Where the contents of ``$...$``, ``$$...$$``, ``\\(...\\)`` and ``\\[...\\]`` lie in ``text``, in order.

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
    found: list[tuple[int, int]] = []
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
        if text[end:close_start].strip():
            found.append((end, close_start))
        i = j + 1
    return found


def math_segments(text: str) -> list[str]:
    """Contents of ``$...$``, ``$$...$$``, ``\\(...\\)`` and ``\\[...\\]`` in ``text``, in order (see :func:`math_spans`)."""
    return [text[start:end].strip() for start, end in math_spans(text)]


def mask_math(text: str) -> str:
    """``text`` with every math content replaced by ``#`` (same length): prose patterns then never look inside math."""
    out = list(text)
    for start, end in math_spans(text):
        out[start:end] = "#" * (end - start)
    return "".join(out)


_MAX_WRAPPERS = 8


def strip_delimiters(text: str) -> str:
    """``$x$``, ``\\(x\\)``, ``\\[x\\]``, ``\\boxed{x}`` (wrapping the whole string) become ``x``."""
    previous = None
    text = text.strip()
    for _ in range(_MAX_WRAPPERS):  # \boxed{\boxed{...}} 7000 deep must not cost 7000 passes
        if text == previous:
            break
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
    (re.compile(r"\\text\{\s*([-+]?[\d.,]+)\s*\}"), r"\1"),  # \mathbf{12} is 12
    (re.compile(r"(?<!\\)\\(?=\d)"), ""),  # \boxed{\27}: a stray backslash before digits
    (re.compile(r"(?<!\\)\\$"), ""),  # a trailing stray backslash
    (re.compile(r"\\bar\s*\{"), r"\\overline{"),  # 0.\bar{3} is 0.\overline{3}
    (re.compile(r"\\frac\s*(\d)\s*(\d)"), r"\\frac{\1}{\2}"),  # \frac13
    (re.compile(r"^([-+])\s+(?=\d)"), r"\1"),  # "- 15"
    (re.compile(r"\\langle\s*"), "("),  # a vector <1, -2, 3> is the tuple (1, -2, 3)
    (re.compile(r"\s*\\rangle"), ")"),
    (re.compile(r"\\log_\{?e\}?(?![a-zA-Z])"), r"\\ln"),
    (re.compile(r"\\mathbb\s*\{?\s*R\s*\}?|ℝ"), r"\\mathbb{R}"),
]
# Unicode a model may write instead of LaTeX.
_UNICODE = str.maketrans(
    {
        "∞": "\\infty ",
        "π": "\\pi ",
        "≤": "\\le ",
        "≥": "\\ge ",
        "≠": "\\ne ",
        "×": "\\times ",
        "·": "\\cdot ",
        "÷": "\\div ",
        "±": "\\pm ",
        "∓": "\\mp ",
        "√": "\\sqrt",
        "²": "^2",
        "³": "^3",
        "⁴": "^4",
        "½": "\\frac{1}{2}",
        "¼": "\\frac{1}{4}",
        "¾": "\\frac{3}{4}",
        "∪": "\\cup ",
        "∩": "\\cap ",
        "∈": "\\in ",
        "θ": "\\theta ",
        "α": "\\alpha ",
        "β": "\\beta ",
    }
)
# Whole answers in words that name a set.
_NAMED_SETS = [
    (
        re.compile(
            r"^(?:there\s+(?:are|is)\s+)?no\s+(?:real\s+)?(?:solutions?|roots?|values?|such\s+\w+)(?:\s+exists?)?$|^none$|^\\\{\s*\\\}$|^\{\s*\}$",
            re.I,
        ),
        r"\\emptyset",
    ),
    (re.compile(r"^(?:negative|minus)\s+infinity$", re.I), "-\\\\infty"),
    (re.compile(r"^(?:positive\s+|plus\s+)?infinity$|^\+?oo$", re.I), "\\\\infty"),
    (
        re.compile(
            r"^(?:all\s+real\s+(?:numbers|values)(?:\s+of\s+\w)?|all\s+reals|every\s+real\s+number|\(\s*-\\infty\s*,\s*\+?\\infty\s*\))$",
            re.I,
        ),
        r"\\mathbb{R}",
    ),
]
_TRIG = re.compile(r"\\(?:sin|cos|tan|cot|sec|csc)(?![a-z])")
_DEGREES_IN_TRIG = re.compile(r"(\d+(?:\.\d+)?)\s*(?:\^\s*\{?\s*\\circ\s*\}?|°|\\degree)")
_TEXT_NUMBER = re.compile(r"^\\(?:text|mbox|mathrm|textbf)\{\s*([-+$]?\d[^{}]*)\}$")
_TEXT_ONLY = re.compile(r"^\\text\{([^{}]*)\}$")
_TRAILING = re.compile(r"[\s.,;:。，；]+$")  # never "!": that is a factorial
_SPACES = re.compile(r"\s+")


@lru_cache(maxsize=8192)
def normalize(text: str) -> str:
    """A canonical spelling for string comparison: delimiters, spacing commands, ``\\left``, ``\\dfrac``, degrees."""
    text = strip_delimiters(text.translate(_UNICODE))
    if _TRIG.search(text):
        text = _DEGREES_IN_TRIG.sub(r"(\1\\pi/180)", text)  # \sin 45^\circ is \sin(45\pi/180)
    text = _TEXT_NUMBER.sub(r"\1", text)  # \text{5 dollars} is 5 dollars
    for pattern, replacement in _COMMANDS:
        text = pattern.sub(replacement, text)
    text = _TRAILING.sub("", text)
    text = strip_delimiters(_SPACES.sub(" ", text).strip())
    inner = _TEXT_ONLY.sub(r"\1", text).strip()
    for pattern, name in _NAMED_SETS:
        if pattern.match(inner):
            return name.replace("\\\\", "\\")
    return text
