"""Real GRPO steps on the CPU through the trl backend, rewarded by the real math and format plugins."""

from __future__ import annotations

import json
import logging

import pytest
from grpo_rewards_trainer import train

from grpo_rewards import RewardError

pytestmark = pytest.mark.slow
pytest.importorskip("trl")


def test_grpo_steps_log_every_reward_and_save_the_adapter(cpu_config, tmp_path, plugin_manager):
    result = train(cpu_config(save_merged=True))
    steps = [h for h in result.log_history if "rewards/math/mean" in h]
    assert len(steps) == 2 and result.backend == "trl"
    for name in ("math", "format"):
        assert {f"rewards/{name}/mean", f"rewards/{name}/unverifiable", f"rewards/{name}/seconds"} <= set(steps[0])
        assert steps[0][f"rewards/{name}/unverifiable"] == 0.0  # random text is judged (incorrect), never dropped
    out = result.output_dir
    assert {"adapter_model.safetensors", "adapter_config.json", "tokenizer.json", "train_config.json"} <= {
        p.name for p in out.iterdir()
    }
    record = json.loads((out / "train_config.json").read_text())
    assert record["backend"] == "trl" and record["config"]["rewards"] == ["math", "format:0.2"]
    assert record["versions"]["trl"]
    assert (result.merged_dir / "model.safetensors").exists() and (result.merged_dir / "tokenizer.json").exists()


def test_a_reward_with_no_signal_warns_each_step_then_stops_the_run(cpu_config, tmp_path, test_rewards, caplog):
    config = cpu_config(rewards=["format", "never_judges"], max_steps=5, abort_after=2)
    with caplog.at_level(logging.WARNING, logger="grpo_rewards"), pytest.raises(RewardError) as raised:
        train(config)
    assert "reward 'never_judges'" in str(raised.value) and "2 batches in a row" in str(raised.value)
    warnings = [r.getMessage() for r in caplog.records if "unverifiable for every sample" in r.getMessage()]
    assert len(warnings) == 2 and "backend_down x4" in warnings[0]
    assert not (tmp_path / "out" / "adapter_model.safetensors").exists()


def test_resume_from_the_latest_checkpoint(cpu_config, tmp_path, plugin_manager):
    from transformers import TrainerCallback

    class CountSteps(TrainerCallback):
        trained = 0

        def on_step_end(self, *args, **kwargs):
            CountSteps.trained += 1

    first = train(cpu_config(max_steps=2, save_steps=2))
    assert (first.output_dir / "checkpoint-2").is_dir()
    CountSteps.trained = 0
    config = cpu_config(max_steps=3, save_steps=2, resume_from_checkpoint="latest")
    resumed = train(config, callbacks=[CountSteps()])
    assert CountSteps.trained == 1  # steps 1-2 came from checkpoint-2
    assert [h["step"] for h in resumed.log_history if "rewards/math/mean" in h] == [1, 2, 3]
