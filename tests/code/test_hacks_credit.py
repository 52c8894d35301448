"""Hacks that collect per-test credit without solving the task, against the real Docker sandbox.

Stubs, constants, echoes and lookup tables of the prompt's examples each pass
some tests of an assert list or a stdin/stdout row (before credit.py each
earned 0.25-0.5 here). Each must score 0; the honest solution 1; and a
program that really computes but is wrong on some inputs keeps its partial
credit.
"""

# ruff: noqa: E501 - the hack table reads best one hack per line
from __future__ import annotations

import pytest

import grpo_rewards
from grpo_rewards import Sample

ADD_PROMPT = "Write a function add(a, b) that returns a + b.\nYour code should pass this test:\nassert add(1, 2) == 3"
ADD = {
    "tests": [
        "assert add(1, 2) == 3",
        "assert add(0, 0) == 0",
        "assert add(-5, 10) == 5",
        "assert add(7, 7) == 14",
        "assert add(0, 7) == 7",
    ]
}
EVEN = {"tests": ["assert is_even(2) == True", "assert is_even(3) == False", "assert is_even(10)", "assert not is_even(7)"]}
COMMON = {
    "tests": [
        "assert set(common([1,2,3],[2,3,4])) == set([2,3])",
        "assert sorted(common([5],[5])) == [5]",
        "assert not common([1],[2])",
        "assert common([4, 6], [4, 6]) == [4, 6]",
    ]
}
SORT = {
    "tests": [
        "xs = [3, 1, 2]\nsort_it(xs)\nassert xs == [1, 2, 3]",
        "ys = []\nsort_it(ys)\nassert ys == []",
        "zs = [1, 2]\nsort_it(zs)\nassert zs == [1, 2]",
        "ws = [2, 1]\nsort_it(ws)\nassert ws == [1, 2]",
    ]
}
STDIO_PROMPT = "For each of t pairs print a+b.\n\nExample\nInput\n2\n1 2\n3 4\nOutput\n3\n7\n"
STDIO = {
    "tests": [
        {"input": "2\n1 2\n3 4\n", "output": "3\n7\n"},
        {"input": "1\n10 20\n", "output": "30\n"},
        {"input": "1\n0 0\n", "output": "0\n"},
        {"input": "2\n-1 1\n5 5\n", "output": "0\n10\n"},
        {"input": "1\n0 7\n", "output": "7\n"},
    ]
}
YES_NO = {"tests": [{"input": f"{n}\n", "output": ("YES" if n % 2 == 0 else "NO") + "\n"} for n in (2, 3, 4, 5, 9)]}

#: (row, prompt, honest solution, {hack name: code})
PROBLEMS = {
    "add": (
        ADD,
        ADD_PROMPT,
        "def add(a, b):\n    return a + b",
        {
            "stub: pass": "def add(a, b):\n    pass",
            "stub: ...": "def add(a, b):\n    ...",
            "constant 0": "def add(a, b):\n    return 0",
            "constant 7": "def add(a, b):\n    return 7",
            "echo the first argument": "def add(a, b):\n    return a",
            "echo the last argument": "def add(*args):\n    return args[-1]",
            "lookup table of the prompt's example": "def add(a, b):\n    return {(1, 2): 3}.get((a, b), 0)",
            "lookup table, else echo": "def add(a, b):\n    return {(1, 2): 3}.get((a, b), b)",
        },
    ),
    "even": (
        EVEN,
        "Write a function is_even(n).",
        "def is_even(n):\n    return n % 2 == 0",
        {
            "stub: pass": "def is_even(n):\n    pass",
            "constant True": "def is_even(n):\n    return True",
            "constant False": "def is_even(n):\n    return False",
        },
    ),
    "common": (
        COMMON,
        "Write a function common(a, b) returning the shared elements.",
        "def common(a, b):\n    return [x for x in a if x in b]",
        {
            "stub: pass": "def common(a, b):\n    pass",
            "constant []": "def common(a, b):\n    return []",
            "echo the first argument": "def common(a, b):\n    return a",
        },
    ),
    "sort in place": (
        SORT,
        "Write a function sort_it(xs) that sorts xs in place.",
        "def sort_it(xs):\n    xs.sort()",
        {"stub: pass": "def sort_it(xs):\n    pass", "stub: return the list": "def sort_it(xs):\n    return xs"},
    ),
    "stdio sums": (
        STDIO,
        STDIO_PROMPT,
        "t = int(input())\nfor _ in range(t):\n    a, b = map(int, input().split())\n    print(a + b)",
        {
            "print nothing": "pass",
            "constant 0": "print(0)",
            "print the example's answer": "print(3)\nprint(7)",
            "lookup table of the example": "import sys\ndata = sys.stdin.read()\nprint('3\\n7' if data.split() == ['2', '1', '2', '3', '4'] else 0)",
            "echo the input": "import sys\nprint(sys.stdin.read())",
        },
    ),
    "stdio yes/no": (
        YES_NO,
        "Print YES if n is even, else NO.",
        "print('YES' if int(input()) % 2 == 0 else 'NO')",
        {"constant YES": "print('YES')", "constant NO": "print('NO')"},
    ),
}

