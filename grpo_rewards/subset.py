"""Which rows ``check`` scores: all, the first N (``--limit``), or a reproducible sample (``--sample N --seed S``).

A sample keeps whole prompt groups: GRPO compares the completions of one
prompt, so a sample that split groups apart would make the zero-variance and
advantage diagnostics meaningless. Groups are drawn at random (seeded) until
at least N rows are in; rows without a prompt count as groups of one. Rows
keep their file order and line numbers.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from typing import TypeVar

from .errors import ConfigError

__all__ = ["pick_rows"]

T = TypeVar("T")


def _groups(rows: Sequence[T], prompt_of: Callable[[T], str]) -> list[list[int]]:
    members: dict[str, list[int]] = {}
    singles: list[list[int]] = []
    for index, row in enumerate(rows):
        prompt = prompt_of(row)
        if prompt.strip():
            members.setdefault(prompt, []).append(index)
        else:
            singles.append([index])
    return [*members.values(), *singles]


def pick_rows(
    rows: Sequence[T], *, limit: int | None = None, sample: int | None = None, seed: int = 0, prompt_of: Callable[[T], str]
) -> list[T]:
    """The rows to score, in file order. ``limit`` and ``sample`` exclude each other."""
    if limit is not None and sample is not None:
        raise ConfigError("--limit and --sample exclude each other: --limit takes the first N rows, --sample N random ones")
    for name, value in (("--limit", limit), ("--sample", sample)):
        if value is not None and value < 1:
            raise ConfigError(f"{name} must be at least 1, got {value}")
    if limit is not None:
        return list(rows[:limit])
    if sample is None or sample >= len(rows):
        return list(rows)
    groups = _groups(rows, prompt_of)
    random.Random(seed).shuffle(groups)
    chosen: list[int] = []
    for group in groups:
        if len(chosen) >= sample:
            break
        chosen.extend(group)
    return [rows[i] for i in sorted(chosen)]
