"""Preflight: each failure is one clear message, found before any model loads."""

from __future__ import annotations

import subprocess
import sys

import pytest
from grpo_rewards_trainer import Environment, PreflightError, TrainConfig, preflight
from grpo_rewards_trainer.preflight import resolve_backend

CPU = Environment(versions={"trl": "1.16.0", "transformers": "5.17.0", "torch": "2.13.0"}, cuda=False)
GPU = Environment(
    versions={"trl": "1.15.0", "transformers": "5.17.0", "torch": "2.11.0", "unsloth": "2026.10.9", "bitsandbytes": "0.50.2"},
    unsloth_requires=(
        "trl!=0.19.0,<=1.15.0,>=0.18.2",
        "transformers<=5.17.0,>=4.52.4",
        'torch<2.15.0,>=2.4.0; sys_platform != "win32"',
    ),
    cuda=True,
    bf16=True,
)


def _config(dataset, **changes):
    base = {"model": str(dataset.parent), "dataset": str(dataset), "prompt_column": "question", "rewards": ["math", "format:0.2"]}
    return TrainConfig(**{**base, "num_generations": 4, "per_device_train_batch_size": 4, **changes})


def _errors(report):
    return [f"[{c.topic}] {c.message}" for c in report.errors]


def test_a_good_config_passes_and_keeps_what_training_reuses(dataset, plugin_manager):
    report = preflight(_config(dataset), environment=CPU)
    assert report.ok, _errors(report)
    assert report.backend == "trl"
    assert set(report.rewards) == {"math", "format"}
    assert len(report.rows.rows) == 8


def test_unknown_reward_lists_the_installed_ones(dataset, plugin_manager):
    report = preflight(_config(dataset, rewards=["math", "maths"]), environment=CPU)
    (error,) = _errors(report)
    assert "unknown reward 'maths'" in error and "math" in error and "grpo-rewards rewards" in error


def test_missing_column_names_the_reward_the_column_and_the_file(dataset, plugin_manager):
    report = preflight(_config(dataset, reward_options={"math": {"gold_column": "solution"}}), environment=CPU)
    (error,) = _errors(report)
    assert "reward 'math' needs column 'solution'" in error
    assert str(dataset) in error and "columns: question, answer" in error and "--reward-option" in error


def test_column_missing_in_some_rows_is_a_warning_with_lines(write_rows, plugin_manager):
    data = write_rows("d.jsonl", [{"question": "1+1=", "answer": "2"}, {"question": "2+2="}, {"question": "3+3="}])
    report = preflight(_config(data, num_generations=2, per_device_train_batch_size=2), environment=CPU)
    assert report.ok
    (warning,) = [c.message for c in report.warnings]
    assert "missing in 2 of 3 rows" in warning and "lines 2, 3" in warning


def test_wrong_prompt_column(dataset, plugin_manager):
    report = preflight(_config(dataset, prompt_column="prompt"), environment=CPU)
    assert any("the prompt (--prompt-column) needs column 'prompt'" in e for e in _errors(report))


def test_sandbox_down_stops_before_training(dataset, test_rewards):
    report = preflight(_config(dataset, rewards=["math", "sandboxed"]), environment=CPU)
    (error,) = _errors(report)
    assert error.startswith("[sandbox] reward 'sandboxed'") and "start Docker" in error


def test_sandbox_reward_without_a_check_is_a_warning(dataset, test_rewards):
    report = preflight(_config(dataset, rewards=["sandboxed_unchecked"]), environment=CPU)
    assert report.ok
    assert any("no preflight() check" in c.message for c in report.warnings)


def test_every_problem_is_reported_at_once(tmp_path, plugin_manager):
    report = preflight(TrainConfig(num_generations=3, per_device_train_batch_size=8), environment=CPU)
    errors = " | ".join(_errors(report))
    for needle in ("no model given", "no reward given", "no dataset given", "not a multiple of num_generations = 3"):
        assert needle in errors
    with pytest.raises(PreflightError, match="nothing was loaded"):
        report.raise_for_errors()


