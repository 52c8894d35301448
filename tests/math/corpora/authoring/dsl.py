"""The two ways a grader row is written: an answer-form case, or a whole hand-written response.

A ``Case`` is one gold answer with the forms a careful human grader accepts (``right``), the
forms they reject (``wrong``) and, rarely, forms graders genuinely disagree about
(``contested``, with the label for the common default). Each form is rendered in a few styles.
A ``Row`` is a response written out in full, for cases whose meaning lives in the prose
(negations, choice letters with explanations, several boxed values, injected text).
"""

from __future__ import annotations

from dataclasses import dataclass, field

Wrong = str | tuple[str, str]


@dataclass
class Case:
    category: str
    gold: str
    right: list[str] = field(default_factory=list)
    wrong: list[Wrong] = field(default_factory=list)
    contested: list[tuple[str, bool, str]] = field(default_factory=list)
    note: str = ""
    per_form: int = 2


@dataclass
class Row:
    category: str
    style: str
    gold: str
    response: str
    label: bool
    note: str = ""
    contested: bool = False


def case(category: str, gold: str, right: list[str], wrong: list[Wrong], note: str = "", **kw: object) -> Case:
    """Shorthand for a ``Case``."""
    return Case(category, gold, right, wrong, note=note, **kw)  # type: ignore[arg-type]


def row(category: str, style: str, gold: str, response: str, label: bool, note: str = "", contested: bool = False) -> Row:
    """Shorthand for a ``Row``."""
    return Row(category, style, gold, response, label, note, contested)
