"""`check --format json` and `check --output -`: standard output holds only our JSON, whatever else writes to fd 1.

A real plugin, installed as a distribution and run by `grpo-rewards check` in a
process of its own, prints when imported and, for every sample, through
Python's ``print``, a raw ``os.write(1, ...)`` and C's ``printf`` (buffered by
libc), both in the pool's worker processes and inline in the check process.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

NOISY = """
import ctypes
import os

import grpo_rewards
from grpo_rewards import Manifest, Reward, Verdict

print("noisy plugin imported")


class Noisy(Reward):
    name = "noisy"
    manifest = Manifest(default_timeout=60.0)

    def score(self, sample, prepared):
        print("noisy print in", self.name)
        os.write(1, f"noisy os.write in {self.name}\\n".encode())
        ctypes.CDLL(None).printf(f"noisy printf in {self.name}\\n".encode())
        return Verdict.correct() if sample.completion == "yes" else Verdict.incorrect()


class NoisyInline(Noisy):
    name = "noisy_inline"
    manifest = Manifest(isolation="inline")


@grpo_rewards.hookimpl
def register_rewards(register):
    register(Noisy)
    register(NoisyInline)
"""

ROWS = [{"prompt": f"p{i}", "completion": "yes" if i % 2 == 0 else "no"} for i in range(6)]


@pytest.fixture
def check(fake_distribution, tmp_path):
    site = fake_distribution("grpo-rewards-noisy", "noisy", "grpo_noisy_plugin", NOISY)
    rows = tmp_path / "rows.jsonl"
    rows.write_text("".join(json.dumps(r) + "\n" for r in ROWS))
    env = {**os.environ, "PYTHONPATH": str(site), "COLUMNS": "200"}

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        command = [sys.executable, "-c", "from grpo_rewards.cli import main; main()", "check", str(rows)]
        command += ["-r", "noisy", "-r", "noisy_inline", *args]
        return subprocess.run(command, env=env, capture_output=True, text=True, timeout=600)

    return run


def assert_noise_went_to_stderr(done: subprocess.CompletedProcess[str]) -> None:
    assert "noisy plugin imported" in done.stderr and "noisy plugin" not in done.stdout
    for reward in ("noisy", "noisy_inline"):
        for how in ("print", "os.write", "printf"):
            assert f"noisy {how} in {reward}" in done.stderr, f"{how} of {reward} did not reach stderr:\n{done.stderr}"
            assert f"noisy {how}" not in done.stdout


def test_json_summary_is_all_of_stdout(check):
    done = check("--format", "json")
    assert done.returncode == 0, done.stderr
    summary = json.loads(done.stdout)  # any stray byte on stdout would break this
    assert summary["rewards"]["noisy"]["mean"] == summary["rewards"]["noisy_inline"]["mean"] == 0.5
    assert_noise_went_to_stderr(done)


def test_rows_on_stdout_are_every_line_of_it(check):
    done = check("--output", "-")
    assert done.returncode == 0, done.stderr
    records = [json.loads(line) for line in done.stdout.splitlines()]
    assert [r["line"] for r in records] == list(range(1, len(ROWS) + 1))
    assert [r["rewards"]["noisy"]["verdict"] for r in records] == ["correct", "incorrect"] * 3
    assert_noise_went_to_stderr(done)
    assert "summary per reward" in done.stderr  # the table goes to stderr too


def test_rows_and_json_summary_on_stdout_keep_the_summary_on_stderr(check):
    done = check("--output", "-", "--format", "json")
    assert done.returncode == 0, done.stderr
    assert len([json.loads(line) for line in done.stdout.splitlines()]) == len(ROWS)
    assert_noise_went_to_stderr(done)


def test_the_guard_puts_stdout_back_when_the_block_ends():
    script = """
import os
from grpo_rewards.cli.stdout_guard import stdout_to_stderr
os.write(1, b"before ")
with stdout_to_stderr() as out:
    os.write(1, b"library ")
    print("print", flush=True)
    out.write(b"ours ")
os.write(1, b"after")
"""
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert (done.stdout, done.stderr) == ("before ours after", "library print\n")
