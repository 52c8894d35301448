"""Worker-pool overhead against in-process calls on the same trivial reward, and a batch with one hang.

Run: .venv/bin/python bench/bench_pool.py [--items N]

Prints per-item cost of:
  in-process     reward.score() called directly (the baseline),
  pool batched   score_samples() through the warm pool (samples of a group share a task),
  pool 1 by 1    one pool task per sample (the round trip a lone sample pays),
  fork per call  a fresh forked process per sample (what a naive killable design costs),
and the wall time of a 64-sample batch in which one sample hangs under a 1 s deadline.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import time

from _bench_rewards import SometimesHangs, Trivial

from grpo_rewards import Sample, Task, WorkerPool, score_samples
from grpo_rewards.strategies import SampleJob


def per_item(seconds: float, items: int) -> float:
    return seconds / items * 1e3


def timed(call) -> float:
    started = time.perf_counter()
    call()
    return time.perf_counter() - started


def best_of(repeats: int, call) -> float:
    return min(timed(call) for _ in range(repeats))


def _score_once(reward, sample, queue) -> None:
    queue.put(reward.score(sample, None).score)


def fork_per_call(reward: Trivial, samples: list[Sample]) -> None:
    context = multiprocessing.get_context("fork")
    queue = context.SimpleQueue()
    for sample in samples:
        process = context.Process(target=_score_once, args=(reward, sample, queue))
        process.start()
        queue.get()
        process.join()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=4000)
    parser.add_argument("--workers", type=int, default=None)
    args = parser.parse_args()
    reward = Trivial()
    samples = [Sample(completion="x" if i % 2 else "y", prompt=f"p{i // 8}") for i in range(args.items)]
    few = samples[: min(200, args.items)]

    with WorkerPool(args.workers) as pool:
        score_samples(reward, samples[:100], pool=pool)  # warm the workers
        rows = {
            "in-process": per_item(best_of(3, lambda: [reward.score(s, None) for s in samples]), len(samples)),
            "pool batched": per_item(best_of(3, lambda: score_samples(reward, samples, pool=pool)), len(samples)),
            "pool 1 by 1": per_item(
                best_of(3, lambda: pool.run([Task(SampleJob(reward, None), [s], 5.0) for s in few])), len(few)
            ),
        }
        rows["fork per call"] = per_item(timed(lambda: fork_per_call(reward, few[:100])), 100)

        batch = [Sample(completion="hang" if i == 17 else "x", prompt=f"p{i // 8}") for i in range(64)]
        hang_seconds = timed(lambda: score_samples(SometimesHangs(), batch, pool=pool))
        verdicts = score_samples(SometimesHangs(), batch, pool=pool)
        workers = pool.size

    base = rows["in-process"]
    print(
        f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.2f}; pool of {workers} workers; {args.items} items"
    )
    print(f"{'mode':<16}{'ms per item':>14}{'x in-process':>15}{'overhead ms':>14}")
    for mode, ms in rows.items():
        print(f"{mode:<16}{ms:>14.4f}{ms / base:>15.1f}{ms - base:>14.4f}")
    timeouts = sum(v.reason == "timeout" for v in verdicts)
    scored = sum(v.is_judgment for v in verdicts)
    print(
        f"\n64-sample batch, 1 sample hangs, deadline 1.0 s: {hang_seconds:.3f} s wall; "
        f"{timeouts} timeout, {scored} scored (deadline + {hang_seconds - 1.0:.3f} s)"
    )


if __name__ == "__main__":
    main()
