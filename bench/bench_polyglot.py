"""Score the polyglot problem set's reference solutions in all seven languages through the ``code`` reward.

    .venv/bin/python bench/bench_polyglot.py [--languages c,go] [--problems a_plus_b,lcs] [--jsonl rows.jsonl]

``bench/polyglot/problems/<name>/`` holds a problem (``problem.json``: its
statement and stdin/stdout tests) and one reference solution per language
(``main.py``, ``main.c``, ``main.cpp``, ``Main.java``, ``main.js``, ``main.go``,
``main.rs``). Every reference is sent as a completion with its code in a fenced
block tagged with its language (``language=auto``), all in one batch, and must
score 1. It prints, per language, how many problems scored 1, the compile
steps it took (one per program) and the time. ``--jsonl`` writes the same
rows for ``grpo-rewards check rows.jsonl --reward code -o code.language=auto``.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections import Counter
from pathlib import Path

from grpo_rewards_code import batch
from grpo_rewards_code.engines import ENGINES
from grpo_rewards_code.options import CodeOptions

from grpo_rewards import Sample

PROBLEMS = Path(__file__).resolve().parent / "polyglot" / "problems"
FILES = {"python": "main.py", "c": "main.c", "cpp": "main.cpp", "java": "Main.java", "javascript": "main.js",
         "go": "main.go", "rust": "main.rs"}  # fmt: skip
TAGS = {"python": "python", "c": "c", "cpp": "cpp", "java": "java", "javascript": "javascript", "go": "go", "rust": "rust"}


def rows(languages: list[str], problems: list[str]) -> list[dict]:
    out = []
    for name in problems:
        problem = json.loads((PROBLEMS / name / "problem.json").read_text())
        for language in languages:
            code = (PROBLEMS / name / FILES[language]).read_text()
            completion = f"Here is a solution in {language}.\n\n```{TAGS[language]}\n{code}```\n"
            out.append({"problem": name, "language": language, "prompt": problem["statement"], "completion": completion,
                        "tests": problem["tests"]})  # fmt: skip
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--languages", default=",".join(FILES), help="comma-separated languages")
    parser.add_argument("--problems", default="", help="comma-separated problems (default: all)")
    parser.add_argument("--jsonl", type=Path, help="also write the rows here, for grpo-rewards check")
    args = parser.parse_args()
    languages = args.languages.split(",")
    problems = args.problems.split(",") if args.problems else sorted(p.name for p in PROBLEMS.iterdir() if p.is_dir())
    data = rows(languages, problems)
    if args.jsonl:
        args.jsonl.write_text("".join(json.dumps(row) + "\n" for row in data))
    options = CodeOptions(language="auto", language_column=None, test_timeout=4.0, cache_size=0)
    print(f"{len(problems)} problems x {len(languages)} languages; load average {os.getloadavg()[0]:.2f}")
    started = time.perf_counter()
    samples = [Sample(prompt=row["prompt"], completion=row["completion"], row=row) for row in data]
    gateway = ENGINES.gateway(options.backend, options.sandbox_workers, options.memory_mb)
    before = gateway.compile_stats()
    verdicts = batch.score_samples(samples, options, budget=60.0)
    seconds = time.perf_counter() - started
    after = gateway.compile_stats()
    print_table(data, verdicts, languages, len(problems))
    print(f"{seconds:.1f} s for {len(samples)} samples; compile steps {after[0] - before[0]} for "
          f"{sum(1 for row in data if row['language'] not in ('python', 'javascript'))} compiled programs; "
          f"load average after {os.getloadavg()[0]:.2f}")  # fmt: skip
    pairs = zip(data, verdicts, strict=True)
    failed = [(row["problem"], row["language"], v.kind, v.reason[:200]) for row, v in pairs if v.score != 1.0]
    for failure in failed:
        print("FAILED", *failure)
    ENGINES.close()
    sys.exit(1 if failed else 0)


def print_table(data: list[dict], verdicts: list, languages: list[str], problems: int) -> None:
    print(f"{'language':<11} {'solved':>7} {'verdicts':<40} {'mean s/sample':>13}")
    for language in languages:
        mine = [v for row, v in zip(data, verdicts, strict=True) if row["language"] == language]
        kinds = Counter(v.kind for v in mine)
        solved = sum(v.score == 1.0 for v in mine)
        mean = sum(v.seconds or 0.0 for v in mine) / max(1, len(mine))
        print(f"{language:<11} {solved:>3}/{problems:<3} {dict(kinds)!s:<40} {mean:>13.2f}")


if __name__ == "__main__":
    main()
