"""Gold answers: from whatever the dataset holds to one :class:`Answer`, read whole and cached.

A gold may be bare (``2\\sqrt{5}-1``), in ``$...$``, in ``\\boxed{}``, a GSM8K
``#### 42`` line, or a whole reference solution. It is never handed to a
parser bare (that is how ``2\\sqrt{5}-1`` becomes ``2``): the answer span is
found first and then read whole.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from .answer import Answer, Judgement, judge
from .extract import extract_answers, looks_like_math
from .latex import find_boxed, normalize

__all__ = ["Gold", "gold_problems", "gold_text", "read_gold"]

_HASHES_RE = re.compile(r"####\s*(.+?)\s*$", re.DOTALL)
_SOLUTION_CHARS = 120


def gold_text(value: Any) -> str:
    """A gold cell as text: numbers as written, lists joined with commas."""
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (list, tuple)):
        return ", ".join(gold_text(v) for v in value)
    return "" if value is None else str(value)


@dataclass
class Gold:
    """A gold answer ready to compare, or the reason it cannot be read."""

    raw: str
    answer: Answer | None
    problem: str = ""
    boxed_count: int = 0
    judged: dict[tuple[str, float], Judgement] = field(default_factory=dict, repr=False)

    def judge(self, span: str, tolerance: float) -> Judgement:
        """``span`` compared with this gold; the same span is judged once per worker (completions of a group repeat)."""
        assert self.answer is not None
        key = (span, tolerance)
        if key not in self.judged:
            if len(self.judged) > 4096:
                self.judged.clear()
            self.judged[key] = judge(self.answer, Answer.read(span), tolerance)
        return self.judged[key]

    @property
    def ok(self) -> bool:
        return self.answer is not None


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
        found = extract_answers(text, "lenient")
        if found.answers:
            return found.answers[-1], 0, ""
        return None, 0, "a reference solution with no \\boxed{}, '####' or 'the answer is' line"
    return text, 0, ""


def _readable(answer: Answer) -> bool:
    """Whether the gold can be compared; plain numbers, choices, words and collections of numbers need no parse yet."""
    if answer.choice or answer.words is not None or answer.number is not None or answer.collection is not None:
        return True
    return answer.parsed() is not None


@lru_cache(maxsize=2048)
def read_gold(raw: str) -> Gold:
    """Find and read the gold answer once; cached per worker process."""
    span, boxed, why = _span(raw)
    if not span:
        return Gold(raw, None, why or "the gold answer is empty", boxed)
    answer = Answer.read(span)
    if not _readable(answer):
        return Gold(raw, None, f"gold {span!r} does not parse as math", boxed)
    return Gold(raw, answer, "", boxed)


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
    if gold.boxed_count > 1:
        problems.append(
            f"gold has {gold.boxed_count} different \\boxed{{}} answers; only the last, {gold.answer.text!r}, is used"
        )
    assert gold.answer is not None
    truncated = _truncation(gold.answer)
    if truncated:
        problems.append(truncated)
    return problems
