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

from .latex import normalize, split_top_level
from .notation import matrix_cells, rewrite
from .numbers import Collection, Num, collections_equal, numbers_equal, parse_collection, parse_number
from .prose import looks_like_math
from .units import strip_text_units, unit_of

__all__ = ["Answer", "Judgement", "judge", "split_assignment", "words_match"]

_CHOICE_RE = re.compile(r"^(?:\\text\{)?\s*(?:(?i:option|choice)\s*)?(?:[(\[]\s*([A-Ja-j])\s*[)\]]|([A-J]))\s*[.:)]?\s*\}?$")
_CHOICE_PREFIX_RE = re.compile(r"^(?:\\text\{)?\s*(?:(?i:option|choice)\s*)?(?:[(\[]\s*([A-Ja-j])\s*[)\]]|([A-J])[.):](?=\s|$))")
_ASSIGNMENT_RE = re.compile(r"^([a-zA-Z](?:_\{?\w+\}?|\(\w+\))?)\s*=\s*(?![=<>])(.+)$")
_LABELLED_RE = re.compile(
    r"^\(?\s*((?:[A-Za-z](?:_\{?\w+\}?|\(\w+\))?\s*,\s*)+[A-Za-z](?:_\{?\w+\}?|\(\w+\))?)\s*\)?\s*=\s*(.+)$"
)
_LETTERS_RE = re.compile(r"^(?:[A-Z]\s*,\s*){1,}[A-Z]$|^[A-Z]{3,10}$")
_DENIAL = re.compile(r"\b(?:not|neither|nor|never|no)\b")
_TEXT_RE = re.compile(r"^[^\W\d_][^\W\d_'\- ]*(?: [^\W\d_][^\W\d_'\-]*)*$")
_TEXT_WRAPPER_RE = re.compile(r"\\text\{([^{}]*)\}")
_SPACE_AROUND_RE = re.compile(r"\s*([,()\[\]{}=+\-&<>^_])\s*")
_ALTERNATIVES_RE = re.compile(r"\\text\{\s*or\s*\}|(?<![\\\w])or(?!\w)")


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
    if len(words) == 1 and len(words[0]) < 3 and words[0].lower() not in ("no", "si", "ja", "да"):
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
    rhs = match.group(2).strip()
    tuple_form = rhs.startswith("(") and rhs.endswith(")") and match.group(0).lstrip().startswith("(")
    values = split_top_level(rhs.removeprefix("(").removesuffix(")"))
    if len(labels) != len(values):
        return None
    joined = ", ".join(v.strip() for v in values)
    return f"({joined})" if tuple_form else joined


def _assignments(text: str) -> dict[str, str] | None:
    """``b=5, a=3`` -> ``{"a": "3", "b": "5"}`` (distinct single-letter or indexed names); None otherwise."""
    parts = split_top_level(text)
    found: dict[str, str] = {}
    for part in parts:
        variable, value = split_assignment(part.strip())
        if variable is None or variable in found:
            return None
        found[variable] = value
    return found or None


def _letters(text: str) -> str | None:
    """``E, B, D, A, C`` or ``\\text{EBDAC}`` -> ``EBDAC`` (an ordering of labels)."""
    inner = _TEXT_WRAPPER_RE.sub(r"\1", text).strip()
    match = _LETTERS_RE.match(inner)
    return re.sub(r"[\s,]", "", inner) if match else None


