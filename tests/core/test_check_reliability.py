"""`check` when the caller, the input or a reward misbehaves: nothing done is lost, nothing hostile is fatal, no quiet success."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from grpo_test_rewards import SamplePlugin

from grpo_rewards.cli import build_cli

SUPPORT = Path(__file__).resolve().parents[1] / "support"
SAMPLE_MODULE = """
import grpo_rewards
from grpo_test_rewards import Echo, Misbehave

@grpo_rewards.hookimpl
def register_rewards(register):
    register(Echo)
    register(Misbehave)
"""


@pytest.fixture
def run_cli(register_plugin):
    register_plugin(SamplePlugin(), name="sample-plugin")

    def run(*args: str, input: bytes | None = None):
        return CliRunner().invoke(build_cli(), list(args), input=input, catch_exceptions=False, env={"COLUMNS": "200"})

    return run


@pytest.fixture
def check_process(fake_distribution, tmp_path):
    """Start `grpo-rewards check ARGS` as its own process, with the sample rewards installed as a plugin."""
    site = fake_distribution("grpo-rewards-sample", "sample-plugin", "grpo_sample_plugin", SAMPLE_MODULE)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(site), str(SUPPORT)]), "COLUMNS": "200"}
    started: list[subprocess.Popen[bytes]] = []

    def start(*args: str) -> subprocess.Popen[bytes]:
        code = "from grpo_rewards.cli import main; main()"
        proc = subprocess.Popen(
            [sys.executable, "-c", code, "check", *args], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE
        )
        started.append(proc)
        return proc

    yield start
    for proc in started:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()


def write_jsonl(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    return path


def read_lines(path: Path) -> list[dict]:
    data = path.read_bytes()
    assert data == b"" or data.endswith(b"\n"), "the output ends in the middle of a line"
    return [json.loads(line) for line in data.splitlines()]


def wait_for_lines(path: Path, count: int, proc: subprocess.Popen[bytes], seconds: float = 240) -> None:
    deadline = time.monotonic() + seconds
    while not (path.exists() and path.read_bytes().count(b"\n") >= count):
        if proc.poll() is not None:
            pytest.fail(f"check ended early: {proc.communicate()}")
        if time.monotonic() > deadline:
            pytest.fail(f"the output never reached {count} lines")
        time.sleep(0.1)


def slow_rows(count: int = 600, sleeper: int = 300) -> list[dict]:
    return [{"completion": "sleep" if i == sleeper else f"ok {i}"} for i in range(count)]


# ----------------------------------------------------------------------------- streaming, kills, resume


def test_a_killed_check_keeps_every_row_it_finished_and_resume_scores_only_the_rest(tmp_path, check_process):
    data, out = write_jsonl(tmp_path / "rows.jsonl", slow_rows()), tmp_path / "out.jsonl"
    proc = check_process(str(data), "-r", "misbehave", "-o", "misbehave.timeout=600", "--output", str(out))
    wait_for_lines(out, 256, proc)  # the first block is written while the second hangs on its 'sleep' row
    proc.kill()
    proc.communicate()
    first = read_lines(out)
    assert [r["line"] for r in first] == list(range(1, len(first) + 1)) and 256 <= len(first) < 300
    assert all(r["rewards"]["misbehave"]["verdict"] == "correct" for r in first)

    proc = check_process(str(data), "-r", "misbehave", "-o", "misbehave.timeout=1", "--output", str(out), "--resume")
    _, stderr = proc.communicate(timeout=600)
    assert proc.returncode == 1, stderr  # the sleeper times out: a failure on our side
    assert f"resuming: {len(first)} rows already in" in stderr.decode()
    final = read_lines(out)
    assert [r["line"] for r in final] == list(range(1, 601))  # each row exactly once, in input order
    assert final[: len(first)] == first
    assert final[300]["rewards"]["misbehave"]["reason"] == "timeout"


@pytest.mark.parametrize(("how", "code"), [(signal.SIGINT, 130), (signal.SIGTERM, 143)], ids=["ctrl-c", "sigterm"])
def test_an_interrupt_exits_with_128_plus_the_signal_and_a_partial_summary(tmp_path, check_process, how, code):
    data, out = write_jsonl(tmp_path / "rows.jsonl", slow_rows()), tmp_path / "out.jsonl"
    proc = check_process(str(data), "-r", "misbehave", "-o", "misbehave.timeout=600", "--output", str(out))
    wait_for_lines(out, 256, proc)
    proc.send_signal(how)
    stdout, stderr = proc.communicate(timeout=120)
    assert proc.returncode == code
    assert "summary per reward" in stdout.decode()
    written = read_lines(out)
    assert "interrupted: " in stderr.decode() and f"{out} holds every row up to" in stderr.decode()
    assert "--resume" in stderr.decode()
    assert [r["line"] for r in written] == list(range(1, len(written) + 1))


# ----------------------------------------------------------------------------- hostile text


def test_lone_surrogates_and_control_characters_survive_output_and_tables(tmp_path, run_cli):
    hostile = ["\ud800", "a\x1b[2Jb", "\udfff\u202eevil", "nul\x00here"]
    rows = [{"prompt": "p", "completion": text, "answer": text} for text in hostile]
    data = tmp_path / "rows.jsonl"
    data.write_text("".join(json.dumps(r) + "\n" for r in rows))  # json.dumps escapes them: legal JSON
    out = tmp_path / "out.jsonl"
    result = run_cli("check", str(data), "-r", "echo", "--output", str(out), "--show", "all")
    assert result.exit_code == 0, result.output
    records = read_lines(out)
    assert [r["rewards"]["echo"]["details"]["answer"] for r in records] == [t.strip() for t in hostile]
    assert "\\ud800" in result.output and "\\x1b" in result.output and "\\u202e" in result.output
    assert "\x1b[2J" not in result.output and "\u202e" not in result.output
    summary = run_cli("check", str(data), "-r", "echo", "--format", "json")
    assert json.loads(summary.stdout)["rewards"]["echo"]["verdicts"]["correct"] == 4


def test_invalid_utf8_is_one_bad_row_with_its_line(tmp_path, run_cli):
    lines = [json.dumps({"completion": "4", "answer": "4"}).encode()] * 1000
    lines[899] = b'{"completion": "4\xff", "answer": "4"}'
    data = tmp_path / "rows.jsonl"
    data.write_bytes(b"\n".join(lines) + b"\n")
    out = tmp_path / "out.jsonl"
    result = run_cli("check", str(data), "-r", "echo", "--output", str(out), "--format", "json")
    assert result.exit_code == 1
    summary = json.loads(result.stdout)
    assert summary["rewards"]["echo"]["count"] == 999 and [b["line"] for b in summary["bad_rows"]] == [900]
    records = read_lines(out)
    assert len(records) == 1000 and "not UTF-8" in records[899]["error"]


# ----------------------------------------------------------------------------- no quiet successes


def test_no_rows_is_a_failure(tmp_path, run_cli):
    (tmp_path / "empty.jsonl").write_text("\n\n")
    result = run_cli("check", str(tmp_path / "empty.jsonl"), "-r", "echo")
    assert result.exit_code == 1 and "has no rows" in result.output


def test_no_reward_that_applies_is_a_failure(tmp_path, monkeypatch):
    from grpo_test_rewards import Echo

    import grpo_rewards
    from grpo_rewards import plugins

    class EchoOnly:
        @grpo_rewards.hookimpl
        def register_rewards(self, register):
            register(Echo)  # needs an 'answer' column

    manager = plugins.PluginManager()
    manager.load(builtins=False, entry_points=False)  # format and repetition would apply to any row
    manager.register(EchoOnly(), name="echo-only")
    monkeypatch.setattr(plugins, "_manager", manager)
    data = write_jsonl(tmp_path / "rows.jsonl", [{"completion": "x", "unrelated": 1}])
    result = CliRunner().invoke(build_cli(), ["check", str(data)], env={"COLUMNS": "200"})
    assert result.exit_code == 1 and "no reward applies to these rows: nothing was scored" in result.output


def test_unreadable_parquet_is_a_clear_failure(tmp_path, run_cli):
    (tmp_path / "rows.parquet").write_bytes(b"PAR1 definitely not parquet PAR1")
    result = run_cli("check", str(tmp_path / "rows.parquet"), "-r", "echo")
    assert result.exit_code == 1
    assert "not a readable Parquet file" in result.output and "Traceback" not in result.output


def test_a_code_dataset_whose_tests_are_missing_or_malformed_on_every_row_fails(tmp_path, register_plugin):
    pytest.importorskip("grpo_rewards_code")
    rows = [
        {"prompt": "p1", "completion": "```python\nprint(1)\n```"},
        {"prompt": "p2", "completion": "```python\nprint(2)\n```", "tests": "[not json"},
        {"prompt": "p3", "completion": "```python\nprint(3)\n```", "tests": [{"input": "1"}]},
    ]
    data = write_jsonl(tmp_path / "rows.jsonl", rows)
    result = CliRunner().invoke(build_cli(), ["check", str(data), "-r", "code"], env={"COLUMNS": "200"})
    assert result.exit_code == 1, result.output
    assert "reward 'code' (plugin 'code') could not use the data of any of its 3 rows" in result.output
    assert "no_tests 1" in result.output and "bad_tests 2" in result.output


# ----------------------------------------------------------------------------- where the output goes


def test_output_to_a_missing_folder_is_created_and_a_folder_is_refused_before_scoring(tmp_path, run_cli):
    data = write_jsonl(tmp_path / "rows.jsonl", [{"completion": "4", "answer": "4"}])
    nested = tmp_path / "new" / "deeper" / "out.jsonl"
    assert run_cli("check", str(data), "-r", "echo", "--output", str(nested)).exit_code == 0
    assert read_lines(nested)[0]["rewards"]["echo"]["verdict"] == "correct"
    result = run_cli("check", str(data), "-r", "echo", "--output", str(tmp_path))
    assert result.exit_code == 2 and "is a folder" in result.output and "summary per reward" not in result.output


def test_output_dash_writes_the_rows_to_stdout_and_everything_else_to_stderr(tmp_path, run_cli):
    data = write_jsonl(tmp_path / "rows.jsonl", [{"completion": "4", "answer": "4"}, {"completion": "5", "answer": "4"}])
    result = run_cli("check", str(data), "-r", "echo", "--output", "-")
    assert result.exit_code == 0
    assert [json.loads(line)["rewards"]["echo"]["verdict"] for line in result.stdout.splitlines()] == ["correct", "incorrect"]
    assert "summary per reward" in result.stderr
    assert not (tmp_path / "-").exists()


def test_stdin_and_grouped_rows(tmp_path, run_cli):
    grouped = [{"prompt": "q", "completions": ["4", "5", "4"], "answer": "4"}]
    body = "".join(json.dumps(r) + "\n" for r in grouped).encode()
    out = tmp_path / "out.jsonl"
    result = run_cli("check", "-", "-r", "echo", "--output", str(out), input=body)
    assert result.exit_code == 0, result.output
    records = read_lines(out)
    assert [(r["line"], r["completion_index"], r["rewards"]["echo"]["verdict"]) for r in records] == [
        (1, 0, "correct"),
        (1, 1, "incorrect"),
        (1, 2, "correct"),
    ]
    assert "1[1]" in result.output  # the table names the completion


def test_dataset_folders_and_splits(tmp_path, run_cli, monkeypatch):
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    datasets = pytest.importorskip("datasets")
    train = datasets.Dataset.from_list([{"completion": "4", "answer": "4"}])
    test = datasets.Dataset.from_list([{"completion": "5", "answer": "4"}] * 2)
    datasets.DatasetDict({"train": train, "test": test}).save_to_disk(str(tmp_path / "saved"))
    result = run_cli("check", str(tmp_path / "saved"), "-r", "echo", "--split", "test", "--format", "json")
    assert json.loads(result.stdout)["rewards"]["echo"]["verdicts"]["incorrect"] == 2


def test_named_columns(tmp_path, run_cli):
    data = write_jsonl(tmp_path / "rows.jsonl", [{"question": "q", "response": "4", "answer": "4"}])
    result = run_cli("check", str(data), "-r", "echo", "--prompt-column", "question", "--completion-column", "response")
    assert result.exit_code == 0 and "correct 1.00" in result.output


# ----------------------------------------------------------------------------- --fail-on


@pytest.mark.parametrize(
    ("conditions", "code", "said"),
    [
        ((), 0, None),
        (("incorrect",), 1, "--fail-on incorrect: echo: incorrect 1"),
        (("unverifiable,incorrect",), 1, "echo: incorrect 1"),
        (("incorrect>50%",), 0, None),
        (("incorrect>=25%",), 1, "echo: incorrect 1 of 4 (25.0%)"),
        (("echo.mean<0.8",), 1, "echo: mean 0.750"),
        (("mean<0.5", "timeout"), 0, None),
    ],
)
def test_fail_on(tmp_path, run_cli, conditions, code, said):
    rows = [{"completion": c, "answer": "4"} for c in ("4", "4", "4", "5")]
    data = write_jsonl(tmp_path / "rows.jsonl", rows)
    flags = [part for c in conditions for part in ("--fail-on", c)]
    result = run_cli("check", str(data), "-r", "echo", *flags)
    assert result.exit_code == code, result.output
    if said:
        assert said in result.output


@pytest.mark.parametrize("bad", ["incorrect>>1", "mean", "nope.incorrect", "Incorrect"])
def test_fail_on_that_does_not_parse_is_a_usage_error(tmp_path, run_cli, bad):
    data = write_jsonl(tmp_path / "rows.jsonl", [{"completion": "4", "answer": "4"}])
    result = run_cli("check", str(data), "-r", "echo", "--fail-on", bad)
    assert result.exit_code == 2 and "--fail-on" in result.output
