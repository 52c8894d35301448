"""bench/bench_train.py end to end on the CPU with the ``tiny`` stand-in of the 1.5b/3b/7b presets."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow
pytest.importorskip("trl")

BENCH = Path(__file__).resolve().parents[2] / "bench" / "bench_train.py"


def _bench(out: Path, work: Path, *extra: str) -> str:
    command = [sys.executable, str(BENCH), "--out", str(out), "--work", str(work), "--preset", "tiny", "--warmup", "1"]
    done = subprocess.run([*command, *extra], capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout


def _records(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text().splitlines()]


def test_a_plan_runs_records_every_step_and_resumes(tmp_path):
    out, work = tmp_path / "out", tmp_path / "work"
    printed = _bench(out, work, "--plan", "trl:16bit=12x2,8x2")
    steps = _records(out / "steps.jsonl")
    assert [(s["run"], s["step"]) for s in steps] == [("tiny-trl-16bit-12", 1), ("tiny-trl-16bit-12", 2)] + [
        ("tiny-trl-16bit-8", 1),
        ("tiny-trl-16bit-8", 2),
    ]
    assert all(s["reward"] > 0 and s["generation"] > 0 and s["seconds"] >= s["generation"] + s["reward"] for s in steps)
    assert all(s["completions/mean_length"] <= s["tokens"] for s in steps)
    starts = [r for r in _records(out / "runs.jsonl") if r["event"] == "start"]
    assert [r["run"] for r in starts] == ["tiny-trl-16bit-12", "tiny-trl-16bit-8"]
    assert all(r["async_reward_funcs"] and r["calculate_rewards_gathers"] for r in starts)
    assert starts[0]["params"] > 0 and 0 < starts[0]["trainable_params"] < starts[0]["params"]
    summary = (out / "summary.md").read_text()
    assert "| | trl 16bit 8 | trl 16bit 12 |" in summary and "| reward share |" in summary
    assert summary.strip() in printed
    again = _bench(out, work, "--plan", "trl:16bit=12x2,8x2")
    assert "already done" in again and len(_records(out / "steps.jsonl")) == 4


def test_a_group_that_cannot_start_before_the_deadline_is_listed_as_not_run(tmp_path):
    import time

    out = tmp_path / "out"
    _bench(out, tmp_path / "work", "--plan", "trl:16bit=8x2", "--stop-at", str(time.time() + 5), "--min-group-s", "60")
    assert not (out / "steps.jsonl").exists()
    assert "- not run: tiny-trl-16bit-8 (skipped: not enough time left)" in (out / "summary.md").read_text()