def _after_choice(text: str) -> str | None:
    """``\\text{(C)}\\ 12`` -> ``12``: the value written after a choice letter."""
    match = _CHOICE_PREFIX_RE.match(text)
    rest = text[match.end() :].strip(" .:)}") if match else ""
    return rest or None


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
    unit: str | None = None
    assignments: dict[str, str] | None = None
    letters: str | None = None
    choice_value: str | None = None
    matrix: tuple[tuple[str, ...], ...] | None = None
    _parsed: Any = field(default=None, repr=False)
    _parse_tried: bool = field(default=False, repr=False)

    @classmethod
    def read(cls, text: str) -> Answer:
        unit = unit_of(text)
        normalized = rewrite(normalize(text))
        assignments = _assignments(normalized)
        labelled_values = _labelled_values(normalized)
        if labelled_values is not None:
            normalized = labelled_values
        variable, number = _number(normalized)
        choice = _choice(normalized) or _choice(normalized, prefix=True)
        words = None if choice else _plain_text(normalized)
        collection = parse_collection(strip_text_units(normalized)) if number is None and not choice else None
        spelling = _SPACE_AROUND_RE.sub(r"\1", normalized)
        return cls(
            text,
            normalized,
            variable,
            number,
            choice,
            words,
            spelling,
            collection,
            labelled_values is not None,
            unit,
            assignments,
            _letters(normalized),
            _after_choice(normalized) if choice else None,
            matrix_cells(normalized),
        )

    @property
    def items(self) -> list[str]:
        """The top-level items of a bare list (``1, 2`` -> ``["1", "2"]``)."""
        return [part.strip() for part in split_top_level(self.normalized) if part.strip()]

    def parsed(self) -> Any:
        """The SymPy reading of the whole span, its unit dropped (None when it does not parse). Cached."""
        if not self._parse_tried:
            from .symbolic import parse_span

            self._parse_tried = True
            self._parsed = parse_span(strip_text_units(self.normalized) or self.normalized)
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
        if gold.choice_value and not (pred.choice or _choice(pred.normalized, prefix=True)):
            return judge(Answer.read(gold.choice_value), pred, tolerance)  # "(C) 12" answered with 12
        return _judge_choice(gold, pred)
    if pred.normalized == gold.normalized or pred.spelling == gold.spelling:
        return Judgement(True)
    if gold.letters is not None and pred.letters is not None:
        return _verdict(gold.letters == pred.letters)
    if gold.words is not None:
        return _verdict(pred.words == gold.words or words_match(gold.words, pred.words))
    if pred.unit == "cent" and gold.number is not None and pred.number is not None and gold.unit in (None, "usd"):
        return _verdict(numbers_equal(gold.number, Num(pred.number.value / 100, pred.number.exact), tolerance))
    if gold.unit and pred.unit and gold.unit != pred.unit:
        return Judgement(False, "wrong_unit")
    assigned = _by_name(gold, pred, tolerance)
    if assigned is not None:
        return assigned
    if gold.number is not None and pred.number is not None:
        if gold.variable and pred.variable and gold.variable != pred.variable:
            return Judgement(False, "wrong_variable")
        return _verdict(numbers_equal(gold.number, pred.number, tolerance))
    if gold.collection is not None and pred.collection is not None:
        equal = collections_equal(gold.collection, pred.collection, tolerance, ordered=ordered)
        if equal is not None:
            return _verdict(equal)
    return None


def words_match(gold: str, pred: str | None) -> bool:
    """``odd function`` states ``odd``; ``due east`` states ``east``; ``no, it is not possible`` states ``no``."""
    if pred is None:
        return False
    words = pred.split()
    if gold in ("yes", "no"):
        return words[:1] == [gold]
    if _DENIAL.search(pred) or len(words) > len(gold.split()) + 2:
        return False
    return f" {gold} " in f" {pred} "


def _by_name(gold: Answer, pred: Answer, tolerance: float) -> Judgement | None:
    """Answers given as named values: ``b=5, a=3`` meets ``a = 3, b = 5`` and ``(3, 5)``; ``x = 4, y = 2`` meets ``x = 4``."""
    if pred.assignments is None and gold.assignments is not None and len(gold.assignments) > 1:
        values = [part.strip() for part in split_top_level(pred.normalized.strip("()")) if part.strip()]
        if len(values) != len(gold.assignments):
            return None
        return _verdict(all(_same(g, p, tolerance) for g, p in zip(gold.assignments.values(), values, strict=True)))
    if pred.assignments is None or len(pred.assignments) < 2 and gold.assignments is None:
        return None
    if gold.assignments is not None:
        shared = [name for name in gold.assignments if name in pred.assignments]
        if len(shared) != len(gold.assignments):
            return Judgement(False, "wrong_variable") if len(gold.assignments) == len(pred.assignments) else None
        return _verdict(all(_same(gold.assignments[n], pred.assignments[n], tolerance) for n in shared))
    items = [part.strip() for part in split_top_level(gold.normalized.strip("()[]")) if part.strip()]
    if len(items) != len(pred.assignments) or len(items) < 2:
        return None
    values = [pred.assignments[name] for name in sorted(pred.assignments, key=_name_order)]
    return _verdict(all(_same(g, p, tolerance) for g, p in zip(items, values, strict=True)))


def _name_order(name: str) -> tuple[int, str]:
    """x, y, z after a, b, c... in their usual order; indexed names by index."""
    index = re.search(r"\d+", name)
    return (int(index.group(0)) if index else 0, name if name not in "xyz" else "~" + name)


def _same(gold: str, pred: str, tolerance: float) -> bool:
    return judge(Answer.read(gold), Answer.read(pred), tolerance).equal


def _matrices(gold: tuple[tuple[str, ...], ...], pred: tuple[tuple[str, ...], ...], tolerance: float) -> Judgement:
    """Matrices and vectors cell by cell (``pmatrix`` meets ``bmatrix``)."""
    if [len(row) for row in gold] != [len(row) for row in pred]:
        return Judgement(False, "wrong_answer")
    cells = zip((c for row in gold for c in row), (c for row in pred for c in row), strict=True)
    return _verdict(all(_same(g, p, tolerance) for g, p in cells))


