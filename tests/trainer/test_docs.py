"""Docs that cannot rot: every setting of `grpo-rewards train` is in docs/training.md, with its flag."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from grpo_rewards_trainer import TrainConfig

GUIDE = Path(__file__).resolve().parents[2] / "docs" / "training.md"


def test_every_setting_has_a_row_in_the_guide():
    text = GUIDE.read_text()
    for f in dataclasses.fields(TrainConfig):
        flag = f.metadata.get("flag", f.name.replace("_", "-"))
        assert f"| `--{flag}`" in text and f"| `{f.name}` |" in text, f"setting {f.name} (--{flag}) is not in {GUIDE.name}"
