"""docs/reward-model.md cannot rot: every option and every failure reason is documented."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from grpo_rewards_reward_model import RewardModelOptions, RewardModelReward

DOC = (Path(__file__).resolve().parents[2] / "docs" / "reward-model.md").read_text()


def test_every_option_is_documented():
    for option in [f.name for f in dataclasses.fields(RewardModelOptions)] + ["timeout"]:
        assert f"`{option}`" in DOC, f"option {option!r} is missing from docs/reward-model.md"


def test_every_failure_reason_is_documented():
    for reason in (*RewardModelReward.manifest.failure_reasons, "memory", "crash"):
        assert f"`{reason}`" in DOC
