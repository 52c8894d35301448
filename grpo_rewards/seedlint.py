"""Seed guidance as a lint: data that GRPO is the wrong tool for.

GRPO teaches *how to think*: it samples several completions of one prompt and
pushes the model toward those that beat the others. A fixed fact ("who are
you", "who developed you", a gold answer that is the same for every prompt)
has one right string the model either already produces or not; there is
nothing to reason about, rewards barely vary within a group, and the model
learns to parrot. Such facts belong in SFT data or the system prompt.

:func:`seed_warnings` looks for two signs: golds that are mostly one constant
across different prompts, and prompts that are identity questions.
"""

from __future__ import annotations

import collections
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

__all__ = ["GOLD_COLUMNS", "IDENTITY", "constant_gold", "identity_prompts", "seed_warnings"]

#: Column names that usually hold a gold answer, checked besides the selected rewards' own columns.
GOLD_COLUMNS = ("answer", "solution", "gold", "ground_truth", "target", "reference", "label")
#: Smallest number of distinct prompts before a constant gold is worth a warning, and the share that triggers it.
MIN_PROMPTS = 5
CONSTANT_SHARE = 0.5

_IDENTITY_PATTERNS = (
    r"\bwho\s+(are|r)\s+(you|u)\b",
    r"\bwhat('?s|\s+is)\s+your\s+name\b",
    r"\bwho\s+(made|created|built|developed|trained|designed|owns|programmed)\s+you\b",
    r"\b(which|what)\s+(company|organi[sz]ation|team|lab)\s+(made|created|built|developed|trained)\s+you\b",
    r"\bwhat\s+(model|llm|ai|assistant|language\s+model)\s+are\s+you\b",
    r"\bare\s+you\s+(chatgpt|gpt-?\d*|claude|gemini|llama|qwen|deepseek|an?\s+(ai|bot|assistant|language\s+model))\b",
    r"\b(introduce|describe)\s+yourself\b",
    r"\btell\s+me\s+about\s+yourself\b",
    r"你是谁|你叫什么|谁(开发|创造|训练|制作|创建)了你|你是(哪个|什么)模型",
    r"\bqui\s+(es-tu|êtes-vous)\b|\bquién\s+eres\b|\bwer\s+bist\s+du\b",
)
#: Identity questions, in several languages.
IDENTITY = re.compile("|".join(f"(?:{p})" for p in _IDENTITY_PATTERNS), re.IGNORECASE)

_WHY = (
    "GRPO teaches how to think: it learns from the differences between completions of one prompt, and a fixed fact"
    " has one right string, so rewards barely vary within a group and the model learns to parrot. Put fixed facts"
    " in SFT data or the system prompt, and keep GRPO for problems that need reasoning"
)


def _normal(value: Any) -> str:
    return " ".join(str(value).split()).casefold()


def constant_gold(prompts: Sequence[str], golds: Sequence[Any], column: str) -> str | None:
    """A warning when most distinct prompts share one gold value in ``column``; None otherwise."""
    per_prompt: dict[str, str] = {}
    for prompt, gold in zip(prompts, golds, strict=True):
        if isinstance(gold, (str, int, float)) and not isinstance(gold, bool) and str(gold).strip():
            per_prompt.setdefault(prompt, _normal(gold))
    if len(per_prompt) < MIN_PROMPTS:
        return None
    value, count = collections.Counter(per_prompt.values()).most_common(1)[0]
    share = count / len(per_prompt)
    if share < CONSTANT_SHARE:
        return None
    shown = value if len(value) <= 60 else value[:59] + "…"
    return (
        f"{count} of {len(per_prompt)} distinct prompts ({share:.0%}) have the same gold {column!r} = {shown!r}."
        f" A reward that always expects one answer teaches a constant, not a skill. {_WHY}."
    )


def identity_prompts(lines: Sequence[int], prompts: Sequence[str]) -> str | None:
    """A warning naming the lines whose prompt is an identity question ("who are you?"); None when there is none."""
    found = sorted({line for line, prompt in zip(lines, prompts, strict=True) if IDENTITY.search(prompt)})
    if not found:
        return None
    shown = ", ".join(map(str, found[:8])) + (", ..." if len(found) > 8 else "")
    return f"{len(found)} row(s) ask the model about itself (lines {shown}): identity questions are fixed facts. {_WHY}."


def seed_warnings(
    lines: Sequence[int], prompts: Sequence[str], columns: Sequence[Mapping[str, Any]], gold_columns: Iterable[str] = ()
) -> list[str]:
    """Every seed warning for these rows: identity prompts, and each gold column that is mostly one constant."""
    warnings = [w for w in (identity_prompts(lines, prompts),) if w]
    candidates = dict.fromkeys([*gold_columns, *GOLD_COLUMNS])
    for column in candidates:
        values = [row.get(column) for row in columns]
        if all(v is None for v in values):
            continue
        warning = constant_gold(prompts, values, column)
        if warning:
            warnings.append(warning)
    return warnings
