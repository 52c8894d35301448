"""Every hand-written problem, in the order the corpus is built (order fixes the ids' rows)."""

from __future__ import annotations

import importlib

from model import Problem

MODULES = (
    "p_gsm8k_a",
    "p_gsm8k_b",
    "p_math_a",
    "p_counting",
    "p_math_b",
    "p_math_c",
    "p_olympiad",
    "p_choice",
    "p_lang",
)


def _load() -> list[Problem]:
    out: list[Problem] = []
    for name in MODULES:
        out.extend(importlib.import_module(name).PROBLEMS)
    keys = [p.key for p in out]
    dup = {k for k in keys if keys.count(k) > 1}
    if dup:
        raise SystemExit(f"duplicate problem keys: {sorted(dup)}")
    return out


PROBLEMS = _load()
