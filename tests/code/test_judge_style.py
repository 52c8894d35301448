"""Correct programs that judges accept and the reward used to fail, against the real Docker sandbox.

Each was a false negative on an APPS- or MBPP-shaped reference
(``bench/bench_references.py``): a float printed with other digits than the
judge's file, an output past 1 MiB, an integer of more than 4,300 digits, one
of more than 1,024 bytes returned from a function, a ``__future__`` import
before them. Wrong answers next to them still fail.
"""

from __future__ import annotations

import math

import pytest

import grpo_rewards
from grpo_rewards import Sample

BIG = list(range(10**9, 10**9 + 300_000))


def _stdio(inputs: list[str], outputs: list[str]) -> dict:
    return {"tests": [{"input": i, "output": o} for i, o in zip(inputs, outputs, strict=True)]}


CASES = {
    # (row, program, expected score)
    "float printed with Python's repr, judge has 12 digits": (
        _stdio(["3\n1 2 2\n", "2\n1 2\n"], ["1.666666666667\n", "1.500000000000\n"]),
        "n = int(input())\nprint(sum(map(int, input().split())) / n)",
        1.0,
    ),
    "float off by more than 1e-6": (
        _stdio(["3\n1 2 2\n"], ["1.666666666667\n"]),
        "n = int(input())\nprint(round(sum(map(int, input().split())) / n, 3))",
        0.0,
    ),
    "integer answers get no tolerance": (_stdio(["1000000\n"], ["1000000\n"]), "print(int(input()) + 1)", 0.0),
    "2.3 MB of output": (
        _stdio([f"{len(BIG)}\n"], ["\n".join(map(str, BIG)) + "\n"]),
        "import sys\nn = int(input())\nsys.stdout.write('\\n'.join(str(10**9 + i) for i in range(n)) + '\\n')",
        1.0,
    ),
    "flooding past twice the expected output": (
        _stdio(["1\n"], ["1\n"]),
        "import sys\nsys.stdout.write('1 ' * 2_000_000)",
        0.0,
    ),
    "print 10 ** 6000 (6,001 digits)": (_stdio(["6000\n"], ["1" + "0" * 6000 + "\n"]), "print(10 ** int(input()))", 1.0),
    "a __future__ import before a big integer": (
        _stdio(["6000\n"], ["1" + "0" * 6000 + "\n"]),
        '"""Doc."""\nfrom __future__ import annotations\n\nprint(10 ** int(input()))',
        1.0,
    ),
    "Windows line endings in the input and the judge's output": (
        _stdio(["2\r\nabc\r\nxy\r\n"], ["cba\r\nyx\r\n"]),
        "for _ in range(int(input())):\n    print(input()[::-1])",
        1.0,
    ),
    "factorial(1000) returned (1,067 bytes)": (
        {
            "tests": [
                "assert factorial(5) == 120",
                f"assert factorial(1000) == {math.factorial(1000)}",
                "assert len(str(factorial(1000))) == 2568",
            ]
        },
        "def factorial(n):\n    r = 1\n    for i in range(2, n + 1):\n        r *= i\n    return r",
        1.0,
    ),
    "NumPy scalars returned (numpy.float64, numpy.int64, numpy.bool_)": (
        {"tests": ["assert mean([1, 2, 3]) == 2.0", "assert total([1, 2, 3]) == 6", "assert positive([1, -1]) == False"]},
        "import numpy as np\ndef mean(xs):\n    return np.mean(xs)\ndef total(xs):\n    return np.sum(xs)\n"
        "def positive(xs):\n    return np.all(np.array(xs) > 0)",
        1.0,
    ),
    "a big integer that is wrong": (
        {"tests": [f"assert factorial(1000) == {math.factorial(1000)}"]},
        "def factorial(n):\n    r = 1\n    for i in range(2, n + 1):\n        r *= i\n    return r + 1",
        0.0,
    ),
}


@pytest.fixture(scope="module")
def scored(docker_sandbox):
    reward = grpo_rewards.load_plugins().registry.create("code", {})
    samples = [Sample(f"```python\n{code}\n```", prompt="", row=row) for row, code, _ in CASES.values()]
    verdicts = grpo_rewards.score_samples(reward, samples, plugin="code")
    return dict(zip(CASES, verdicts, strict=True))


@pytest.mark.docker
@pytest.mark.parametrize("case", list(CASES))
def test_judge_style_verdicts(scored, case):
    assert scored[case].score == CASES[case][2], scored[case]


@pytest.mark.docker
def test_a_flood_is_an_output_limit_not_a_wrong_answer(scored):
    assert scored["flooding past twice the expected output"].details["statuses"] == {"output_limit": 1}
