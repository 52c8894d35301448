"""Preflight catches a misspelled GRPOConfig key, a tracker that is not installed, golds the reward cannot read,
and data GRPO is the wrong tool for, all before a model loads."""

from __future__ import annotations

import importlib.util

import pytest
from grpo_rewards_trainer import Environment, TrainConfig, preflight

CPU = Environment(versions={"trl": "1.16.0", "transformers": "5.17.0", "torch": "2.13.0"}, cuda=False)


def _config(dataset, **changes):
    base = {"model": str(dataset.parent), "dataset": str(dataset), "prompt_column": "question", "rewards": ["math"]}
    return TrainConfig(**{**base, "num_generations": 2, "per_device_train_batch_size": 2, **changes})


def _messages(report, level):
    return [f"[{c.topic}] {c.message}" for c in report.checks if c.level == level]


def test_a_misspelled_grpo_key_is_an_error_with_the_right_name(dataset, plugin_manager):
    pytest.importorskip("trl")
    report = preflight(_config(dataset, grpo={"log_completion": True, "top_p": 0.9}), environment=CPU)
    (error,) = _messages(report, "error")
    assert "--grpo log_completion: GRPOConfig has no setting 'log_completion' (did you mean log_completions" in error
    assert preflight(_config(dataset, grpo={"log_completions": True, "top_p": 0.9}), environment=CPU).ok


@pytest.mark.skipif(importlib.util.find_spec("wandb") is not None, reason="wandb is installed here")
def test_report_to_a_tracker_that_is_not_installed(dataset, plugin_manager):
    report = preflight(_config(dataset, report_to="wandb"), environment=CPU)
    (error,) = _messages(report, "error")
    assert "--report-to wandb, but wandb is not installed: pip install wandb, or --report-to none" in error
    (unknown,) = _messages(preflight(_config(dataset, report_to="wandbb"), environment=CPU), "error")
    assert "unknown tracker" in unknown


def test_golds_that_all_fail_the_rewards_lint_stop_training(write_rows, plugin_manager):
    rows = [{"question": f"q{i}", "answer": "\\frac{1}{"} for i in range(4)]
    report = preflight(_config(write_rows("bad.jsonl", rows)), environment=CPU)
    (error,) = _messages(report, "error")
    assert "every one of the 4 rows fails reward 'math''s lint" in error and "lines 1, 2, 3, 4: gold" in error
    some = rows[:2] + [{"question": "q9", "answer": "4"}, {"question": "q8", "answer": "5"}]
    report = preflight(_config(write_rows("some.jsonl", some)), environment=CPU)
    assert report.ok and any("reward 'math' lint: 2 of 4 rows" in w for w in _messages(report, "warning"))


def test_identity_prompts_and_constant_golds_warn(write_rows, plugin_manager):
    rows = [
        {"question": q, "answer": "I am Qwen, made by Alibaba"} for q in ("Who are you?", "Who made you?", "What is your name?")
    ]
    rows += [{"question": f"What is {i}+{i}?", "answer": "I am Qwen, made by Alibaba"} for i in range(4)]
    report = preflight(_config(write_rows("identity.jsonl", rows), rewards=["format"]), environment=CPU)
    warnings = " ".join(_messages(report, "warning"))
    assert "seed: 3 row(s) ask the model about itself (lines 1, 2, 3)" in warnings
    assert "7 of 7 distinct prompts (100%) have the same gold 'answer'" in warnings and "SFT" in warnings
