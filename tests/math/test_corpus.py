"""The labelled corpus (tests/math/corpus.jsonl): agreement overall and per category, through the real pool."""

from __future__ import annotations

import collections
import json
from pathlib import Path

from grpo_rewards import WorkerPool

from .conftest import score

CORPUS = Path(__file__).with_name("corpus.jsonl")
CATEGORIES = {
    "gold_forms",
    "extraction",
    "fractions_decimals_percents",
    "thousands_separators",
    "scientific_notation",
    "mixed_numbers",
    "units_text",
    "intervals",
    "sets",
    "tuples",
    "matrices",
    "equations",
    "inequalities",
    "radicals_pi_e",
    "latex_commands",
    "multiple_choice",
    "multilingual",
    "not_equal_close",
    "code_prose",
    "two_equations",
    "strict_mode",
}


def _load() -> list[dict]:
    return [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_corpus_covers_every_category_with_both_labels() -> None:
    cases = _load()
    assert len(cases) >= 250
    labels = collections.defaultdict(set)
    for case in cases:
        labels[case["category"]].add(case["expect"] == "correct")
    assert set(labels) == CATEGORIES
    assert all(seen == {True, False} for seen in labels.values()), {c: s for c, s in labels.items() if s != {True, False}}


def test_corpus_agreement(math_pool: WorkerPool) -> None:
    cases = _load()
    verdicts = []
    for mode in ("lenient", "strict"):
        chosen = [c for c in cases if (c["category"] == "strict_mode") == (mode == "strict")]
        verdicts += zip(chosen, score(math_pool, [(c["gold"], c["completion"]) for c in chosen], mode=mode), strict=True)
    per_category: dict[str, list[bool]] = collections.defaultdict(list)
    misses = []
    for case, verdict in verdicts:
        agree = verdict.kind == case["expect"]
        per_category[case["category"]].append(agree)
        if not agree:
            misses.append(
                f"{case['category']}: gold {case['gold']!r} completion {case['completion'][-80:]!r}"
                f" expected {case['expect']}, got {verdict.kind} {verdict.reason} {verdict.details.get('message', '')}"
            )
    total = sum(sum(v) for v in per_category.values())
    print(f"\nmath corpus agreement: {total}/{len(verdicts)} = {total / len(verdicts):.1%}")
    for category, agreed in sorted(per_category.items()):
        print(f"  {category:28s} {sum(agreed):3d}/{len(agreed):3d}")
    print("\n".join(misses))
    assert not misses, f"{len(misses)} disagreements:\n" + "\n".join(misses)
