"""Workers never re-run the caller's script: training scripts are often unguarded."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

SUPPORT = Path(__file__).resolve().parents[1] / "support"

UNGUARDED = """
import sys
sys.path.insert(0, {support!r})
from grpo_rewards import Manifest, Reward, Sample, Verdict, score_samples
from grpo_test_rewards import Echo

print("script ran", flush=True)

class LocalReward(Reward):
    name = "local"
    manifest = Manifest(default_timeout=5.0)

    def score(self, sample, prepared):
        return Verdict.correct()

print(score_samples(Echo(), [Sample("4", row={{"answer": "4"}})])[0].kind)
local = score_samples(LocalReward(), [Sample("x")])[0]
print(local.kind, local.reason, local.details["message"])
"""


def test_an_unguarded_script_runs_once_and_main_module_rewards_fail_clearly(tmp_path):
    script = tmp_path / "train.py"
    script.write_text(textwrap.dedent(UNGUARDED.format(support=str(SUPPORT))))
    result = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines.count("script ran") == 1, result.stdout
    assert lines[1] == "correct"
    assert lines[2].startswith("unverifiable crash") and "importable module" in lines[2]
