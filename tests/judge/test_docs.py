"""docs/judge.md cannot rot: every option is in its table, every reply format and failure reason is explained."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from grpo_rewards_judge import JudgeOptions, JudgeReward
from grpo_rewards_judge.replies import KEYS

DOC = (Path(__file__).resolve().parents[2] / "docs" / "judge.md").read_text()


def test_every_option_is_documented():
    for option in [f.name for f in dataclasses.fields(JudgeOptions)] + ["timeout"]:
        assert f"| `{option}` |" in DOC, f"option {option!r} is missing from docs/judge.md"


def test_every_reply_format_and_reason_is_documented():
    for key in KEYS.values():
        assert f"`{key}: " in DOC
    for reason in (*JudgeReward.manifest.failure_reasons, "judge_group_too_small"):
        assert reason in DOC
