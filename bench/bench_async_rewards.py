"""Two pool rewards in one GRPO step, awaited together through the async bridge, against one after the other.

Run: ``.venv/bin/python bench/bench_async_rewards.py [--steps 12] [--prompts 8] [--work-ms 2] [--wait-ms 0] [--workers N]``

Each step is what ``GRPOTrainer._calculate_rewards`` does with two async reward
functions (:class:`~grpo_rewards.AsyncRewardFunction`): the ``math`` reward and
``burn`` (``--work-ms`` of CPU per sample, then a ``--wait-ms`` sleep, as a
reward waiting on a sandbox or an endpoint does), both in one
warm :class:`~grpo_rewards.WorkerPool`, on ``--prompts`` x 8 completions:

* ``one after the other``: ``await math(...)``, then ``await burn(...)`` (what
  sync reward functions get, and what async ones got while a pool run held the
  whole pool);
* ``together``: ``await asyncio.gather(math(...), burn(...))``, as TRL awaits a
  step's async rewards: the two runs share the pool's workers.

Every step scores a fresh batch (new golds, so math's per-worker caches help
only within a step, as in training); the two modes alternate, each going first
on every other step, so drift in the machine's load hits both alike. Both
modes are measured in the same run; the ratio is what to compare. A last batch
is scored both ways to check the scores are the same.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import time
from collections.abc import Callable, Coroutine
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _scale_rewards import Burn, BurnOptions  # noqa: E402
from bench_math import workload  # noqa: E402
from grpo_rewards_math import MathOptions, MathReward  # noqa: E402

from grpo_rewards import AsyncRewardFunction, RewardFunction, WorkerPool  # noqa: E402
from grpo_rewards.executors import LocalExecutor  # noqa: E402

Batch = dict[str, list[str]]
Step = Callable[[Batch], Coroutine[Any, Any, list[list[float | None]]]]


def batch(prompts: int, index: int) -> Batch:
    """``prompts`` x 8 completions with golds no other batch has, as TRL passes them to reward functions."""
    rows = workload(prompts, seed=index, offset=1000 * (index + 1))
    return {"prompts": [r.gold for r in rows], "completions": [r.completion for r in rows], "answer": [r.gold for r in rows]}


def modes(math: AsyncRewardFunction, burn: AsyncRewardFunction, alone: dict[str, list[float]]) -> dict[str, Step]:
    async def one_after_the_other(b: Batch) -> list[list[float | None]]:
        started = time.perf_counter()
        first = await math(**b)
        middle = time.perf_counter()
        second = await burn(**b)
        alone["math"].append(middle - started)
        alone["burn"].append(time.perf_counter() - middle)
        return [first, second]

    async def together(b: Batch) -> list[list[float | None]]:
        return list(await asyncio.gather(math(**b), burn(**b)))

    return {"one after the other": one_after_the_other, "together": together}


def timed(loop: asyncio.AbstractEventLoop, step: Step, b: Batch) -> tuple[float, list[list[float | None]]]:
    started = time.perf_counter()
    scores = loop.run_until_complete(step(b))
    return time.perf_counter() - started, scores


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--steps", type=int, default=12, help="timed steps per mode")
    parser.add_argument("--prompts", type=int, default=8, help="prompts per step (8 completions each)")
    parser.add_argument("--work-ms", type=float, default=2.0, help="CPU per sample of the burn reward")
    parser.add_argument("--wait-ms", type=float, default=0.0, help="sleep per sample of the burn reward, after its CPU")
    parser.add_argument("--workers", type=int, default=None, help="pool workers (default: one per core, at most 8)")
    args = parser.parse_args()

    load_before = os.getloadavg()[0]
    with WorkerPool(args.workers, preload=MathReward.manifest.preload) as pool:
        executor = LocalExecutor(pool)
        math = RewardFunction(MathReward(MathOptions()), plugin="math", executor=executor).as_async()
        burn = RewardFunction(Burn(BurnOptions(args.work_ms, args.wait_ms)), plugin="bench", executor=executor).as_async()
        alone: dict[str, list[float]] = {"math": [], "burn": []}
        steps = modes(math, burn, alone)
        loop = asyncio.new_event_loop()
        for warm in range(2):  # imports, ANTLR and SymPy warm up in every worker
            for step in steps.values():
                timed(loop, step, batch(args.prompts, 10_000 + warm))
        alone = {k: [] for k in alone}
        steps = modes(math, burn, alone)
        walls: dict[str, list[float]] = {name: [] for name in steps}
        names = list(steps)
        for index in range(args.steps):
            order = names if index % 2 == 0 else names[::-1]
            for offset, name in enumerate(order):
                walls[name].append(timed(loop, steps[name], batch(args.prompts, 2 * index + offset))[0])
        check = batch(args.prompts, 20_000)
        same = timed(loop, steps[names[0]], check)[1] == timed(loop, steps[names[1]], check)[1]
        loop.close()
        workers = pool.size
    report(args, workers, walls, alone, same, load_before)


def report(
    args: argparse.Namespace,
    workers: int,
    walls: dict[str, list[float]],
    alone: dict[str, list[float]],
    same: bool,
    load_before: float,
) -> None:
    n = args.prompts * 8
    print(
        f"machine: {os.cpu_count()} cores, load average {load_before:.2f} before, {os.getloadavg()[0]:.2f} after; "
        f"pool of {workers} workers; {n} completions per step ({args.prompts} prompts x 8); "
        f"burn {args.work_ms:g} ms CPU + {args.wait_ms:g} ms wait per sample; {args.steps} steps per mode"
    )
    print(f"{'mode':<22}{'median s':>10}{'mean s':>10}{'min s':>10}{'max s':>10}")
    for name, values in walls.items():
        print(f"{name:<22}{_row(values)}")
    for name, values in alone.items():
        print(f"{'  ' + name + ' alone':<22}{_row(values)}")
    sequential, together = (statistics.median(v) for v in walls.values())
    print(f"\none after the other / together (medians): {sequential / together:.2f}x; same scores both ways: {same}")


def _row(values: list[float]) -> str:
    return f"{statistics.median(values):>10.4f}{statistics.fmean(values):>10.4f}{min(values):>10.4f}{max(values):>10.4f}"


if __name__ == "__main__":
    main()