def readable_by_evaluation(answer: Answer) -> bool:
    """Whether the evaluator reads ``answer`` (a constant, or an expression in a few variables)."""
    from .evaluate import evaluate, variables

    text = _value_text(answer)
    names = variables(text)
    return evaluate(text, 0 if names else -1, names) is not None


def _value_text(answer: Answer) -> str:
    """The span the evaluator reads: a single assignment's right-hand side, its unit dropped."""
    _, rest = split_assignment(answer.normalized)
    return strip_text_units(rest) or rest


def _angle(gold: Answer, pred: Answer, tolerance: float) -> Judgement | None:
    """``30^\\circ`` meets ``\\frac{\\pi}{6}`` and the other way round: the same angle in degrees and radians."""
    if gold.unit == "deg" and pred.unit is None and "\\pi" in pred.normalized:
        converted = Answer.read(f"\\left({pred.normalized}\\right)\\cdot\\frac{{180}}{{\\pi}}")
        return judge(Answer.read(strip_text_units(gold.normalized)), converted, tolerance)
    if pred.unit == "deg" and gold.unit is None and "\\pi" in gold.normalized:
        converted = Answer.read(f"\\left({gold.normalized}\\right)\\cdot\\frac{{180}}{{\\pi}}")
        return judge(converted, Answer.read(strip_text_units(pred.normalized)), tolerance)
    return None


def _in_order(gold: Answer, pred: Answer, tolerance: float) -> Judgement | None:
    """Bare lists whose positions matter: item by item, in order."""
    gold_items = gold.items
    pred_items = Answer.read(pred.normalized[1:-1]).items if pred.normalized.startswith("(") else pred.items
    if len(gold_items) < 2 or gold.normalized.startswith(("(", "[", "\\{")):
        return None
    if len(gold_items) != len(pred_items):
        return Judgement(False, "wrong_answer")
    for g, p in zip(gold_items, pred_items, strict=True):
        if not judge(Answer.read(g), Answer.read(p), tolerance).equal:
            return Judgement(False, "wrong_answer")
    return Judgement(True)


_IDENTITY_RE = re.compile(r"^([^=A-Za-z\\]+)=([^=]+)$")


def _identity(text: str) -> bool:
    """``1 = 1``: an equation between constants states nothing about the question."""
    match = _IDENTITY_RE.match(text)
    return match is not None and match.group(1).strip() == match.group(2).strip()


def _alternatives_for_a_pair(gold: Answer, pred: Answer) -> bool:
    """``x = 1 or x = 2`` (values offered as alternatives) for a gold that is one point or interval ``(1, 2)``."""
    if not _ALTERNATIVES_RE.search(pred.text):
        return False
    listed = rewrite(normalize(_ALTERNATIVES_RE.sub(",", pred.text.replace("$", " "))))  # "$x=1$ or $x=2$" -> "1, 2"
    values = parse_collection(strip_text_units(listed))
    if values is None or not values.unordered:
        return False
    text = gold.normalized
    return len(text) > 1 and text[0] in "([" and text[-1] in ")]" and len(split_top_level(text)) == 1


def judge(gold: Answer, pred: Answer, tolerance: float, *, ordered: bool = False) -> Judgement:
    """Compare ``pred`` with ``gold``: text and numbers first, then SymPy on the whole spans.

    ``ordered`` compares bare lists item by item in order (the question or the answer labels positions).
    """
    ordered = ordered or pred.labelled or gold.labelled
    if _identity(pred.normalized) and not _identity(gold.normalized):
        return Judgement(False, "not_math")
    if _alternatives_for_a_pair(gold, pred):
        return Judgement(False, "wrong_answer")
    fast = _fast(gold, pred, tolerance, ordered)
    if fast is not None:
        return fast
    if ordered:
        in_order = _in_order(gold, pred, tolerance)
        if in_order is not None:
            return in_order
    angle = _angle(gold, pred, tolerance)
    if angle is not None:
        return angle
    if gold.matrix is not None and pred.matrix is not None:
        return _matrices(gold.matrix, pred.matrix, tolerance)
    if gold.variable and pred.variable and gold.variable != pred.variable:
        return Judgement(False, "wrong_variable")
    from .evaluate import compare

    precision = gold.number.half_unit if gold.number is not None and not gold.number.percent else None
    by_value = compare(_value_text(gold), _value_text(pred), tolerance, gold_precision=precision)
    if by_value is not None:
        return _verdict(by_value)  # decided by evaluation, no parser
    if not looks_like_math(strip_text_units(pred.normalized)):
        return Judgement(False, "not_math")
    gold_expr, pred_expr = gold.parsed(), pred.parsed()
    if pred_expr is None:
        return Judgement(False, "unparseable_answer")
    if gold_expr is None:
        return Judgement(False, "gold_unparseable")
    from .symbolic import equal

    return _verdict(equal(gold_expr, pred_expr, tolerance))
