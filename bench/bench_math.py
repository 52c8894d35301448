"""Benchmark: the ``math`` reward against the naive math-verify loop, measured in the same run.

Workload: GRPO-shaped batches (8 completions per prompt) with long chains of
thought, varied answer types (integers, radicals, fractions, percents,
intervals, sets, matrices, equations, choices, factorials), bare golds as
datasets store them, and a few hostile rows (power towers, 50k-character
completions, code that ends in the right number). Every completion is
labelled right or wrong when it is generated, so both methods get an
agreement score.

* naive: ``verify(parse(gold), parse(completion))`` per completion, serially,
  with math-verify's defaults, as common GRPO scripts do;
* ours: ``grpo_rewards.score_samples`` with the real worker pool: a fresh pool per run, warmed on other golds
  (untimed), so caches help only within a run (completions of a group repeat answers), never across runs.

A second workload is long reasoning-model completions (a ``<think>`` block of 3-8k
characters full of LaTeX, then a short write-up ending in a boxed, Minerva, "the
answer is" or bold answer), half of them wrong, scored against the strongest
one-line baseline: math-verify with the gold wrapped in ``$...$``.

Run: ``.venv/bin/python bench/bench_math.py [--prompts 48] [--seed 0]``.
"""

from __future__ import annotations

import argparse
import logging
import os
import random
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass

from grpo_rewards_math import MathOptions, MathReward

from grpo_rewards import Sample, WorkerPool, score_samples
from grpo_rewards.pool import default_workers

