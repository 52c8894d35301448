"""Strict parsing of the judge's reply. Only the judge's reply is ever parsed, never the completion.

The rules, the same for every template:

* A reasoning block (``<think>...</think>``) is dropped first; a reply that is
  still inside one (cut off by ``max_tokens``) has no score.
* The key word (``VERDICT``, ``SCORE`` or ``RANKING``) followed by a colon must
  appear on exactly one line, and that line must be the reply's last non-empty
  line. A judge that quotes a score line from the completion, or writes two, has
  given no valid score: the reply is ``judge_unparseable``, never read as
  whichever line came first or last.
* Markdown emphasis around the line (``**SCORE: 7**``) and a final full stop are
  tolerated; anything else on the line is not.
* ``VERDICT`` is ``CORRECT`` or ``INCORRECT``; ``SCORE`` a number from 0 to 10
  (``7``, ``7.5`` or ``7/10``); ``RANKING`` every label of the request exactly
  once, separated by ``>``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .templates import ReplyKind

__all__ = ["KEYS", "Judged", "Parsed", "Unparseable", "parse_reply"]

KEYS: dict[ReplyKind, str] = {"verdict": "VERDICT", "score": "SCORE", "ranking": "RANKING"}
_DECORATION = " \t*_`#"
_SCORE = re.compile(r"(\d{1,2}(?:\.\d+)?)(?:\s*/\s*10)?")


class Unparseable(Exception):
    """The reply holds no valid score; the message says what is wrong with it."""


@dataclass(frozen=True)
class Parsed:
    """What a reply says: the line read, and its value (bool, a 0-10 score, or labels best first)."""

    line: str
    value: bool | float | tuple[str, ...]


@dataclass(frozen=True)
class Judged:
    """A reply and what it says (what the judge's cache keeps)."""

    parsed: Parsed
    reply: str


def _final_text(text: str) -> str:
    if "</think>" in text:
        return text.rsplit("</think>", 1)[1]
    if "<think>" in text:
        raise Unparseable("the reply ends inside its <think> block (raise max_tokens?)")
    return text


def _key_line(kind: ReplyKind, text: str) -> str:
    key = KEYS[kind]
    lines = [line.strip() for line in _final_text(text).splitlines() if line.strip()]
    mentions = [i for i, line in enumerate(lines) if re.search(rf"\b{key}\s*:", line, re.IGNORECASE)]
    if not mentions:
        raise Unparseable(f"no '{key}:' line in the reply")
    if len(mentions) > 1:
        raise Unparseable(f"the reply has {len(mentions)} '{key}:' lines; exactly one is allowed")
    if mentions[0] != len(lines) - 1:
        raise Unparseable(f"the '{key}:' line is not the reply's last line")
    line = lines[-1].strip(_DECORATION).rstrip(".").strip(_DECORATION)
    match = re.fullmatch(rf"{key}\s*:\s*(.*)", line, re.IGNORECASE)
    if match is None:
        raise Unparseable(f"the last line does not start with '{key}:'")
    return match.group(1).strip()


def _verdict(value: str) -> bool:
    word = value.upper()
    if word not in ("CORRECT", "INCORRECT"):
        raise Unparseable(f"VERDICT is {value!r}, not CORRECT or INCORRECT")
    return word == "CORRECT"


def _score(value: str) -> float:
    match = _SCORE.fullmatch(value)
    if match is None:
        raise Unparseable(f"SCORE is {value!r}, not a number from 0 to 10")
    score = float(match.group(1))
    if not 0.0 <= score <= 10.0:
        raise Unparseable(f"SCORE {match.group(1)} is outside 0 to 10")
    return score


def _ranking(value: str, labels: tuple[str, ...]) -> tuple[str, ...]:
    ranked = tuple(part.strip().strip("[]()'\"").upper() for part in value.split(">"))
    wanted = set(labels)
    unknown = [label for label in ranked if label not in wanted]
    if unknown:
        raise Unparseable(f"RANKING names {unknown[0]!r}, which is not one of the labels {', '.join(labels)}")
    if len(set(ranked)) != len(ranked):
        raise Unparseable("RANKING names a label twice")
    if len(ranked) != len(labels):
        missing = sorted(wanted - set(ranked))
        raise Unparseable(f"RANKING lists {len(ranked)} of {len(labels)} labels (missing {', '.join(missing)})")
    return ranked


def parse_reply(kind: ReplyKind, text: str, labels: tuple[str, ...] = ()) -> Parsed:
    """The score in ``text``, the judge's reply; raises :class:`Unparseable` saying why there is none."""
    value = _key_line(kind, text)
    line = f"{KEYS[kind]}: {value}"
    if kind == "verdict":
        return Parsed(line, _verdict(value))
    if kind == "score":
        return Parsed(line, _score(value))
    return Parsed(line, _ranking(value, labels))
