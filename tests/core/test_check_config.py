"""`check --config` reads train's config (and what train prints and saves); weights; --limit; --sample --seed."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from grpo_rewards.cli import build_cli
from grpo_rewards.config_file import read_config_file

ROWS = [
    {"prompt": "2+2?", "completion": "<think>two and two make four</think> The answer is 4", "answer": "4"},
    {"prompt": "2+2?", "completion": "<think>two and two make four</think> \\boxed{4}", "answer": "4"},
    {"prompt": "3+3?", "completion": "<think>three twice makes six</think> \\boxed{7}", "answer": "6"},
]


def run(*args: str):
    return CliRunner().invoke(build_cli(), list(args), env={"COLUMNS": "200"})


@pytest.fixture
def data(tmp_path):
    path = tmp_path / "rows.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in ROWS))
    return path


def _summary(result) -> dict:
    return json.loads(result.stdout)


def test_rewards_weights_and_options_come_from_the_config(data, tmp_path):
    config = tmp_path / "run.yaml"
    config.write_text("model: some/model\nrewards: [math, 'format:0.5']\nreward_options: {math: {mode: strict}}\nmax_steps: 3\n")
    summary = _summary(run("check", str(data), "--config", str(config), "--format", "json"))
    assert summary["diagnostics"]["weights"] == {"math": 1.0, "format": 0.5}
    assert summary["rewards"]["math"]["verdicts"]["correct"] == 1  # strict: "The answer is 4" without \boxed does not count
    lenient = _summary(run("check", str(data), "--config", str(config), "-o", "math.mode=lenient", "--format", "json"))
    assert lenient["rewards"]["math"]["verdicts"]["correct"] == 2  # --option goes over the config
    only = _summary(run("check", str(data), "--config", str(config), "-r", "format", "--format", "json"))
    assert list(only["rewards"]) == ["format"]  # --reward replaces the config's rewards


def test_the_weighted_total_is_trls(data):
    summary = _summary(run("check", str(data), "-r", "math", "-r", "format:0.5", "--format", "json"))
    (group,) = summary["diagnostics"]["zero_std_groups"]  # 2+2: both right and well formed, 1 + 0.5 x 1 each
    assert group["lines"] == [1, 2] and group["totals"] == [1.5, 1.5] and group["advantages"] == [0.0, 0.0]
    table = run("check", str(data), "-r", "math", "-r", "format:0.5", "--show", "all")
    line3 = [row for row in table.stdout.splitlines() if row.startswith("│    3 ")][0]
    assert "0.50" in line3.split("│")[-3]  # the total column: 0 + 0.5 x 1


def test_train_dry_run_output_and_train_config_json_replay_as_config(data, tmp_path):
    pytest.importorskip("grpo_rewards_trainer")
    train_data = tmp_path / "train.jsonl"
    train_data.write_text(json.dumps({"prompt": "2+2?", "answer": "4"}) + "\n")
    args = ["train", "--dry-run", "--model", str(tmp_path), "--dataset", str(train_data), "--backend", "trl"]
    printed = run(*args, "-r", "math", "-r", "format:0.25", "-o", "math.mode=strict", "--max-steps", "7", "--grpo", "top_p=0.9")
    saved = tmp_path / "run.yaml"
    saved.write_text(printed.stdout)  # the whole stdout is valid YAML: config, then preflight as comments
    settings = read_config_file(saved)
    assert settings["rewards"] == ["math", "format:0.25"] and settings["max_steps"] == 7 and settings["grpo"] == {"top_p": 0.9}
    replay = run("train", "--dry-run", "--config", str(saved))
    assert replay.stdout.split("# preflight")[0] == printed.stdout.split("# preflight")[0]
    checked = _summary(run("check", str(data), "--config", str(saved), "--format", "json"))
    assert checked["diagnostics"]["weights"] == {"math": 1.0, "format": 0.25}
    assert checked["rewards"]["math"]["verdicts"]["correct"] == 1  # strict, from the printed config

    record = tmp_path / "train_config.json"  # the shape train saves next to the adapter
    record.write_text(json.dumps({"config": settings, "backend": "trl", "versions": {"trl": "1.16.0"}}))
    assert _summary(run("check", str(data), "--config", str(record), "--format", "json"))["diagnostics"]["weights"] == {
        "math": 1.0,
        "format": 0.25,
    }
    assert (
        run("train", "--dry-run", "--config", str(record)).stdout.split("# preflight")[0]
        == printed.stdout.split("# preflight")[0]
    )


def test_limit_and_a_seeded_sample_that_keeps_groups_whole(tmp_path):
    rows = [{"prompt": f"q{p}", "completion": f"{p}-{c}", "answer": "x"} for p in range(10) for c in range(4)]
    path = tmp_path / "many.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    out = tmp_path / "out.jsonl"

    def lines(*extra: str) -> list[int]:
        result = run("check", str(path), "-r", "format", "--output", str(out), "--format", "json", *extra)
        assert result.exit_code == 0, result.output
        return [json.loads(line)["line"] for line in out.read_text().splitlines()]

    assert lines("--limit", "3") == [1, 2, 3]
    first = lines("--sample", "8", "--seed", "1")
    assert first == lines("--sample", "8", "--seed", "1") and len(first) == 8
    assert {(line - 1) // 4 for line in first} == {(line - 1) // 4 for line in first if (line - 1) % 4 == 0}  # whole groups
    assert any(lines("--sample", "8", "--seed", str(s)) != first for s in range(2, 6))
    refused = run("check", str(path), "-r", "format", "--limit", "2", "--sample", "3")
    assert refused.exit_code == 2 and "exclude each other" in refused.output