# Problem k: (gold as a dataset stores it, right answers in several spellings, wrong answers). Parametrised by k so
# that no two prompts share a gold: caches help within a group (completions repeat answers), not across the run.
PROBLEMS = [
    lambda k: (f"{70 + k}", [f"{70 + k}", f"{70 + k}.0", f"\\${70 + k}"], [f"{140 + 2 * k}", f"{69 + k}"]),
    lambda k: (f"2\\sqrt{{{k + 2}}}+1", [f"1+2\\sqrt{{{k + 2}}}", f"1+\\sqrt{{{4 * (k + 2)}}}"], ["2", f"1-2\\sqrt{{{k + 2}}}"]),
    lambda k: (
        f"\\frac{{{k + 1}}}{{{k + 2}}}",
        [f"\\dfrac{{{k + 1}}}{{{k + 2}}}", f"{k + 1}/{k + 2}", f"\\frac{{{2 * k + 2}}}{{{2 * k + 4}}}"],
        [f"\\frac{{{k + 2}}}{{{k + 1}}}", "0.7"],
    ),
    lambda k: (f"({k},{k + 1})", [f"({k}, {k + 1})", f"\\left({k},{k + 1}\\right)"], [f"[{k},{k + 1}]", f"({k + 1},{k})"]),
    lambda k: (f"{k}, {k + 3}", [f"{k + 3}, {k}", f"\\{{{k},{k + 3}\\}}"], [f"{k}", f"{k}, {k + 3}, {k + 4}"]),
    lambda k: (
        f"\\begin{{pmatrix}} {k} & 3 \\\\ 4 & {k} \\end{{pmatrix}}",
        [f"\\begin{{bmatrix}} {k} & 3 \\\\ 4 & {k} \\end{{bmatrix}}"],
        [f"\\begin{{pmatrix}} {k} & 4 \\\\ 3 & {k} \\end{{pmatrix}}"],
    ),
    lambda k: (f"x={k}", [f"{k}", f"x = {k}"], [f"x = {k + 1}", f"y = {k}"]),
    lambda k: (f"{k + 2}\\pi", [f"{k + 2}\\pi", f"\\pi \\cdot {k + 2}"], [f"{k + 2}", "\\pi"]),
    lambda k: (f"2^{{{k + 3}}}", [f"{2 ** (k + 3)}", f"2^{{{k + 3}}}"], ["2", f"{2 ** (k + 3) - 1}"]),
    lambda k: (f"\\frac{{\\pi}}{{{k + 2}}}", [f"\\pi/{k + 2}", f"\\frac{{\\pi}}{{{k + 2}}}"], [f"\\frac{{\\pi}}{{{k + 3}}}"]),
    lambda k: (f"{k + 1},000", [f"{k + 1}000", f"{k + 1},000"], [f"{k + 1}00"]),
    lambda k: (f"\\frac{{1}}{{{k + 1000}!}}", [f"\\frac{{1}}{{{k + 1000}!}}"], [f"\\frac{{1}}{{{k + 1002}!}}"]),
    lambda k: ("ABCD"[k % 4], [f"\\text{{({'ABCD'[k % 4]})}}", "ABCD"[k % 4]], ["ABCD"[(k + 1) % 4]]),
    lambda k: (f"[0,{k + 1})", [f"[0, {k + 1})"], [f"[0,{k + 1}]"]),
    lambda k: (f"{k + 10}\\%", [f"{k + 10}\\%", f"{(k + 10) / 100:g}"], [f"{k + 11}\\%"]),
    lambda k: (f"x^2+{2 * k}x+{k * k}", [f"(x+{k})^2"], [f"(x+{k})^3"]),
]
HOSTILE = [  # (gold, completion, right)
    ("9", r"\boxed{9^{9^{9^{9}}}}", False),
    ("0", r"\boxed{__import__('os').system('true') or 0}", False),
    ("5", "Let me keep expanding the terms. " * 1500 + r"\boxed{5}", True),
    ("5", r"\boxed{" + "{" * 150 + "5" + "}" * 150 + "}", False),
]
SENTENCES = [
    "First we rewrite the expression so that the common factor is visible: $a^2 - b^2 = (a-b)(a+b)$.",
    "Substituting $x = 3$ gives $2(3)^2 - 5(3) + 1 = 4$, which does not match, so we try again.",
    "We know the sum of the interior angles is $180^\\circ$, hence each angle is $60^\\circ$.",
    "Let $S = \\sum_{k=1}^{n} k = \\frac{n(n+1)}{2}$; for $n = 10$ this gives $55$.",
    "Checking the boundary cases carefully, neither endpoint satisfies the strict inequality.",
    "Dividing both sides by $4$ we obtain $\\frac{12}{4} = 3$, consistent with the earlier estimate.",
    "Hmm, wait. Let me double-check the arithmetic: $48 / 2 = 24$ and $48 + 24 = 72$.",
    "By the quadratic formula, $x = \\frac{-b \\pm \\sqrt{b^2 - 4ac}}{2a}$.",
]


LONG_SENTENCES = SENTENCES + [
    "Expanding, $(x+2)^2 - (x-1)^2 = x^2 + 4x + 4 - x^2 + 2x - 1 = 6x + 3$, which is odd for every integer $x$.",
    "The sum of the geometric series is $\\frac{a}{1-r} = \\frac{3}{1 - \\frac{1}{3}} = \\frac{9}{2}$, as long as $|r| < 1$.",
    "By Vieta, $r_1 + r_2 = -\\frac{b}{a} = 5$ and $r_1 r_2 = \\frac{c}{a} = 6$, so the roots are $2$ and $3$.",
    "Wait, that's not right: I dropped a factor of $2$. Redoing it, $2 \\cdot \\frac{7}{4} = \\frac{7}{2}$.",
    "So $\\sqrt{50} + \\sqrt{18} = 5\\sqrt{2} + 3\\sqrt{2} = 8\\sqrt{2}$, and squaring gives $128$.",
    "Let me set up coordinates: put $A = (0, 0)$, $B = (4, 0)$ and $C = (0, 3)$, so $BC = \\sqrt{4^2 + 3^2} = 5$.",
    "The probability is $\\binom{5}{2} \\left(\\frac{1}{2}\\right)^5 = \\frac{10}{32} = \\frac{5}{16}$ for exactly two heads.",
    "Hmm, let me double-check the case $n = 3$: $3^3 - 3 = 24$, divisible by $6$. Good.",
]
ENDINGS = [
    "Therefore, the final answer is $\\boxed{{{answer}}}$.",
    "**Final Answer**\n\\[\n\\boxed{{{answer}}}\n\\]",
    "Final Answer: The final answer is ${answer}$. I hope it is correct.",
    "So the answer is ${answer}$.",
]


