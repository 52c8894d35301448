"""Benchmark of the ``code`` reward: reference solutions of our own problems, scored through the real sandbox.

Runs, in one process and on the same machine:

1. cold start: the first small batch, which starts the sandbox containers and the harness workers;
2. baseline: every execution of run 3 as a bare ``python3 -I -S`` subprocess on the host, the
   dataset's assert appended to the solution (what unsandboxed harnesses do), two at a time;
3. ``humaneval x164``: 164 HumanEval-style problems (a ``check`` of 8 asserts each) through the reward;
4. ``mix x168``: 56 problems in each of the three formats (HumanEval, MBPP asserts, stdin/stdout).

It prints wall time, executions per second, and the reward's time spent comparing on our side
versus executing in the sandbox. Every reference solution must score 1.0.

    .venv/bin/python bench/bench_code.py
"""

from __future__ import annotations

import concurrent.futures
import inspect
import json
import os
import random
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from code_problems import PROBLEMS, Problem  # noqa: E402

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


def score(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """Score ``rows`` through the registered ``code`` reward; wall time and the batch's counters."""
    from grpo_rewards_code import batch

    import grpo_rewards

    reward = grpo_rewards.load_plugins().registry.create("code", {"cache_size": 0})
    samples = [grpo_rewards.Sample(r["completion"], prompt=r["prompt"], row=r) for r in rows]
    started = time.perf_counter()
    verdicts = grpo_rewards.score_samples(reward, samples, plugin="code")
    wall = time.perf_counter() - started
    wrong = [(r["prompt"], v.kind, v.reason) for r, v in zip(rows, verdicts, strict=True) if v.score != 1.0]
    if wrong:
        raise SystemExit(f"reference solutions that did not score 1.0: {wrong[:5]}")
    stats = batch.LAST_STATS
    return {
        "wall": wall,
        "executions": stats.executions,
        "exec": stats.exec_seconds,
        "compare": stats.compare_seconds,
        "n": len(rows),
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


def main() -> None:
    from grpo_rewards_code.engines import ENGINES

    cpus = os.cpu_count() or 1
    load = os.getloadavg()[0]
    print(f"machine: {cpus} cores, load average {load:.2f} at start; python {sys.version.split()[0]}")
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
    ENGINES.close()


if __name__ == "__main__":
    main()
