"""Finding the program in a completion.

A fenced block opens with a line of three or more backticks (or tildes),
indented at most three spaces, optionally followed by an info string whose
first word is the language (```` ```python ````). It closes with a line of the
same character, at least as long, and nothing else; a block left open runs to
the end of the completion (CommonMark's rule).

Which block is the program:

* ``last_block`` (default): the last block tagged with the wanted language;
  when no block is tagged with it, the last untagged block. Blocks tagged with
  another language (```` ```text ````, ```` ```bash ````) are never taken.
* ``first_block``: the same rule, taking the first block instead.
* ``whole``: the whole completion is the program.

A completion with no fenced block at all whose text (after the last
``</think>``) is a Python program by itself (it parses, and does more than
name a value: a ``def``, an ``import``, an assignment, a call...) is taken
whole, since many models answer with bare code. Otherwise no block (or only
blank ones) means no program: the reward says ``incorrect(no_code)``.

Everything here runs in the caller's process on text the model wrote, so it
is bounded: fence scanning is one pass over the lines, and the bare-code check
parses at most :data:`MAX_PARSED_CHARS` characters and treats any failure of
the parser (a ``RecursionError`` or ``MemoryError`` on 3,000 nested unary
minus signs, say) as "not a program".
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from typing import Literal

__all__ = ["LANGUAGE_ALIASES", "MAX_PARSED_CHARS", "Block", "ExtractMode", "extract_code", "fenced_blocks", "parse_bounded"]

#: Longest text the bare-code check hands to Python's parser (longer bare text is not taken as a program).
MAX_PARSED_CHARS = 200_000

ExtractMode = Literal["last_block", "first_block", "whole"]

#: Info-string tags accepted for a language (compared case-insensitively).
LANGUAGE_ALIASES: dict[str, frozenset[str]] = {
    "python": frozenset({"python", "python3", "py", "py3", "python3.11", "python3.12"}),
}

_OPEN = re.compile(r"^ {0,3}(?P<fence>`{3,}|~{3,})(?P<info>[^\n]*)$")


@dataclass(frozen=True)
class Block:
    """One fenced block: its language tag (lower case, ``""`` when untagged) and its text."""

    language: str
    text: str


def _closes(line: str, fence: str) -> bool:
    stripped = line.strip()
    return len(line) - len(line.lstrip(" ")) <= 3 and len(stripped) >= len(fence) and set(stripped) == {fence[0]}


def _opening(line: str) -> tuple[str, str] | None:
    match = _OPEN.match(line)
    if match is None:
        return None
    fence, info = match.group("fence"), match.group("info").strip()
    if fence[0] == "`" and "`" in info:  # CommonMark: a backtick fence's info string has no backticks
        return None
    return fence, (info.split()[0].lower() if info else "")


def fenced_blocks(text: str) -> list[Block]:
    """Every fenced block in ``text``, in order."""
    blocks: list[Block] = []
    lines = text.split("\n")
    i = 0
    while i < len(lines):
        opened = _opening(lines[i])
        i += 1
        if opened is None:
            continue
        fence, language = opened
        body: list[str] = []
        while i < len(lines) and not _closes(lines[i], fence):
            body.append(lines[i])
            i += 1
        i += 1  # past the closing fence (or the end)
        blocks.append(Block(language, "\n".join(body)))
    return blocks


def _aliases(language: str) -> frozenset[str]:
    language = language.lower()
    return LANGUAGE_ALIASES.get(language, frozenset({language}))


_STATEMENTS = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Import, ast.ImportFrom, ast.Assign, ast.AugAssign,
               ast.AnnAssign, ast.For, ast.While, ast.If, ast.With, ast.Try)  # fmt: skip


def parse_bounded(text: str) -> ast.Module | None:
    """``text`` parsed as Python, or ``None`` when it is longer than :data:`MAX_PARSED_CHARS` or the parser fails."""
    if len(text) > MAX_PARSED_CHARS:
        return None
    try:
        return ast.parse(text)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return None


def _bare_python(completion: str) -> str | None:
    """The completion's answer part when it is a Python program with no fences, else None."""
    text = completion.rsplit("</think>", 1)[-1].strip("\n")
    module = parse_bounded(text)
    if module is None:
        return None
    acts = [n for n in module.body if isinstance(n, _STATEMENTS) or (isinstance(n, ast.Expr) and isinstance(n.value, ast.Call))]
    return text if acts else None


def extract_code(completion: str, *, mode: ExtractMode = "last_block", language: str = "python") -> str | None:
    """The program in ``completion``, or ``None`` when there is none (see the module docstring)."""
    if mode == "whole":
        return completion if completion.strip() else None
    all_blocks = fenced_blocks(completion)
    if not all_blocks and language.lower() in LANGUAGE_ALIASES["python"]:
        return _bare_python(completion)
    blocks = [b for b in all_blocks if b.text.strip()]
    tagged = [b for b in blocks if b.language in _aliases(language)]
    candidates = tagged or [b for b in blocks if not b.language]
    if not candidates:
        return None
    chosen = candidates[-1] if mode == "last_block" else candidates[0]
    return chosen.text
