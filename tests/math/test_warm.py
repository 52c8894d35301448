"""The math worker warm-up: importing ``grpo_rewards_math.warm`` (in the reward's preload) runs the LaTeX parser once."""

from __future__ import annotations

import subprocess
import sys

from grpo_rewards_math.reward import MathReward
from grpo_rewards_math.warm import WARM_CASES, warm

_DFA_STATES = (
    "from latex2sympy2_extended.antlr_parser import PSParser\n"
    "def states():\n"
    "    return sum(len(d._states) for d in PSParser.decisionsToDFA)\n"
)


def test_every_pool_worker_imports_the_warm_up():
    assert "grpo_rewards_math.warm" in MathReward.manifest.preload


def test_the_warm_up_scores_its_cases_as_expected():
    assert warm() == [expected for _, _, expected in WARM_CASES]
    assert {"correct", "incorrect"} <= set(warm())


def test_importing_it_builds_the_parsers_prediction_tables():
    code = _DFA_STATES + "before = states()\nimport grpo_rewards_math.warm\nprint(before, states())\n"
    printed = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    before, after = map(int, printed.split())
    assert before == 0
    assert after > 0