#: Wrong but really computing: they keep their partial credit.
PARTIAL = {
    "add": ("def add(a, b):\n    return a + b if a >= 0 else a - b", 0.8),
    "stdio sums": (
        "t = int(input())\nfor _ in range(t):\n    a, b = map(int, input().split())\n    print(a + b if b != 5 else 0)",
        0.8,
    ),
    "stdio yes/no": ("n = int(input())\nprint('YES' if n % 2 == 0 or n == 9 else 'NO')", 0.8),
}


def _fence(code: str) -> str:
    return f"Here you go:\n\n```python\n{code}\n```\n"


def _items() -> list[tuple[str, str, str]]:
    items = [(problem, "honest", honest) for problem, (_, _, honest, _) in PROBLEMS.items()]
    items += [(problem, name, code) for problem, (_, _, _, hacks) in PROBLEMS.items() for name, code in hacks.items()]
    items += [(problem, "partial", code) for problem, (code, _) in PARTIAL.items()]
    return items


@pytest.fixture(scope="module")
def scored(docker_sandbox):
    reward = grpo_rewards.load_plugins().registry.create("code", {"test_timeout": 2.0, "timeout": 10.0})
    items = _items()
    samples = [Sample(_fence(code), prompt=PROBLEMS[p][1], row=PROBLEMS[p][0]) for p, _, code in items]
    verdicts = grpo_rewards.score_samples(reward, samples, plugin="code")
    return {(problem, name): verdict for (problem, name, _), verdict in zip(items, verdicts, strict=True)}


@pytest.mark.docker
@pytest.mark.parametrize("problem", list(PROBLEMS))
def test_honest_solutions_score_one(scored, problem):
    assert scored[(problem, "honest")].score == 1.0, scored[(problem, "honest")]


@pytest.mark.docker
@pytest.mark.parametrize(("problem", "hack"), [(p, h) for p, (_, _, _, hacks) in PROBLEMS.items() for h in hacks])
def test_hack_scores_zero(scored, problem, hack):
    verdict = scored[(problem, hack)]
    assert verdict.kind == "incorrect" and verdict.score == 0.0, verdict
    assert verdict.details["trust"] == "full"


@pytest.mark.docker
def test_the_refusal_says_why(scored):
    assert "does not depend on its input" in scored[("add", "constant 7")].details["partial_refused"]
    assert "shown in the prompt" in scored[("stdio sums", "print the example's answer")].details["partial_refused"]
    assert scored[("stdio sums", "lookup table of the example")].details["shown_in_prompt"] == [0]


@pytest.mark.docker
@pytest.mark.parametrize("problem", list(PARTIAL))
def test_a_wrong_program_that_computes_keeps_its_partial_credit(scored, problem):
    verdict = scored[(problem, "partial")]
    assert verdict.kind == "partial" and verdict.score == pytest.approx(PARTIAL[problem][1]), verdict
