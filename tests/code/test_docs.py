"""docs/code-reward.md cannot rot: every option and every per-test status is documented."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from grpo_rewards_code.options import CodeOptions
from grpo_rewards_code.outcome import STATUSES

DOC = Path(__file__).resolve().parents[2] / "docs" / "code-reward.md"


def test_every_option_is_in_the_options_table():
    text = DOC.read_text()
    for name in [f.name for f in dataclasses.fields(CodeOptions)] + ["timeout"]:
        assert f"| `{name}` |" in text, f"option {name} is missing from {DOC.name}"


def test_every_status_is_documented():
    text = DOC.read_text()
    for status in STATUSES:
        assert f"`{status}`" in text
