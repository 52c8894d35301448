"""A procedurally generated addition task with a digit-by-digit scratchpad, for the trainer demo and benchmark.

A problem is ``"457+385="``; a worked solution is
``<think>7+5+0=12 5+8+1=14 4+3+1=8</think>\\boxed{842}`` (units first, each step
``digit+digit+carry=sum``). Held-out problems never appear in training data.
"""

from __future__ import annotations

import json
import random
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

__all__ = ["Problem", "exact_match", "make_splits", "write_jsonl"]

_BOXED = re.compile(r"\\boxed\{([^{}]*)\}")


@dataclass(frozen=True)
class Problem:
    a: int
    b: int

    @property
    def prompt(self) -> str:
        return f"{self.a}+{self.b}="

    @property
    def answer(self) -> str:
        return str(self.a + self.b)

    def steps(self) -> str:
        xs, ys = str(self.a)[::-1], str(self.b)[::-1]
        carry, parts = 0, []
        for i in range(max(len(xs), len(ys))):
            x, y = int(xs[i]) if i < len(xs) else 0, int(ys[i]) if i < len(ys) else 0
            parts.append(f"{x}+{y}+{carry}={x + y + carry}")
            carry = (x + y + carry) // 10
        return " ".join(parts)

    def solution(self) -> str:
        return f"<think>{self.steps()}</think>\\boxed{{{self.answer}}}"

    def row(self) -> dict[str, Any]:
        return {"prompt": self.prompt, "answer": self.answer}


def make_splits(
    seed: int, n_sft: int, n_rl: int, n_test: int, n_val: int = 0, low: int = 10, high: int = 999
) -> dict[str, list[Problem]]:
    """Disjoint problem sets: ``sft`` (worked solutions), ``rl`` (prompts only), ``val`` and ``test`` (held out)."""
    rng = random.Random(seed)
    seen: set[tuple[int, int]] = set()
    splits: dict[str, list[Problem]] = {}
    for name, count in (("test", n_test), ("sft", n_sft), ("rl", n_rl), ("val", n_val)):
        items = []
        while len(items) < count:
            pair = (rng.randint(low, high), rng.randint(low, high))
            if pair not in seen:
                seen.add(pair)
                items.append(Problem(*pair))
        splits[name] = items
    return splits


def final_answer(completion: str) -> str | None:
    """The last ``\\boxed{...}`` after ``</think>``, or None."""
    tail = completion.split("</think>")[-1] if "</think>" in completion else ""
    found = _BOXED.findall(tail)
    return found[-1].strip() if found else None


def exact_match(completion: str, answer: str) -> bool:
    return final_answer(completion) == answer


def write_jsonl(path: Path, rows: Iterable[dict[str, Any]]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps(row) + "\n")
    return path


def corpus(problems: Sequence[Problem]) -> list[str]:
    """Texts to train the toy tokenizer on."""
    return [p.prompt + p.solution() for p in problems]
