"""The pieces a long completion is composed from: problems, their worked steps and their mistakes.

Every problem is hand-written: the statement, the gold in its dataset's convention, a correct
solution as titled steps, one mistaken continuation (where it departs, its steps, its wrong
value, a sentence that catches the mistake and a sentence that talks a solver into it), a few
exploration paragraphs a thinking model would write first, and a check of the right answer.

Text is written with ``$...$`` for inline and ``$$...$$`` for display mathematics; frames turn
that into the delimiters their model family uses (``render_math``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field


def fold(text: str) -> str:
    """Join a triple-quoted paragraph's lines; a blank line starts a new paragraph."""
    paragraphs = re.split(r"\n\s*\n", text.strip())
    return "\n\n".join(" ".join(line.strip() for line in p.splitlines() if line.strip()) for p in paragraphs)


@dataclass(frozen=True)
class Step:
    """One titled step of a solution. The title is an imperative phrase ("Find the total cost")."""

    title: str
    body: str


@dataclass(frozen=True)
class Wrong:
    """A mistaken continuation: the first ``at`` correct steps, then ``steps``, ending at ``box``."""

    at: int
    steps: tuple[Step, ...]
    box: str
    say: str
    catch: str
    doubt: str
    kind: str
    check: str = ""


@dataclass(frozen=True)
class Problem:
    """A hand-written problem with everything the frames and variants need."""

    key: str
    source: str
    text: str
    gold: str
    steps: tuple[Step, ...]
    box: str
    say: str
    concl: str
    wrong: Wrong
    explore: tuple[str, ...]
    check: str
    lang: str = "en"
    extras: dict = field(default_factory=dict)

    @property
    def integer_gold(self) -> bool:
        return re.fullmatch(r"-?\d+", self.gold) is not None


def currency(text: str) -> str:
    """In GSM8K-style think-voice prose a bare ``$`` is a dollar sign: escape it as ``\\$``."""
    return re.sub(r"(?<!\\)\$", r"\\$", text)


def _steps(items: list) -> tuple[Step, ...]:
    return tuple(Step(fold(t), fold(b)) for t, b in items)


def P(
    *,
    key: str,
    source: str,
    text: str,
    gold: str,
    steps: list,
    box: str,
    concl: str,
    wrong: dict,
    explore: list,
    check: str,
    say: str = "",
    lang: str = "en",
    **extras,
) -> Problem:  # noqa: N802
    """Build a Problem from literal pieces (paragraphs are folded, ``say`` defaults to ``$box$``)."""
    w = dict(wrong)
    if source.startswith("gsm8k"):
        for k in ("catch", "doubt", "check"):
            if k in w:
                w[k] = currency(w[k])
        explore = [currency(e) for e in explore]
        check = currency(check)
    wrong_obj = Wrong(
        at=w["at"],
        steps=_steps(w["steps"]),
        box=w["box"],
        say=w.get("say") or f"${w['box']}$",
        catch=fold(w["catch"]),
        doubt=fold(w["doubt"]),
        kind=w["kind"],
        check=fold(w.get("check", "")),
    )
    return Problem(
        key=key,
        source=source,
        text=fold(text),
        gold=gold,
        steps=_steps(steps),
        box=box,
        say=say or f"${box}$",
        concl=concl,
        wrong=wrong_obj,
        explore=tuple(fold(e) for e in explore),
        check=fold(check),
        lang=lang,
        extras=extras,
    )


_MATH = re.compile(r"\\\$|\$\$((?:\\.|[^$\\])+?)\$\$|\$((?:\\.|[^$\\])+?)\$", re.S)


def render_math(text: str, style: str) -> str:
    """Rewrite ``$``/``$$`` delimiters: ``dollar`` keeps them, ``paren`` uses ``\\(``/``\\[``,
    ``plain`` drops them (a thinking trace), and ``\\$`` becomes ``$`` in ``plain``."""

    def sub(m: re.Match) -> str:
        if m.group(0) == "\\$":
            return "$" if style == "plain" else "\\$"
        display, inline = m.group(1), m.group(2)
        if display is not None:
            if style == "paren":
                return f"\n\\[\n{display.strip()}\n\\]\n"
            if style == "plain":
                return f"\n{display.strip()}\n"
            return f"\n$$\n{display.strip()}\n$$\n" if len(display) > 40 else f"\n$${display.strip()}$$\n"
        if style == "paren":
            return f"\\( {inline} \\)"
        if style == "plain":
            return inline.replace("\\$", "$")
        return f"${inline}$"

    out = _MATH.sub(sub, text)
    out = re.sub(r"[ \t]*\n[ \t]*", "\n", out)
    out = re.sub(r"\n{3,}", "\n\n", out)
    return out.strip()


def lower_first(text: str) -> str:
    """``Find the cost`` -> ``find the cost`` (leaves names and LaTeX alone)."""
    if len(text) > 1 and text[0].isupper() and text[1].islower():
        return text[0].lower() + text[1:]
    return text
