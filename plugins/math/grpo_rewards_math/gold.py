"""Gold answers: from whatever the dataset holds to one :class:`Answer`, read whole and cached.

A gold may be bare (``2\\sqrt{5}-1``), in ``$...$``, in ``\\boxed{}``, a GSM8K
``#### 42`` line, a whole reference solution, Python (``3**(1/3)``), a list of
equations (``x = 1, x = -2``) or a function value (``F(4,2) = 9``). It is never
handed to a parser bare (that is how ``2\\sqrt{5}-1`` becomes ``2``): the answer
span is found first and then read whole.

:meth:`Gold.judge` compares one answer span with the gold, after the guards of
:mod:`.guards`; :meth:`Gold.judge_clause` first reads the value (or choice
letter, or words) that a prose clause states.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import Any

from .answer import Answer, Judgement, judge, readable_by_evaluation, words_match
from .extract import extract_answers, looks_like_math
from .guards import refuse
from .latex import find_boxed, normalize, split_top_level
from .notation import from_python
from .prose import asserted_choice, clause_value
from .units import strip_text_units

__all__ = ["Gold", "Limits", "asks_for_order", "choice_options", "gold_problems", "gold_text", "read_gold"]

_HASHES_RE = re.compile(r"####\s*(.+?)\s*$", re.DOTALL)
_SOLUTION_CHARS = 120
_ORDER_CUE = re.compile(
    r"\brespectively\b|\bin\s+(?:that|this|the\s+given|the\s+same|increasing|decreasing|ascending|descending)\s+order\b|"
    r"\bin\s+order\b(?!\s+(?:to|for)\b)|\bordered\s+(?:pair|triple|tuple|list|sequence)|"
    r"\bfrom\s+(?:smallest|least|largest|greatest|lowest|highest)\s+to\b|\b[a-zA-Z]_?\(?1\)?\s*,\s*[a-zA-Z]_?\(?2\)?\s*(?:,|and\b)",
    re.IGNORECASE,
)
_YES_NO = frozenset(("yes", "no"))
# An integral, limit, derivative, determinant or matrix power left for the grader to evaluate is not a final
# answer (and can take SymPy minutes: latex2sympy expands a 6x6 symbolic determinant while parsing).
_UNEVALUATED = re.compile(
    r"\\(?:int|iint|iiint|oint|lim|partial|nabla|det)(?![a-zA-Z])|\\frac\{d\}\{d[a-z]\}|\\frac\{d\^|"
    r"\\begin\{[vV]matrix\}|\\end\{[a-zA-Z]*matrix\}\s*\^"
)
_LETTER_RUN = re.compile(r"(?<![A-Za-z])(?:[A-Z]\s*,\s*){1,}[A-Z](?![A-Za-z])|(?<![A-Za-z])[A-Z]{3,10}(?![A-Za-z])")
_ARTICLES = re.compile(r"^(?:(?:the|a|an|on|at|in|it|is|was|will\s+be|that)\s+)+", re.IGNORECASE)


def gold_text(value: Any) -> str:
    """A gold cell as text: numbers as written, lists joined with commas."""
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (list, tuple)):
        return ", ".join(gold_text(v) for v in value)
    return "" if value is None else str(value)


@lru_cache(maxsize=1024)
def asks_for_order(prompt: str) -> bool:
    """Whether the question asks for values in a given order ("respectively", "in increasing order", "f(1), f(2), ...")."""
    return _ORDER_CUE.search(prompt[-4000:]) is not None


@dataclass(frozen=True)
class Limits:
    """How spans are compared and which are refused unread (from the reward's options)."""

    tolerance: float = 1e-6
    max_chars: int = 1000
    max_nesting: int = 40


@dataclass
class Gold:
    """A gold answer ready to compare, or the reason it cannot be read."""

    raw: str
    answer: Answer | None
    problem: str = ""
    boxed_count: int = 0
    ordered: bool = False
    options: dict[str, str] = field(default_factory=dict)
    judged: dict[tuple[str, Limits], Judgement] = field(default_factory=dict, repr=False)

    @property
    def ok(self) -> bool:
        return self.answer is not None

    @cached_property
    def size(self) -> int:
        """How many items the gold lists: 2 for ``1, 3`` or ``\\{1, 3\\}`` or ``(1,3),(3,1)``, 1 for ``(1, 3)``."""
        assert self.answer is not None
        text = self.answer.normalized
        if text.startswith("\\{") and text.endswith("\\}"):
            text = text[2:-2]
        return max(1, sum(1 for part in split_top_level(text) if part.strip()))

    @cached_property
    def parts(self) -> int:
        """How many values the answer is made of: a list's items, or the entries of one tuple ``(4, 6)``."""
        assert self.answer is not None
        text = self.answer.normalized
        if self.size == 1 and text.startswith("(") and text.endswith(")"):
            return sum(1 for part in split_top_level(text[1:-1]) if part.strip())
        return self.size

    def judge(self, span: str, limits: Limits) -> Judgement:
        """``span`` compared with this gold; the same span is judged once per worker (completions of a group repeat)."""
        assert self.answer is not None
        key = (span, limits)
        if key not in self.judged:
            if len(self.judged) > 4096:
                self.judged.clear()
            self.judged[key] = self._judge(span, limits)
        return self.judged[key]

    def _judge(self, span: str, limits: Limits) -> Judgement:
        assert self.answer is not None
        if len(span) <= limits.max_chars and normalize(span) == self.answer.normalized:
            return Judgement(True)  # the gold itself, however large: decided without evaluating it
        refusal = refuse(span, limits.max_chars, limits.max_nesting)
        if refusal is not None:
            return Judgement(False, refusal.reason, {"span": span[:80] + ("…" if len(span) > 80 else ""), **refusal.detail})
        operator = _UNEVALUATED.search(span)
        if operator is not None and not _UNEVALUATED.search(self.raw):
            evaluated = span.rsplit("=", 1)[1] if "=" in span else ""
            if not evaluated.strip() or _UNEVALUATED.search(evaluated):
                return Judgement(False, "unevaluated_answer", {"operator": operator.group(0)})  # an integral is not its value
            span = evaluated  # "\\lim_{x \\to 0} \\frac{\\sin x}{x} = 1" states the value 1
        pred = Answer.read(span)
        if self.answer.choice and self.answer.choice in self.options and not pred.choice:
            return self._by_option(pred, limits)
        if pred.number is None and not self.answer.choice and not looks_like_math(strip_text_units(pred.normalized)):
            judgement, value = self.judge_clause(span, limits, after_marker=True, boxed=True)  # \boxed{the year 2017}
            if value is not None:
                return judgement
        return judge(self.answer, pred, limits.tolerance, ordered=self.ordered)

    def _by_option(self, pred: Answer, limits: Limits) -> Judgement:
        """A choice gold answered with an option's value: ``4`` for ``B`` when the question lists ``(B) 4``."""
        assert self.answer is not None and self.answer.choice is not None
        matching = [letter for letter, text in self.options.items() if judge(Answer.read(text), pred, limits.tolerance).equal]
        if matching == [self.answer.choice]:
            return Judgement(True)
        return Judgement(False, "wrong_answer" if matching else "not_a_choice")

    def judge_clause(
        self,
        clause: str,
        limits: Limits,
        *,
        after_marker: bool = False,
        known: frozenset[str] = frozenset(),
        decimal_comma: bool = False,
        boxed: bool = False,
    ) -> tuple[Judgement, str | None]:
        """The value a prose clause states, compared with this gold; also returns what was read."""
        assert self.answer is not None
        if self.answer.choice:
            letter = asserted_choice(clause)
            if letter is None and self.options:
                value = clause_value(clause, after_marker=after_marker)
                return (self.judge(value, limits), value) if value else (Judgement(False, "not_a_choice"), None)
            if letter is None:
                return Judgement(False, "not_a_choice"), None
            return Judgement(letter == self.answer.choice, "" if letter == self.answer.choice else "wrong_answer"), letter
        if self.answer.words is not None:
            words = _clause_words(clause)
            first = re.sub(r"\W", "", clause.strip().split(maxsplit=1)[0]).lower() if clause.strip() else ""
            if words == self.answer.words or words_match(self.answer.words, words) or first == self.answer.words in _YES_NO:
                return Judgement(True), clause
            if not any(char.isdigit() for char in clause):
                return Judgement(False, "wrong_answer"), clause
        if self.answer.letters is not None:
            letters = _LETTER_RUN.findall(clause.replace("\\text{", " "))
            found = re.sub(r"[\s,]", "", letters[-1]) if letters else None
            return Judgement(found == self.answer.letters, "" if found == self.answer.letters else "wrong_answer"), found
        value = clause_value(clause, after_marker=after_marker, known=known, decimal_comma=decimal_comma, solutions=self.size)
        if value is None or (boxed and value == clause):
            return Judgement(False, "no_answer"), None
        return self.judge(value, limits), value


def _clause_words(clause: str) -> str:
    """The words a clause ends on, after its verb ("The party is on Monday." -> "monday")."""
    text = re.split(r"\b(?:is|are|was|be)\b|:|=", clause)[-1]
    text = re.sub(r"\\text\{([^{}]*)\}|\$", r"\1", text)
    text = _ARTICLES.sub("", text.strip(" .,;:!。").lower())
    return " ".join(text.split())


def _reference_answer(text: str) -> str | None:
    """The final answer of a reference solution."""
    found = extract_answers(text, "lenient")
    if not found.answers:
        return None
    if not found.is_clause:
        return found.answers[-1]
    clause = found.answers[0]
    return clause_value(clause, after_marker=found.source == "phrase") or asserted_choice(clause)


def _span(raw: str) -> tuple[str | None, int, str]:
    """(answer span, number of distinct boxed answers, why none)."""
    hashes = _HASHES_RE.search(raw)
    if hashes:
        return hashes.group(1).strip(), 0, ""
    boxes = list(dict.fromkeys(normalize(b.content) for b in find_boxed(raw) if b.content))
    if boxes:
        return boxes[-1], len(boxes), ""
    text = raw.strip()
    if "\n" in text or (len(text) > _SOLUTION_CHARS and not looks_like_math(text)):
        answer = _reference_answer(text)
        if answer:
            return answer, 0, ""
        return None, 0, "a reference solution with no \\boxed{}, '####' or 'the answer is' line"
    return text, 0, ""


def _readable(answer: Answer) -> bool:
    """Whether the gold can be compared; plain numbers, choices, words and collections of numbers need no parse yet."""
    if answer.choice or answer.words is not None or answer.number is not None or answer.collection is not None:
        return True
    if answer.matrix is not None or readable_by_evaluation(answer):
        return True  # the evaluator reads it: no parse until SymPy is needed
    return answer.parsed() is not None


_OPTION = re.compile(r"(?:^|[\s(\[])\(?([A-J])[).:]\s*(.+?)(?=\s+\(?[A-J][).:]\s|\s*$|\n)", re.MULTILINE)


@lru_cache(maxsize=1024)
def choice_options(question: str) -> tuple[tuple[str, str], ...]:
    """The lettered options a question lists (``(A) 3 (B) 4`` or ``A. 3`` per line), as (letter, text) pairs."""
    found: dict[str, str] = {}
    for match in _OPTION.finditer(question[-3000:]):
        found.setdefault(match.group(1), match.group(2).strip().rstrip(",;. "))
    return tuple(found.items()) if len(found) >= 2 else ()


@lru_cache(maxsize=2048)
def read_gold(raw: str, ordered: bool = False, options: tuple[tuple[str, str], ...] = ()) -> Gold:
    """Find and read the gold answer once; cached per worker process (golds are never truncated).

    ``options``: the question's lettered options, so that a choice gold (``B``) is also met by
    its option's value (``4``).
    """
    span, boxed, why = _span(raw)
    if not span:
        return Gold(raw, None, why or "the gold answer is empty", boxed)
    answer = Answer.read(from_python(span))
    if not _readable(answer):
        return Gold(raw, None, f"gold {span!r} does not parse as math", boxed)
    return Gold(raw, answer, "", boxed, ordered or _sequence_like(answer), dict(options))


def _sequence_like(answer: Answer) -> bool:
    """A bare list gold that reads as a sequence, not a set: it repeats a value or runs strictly down (10, 6, 3).

    ``2, -2`` stays a set (a ``\\pm`` pair); ``5, 1, 4`` stays a set too, since solution sets are listed in any
    order: set ``list_order=ordered`` when bare lists are sequences.
    """
    if answer.collection is None or answer.collection.opening or len(answer.collection.items) < 2:
        return False
    values = [item.value for item in answer.collection.items]
    descending = len(values) > 2 and all(a > b for a, b in zip(values, values[1:], strict=False))
    return len(set(values)) < len(values) or descending


# ----------------------------------------------------------------------------- lint


def _bare_reading(span: str) -> Any:
    """What math-verify's ``parse`` makes of the span given bare, as common GRPO scripts do."""
    from math_verify import parse

    results = parse(span, parsing_timeout=None, fallback_mode="no_fallback")
    return results[0] if results else None


def _truncation(answer: Answer) -> str | None:
    """A message when a bare parse of the gold keeps only part of it (``2\\sqrt{5}-1`` -> ``2``)."""
    if answer.number is not None or answer.choice or answer.words is not None:
        return None
    from .symbolic import equal

    ours, bare = answer.parsed(), _bare_reading(answer.normalized)
    if bare is None or ours is None or equal(ours, bare, 0.0):
        return None
    return (
        f"gold {answer.text!r} parses to {str(bare)!r}, something shorter than itself, when read bare"
        f" (as TRL and open-r1 read golds); this reward reads it whole as {str(ours)!r}."
        " Wrap it as \\boxed{...} if other tools read this data"
    )


def gold_problems(value: Any) -> list[str]:
    """Every problem with one gold cell, as messages without the line number."""
    gold = read_gold(gold_text(value))
    if not gold.ok:
        return [f"{gold.problem}; its samples will be unverifiable(gold_unparseable)"]
    problems = []
    assert gold.answer is not None
    if gold.boxed_count > 1:
        problems.append(
            f"gold has {gold.boxed_count} different \\boxed{{}} answers; only the last, {gold.answer.text!r}, is used"
        )
    truncated = _truncation(gold.answer)
    if truncated:
        problems.append(truncated)
    return problems
