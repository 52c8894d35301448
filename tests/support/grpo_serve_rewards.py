"""A plugin module for service tests, loaded in the service's own process through an entry point.

Service tests run ``grpo-rewards serve`` as a real subprocess, which finds
plugins only as an installed program would; ``tests/serve/conftest.py`` writes a
throwaway distribution whose ``grpo_rewards`` entry point is this module.
"""

from __future__ import annotations

import time
from typing import Any

from grpo_test_rewards import Echo, Misbehave

from grpo_rewards import Manifest, Reward, Sample, Verdict, hookimpl


class Sleepy(Reward):
    """Sleeps as many seconds as the completion says, then judges it correct: a batch that takes a while."""

    name = "sleepy"
    description = "sleeps for the number of seconds in the completion"
    manifest = Manifest(default_timeout=60.0)

    def score(self, sample: Sample, prepared: Any) -> Verdict:
        time.sleep(float(sample.completion))
        return Verdict.correct("slept", answer=sample.completion)


@hookimpl
def register_rewards(register: Any) -> None:
    for reward in (Echo, Misbehave, Sleepy):
        register(reward)
