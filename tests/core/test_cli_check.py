"""`grpo-rewards check`: scoring, failures shown with their plugin, bad rows, output shape."""

from __future__ import annotations

import json
import time

import pytest
from click.testing import CliRunner
from grpo_test_rewards import SamplePlugin

from grpo_rewards import WorkerPool
from grpo_rewards.cli import build_cli


@pytest.fixture
def run_cli(register_plugin):
    register_plugin(SamplePlugin(), name="sample-plugin")

    def run(*args: str):
        return CliRunner().invoke(build_cli(), list(args), catch_exceptions=False, env={"COLUMNS": "200"})

    return run


def write_jsonl(path, rows, raw_lines=()):
    lines = [json.dumps(r) for r in rows] + list(raw_lines)
    path.write_text("\n".join(lines) + "\n")
    return path


def test_hang_is_a_timeout_within_deadline_and_the_rest_are_scored(tmp_path, run_cli):
    rows = [{"prompt": "p", "completion": c} for c in ["a", "hang", "b", "c"]]
    data = write_jsonl(tmp_path / "rows.jsonl", rows)
    out = tmp_path / "out.jsonl"
    with WorkerPool(1):  # warm the fork server so only scoring is timed
        pass
    run_cli("check", str(data), "--reward", "misbehave", "--format", "json")  # warm the process-wide pool
    started = time.monotonic()
    result = run_cli(
        "check", str(data), "--reward", "misbehave", "--option", "misbehave.timeout=1", "--output", str(out), "--format", "json"
    )
    elapsed = time.monotonic() - started
    assert elapsed < 1.0 + 1.0
    assert result.exit_code == 1  # a timeout is a failure on our side
    records = [json.loads(line) for line in out.read_text().splitlines()]
    assert [r["rewards"]["misbehave"]["verdict"] for r in records] == ["correct", "unverifiable", "correct", "correct"]
    assert records[1]["rewards"]["misbehave"]["reason"] == "timeout" and records[1]["rewards"]["misbehave"]["score"] is None


def test_crash_is_shown_with_its_plugin(tmp_path, run_cli):
    data = write_jsonl(tmp_path / "rows.jsonl", [{"completion": "crash"}, {"completion": "fine"}])
    result = run_cli("check", str(data), "--reward", "misbehave")
    assert result.exit_code == 1
    assert "crashed in reward 'misbehave' (plugin 'sample-plugin')" in result.output
    assert "boom on purpose" in result.output
    assert "FAILED" in result.output


def test_malformed_rows_are_named_and_the_rest_scored(tmp_path, run_cli):
    data = write_jsonl(
        tmp_path / "rows.jsonl",
        [{"completion": "4", "answer": "4"}],
        raw_lines=[
            '{"completion": "5", "answer": ',
            '{"prompt": "no completion here", "answer": "1"}',
            '{"completion": 3, "answer": "3"}',
            json.dumps({"completion": "7", "answer": "7"}),
        ],
    )
    out = tmp_path / "out.jsonl"
    result = run_cli("check", str(data), "--reward", "echo", "--output", str(out))
    assert result.exit_code == 1
    assert f"{data}:2: invalid JSON" in result.output
    assert f"{data}:3: missing required field (field 'completion')" in result.output
    assert f"{data}:4:" in result.output and "(field 'completion')" in result.output
    records = [json.loads(line) for line in out.read_text().splitlines()]
    assert [r["line"] for r in records] == [1, 2, 3, 4, 5]
    assert records[0]["rewards"]["echo"]["verdict"] == "correct" and records[4]["rewards"]["echo"]["verdict"] == "correct"
    assert records[1]["rewards"] == {} and "invalid JSON" in records[1]["error"]


def test_output_shape_and_json_summary(tmp_path, run_cli):
    rows = [{"prompt": "q", "completion": "4", "answer": "4"}, {"prompt": "q", "completion": "5", "answer": "4"}]
    data = write_jsonl(tmp_path / "rows.jsonl", rows)
    out = tmp_path / "out.jsonl"
    result = run_cli("check", str(data), "-r", "echo", "-r", "inline_crash:0.5", "--output", str(out), "--format", "json")
    assert result.exit_code == 0, result.output
    summary = json.loads(result.output)
    assert summary["rewards"]["echo"]["mean"] == 0.5 and summary["rewards"]["echo"]["verdicts"]["correct"] == 1
    assert summary["failed"] is False
    record = json.loads(out.read_text().splitlines()[1])
    assert set(record) == {"line", "rewards"}
    assert set(record["rewards"]["echo"]) == {"score", "verdict", "reason", "details", "seconds"}
    assert record["rewards"]["echo"]["details"]["answer"] == "5"


def test_default_rewards_are_those_whose_columns_exist(tmp_path, run_cli):
    rows = [{"completion": "4", "answer": "4"}, {"completion": "x"}]
    data = write_jsonl(tmp_path / "rows.jsonl", rows)
    out = tmp_path / "out.jsonl"
    result = run_cli("check", str(data), "--output", str(out), "--format", "json")
    records = [json.loads(line) for line in out.read_text().splitlines()]
    assert "echo" in records[0]["rewards"] and "echo" not in records[1]["rewards"]
    assert "echo" in json.loads(result.output)["rewards"]


def test_table_output_shows_verdicts_reasons_and_summary(tmp_path, run_cli):
    data = write_jsonl(tmp_path / "rows.jsonl", [{"prompt": "q", "completion": "5", "answer": "4"}])
    result = run_cli("check", str(data), "-r", "echo")
    assert result.exit_code == 0
    for text in ("verdicts per row", "incorrect 0.00", "differs from gold", "summary per reward", "sample-plugin", "OK"):
        assert text in result.output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["-r", "nope"], "unknown reward 'nope'"),
        (["-r", "echo", "-o", "echo.mode=fuzzy"], "'mode'"),
        (["-r", "echo", "-o", "misbehave.timeout=1"], "not a selected reward"),
        (["-r", "echo", "-o", "badoption"], "REWARD.KEY=VALUE"),
    ],
)
def test_usage_errors_exit_2_with_a_clear_message(tmp_path, run_cli, args, message):
    data = write_jsonl(tmp_path / "rows.jsonl", [{"completion": "4", "answer": "4"}])
    result = run_cli("check", str(data), *args)
    assert result.exit_code == 2
    assert message in result.output


def test_missing_file(tmp_path, run_cli):
    result = run_cli("check", str(tmp_path / "absent.jsonl"))
    assert result.exit_code == 2 and "no such file" in result.output


def test_json_and_parquet_inputs(tmp_path, run_cli):
    rows = [{"prompt": "q", "completion": "4", "answer": "4"}]
    (tmp_path / "rows.json").write_text(json.dumps(rows))
    assert run_cli("check", str(tmp_path / "rows.json"), "-r", "echo").exit_code == 0
    pq = pytest.importorskip("pyarrow.parquet")
    import pyarrow

    pq.write_table(pyarrow.Table.from_pylist(rows), tmp_path / "rows.parquet")
    assert run_cli("check", str(tmp_path / "rows.parquet"), "-r", "echo").exit_code == 0
