"""Answers as the comparer sees them: text forms first, a SymPy parse only when needed.

:class:`Answer` holds what the fast path needs (normalised text, a plain
number, a choice letter, a text answer, a list of plain numbers). :func:`judge`
compares a predicted span with a gold :class:`Answer`: cheap exact checks first,
then a numeric probe, SymPy last.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from .latex import normalize, split_top_level, strip_text_units
from .numbers import Collection, Num, collections_equal, numbers_equal, parse_collection, parse_number
from .prose import looks_like_math

__all__ = ["Answer", "Judgement", "judge", "split_assignment"]

_CHOICE_RE = re.compile(r"^(?:\\text\{)?\s*(?:(?i:option|choice)\s*)?(?:[(\[]\s*([A-Ja-j])\s*[)\]]|([A-J]))\s*[.:)]?\s*\}?$")
_CHOICE_PREFIX_RE = re.compile(r"^(?:\\text\{)?\s*(?:(?i:option|choice)\s*)?(?:[(\[]\s*([A-Ja-j])\s*[)\]]|([A-J])[.):](?=\s|$))")
_ASSIGNMENT_RE = re.compile(r"^([a-zA-Z](?:_\{?\w+\}?)?)\s*=\s*(?![=<>])(.+)$")
_LABELLED_RE = re.compile(
    r"^\(?\s*((?:[A-Za-z](?:_\{?\w+\}?|\(\w+\))?\s*,\s*)+[A-Za-z](?:_\{?\w+\}?|\(\w+\))?)\s*\)?\s*=\s*(.+)$"
)
_TEXT_RE = re.compile(r"^[^\W\d_][^\W\d_'\- ]*(?: [^\W\d_][^\W\d_'\-]*)*$")
_TEXT_WRAPPER_RE = re.compile(r"\\text\{([^{}]*)\}")
_SPACE_AROUND_RE = re.compile(r"\s*([,()\[\]{}=+\-&<>^_])\s*")


@dataclass(frozen=True)
class Judgement:
    """Whether a span equals the gold, and the short reason code when it does not."""

    equal: bool
    reason: str = ""
    detail: dict[str, Any] = field(default_factory=dict)


def _choice(text: str, *, prefix: bool = False) -> str | None:
    match = _CHOICE_RE.match(text) or (_CHOICE_PREFIX_RE.match(text) if prefix else None)
    if not match:
        return None
    return (match.group(1) or match.group(2)).upper()


def _plain_text(text: str) -> str | None:
    """``\\text{Monday}``/``no solution`` as lowercase words; None for anything that may be math."""
    inner = _TEXT_WRAPPER_RE.sub(r"\1", text).strip().strip(".").strip()
    if not _TEXT_RE.match(inner):
        return None
    words = inner.split()
    if len(words) == 1 and len(words[0]) < 3:
        return None  # "x", "ab", "pi": let SymPy read them
    return " ".join(w.lower() for w in words)


def split_assignment(text: str) -> tuple[str | None, str]:
    """``x = 5`` -> ``("x", "5")``; anything else -> ``(None, text)``."""
    match = _ASSIGNMENT_RE.match(text)
    if match and "=" not in match.group(2):
        return match.group(1), match.group(2).strip()
    return None, text


def _labelled_values(text: str) -> str | None:
    """``S(1), S(2), S(3) = 5, 1, 4`` -> ``5, 1, 4`` (positions are labelled, so order matters)."""
    match = _LABELLED_RE.match(text)
    if not match or "=" in match.group(2):
        return None
    labels = split_top_level(match.group(1))
    values = split_top_level(match.group(2).strip().removeprefix("(").removesuffix(")"))
    return ", ".join(v.strip() for v in values) if len(labels) == len(values) else None


def _number(text: str) -> tuple[str | None, Num | None]:
    variable, rest = split_assignment(text)
    return variable, parse_number(strip_text_units(rest))


@dataclass
class Answer:
    """One answer (gold or predicted) in every cheap form, with its SymPy parse made on demand."""

    text: str
    normalized: str = ""
    variable: str | None = None
    number: Num | None = None
    choice: str | None = None
    words: str | None = None
    spelling: str = ""
    collection: Collection | None = None
    labelled: bool = False
    _parsed: Any = field(default=None, repr=False)
    _parse_tried: bool = field(default=False, repr=False)

    @classmethod
    def read(cls, text: str) -> Answer:
        normalized = normalize(text)
        labelled_values = _labelled_values(normalized)
        if labelled_values is not None:
            normalized = labelled_values
        variable, number = _number(normalized)
        choice = _choice(normalized) or _choice(normalized, prefix=True)
        words = None if choice else _plain_text(normalized)
        collection = parse_collection(strip_text_units(normalized)) if number is None and not choice else None
        spelling = _SPACE_AROUND_RE.sub(r"\1", normalized)
        return cls(text, normalized, variable, number, choice, words, spelling, collection, labelled_values is not None)

    @property
    def items(self) -> list[str]:
        """The top-level items of a bare list (``1, 2`` -> ``["1", "2"]``)."""
        return [part.strip() for part in split_top_level(self.normalized) if part.strip()]

    def parsed(self) -> Any:
        """The SymPy reading of the whole span (None when it does not parse). Cached."""
        if not self._parse_tried:
            from .symbolic import parse_span

            self._parse_tried = True
            self._parsed = parse_span(self.normalized)
        return self._parsed


def _judge_choice(gold: Answer, pred: Answer) -> Judgement:
    letter = pred.choice or _choice(pred.normalized, prefix=True)
    if letter is None:
        return Judgement(False, "not_a_choice")
    return Judgement(letter == gold.choice, "" if letter == gold.choice else "wrong_answer")


def _verdict(equal: bool) -> Judgement:
    return Judgement(equal, "" if equal else "wrong_answer")


def _fast(gold: Answer, pred: Answer, tolerance: float, ordered: bool) -> Judgement | None:
    """A verdict from text and plain numbers alone, or None when SymPy must decide."""
    if gold.choice:
        return _judge_choice(gold, pred)
    if pred.normalized == gold.normalized or pred.spelling == gold.spelling:
        return Judgement(True)
    if gold.words is not None:
        return _verdict(pred.words == gold.words)
    if gold.number is not None and pred.number is not None:
        if gold.variable and pred.variable and gold.variable != pred.variable:
            return Judgement(False, "wrong_variable")
        return _verdict(numbers_equal(gold.number, pred.number, tolerance))
    if gold.collection is not None and pred.collection is not None:
        equal = collections_equal(gold.collection, pred.collection, tolerance, ordered=ordered)
        if equal is not None:
            return _verdict(equal)
    return None


def _in_order(gold: Answer, pred: Answer, tolerance: float) -> Judgement | None:
    """Bare lists whose positions matter: item by item, in order."""
    gold_items, pred_items = gold.items, pred.items
    if len(gold_items) < 2 or gold.normalized.startswith(("(", "[", "\\{")):
        return None
    if len(gold_items) != len(pred_items):
        return Judgement(False, "wrong_answer")
    for g, p in zip(gold_items, pred_items, strict=True):
        if not judge(Answer.read(g), Answer.read(p), tolerance).equal:
            return Judgement(False, "wrong_answer")
    return Judgement(True)


def judge(gold: Answer, pred: Answer, tolerance: float, *, ordered: bool = False) -> Judgement:
    """Compare ``pred`` with ``gold``: text and numbers first, then SymPy on the whole spans.

    ``ordered`` compares bare lists item by item in order (the question or the answer labels positions).
    """
    ordered = ordered or pred.labelled or gold.labelled
    fast = _fast(gold, pred, tolerance, ordered)
    if fast is not None:
        return fast
    if ordered:
        in_order = _in_order(gold, pred, tolerance)
        if in_order is not None:
            return in_order
    if not looks_like_math(strip_text_units(pred.normalized)):
        return Judgement(False, "not_math")
    gold_expr, pred_expr = gold.parsed(), pred.parsed()
    if pred_expr is None:
        return Judgement(False, "unparseable_answer")
    if gold_expr is None:
        return Judgement(False, "gold_unparseable")
    from .symbolic import equal

    return _verdict(equal(gold_expr, pred_expr, tolerance))
