"""Gold lint for ``grpo-rewards check``, run in the core's worker pool under a deadline.

A hostile gold (a power tower, a 50k-character "answer") can hang a parser, so
golds are read in killable workers exactly like samples. Rows that share a
gold are reported together, with every line.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from grpo_rewards.pool import Outcome, Task, get_pool

from .gold import gold_problems, gold_text

__all__ = ["lint_golds"]


@dataclass(frozen=True)
class _LintJob:
    """Pool job: the problems of one gold cell."""

    def setup(self) -> None:
        return None

    def run(self, _: None, value: Any) -> list[str]:
        return gold_problems(value)


def _lines(lines: list[int]) -> str:
    shown = ", ".join(str(n) for n in lines[:8])
    more = f" and {len(lines) - 8} more" if len(lines) > 8 else ""
    return f"line{'s' if len(lines) > 1 else ''} {shown}{more}"


def _messages(outcome: Outcome, value: str, timeout: float) -> list[str]:
    if outcome.ok:
        return list(outcome.value)
    if outcome.failure == "timeout":
        return [f"gold {value[:80]!r} took longer than {timeout:g} s to read; its samples will time out too"]
    return [f"reading gold {value[:80]!r} failed ({outcome.failure}: {outcome.message})"]


def lint_golds(rows: Sequence[Mapping[str, Any]], column: str, timeout: float, preload: Sequence[str]) -> list[str]:
    """One message per problem per distinct gold, naming every line that carries it."""
    lines: dict[str, list[int]] = {}
    for row in rows:
        if column in row:
            lines.setdefault(gold_text(row[column]), []).append(int(row.get("__line__", 0)))
    if not lines:
        return []
    values = list(lines)
    outcomes = get_pool(preload).run([Task(_LintJob(), values, timeout)])[0]
    return [
        f"{_lines(lines[value])}: {message}"
        for value, outcome in zip(values, outcomes, strict=True)
        for message in _messages(outcome, value, timeout)
    ]
