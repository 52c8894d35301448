"""Seed guidance: check warns about constant golds and identity questions, and says why GRPO is the wrong tool."""

from __future__ import annotations

import json

from click.testing import CliRunner

from grpo_rewards.cli import build_cli
from grpo_rewards.seedlint import constant_gold, identity_prompts, seed_warnings


def test_a_gold_that_is_mostly_one_constant_across_prompts_warns():
    prompts = [f"question {i}" for i in range(8)]
    golds = ["Qwen"] * 6 + ["7", "8"]
    warning = constant_gold(prompts, golds, "answer")
    assert warning and "6 of 8 distinct prompts (75%)" in warning and "'qwen'" in warning
    assert "SFT" in warning and "system prompt" in warning
    assert constant_gold(prompts, [str(i) for i in range(8)], "answer") is None
    # eight completions of one prompt share its gold: that is a group, not a constant
    assert constant_gold(["same"] * 8, ["4"] * 8, "answer") is None


def test_identity_questions_in_several_languages_warn_and_math_does_not():
    prompts = ["Who are you?", "What is 2+2?", "Which company developed you?", "你是谁？", "Introduce yourself.", "Solve x^2=4"]
    warning = identity_prompts([1, 2, 3, 4, 5, 6], prompts)
    assert warning and "4 row(s) ask the model about itself (lines 1, 3, 4, 5)" in warning
    assert identity_prompts([1, 2], ["What is 2+2?", "Who wrote Hamlet?"]) is None
    assert seed_warnings([1, 2], ["What is 2+2?", "Name a prime"], [{"answer": "4"}, {"answer": "3"}]) == []


def test_check_prints_the_seed_warnings(tmp_path):
    rows = [
        {"prompt": q, "completion": "<think>I am an assistant made here</think> I am Qwen", "answer": "I am Qwen"}
        for q in (
            "Who are you?",
            "What is your name?",
            "Who created you?",
            "Tell me about yourself",
            "What model are you?",
        )
    ]
    data = tmp_path / "identity.jsonl"
    data.write_text("".join(json.dumps(r) + "\n" for r in rows))
    result = CliRunner().invoke(build_cli(), ["check", str(data), "-r", "format"], env={"COLUMNS": "200"})
    text = " ".join(result.stdout.split())
    assert "seed 5 row(s) ask the model about itself" in text
    assert "seed 5 of 5 distinct prompts (100%) have the same gold 'answer'" in text
    summary = json.loads(CliRunner().invoke(build_cli(), ["check", str(data), "-r", "format", "--format", "json"]).stdout)
    assert len(summary["seed_lint"]) == 2
