"""Rewards for bench_scale.py, in an importable module so every node's pool workers can load them."""

from __future__ import annotations

import time
from typing import Any

from grpo_rewards import Manifest, Reward, Sample, Verdict


class Spin(Reward):
    """Burns ``work_ms`` of CPU per sample (the completion's number), then says correct: a CPU-bound reward."""

    name = "spin"
    manifest = Manifest(default_timeout=60.0)

    def score(self, sample: Sample, prepared: Any) -> Verdict:
        end = time.thread_time() + float(sample.completion) / 1000.0
        x = 0
        while time.thread_time() < end:
            for i in range(2000):
                x ^= i * i
        return Verdict.correct(answer=sample.completion)