def test_malformed_jsonl_names_file_and_line(tmp_path, plugin_manager):
    data = tmp_path / "bad.jsonl"
    data.write_text('{"question": "1+1=", "answer": "2"}\n{"question": oops}\n')
    (error,) = _errors(preflight(_config(data), environment=CPU))
    assert f"{data}:2: invalid JSON" in error


def test_missing_model_folder(dataset, plugin_manager):
    (error,) = _errors(preflight(_config(dataset, model="./no/such/model"), environment=CPU))
    assert "model folder ./no/such/model does not exist" in error


def test_trl_newer_than_unsloth_allows_is_caught(dataset, plugin_manager):
    env = Environment({**GPU.versions, "trl": "1.16.0"}, GPU.unsloth_requires, cuda=True, bf16=True)
    (error,) = _errors(preflight(_config(dataset, backend="unsloth"), environment=env))
    assert "trl 1.16.0 is installed, but the installed Unsloth requires trl" in error and "<=1.15.0" in error


def test_trl_that_cannot_run_on_the_cpu_is_caught(dataset, plugin_manager):
    env = Environment({**CPU.versions, "trl": "1.15.0"}, cuda=False)
    (error,) = _errors(preflight(_config(dataset), environment=env))
    assert "trl 1.15.0 cannot run GRPOTrainer on the CPU" in error and "trl>=1.16.0" in error


def test_backend_choice():
    assert resolve_backend("auto", GPU) == "unsloth"
    assert resolve_backend("auto", CPU) == "trl"
    assert resolve_backend("auto", Environment({"trl": "1.16.0"}, cuda=True)) == "trl"
    assert resolve_backend("trl", GPU) == "trl"


def test_gpu_only_options_on_the_cpu(dataset, plugin_manager):
    config = _config(dataset, backend="unsloth", load_in_4bit=True, bf16=True)
    errors = " | ".join(_errors(preflight(config, environment=CPU)))
    assert "Unsloth is not installed" in errors and "needs a CUDA GPU" in errors
    assert "load_in_4bit needs a CUDA GPU and bitsandbytes" in errors and "bf16 was asked for" in errors


def test_fast_inference_needs_unsloth_and_vllm(dataset, plugin_manager):
    (on_trl,) = _errors(preflight(_config(dataset, fast_inference=True, backend="trl"), environment=CPU))
    assert "fast_inference (vLLM) is an Unsloth option" in on_trl
    (no_vllm,) = _errors(preflight(_config(dataset, fast_inference=True), environment=GPU))
    assert "fast_inference needs vLLM, which is not installed" in no_vllm
    with_vllm = Environment({**GPU.versions, "vllm": "0.11.0"}, GPU.unsloth_requires, cuda=True, bf16=True)
    assert preflight(_config(dataset, fast_inference=True), environment=with_vllm).ok


def test_resume_latest_needs_a_checkpoint(dataset, tmp_path, plugin_manager):
    config = _config(dataset, resume_from_checkpoint="latest", output_dir=str(tmp_path / "out"))
    (error,) = _errors(preflight(config, environment=CPU))
    assert "no checkpoint-* folder" in error
    (tmp_path / "out" / "checkpoint-2").mkdir(parents=True)
    assert preflight(config, environment=CPU).ok


def test_preflight_loads_no_model_and_imports_no_training_library(dataset):
    probe = f"""
import sys
from grpo_rewards_trainer import TrainConfig, preflight
report = preflight(TrainConfig(model={str(dataset.parent)!r}, dataset={str(dataset)!r}, prompt_column="question",
                               rewards=["math", "nope"], num_generations=4, per_device_train_batch_size=4))
assert not report.ok
print(",".join(sorted({{m.split(".")[0] for m in sys.modules}} & {{"transformers", "trl", "peft", "unsloth", "datasets"}})))
"""
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_importing_the_trainer_is_light():
    probe = "import sys, grpo_rewards_trainer, grpo_rewards_trainer.plugin, grpo_rewards_trainer.cli\n"
    probe += (
        "print(','.join(sorted({m.split('.')[0] for m in sys.modules} & {'torch', 'trl', 'transformers', 'unsloth', 'peft'})))"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