@dataclass(frozen=True)
class Row:
    gold: str
    completion: str
    right: bool
    hostile: bool


def _reasoning(rng: random.Random) -> str:
    return " ".join(rng.choice(SENTENCES) for _ in range(rng.randint(12, 24)))


def _completion(rng: random.Random, answer: str) -> str:
    tail = rng.choice(
        [f"So the final answer is $\\boxed{{{answer}}}$.", f"Therefore, $\\boxed{{{answer}}}$", f"The answer is ${answer}$."]
    )
    return f"<think>\n{_reasoning(rng)}\n</think>\n{_reasoning(rng)[:300]}\n{tail}"


def workload(prompts: int, seed: int, offset: int = 0) -> list[Row]:
    """``prompts`` groups of 8 completions; about one group in eight carries a hostile row."""
    rng = random.Random(seed)
    rows: list[Row] = []
    for index in range(prompts):
        gold, rights, wrongs = PROBLEMS[index % len(PROBLEMS)](index + 1 + offset)
        for _ in range(8):
            right = rng.random() < 0.6
            answer = rng.choice(rights if right else wrongs)
            rows.append(Row(gold, _completion(rng, answer), right, False))
        if index % 8 == 7:
            hostile_gold, text, right = HOSTILE[(index // 8) % len(HOSTILE)]
            rows[-1] = Row(hostile_gold, text, right, True)
    return rows


def long_workload(prompts: int, seed: int) -> list[Row]:
    """Reasoning-model completions: a long ``<think>`` block, a short write-up, then the answer; half wrong."""
    rng = random.Random(seed)
    rows: list[Row] = []
    for index in range(prompts):
        gold, rights, wrongs = PROBLEMS[index % len(PROBLEMS)](index + 301)
        for member in range(8):
            right = member % 2 == 0
            answer = rng.choice(rights if right else wrongs)
            think = " ".join(rng.choice(LONG_SENTENCES) for _ in range(rng.randint(25, 60)))
            write_up = " ".join(rng.choice(LONG_SENTENCES) for _ in range(rng.randint(2, 5)))
            ending = rng.choice(ENDINGS).format(answer=answer)
            rows.append(Row(gold, f"<think>\n{think}\n</think>\n\n{write_up}\n\n{ending}", right, False))
    return rows


def naive_loop(rows: list[Row], *, box_gold: bool = False, dollar_gold: bool = False) -> tuple[list[bool], list[float], float]:
    """The loop of common GRPO scripts; ``box_gold`` wraps the gold as ``\\boxed{}`` first (DESIGN.md §6)."""
    from math_verify import parse, verify

    results, latencies = [], []
    started = time.perf_counter()
    for row in rows:
        t = time.perf_counter()
        gold = f"\\boxed{{{row.gold}}}" if box_gold else f"${row.gold}$" if dollar_gold else row.gold
        results.append(bool(verify(parse(gold), parse(row.completion))))
        latencies.append(time.perf_counter() - t)
    return results, latencies, time.perf_counter() - started


def ours(rows: list[Row]) -> tuple[list[bool | None], list[float], float]:
    """Score in a fresh warm pool, so no run reuses another run's caches (warmed on other golds, untimed)."""
    with WorkerPool(preload=MathReward.manifest.preload) as pool:
        _score(workload(len(PROBLEMS), seed=1, offset=10_000), pool)  # every answer type: ANTLR and SymPy warm up
        return _score(rows, pool)


def _score(rows: list[Row], pool: WorkerPool) -> tuple[list[bool | None], list[float], float]:
    reward = MathReward(MathOptions())
    samples = [Sample(r.completion, prompt=r.gold, row={"answer": r.gold}) for r in rows]
    started = time.perf_counter()
    verdicts = score_samples(reward, samples, plugin="math", pool=pool)
    wall = time.perf_counter() - started
    return [None if v.score is None else v.kind == "correct" for v in verdicts], [v.seconds for v in verdicts], wall


def _median_run(run: Callable[[], tuple[list, list[float], float]], repeat: int) -> tuple[list, list[float], float]:
    runs = sorted((run() for _ in range(max(1, repeat))), key=lambda result: result[2])
    return runs[len(runs) // 2]


def _p(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000


def _line(name: str, rows: list[Row], results: list, latencies: list[float], wall: float) -> str:
    agree = sum(r == row.right for r, row in zip(results, rows, strict=True))
    return (
        f"| {name:14s} | {len(rows):5d} | {wall:8.2f} | {len(rows) / wall:9.1f} | {_p(latencies, 0.5):7.2f} | "
        f"{_p(latencies, 0.99):8.1f} | {agree / len(rows):8.1%} |"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--prompts", type=int, default=48)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--repeat", type=int, default=3, help="runs of the clean rows; the median run is shown")
    args = parser.parse_args()
    logging.disable(logging.WARNING)  # math-verify logs every timeout it swallows
    rows = workload(args.prompts, args.seed)
    clean = [r for r in rows if not r.hostile]
    longs = long_workload(max(1, args.prompts // 2), args.seed)
    load_before = os.getloadavg()
    naive_all = naive_loop(rows)
    boxed_all = naive_loop(rows, box_gold=True)
    ours_all = ours(rows)
    naive_clean = _median_run(lambda: naive_loop(clean), args.repeat)
    ours_clean = _median_run(lambda: ours(clean), args.repeat)
    wrapped_long = _median_run(lambda: naive_loop(longs, dollar_gold=True), args.repeat)
    ours_long = _median_run(lambda: ours(longs), args.repeat)
    load_after = os.getloadavg()
    print(
        f"math reward benchmark: {args.prompts} prompts x 8 completions, {sum(r.hostile for r in rows)} hostile rows,"
        f" mean completion {statistics.mean(len(r.completion) for r in rows):.0f} chars, {default_workers()} workers"
    )
    print(f"load average before {load_before[0]:.2f}, after {load_after[0]:.2f} (1 min); {os.cpu_count()} cores")
    print("| method         |     n |    wall s | samples/s |  p50 ms |   p99 ms | agreement |")
    print("|----------------|-------|-----------|-----------|---------|----------|-----------|")
    print(_line("naive", rows, *naive_all))
    print(_line("naive, boxed", rows, *boxed_all))
    print(_line("math (ours)", rows, *ours_all))
    print(_line("naive, clean", clean, *naive_clean))
    print(_line("math, clean", clean, *ours_clean))
    print(_line("wrapped, long", longs, *wrapped_long))
    print(_line("math, long", longs, *ours_long))
    print(
        f"clean and long rows: median of {args.repeat} runs each; long rows: {len(longs)} reasoning-model completions,"
        f" mean {statistics.mean(len(r.completion) for r in longs):.0f} chars, {sum(not r.right for r in longs)} wrong"
    )
    print(
        f"throughput ratio (ours / naive): all rows {naive_all[2] / ours_all[2]:.1f}x,"
        f" without hostile rows {naive_clean[2] / ours_clean[2]:.1f}x (goal 5x)"
    )
    long_ratio = wrapped_long[2] / ours_long[2]
    print(f"throughput ratio (ours / math-verify with the gold in $...$), long rows: {long_ratio:.1f}x (goal 3x)")


if __name__ == "__main__":
    main()
