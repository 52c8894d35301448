"""``trl grpo --reward_funcs grpo_rewards.trl.NAME``: the TRL command line takes our rewards by dotted path."""

from __future__ import annotations

import importlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from grpo_rewards.bridge import RewardFunction
from grpo_rewards.remote import RemoteRewardFunction

CORPUS = [f"{a}+{b}=<think>{a} plus {b} makes {a + b}</think>\\boxed{{{a + b}}}" for a in range(40) for b in range(12)]


@pytest.fixture
def fresh_trl_module(monkeypatch):
    module = importlib.import_module("grpo_rewards.trl")
    monkeypatch.setattr(module, "_functions", {})
    return module


def test_a_dotted_path_is_the_installed_reward_as_a_trl_function(fresh_trl_module, monkeypatch):
    monkeypatch.setenv("GRPO_REWARDS_OPTIONS", "math.mode=strict math.timeout=3")
    func = fresh_trl_module.math
    assert isinstance(func, RewardFunction) and func.__name__ == "math" and fresh_trl_module.math is func
    assert func.reward.options.mode == "strict" and func.reward.timeout == 3.0
    assert func(prompts=["q", "q"], completions=["\\boxed{2}", "the answer is 2"], answer=["2", "2"]) == [1.0, 0.0]
    with pytest.raises(AttributeError, match="grpo_rewards.trl.nope: .*nope"):
        _ = fresh_trl_module.nope


def test_options_for_a_reward_that_is_not_installed_are_refused(fresh_trl_module, monkeypatch):
    monkeypatch.setenv("GRPO_REWARDS_OPTIONS", '{"maths": {"mode": "strict"}}')
    with pytest.raises(AttributeError, match="options for maths, which is not an installed reward"):
        _ = fresh_trl_module.math


def test_with_a_service_the_dotted_path_scores_there(fresh_trl_module, monkeypatch, service):
    monkeypatch.setenv("GRPO_REWARDS_SERVICE", service.url)
    func = fresh_trl_module.math
    assert isinstance(func, RemoteRewardFunction)
    assert func(prompts=["q"], completions=["\\boxed{2}"], answer=["2"]) == [1.0]


def _trl() -> str:
    found = shutil.which("trl", path=os.path.dirname(sys.executable))
    if found is None:
        pytest.skip("the trl command is not installed")
    return found


def _run_trl(tmp_path: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    from grpo_rewards_trainer.toy import build_toy_model

    model = tmp_path / "model"
    if not model.exists():
        build_toy_model(model, CORPUS, hidden_size=32, layers=1, heads=2, vocab_size=300)
        data = tmp_path / "data"
        data.mkdir()
        rows = [{"prompt": f"{a}+3=", "answer": str(a + 3)} for a in range(8)]
        (data / "train.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows))
    command = [_trl(), "grpo", "--model_name_or_path", str(model), "--dataset_name", str(tmp_path / "data")]
    command += ["--reward_funcs", "grpo_rewards.trl.math", "grpo_rewards.trl.format", "--reward_weights", "1.0", "0.2"]
    command += ["--output_dir", str(tmp_path / "out"), "--max_steps", "2", "--per_device_train_batch_size", "4"]
    command += ["--num_generations", "4", "--max_completion_length", "8", "--use_cpu", "true", "--bf16", "false"]
    command += ["--report_to", "none", "--logging_steps", "1", "--save_strategy", "no"]
    offline = {"HF_HUB_OFFLINE": "1", "HF_DATASETS_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1"}
    return subprocess.run(command, env={**env, **offline}, cwd=tmp_path, capture_output=True, text=True, timeout=900)


@pytest.mark.slow
def test_trl_grpo_trains_with_the_dotted_paths(tmp_path, serve_env):
    pytest.importorskip("trl")
    done = _run_trl(tmp_path, serve_env)
    assert done.returncode == 0, done.stderr[-5000:]
    text = done.stdout + done.stderr
    for key in ("rewards/math/mean", "rewards/math/unverifiable", "rewards/format/seconds", "rewards/format/unverifiable"):
        assert f"'{key}'" in text, key  # TRL logged our functions' own metrics, so it called them
    assert "Training completed" in text


@pytest.mark.slow
def test_trl_grpo_through_the_service(tmp_path, serve_env, service):
    pytest.importorskip("trl")
    before = httpx.get(f"{service.url}/health").json()["batches"]
    done = _run_trl(tmp_path, {**serve_env, "GRPO_REWARDS_SERVICE": service.url})
    assert done.returncode == 0, done.stderr[-5000:]
    assert "'rewards/math/mean'" in done.stdout + done.stderr
    health = httpx.get(f"{service.url}/health").json()
    assert health["batches"] - before == 4  # two rewards, two steps: every score came from the service
