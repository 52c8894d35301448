"""Each test format against the real sandbox: a correct solution scores 1, a wrong one 0, a partly right one the fraction.

Also: ``grpo-rewards check --reward code`` on the bundled examples, and the TRL reward-function contract.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import grpo_rewards
from grpo_rewards import Sample
from grpo_rewards.testing import check_reward_contract

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "code.jsonl"

STDIO = {"tests": [{"input": f"{n}\n", "output": "\n".join(str(i) for i in range(1, n + 1)) + "\n"} for n in (1, 2, 3, 4)]}
ASSERTS = {
    "tests": ["assert square(2) == 4", "assert square(-3) == 9", "assert square(0) == 0", "assert square(10) == 100"],
    "test_setup": "import math",
}
HUMANEVAL = {
    "entry_point": "pairs",
    "test": "def check(candidate):\n"
    "    assert candidate([1, 2, 3]) == [(1, 2), (2, 3)]\n"
    "    assert candidate([]) == []\n"
    "    assert candidate([5]) == []\n"
    "    assert candidate(['a', 'b']) == [('a', 'b')]\n",
}

SOLUTIONS = {
    # (row, correct, wrong, partial (score))
    "stdio": (
        STDIO,
        "n = int(input())\nfor i in range(1, n + 1):\n    print(i)",
        "n = int(input())\nprint(n + 1)",
        ("n = int(input())\nfor i in range(1, min(n, 2) + 1):\n    print(i)", 0.5),
    ),
    "asserts": (
        ASSERTS,
        "def square(x):\n    return x * x",
        "def square(x):\n    return x * x + 1",
        ("def square(x):\n    return abs(x) * 2 if x < 0 else x * x", 0.75),
    ),
    "humaneval": (
        HUMANEVAL,
        "def pairs(xs):\n    return list(zip(xs, xs[1:]))",
        "def pairs(xs):\n    return [list(p) for p in zip(xs, xs[1:])] or None",
        ("def pairs(xs):\n    return [list(p) for p in zip(xs, xs[1:])]", 0.5),
    ),
}


def fence(code: str) -> str:
    return f"```python\n{code}\n```"


@pytest.fixture(scope="module")
def scored(docker_sandbox):
    manager = grpo_rewards.load_plugins()
    reward = manager.registry.create("code", {"credit": "fraction"})
    samples, keys = [], []
    for fmt, (row, right, wrong, (partial, _)) in SOLUTIONS.items():
        for label, code in (("correct", right), ("wrong", wrong), ("partial", partial)):
            samples.append(Sample(fence(code), prompt=fmt, row=row))
            keys.append((fmt, label))
    return dict(zip(keys, grpo_rewards.score_samples(reward, samples, plugin="code"), strict=True))


@pytest.mark.docker
@pytest.mark.parametrize("fmt", list(SOLUTIONS))
def test_correct_wrong_and_partial(scored, fmt):
    partial_score = SOLUTIONS[fmt][3][1]
    assert (scored[(fmt, "correct")].kind, scored[(fmt, "correct")].score) == ("correct", 1.0)
    assert (scored[(fmt, "wrong")].kind, scored[(fmt, "wrong")].score) == ("incorrect", 0.0)
    assert (scored[(fmt, "partial")].kind, scored[(fmt, "partial")].score) == ("partial", partial_score)
    details = scored[(fmt, "partial")].details
    assert details["format"] == fmt and details["trust"] == "full"
    assert details["passed"] == round(partial_score * details["total"])
    assert details["failures"][0]["status"] == "wrong_answer"


EXPECTED_EXAMPLES = {  # line: (verdict, score)
    1: ("correct", 1.0),
    2: ("partial", 0.25),
    3: ("correct", 1.0),  # extra spaces between words: checker-style comparison accepts them
    4: ("incorrect", 0.0),
    5: ("incorrect", 0.0),
    6: ("correct", 1.0),
    7: ("partial", 0.6),
    8: ("incorrect", 0.0),
    9: ("partial", 2 / 3),
    10: ("correct", 1.0),
    11: ("correct", 1.0),
    12: ("incorrect", 0.0),
    13: ("correct", 1.0),
    14: ("incorrect", 0.0),  # 3/4 asserts of a HumanEval row: all or nothing
    15: ("incorrect", 0.0),
    16: ("correct", 1.0),
}


@pytest.mark.docker
def test_humaneval_rows_are_all_or_nothing_by_default(docker_sandbox):
    manager = grpo_rewards.load_plugins()
    row, right, _, (partial, _) = SOLUTIONS["humaneval"]
    samples = [Sample(fence(code), prompt="p", row=row) for code in (right, partial)]
    for credit, scores in (("auto", [1.0, 0.0]), ("fraction", [1.0, 0.5])):
        reward = manager.registry.create("code", {"credit": credit})
        verdicts = grpo_rewards.score_samples(reward, samples, plugin="code")
        assert [v.score for v in verdicts] == scores
        assert verdicts[1].details["passed"] == 2 and verdicts[1].details["credit"] == ("all" if credit == "auto" else "fraction")
    asserts_row, _, _, (asserts_partial, score) = SOLUTIONS["asserts"]
    reward = manager.registry.create("code")
    (verdict,) = grpo_rewards.score_samples(reward, [Sample(fence(asserts_partial), prompt="p", row=asserts_row)], plugin="code")
    assert verdict.score == score  # assert lists keep per-test credit by default


@pytest.mark.docker
def test_check_scores_the_bundled_examples_with_reasons(tmp_path, docker_sandbox):
    out = tmp_path / "out.jsonl"
    command = [
        sys.executable,
        "-c",
        "from grpo_rewards.cli import main; main()",
        "check",
        str(EXAMPLES),
        "--reward",
        "code",
        "--output",
        str(out),
    ]
    done = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    records = {r["line"]: r["rewards"]["code"] for r in map(json.loads, out.read_text().splitlines())}
    assert {line: (v["verdict"], v["score"]) for line, v in records.items()} == EXPECTED_EXAMPLES
    assert all(v["reason"] for v in records.values())
    assert records[5]["reason"] == "no_code"
    assert records[16]["details"]["trust"] == "reduced"
    assert "1 sample(s) scored with reduced trust" in done.stdout.replace("\n", " ")


@pytest.mark.docker
def test_trl_reward_function_contract(docker_sandbox):
    rows = [STDIO, ASSERTS, HUMANEVAL]
    completions = [fence(SOLUTIONS["stdio"][1]), fence(SOLUTIONS["asserts"][2]), fence(SOLUTIONS["humaneval"][3][0])]
    columns = {key: [row.get(key) for row in rows] for key in ("tests", "test_setup", "test", "entry_point")}
    scores = check_reward_contract("code", prompts=["a", "b", "c"], completions=completions, columns=columns)
    assert scores == [1.0, 0.0, 0.0]  # the HumanEval row passes 2/4: all or nothing
