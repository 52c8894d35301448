"""The reward model in `check`, in the trainer's preflight and in real GRPO steps on the CPU."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from grpo_rewards.cli import build_cli


@pytest.fixture
def rows_file(tmp_path, pairs):
    path = tmp_path / "rows.jsonl"
    path.write_text("".join(json.dumps({"prompt": p, "completion": c}) + "\n" for p, c in pairs))
    return path


def _check(*args):
    return CliRunner().invoke(build_cli(), ["check", *args], catch_exceptions=False, env={"COLUMNS": "200"})


def test_check_scores_every_row_with_a_number(rows_file, tiny_rm, tmp_path, plugin_manager):
    out = tmp_path / "out.jsonl"
    result = _check(str(rows_file), "--reward", "reward_model", "--option", f"reward_model.model={tiny_rm}", "--output", str(out))
    assert result.exit_code == 0, result.output
    scores = [json.loads(line)["rewards"]["reward_model"]["score"] for line in out.read_text().splitlines()]
    assert len(scores) == 5 and all(isinstance(s, float) for s in scores)
    assert "reward_model: tokens" in result.output


def test_check_without_a_model_does_not_pick_the_reward_model(rows_file, tmp_path, plugin_manager):
    out = tmp_path / "out.jsonl"
    _check(str(rows_file), "--output", str(out))
    assert "reward_model" not in json.loads(out.read_text().splitlines()[0])["rewards"]


def test_check_with_a_model_that_does_not_load_exits_1(rows_file, tmp_path, plugin_manager):
    result = _check(str(rows_file), "-r", "reward_model", "-o", f"reward_model.model={tmp_path / 'nope'}")
    assert result.exit_code == 1 and "model_unavailable" in result.output


@pytest.fixture
def dataset(tmp_path):
    path = tmp_path / "data.jsonl"
    path.write_text("".join(json.dumps({"question": f"{a}+3=", "answer": str(a + 3)}) + "\n" for a in range(8)))
    return path


def _config(dataset, rm, tmp_path, **changes):
    from grpo_rewards_trainer import TrainConfig

    base = {
        "model": str(dataset.parent),
        "dataset": str(dataset),
        "prompt_column": "question",
        "rewards": ["reward_model"],
        "reward_options": {"reward_model": {"model": str(rm), "normalize": "sigmoid"}},
        "num_generations": 4,
        "per_device_train_batch_size": 4,
        "output_dir": str(tmp_path / "out"),
    }
    return TrainConfig(**{**base, **changes})


def test_the_trainers_preflight_loads_the_model(dataset, tiny_rm, tmp_path, plugin_manager):
    from grpo_rewards_trainer import Environment, preflight

    cpu = Environment(versions={"trl": "1.16.0", "transformers": "5.17.0", "torch": "2.13.0"}, cuda=False)
    report = preflight(_config(dataset, tiny_rm, tmp_path), environment=cpu)
    assert report.ok and any("reward 'reward_model'" in c.message and "on cpu" in c.message for c in report.checks)
    broken = preflight(_config(dataset, tmp_path / "nope", tmp_path), environment=cpu)
    (error,) = [c.message for c in broken.errors]
    assert "reward 'reward_model'" in error and "cannot load reward model" in error


@pytest.mark.slow
def test_grpo_steps_with_the_reward_model(dataset, tiny_rm, tmp_path, plugin_manager):
    pytest.importorskip("trl")
    from grpo_rewards_trainer import train
    from grpo_rewards_trainer.toy import build_toy_model

    corpus = [f"{a}+3=<think>{a} plus 3</think>\\boxed{{{a + 3}}}" for a in range(40)]
    policy = build_toy_model(tmp_path / "toy", corpus, hidden_size=32, layers=1, heads=2, vocab_size=300)
    config = _config(dataset, tiny_rm, tmp_path, model=str(policy), backend="trl", chat_template="off", max_completion_length=8)
    config = config.replace(max_steps=2, learning_rate=1e-3, lora_r=4, lora_alpha=8, target_modules=["q_proj", "v_proj"], seed=0)
    result = train(config)
    steps = [h for h in result.log_history if "rewards/reward_model/mean" in h]
    assert len(steps) == 2 and steps[0]["rewards/reward_model/unverifiable"] == 0.0
    assert 0.0 < steps[0]["rewards/reward_model/mean"] < 1.0 and steps[0]["rewards/reward_model/tokens"] > 0
