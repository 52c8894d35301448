"""Verdict reasons reach TRL's completions table: real GRPO steps on the CPU with log_completions=True."""

from __future__ import annotations

import pytest
from grpo_rewards_trainer import train

pytestmark = pytest.mark.slow
pytest.importorskip("trl")


def test_each_reward_adds_its_verdict_and_reason_to_the_logged_completions(cpu_config, tmp_path, plugin_manager):
    import pandas as pd

    config = cpu_config(max_steps=1, grpo={"log_completions": True})
    result = train(config)
    (table,) = sorted((result.output_dir / "completions").glob("completions_*.parquet"))
    frame = pd.read_parquet(table)
    assert {"math", "format", "math/verdict", "math/reason", "format/verdict", "format/reason", "advantage"} <= set(frame.columns)
    assert len(frame) == 4
    assert set(frame["math/verdict"]) <= {"correct", "incorrect", "partial", "unverifiable"}
    assert set(frame["format/verdict"]) <= {"correct", "incorrect"}
    assert all(isinstance(r, str) and r for r in frame["format/reason"])  # every format verdict says why
    for score, verdict in zip(frame["format"], frame["format/verdict"], strict=True):
        assert (score == 1.0) == (verdict == "correct")

    # the train_config.json this run saved replays as --config, in check and in train
    import json

    from click.testing import CliRunner

    from grpo_rewards.cli import build_cli

    saved = result.output_dir / "train_config.json"
    rows = tmp_path / "rows.jsonl"
    rows.write_text(json.dumps({"prompt": "1+1=", "completion": "<think>one and one</think> \\boxed{2}", "answer": "2"}) + "\n")
    checked = CliRunner().invoke(build_cli(), ["check", str(rows), "--config", str(saved), "--format", "json"])
    assert json.loads(checked.stdout)["diagnostics"]["weights"] == {"math": 1.0, "format": 0.2}
    replay = CliRunner().invoke(build_cli(), ["train", "--dry-run", "--config", str(saved)])
    assert "log_completions: true" in replay.stdout and f"output_dir: {config.output_dir}" in replay.stdout
