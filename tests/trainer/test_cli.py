"""`grpo-rewards train` end to end: a config file, flag overrides, --dry-run, and exit statuses."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from click.testing import CliRunner

from grpo_rewards.cli import build_cli


def _invoke(*args):
    return CliRunner().invoke(build_cli(), ["train", *args], catch_exceptions=False)


def _config_file(tmp_path, toy_model, dataset, **extra):
    lines = [
        f"model: {toy_model}",
        "backend: trl",
        f"dataset: {dataset}",
        "prompt_column: question",
        "chat_template: 'off'",
        "rewards: [math, 'format:0.2']",
        "num_generations: 4",
        "per_device_train_batch_size: 4",
        "max_completion_length: 8",
        "max_steps: 5",
        "lora_r: 4",
        "target_modules: q_proj,v_proj",
    ]
    lines += [f"{k}: {v}" for k, v in extra.items()]
    path = tmp_path / "run.yaml"
    path.write_text("\n".join(lines) + "\n")
    return path


def test_dry_run_prints_the_resolved_config_and_preflight(tmp_path, toy_model, dataset, plugin_manager):
    result = _invoke(
        "--config", str(_config_file(tmp_path, toy_model, dataset)), "--dry-run", "--max-steps", "3", "--grpo", "top_p=0.9"
    )
    assert result.exit_code == 0, result.output
    assert "max_steps: 3" in result.output and "top_p: 0.9" in result.output
    assert "backend: trl" in result.output and "ok      rewards  math" in result.output


def test_dry_run_with_problems_exits_2_and_names_them(tmp_path, toy_model, dataset, plugin_manager):
    config = _config_file(tmp_path, toy_model, dataset)
    result = _invoke("--config", str(config), "--dry-run", "--reward", "maths", "--reward-option", "maths.mode=strict")
    assert result.exit_code == 2
    assert "unknown reward 'maths'" in result.output and "preflight failed" in result.output


def test_bad_flag_value_exits_2(tmp_path, toy_model, dataset, plugin_manager):
    result = _invoke("--config", str(_config_file(tmp_path, toy_model, dataset)), "--grpo", "no-equals-sign")
    assert result.exit_code == 2 and "KEY=VALUE" in result.output


@pytest.mark.slow
def test_train_from_a_config_file_with_overrides(tmp_path, toy_model, dataset, plugin_manager):
    out = tmp_path / "run-out"
    result = _invoke(
        "--config",
        str(_config_file(tmp_path, toy_model, dataset)),
        "--max-steps",
        "1",
        "--output-dir",
        str(out),
        "--reward-option",
        "math.mode=strict",
        "--grpo",
        "temperature=0.8",
    )
    assert result.exit_code == 0, result.output
    assert "done" in result.output
    record = json.loads((out / "train_config.json").read_text())["config"]
    assert record["max_steps"] == 1 and record["num_generations"] == 4  # the flag wins; the file fills the rest
    assert record["reward_options"] == {"math": {"mode": "strict"}} and record["grpo"] == {"temperature": 0.8}
    assert (out / "adapter_model.safetensors").exists()


@pytest.mark.slow
def test_a_run_stopped_by_a_reward_exits_1(tmp_path, toy_model, dataset, test_rewards):
    config = _config_file(tmp_path, toy_model, dataset, abort_after=1)
    result = _invoke("--config", str(config), "--reward", "never_judges", "--output-dir", str(tmp_path / "o"))
    assert result.exit_code == 1
    assert "training stopped" in result.output and "never_judges" in result.output


def test_the_real_code_reward_with_no_docker_engine_stops_at_preflight(tmp_path, toy_model, write_rows):
    pytest.importorskip("grpo_rewards_code")
    data = write_rows("code.jsonl", [{"prompt": "reverse the input", "tests": [{"input": "ab\n", "output": "ba\n"}]}])
    env = {**os.environ, "DOCKER_HOST": f"unix://{tmp_path}/stopped-docker.sock"}
    command = [sys.executable, "-c", "from grpo_rewards.cli import main; main()", "train", "--model", str(toy_model)]
    command += ["--dataset", str(data), "--reward", "code", "--num-generations", "2", "--per-device-train-batch-size", "2"]
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 2
    assert "reward 'code': no Docker engine answers" in " ".join(done.stderr.split()), done.stderr
    assert "nothing was loaded" in done.stderr
