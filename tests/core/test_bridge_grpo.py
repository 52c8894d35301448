"""The bridge's callables through a real trl.GRPOTrainer step on the CPU, with a tiny local model."""

from __future__ import annotations

import pytest
from grpo_test_rewards import SamplePlugin
from tiny_lm import build_tiny_lm

from grpo_rewards import reward_funcs

pytestmark = pytest.mark.slow


def test_grpo_step_logs_each_reward(tmp_path, register_plugin):
    datasets = pytest.importorskip("datasets")
    trl = pytest.importorskip("trl")
    register_plugin(SamplePlugin(), name="sample-plugin")
    model_dir = build_tiny_lm(tmp_path / "model")
    funcs, weights = reward_funcs(["echo", "misbehave:0.5"])
    data = datasets.Dataset.from_list([{"prompt": f"What is {i} + {i}?", "answer": str(2 * i)} for i in range(4)])
    config = trl.GRPOConfig(
        output_dir=str(tmp_path / "out"),
        per_device_train_batch_size=4,
        num_generations=4,
        max_completion_length=8,
        max_steps=2,
        learning_rate=1e-3,
        logging_steps=1,
        report_to=[],
        use_cpu=True,
        bf16=False,
        save_strategy="no",
        reward_weights=weights,
        seed=0,
    )
    trainer = trl.GRPOTrainer(model=str(model_dir), reward_funcs=funcs, args=config, train_dataset=data)
    trainer.train()
    logs = [entry for entry in trainer.state.log_history if "rewards/echo/mean" in entry]
    assert logs, trainer.state.log_history
    assert {"rewards/echo/mean", "rewards/misbehave/mean", "rewards/echo/unverifiable", "rewards/echo/seconds"} <= set(logs[0])
    # random completions almost never equal the gold; misbehave scores every ordinary completion 1.0
    assert logs[0]["rewards/misbehave/mean"] == 1.0
    assert funcs[0].last_stats.count == 4
