"""`grpo-rewards check` and `grpo-rewards rewards` with the judge installed."""

from __future__ import annotations

import json
import time

import pytest
from click.testing import CliRunner
from grpo_rewards_judge.testing import Scripted

from grpo_rewards.cli import build_cli


@pytest.fixture
def run_cli(plugin_manager):
    def run(*args: str):
        return CliRunner().invoke(build_cli(), list(args), catch_exceptions=False, env={"COLUMNS": "200"})

    return run


@pytest.fixture
def rows_file(tmp_path, capitals):
    path = tmp_path / "rows.jsonl"
    path.write_text("".join(json.dumps(row) + "\n" for row in capitals(6)))
    return path


def _records(path):
    return [json.loads(line) for line in path.read_text().splitlines()]


def test_nothing_listening_ends_quickly_with_every_row_unavailable_and_exit_1(run_cli, rows_file, tmp_path):
    out = tmp_path / "out.jsonl"
    started = time.monotonic()
    result = run_cli(
        "check", str(rows_file), "--reward", "judge", "--option", "judge.base_url=http://127.0.0.1:9/v1", "--output", str(out)
    )
    assert time.monotonic() - started < 30  # well inside one request's default deadline: nothing waited for it
    assert result.exit_code == 1 and "FAILED" in result.output
    verdicts = [r["rewards"]["judge"] for r in _records(out)]
    assert [(v["verdict"], v["reason"], v["score"]) for v in verdicts] == [("unverifiable", "judge_unavailable", None)] * 6
    assert "judge_unavailable: cannot reach http://127.0.0.1:9/v1" in result.output


def test_scored_rows_show_the_verdicts_the_cost_and_exit_0(run_cli, rows_file, serve):
    server = serve()
    result = run_cli("check", str(rows_file), "-r", "judge", "-o", f"judge.base_url={server.url}", "--format", "json")
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)["rewards"]["judge"]
    assert summary["verdicts"] == {"correct": 3, "incorrect": 3, "partial": 0, "unverifiable": 0}
    assert summary["metrics"]["requests"] == 6.0 and summary["metrics"]["tokens_in"] > 0
    table = run_cli("check", str(rows_file), "-r", "judge", "-o", f"judge.base_url={server.url}")
    assert "judge: tokens_in" in table.output and "cache_hits 6" in table.output  # the second run hit the cache


def test_an_unparseable_reply_is_shown_and_fails_the_check(run_cli, rows_file, serve, tmp_path):
    server = serve(lambda request: Scripted("Sure! Here is my evaluation: great job."))
    out = tmp_path / "out.jsonl"
    result = run_cli("check", str(rows_file), "-r", "judge", "-o", f"judge.base_url={server.url}", "--output", str(out))
    assert result.exit_code == 1
    assert "judge_unparseable: no 'VERDICT:' line" in result.output and "great job" in result.output
    assert _records(out)[0]["rewards"]["judge"]["details"]["reply"] == "Sure! Here is my evaluation: great job."


def test_the_judge_is_applied_by_default_only_with_an_endpoint(run_cli, rows_file, serve, tmp_path):
    out = tmp_path / "out.jsonl"
    run_cli("check", str(rows_file), "--output", str(out))
    assert "judge" not in _records(out)[0]["rewards"]
    server = serve()
    run_cli("check", str(rows_file), "-o", f"judge.base_url={server.url}", "--output", str(out))
    assert _records(out)[0]["rewards"]["judge"]["verdict"] == "correct"


def test_rewards_lists_the_judge_and_its_options(run_cli):
    result = run_cli("rewards", "--json")
    (judge,) = [r for r in json.loads(result.stdout) if r["name"] == "judge"]
    options = {o["name"] for o in judge["options"]}
    assert {"base_url", "model", "api_key_env", "temperature", "max_tokens", "template", "template_file"} <= options
    assert judge["default_timeout"] == 30.0 and judge["distribution"] == "grpo-rewards-judge"
    table = run_cli("rewards")
    assert "judge" in table.output
    one = run_cli("rewards", "judge")  # one reward with every option
    assert "base_url (" in one.output and "per sample" in one.output


def test_the_bundled_sample_scores_as_its_rows_say(run_cli, serve, tmp_path):
    """``make demo`` scores examples/judge.jsonl against the scripted judge; each row says what it should get."""
    from pathlib import Path

    sample = Path(__file__).resolve().parents[2] / "examples" / "judge.jsonl"
    out = tmp_path / "out.jsonl"
    result = run_cli("check", str(sample), "-r", "judge", "-o", f"judge.base_url={serve().url}", "--output", str(out))
    assert result.exit_code == 0, result.output
    expected = [json.loads(line)["expect_judge"] for line in sample.read_text().splitlines()]
    assert [r["rewards"]["judge"]["verdict"] for r in _records(out)] == expected
