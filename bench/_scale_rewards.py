"""CPU-bound rewards for bench_scale.py and bench_async_rewards.py, in an importable module so pool workers can load them."""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any

from grpo_rewards import Manifest, Reward, Sample, Verdict


def burn(work_ms: float) -> None:
    """Spend ``work_ms`` of this thread's CPU time."""
    end = time.thread_time() + work_ms / 1000.0
    x = 0
    while time.thread_time() < end:
        for i in range(2000):
            x ^= i * i


class Spin(Reward):
    """Burns ``work_ms`` of CPU per sample (the completion's number), then says correct: a CPU-bound reward."""

    name = "spin"
    manifest = Manifest(default_timeout=60.0)

    def score(self, sample: Sample, prepared: Any) -> Verdict:
        burn(float(sample.completion))
        return Verdict.correct(answer=sample.completion)


@dataclass(frozen=True)
class BurnOptions:
    work_ms: float = 2.0
    wait_ms: float = 0.0  # then sleep this long, as a reward waiting on a sandbox or an endpoint does


class Burn(Reward):
    """Burns ``work_ms`` of CPU and waits ``wait_ms`` per sample, whatever the completion; correct when its length is even."""

    name = "burn"
    manifest = Manifest(default_timeout=60.0)
    Options = BurnOptions
    options: BurnOptions

    def score(self, sample: Sample, prepared: Any) -> Verdict:
        burn(self.options.work_ms)
        time.sleep(self.options.wait_ms / 1000.0)
        return Verdict.correct() if len(sample.completion) % 2 == 0 else Verdict.incorrect()
