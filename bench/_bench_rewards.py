"""Rewards for bench_pool.py, in an importable module so pool workers can load them."""

from __future__ import annotations

from typing import Any

from grpo_rewards import Manifest, Reward, Sample, Verdict


class Trivial(Reward):
    """Correct when the completion is 'x': the cheapest possible reward."""

    name = "trivial"
    manifest = Manifest(default_timeout=5.0)

    def score(self, sample: Sample, prepared: Any) -> Verdict:
        return Verdict.correct() if sample.completion == "x" else Verdict.incorrect()


class SometimesHangs(Trivial):
    """Hangs forever on the completion 'hang'."""

    name = "sometimes_hangs"
    manifest = Manifest(default_timeout=1.0)

    def score(self, sample: Sample, prepared: Any) -> Verdict:
        while sample.completion == "hang":
            pass
        return super().score(sample, prepared)
