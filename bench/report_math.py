"""Agreement report: the ``math`` reward against labelled corpora, next to plain and gold-wrapped math-verify.

For each corpus (JSONL rows with ``gold``, ``completion`` or ``response``, a
``label`` or ``expect``, a ``category`` and optionally ``problem``/``prompt``),
every row is scored three ways in the same run:

* **ours**: the real reward with default options, through the real worker pool
  (``grpo_rewards.score_samples``), the prompt passed as the sample's prompt;
* **plain**: ``verify(parse(gold), parse(text))`` with math-verify's defaults;
* **wrapped**: ``verify(parse("$" + gold + "$"), parse(text))``, the strongest one-line baseline.

It prints agreement per category, then false positives (wrong answers accepted)
and false negatives separately, and optionally the rows where we disagree with the label.

Run: ``.venv/bin/python bench/report_math.py [CORPUS ...] [--show 20] [--no-baselines]``.
"""

from __future__ import annotations

import argparse
import collections
import json
import logging
import time
from dataclasses import dataclass
from pathlib import Path

from grpo_rewards_math import MathOptions, MathReward

from grpo_rewards import Sample, WorkerPool, score_samples

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPORA = [
    ROOT / "tests/math/corpora/graders.jsonl",
    ROOT / "tests/math/corpora/completions.jsonl",
    ROOT / "tests/math/corpora/long/completions_long.jsonl",
    ROOT / "tests/math/cases/pairs.jsonl",
    ROOT / "tests/math/cases/completions.jsonl",
    ROOT / "tests/math/cases/grader_tests.jsonl",
    ROOT / "tests/math/cases/model_endings.jsonl",
    ROOT / "tests/math/cases/habits.jsonl",
]


@dataclass(frozen=True)
class Case:
    """One labelled row."""

    line: int
    category: str
    gold: str
    text: str
    prompt: str
    right: bool
    contested: bool


def load(path: Path) -> list[Case]:
    """Rows of a corpus, whatever its field names (``completion``/``response``, ``label``/``expect``)."""
    cases = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        row = json.loads(line)
        label = row.get("label", row.get("expect"))
        right = label if isinstance(label, bool) else label == "correct"
        text = row.get("completion", row.get("response", ""))
        prompt = row.get("prompt") or row.get("problem") or ""
        cases.append(Case(number, row.get("category", "-"), str(row["gold"]), text, prompt, right, bool(row.get("contested"))))
    return cases


def ours(cases: list[Case], pool: WorkerPool) -> list[bool]:
    """The real reward, default options, through the pool."""
    reward = MathReward(MathOptions())
    samples = [Sample(c.text, prompt=c.prompt or f"row {c.line}", row={"answer": c.gold}, index=c.line) for c in cases]
    return [v.kind == "correct" for v in score_samples(reward, samples, plugin="math", pool=pool)]


def baseline(cases: list[Case], *, wrap: bool) -> list[bool]:
    """math-verify with its defaults; ``wrap`` puts the gold in ``$...$`` first."""
    from math_verify import parse, verify

    results = []
    for case in cases:
        try:
            results.append(bool(verify(parse(f"${case.gold}$" if wrap else case.gold), parse(case.text))))
        except Exception:  # noqa: BLE001 - a baseline that raises has said "no"
            results.append(False)
    return results


def _rate(hits: int, total: int) -> str:
    return f"{hits}/{total} ({hits / total:.1%})" if total else "0/0"


def report(path: Path, cases: list[Case], columns: dict[str, list[bool]], show: int) -> None:
    """Print the tables for one corpus."""
    names = list(columns)
    per: dict[str, list[Case]] = collections.defaultdict(list)
    for case in cases:
        per[case.category].append(case)
    index = {id(case): i for i, case in enumerate(cases)}
    print(f"\n## {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}: {len(cases)} rows")
    print(f"| {'category':26s} | {'n':>4s} | " + " | ".join(f"{n:>8s}" for n in names) + " |")
    print(f"|{'-' * 28}|{'-' * 6}|" + "|".join("-" * 10 for _ in names) + "|")
    for category in sorted(per):
        rows = per[category]
        agree = [sum(columns[n][index[id(c)]] == c.right for c in rows) / len(rows) for n in names]
        print(f"| {category:26s} | {len(rows):4d} | " + " | ".join(f"{a:8.1%}" for a in agree) + " |")
    total = [sum(v == c.right for v, c in zip(columns[n], cases, strict=True)) / len(cases) for n in names]
    print(f"| {'all':26s} | {len(cases):4d} | " + " | ".join(f"{a:8.1%}" for a in total) + " |")
    negatives = [i for i, c in enumerate(cases) if not c.right]
    positives = [i for i, c in enumerate(cases) if c.right]
    for name in names:
        fp = sum(columns[name][i] for i in negatives)
        fn = sum(not columns[name][i] for i in positives)
        print(f"{name:8s} false positives {_rate(fp, len(negatives))}, false negatives {_rate(fn, len(positives))}")
    contested = [i for i, c in enumerate(cases) if c.contested]
    if contested:
        agree = sum(columns[names[0]][i] == cases[i].right for i in contested)
        print(f"contested rows: {len(contested)}, {names[0]} agrees with the common default on {agree}")
    misses = [c for c, v in zip(cases, columns[names[0]], strict=True) if v != c.right]
    for case in misses[:show]:
        print(f"  line {case.line} [{case.category}] gold {case.gold!r} label {case.right}: ...{case.text[-140:]!r}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("corpora", nargs="*", type=Path, help="JSONL corpora (default: the repository's)")
    parser.add_argument("--show", type=int, default=0, help="print this many rows we disagree with, per corpus")
    parser.add_argument("--no-baselines", action="store_true", help="score only the reward (the baselines are slow)")
    args = parser.parse_args()
    logging.disable(logging.WARNING)
    paths = [p for p in (args.corpora or DEFAULT_CORPORA) if p.exists()]
    with WorkerPool(preload=MathReward.manifest.preload) as pool:
        for path in paths:
            cases = load(path)
            started = time.perf_counter()
            columns = {"ours": ours(cases, pool)}
            seconds = {"ours": time.perf_counter() - started}
            if not args.no_baselines:
                for name, wrap in (("plain", False), ("wrapped", True)):
                    started = time.perf_counter()
                    columns[name] = baseline(cases, wrap=wrap)
                    seconds[name] = time.perf_counter() - started
            report(path, cases, columns, args.show)
            print("seconds: " + ", ".join(f"{n} {s:.1f}" for n, s in seconds.items()))


if __name__ == "__main__":
    main()
