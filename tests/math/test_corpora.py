"""The labelled corpora through the real reward and pool, default options: agreement per category and false positives.

* ``tests/math/corpora/``: written independently of this plugin (see its README for the
  label policy): grader-style pairs, completions and long completions (``long/``);
* ``tests/math/cases/``: this plugin's own development cases.

The floors sit just under what the reward measures today; the rows it gets wrong
in the independent corpora are listed in the report (``bench/report_math.py --show``)
and in the plugin's notes: labels that depend on the question's wording (``12`` for
"12 days" against ``12 weeks``), ordered sequences given without their question,
and a few contested conventions. Run with ``-s`` to see the tables.
"""

from __future__ import annotations

import collections
import json
from pathlib import Path

import pytest
from grpo_rewards_math import MathOptions, MathReward

from grpo_rewards import Sample, WorkerPool, score_samples

HERE = Path(__file__).parent
# (corpus, minimum agreement, maximum false-positive rate)
CORPORA = [
    (HERE / "corpora" / "graders.jsonl", 0.99, 0.012),
    (HERE / "corpora" / "completions.jsonl", 0.995, 0.002),
    (HERE / "corpora" / "long" / "completions_long.jsonl", 0.995, 0.002),
    (HERE / "cases" / "pairs.jsonl", 1.0, 0.0),
    (HERE / "cases" / "completions.jsonl", 1.0, 0.0),
    (HERE / "cases" / "grader_tests.jsonl", 1.0, 0.0),
    (HERE / "cases" / "model_endings.jsonl", 1.0, 0.0),
    (HERE / "cases" / "habits.jsonl", 1.0, 0.0),
]


def _rows(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _right(row: dict) -> bool:
    label = row.get("label", row.get("expect"))
    return label if isinstance(label, bool) else label == "correct"


def _score(rows: list[dict], pool: WorkerPool) -> list[bool]:
    reward = MathReward(MathOptions())
    samples = [
        Sample(
            row.get("completion", row.get("response", "")),
            prompt=row.get("prompt") or row.get("problem") or f"row {i}",
            row={"answer": row["gold"]},
        )
        for i, row in enumerate(rows)
    ]
    return [v.kind == "correct" for v in score_samples(reward, samples, plugin="math", pool=pool)]


@pytest.mark.slow
@pytest.mark.parametrize(("path", "floor", "fp_cap"), CORPORA, ids=[f"{p.parent.name}/{p.name}" for p, _, _ in CORPORA])
def test_corpus_agreement_and_false_positives(math_pool: WorkerPool, path: Path, floor: float, fp_cap: float) -> None:
    rows = _rows(path)
    got = _score(rows, math_pool)
    per: dict[str, list[bool]] = collections.defaultdict(list)
    for row, verdict in zip(rows, got, strict=True):
        per[row.get("category", "-")].append(verdict == _right(row))
    agreement = sum(sum(v) for v in per.values()) / len(rows)
    negatives = [v for row, v in zip(rows, got, strict=True) if not _right(row)]
    fp_rate = sum(negatives) / max(1, len(negatives))
    print(f"\n{path.name}: agreement {agreement:.2%} over {len(rows)} rows; false positives {sum(negatives)}/{len(negatives)}")
    for category, agreed in sorted(per.items()):
        print(f"  {category:26s} {sum(agreed):4d}/{len(agreed):4d}")
    misses = [
        f"line {i + 1} [{row.get('category')}] gold {row['gold']!r} label {_right(row)}"
        for i, (row, v) in enumerate(zip(rows, got, strict=True))
        if v != _right(row)
    ]
    assert agreement >= floor, f"agreement {agreement:.2%} < {floor:.1%}:\n" + "\n".join(misses)
    assert fp_rate <= fp_cap, f"false positives {fp_rate:.2%} > {fp_cap:.1%}:\n" + "\n".join(misses)
