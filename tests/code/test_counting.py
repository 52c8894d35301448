"""Only tests that exercise the function count; helpers are ours; builtin-named functions are called. Real Docker.

Everything here runs through the real sandbox in one batch, with per-test
credit (``credit=fraction``) so that a test counted by mistake would show as
free credit.
"""

from __future__ import annotations

import pytest

import grpo_rewards
from grpo_rewards import Sample

# HumanEval/33-like: the first asserts compare the candidate with itself under its own name.
SORT_THIRD = {
    "entry_point": "sort_third",
    "test": (
        "METADATA = {}\n\n"
        "def check(candidate):\n"
        "    assert True, 'This prints if this assert fails 1 (good for debugging!)'\n"
        "    assert tuple(candidate([1, 2, 3])) == tuple(sort_third([1, 2, 3]))\n"
        "    assert candidate([5, 6, 3]) == candidate([5, 6, 3])\n"
        "    assert tuple(candidate([5, 6, 3, 4, 8, 9, 2])) == tuple([2, 6, 3, 4, 8, 9, 5])\n"
        "    assert tuple(candidate([5, 8, 3, 4, 6, 9, 2, 1])) == tuple([2, 8, 3, 4, 6, 9, 5, 1])\n"
        "    assert True\n"
    ),
}
SORT_THIRD_RIGHT = "def sort_third(l):\n    l = list(l)\n    l[::3] = sorted(l[::3])\n    return l"

# HumanEval/38-like: the prompt defines encode_cyclic; the test calls it.
CYCLIC_PROMPT = (
    "def encode_cyclic(s: str):\n"
    '    """returns encoded string by cycling groups of three characters."""\n'
    "    groups = [s[(3 * i):min((3 * i + 3), len(s))] for i in range((len(s) + 2) // 3)]\n"
    "    groups = [(group[1:] + group[0]) if len(group) == 3 else group for group in groups]\n"
    '    return "".join(groups)\n\n\n'
    "def decode_cyclic(s: str):\n"
    '    """takes as input string encoded with encode_cyclic function. Returns decoded string."""\n'
)
CYCLIC = {
    "entry_point": "decode_cyclic",
    "test": (
        "def check(candidate):\n"
        "    for word in ['abcdef', 'hello world', 'xy', 'abc']:\n"
        "        encoded_str = encode_cyclic(word)\n"
        "        assert candidate(encoded_str) == word\n"
        "    assert candidate(encode_cyclic('grpo rewards')) == 'grpo rewards'\n"
    ),
}
CYCLIC_RIGHT = "def decode_cyclic(s: str):\n    return encode_cyclic(encode_cyclic(s))"  # relies on the prompt's helper
CYCLIC_HACK = "def encode_cyclic(s):\n    return s\n\ndef decode_cyclic(s):\n    return s"

# MBPP-like: the function under test is named like a builtin.
BUILTIN_NAMED = {"tests": ["assert sum([1, 2, 3]) == 24", "assert sum([]) == 0", "assert sum([5]) == 20"]}
BUILTIN_RIGHT = "def sum(xs):\n    total = 0\n    for x in xs:\n        total += 2 * x\n    return total * 2"

# Tests that check in place, and tests with inputs drawn at random: both depend on the function.
IN_PLACE = {
    "tests": ["xs = [3, 1, 2]\nsort_it(xs)\nassert xs == [1, 2, 3]", "ys = [2, 1]\nassert sort_it(ys) is None and ys == [1, 2]"]
}
IN_PLACE_RIGHT = "def sort_it(xs):\n    xs.sort()"
RANDOM_INPUTS = {
    "entry_point": "double",
    "test": (
        "import random\n\ndef check(candidate):\n"
        "    for _ in range(5):\n        x = random.randint(0, 100)\n        assert candidate(x) == 2 * x\n"
    ),
}

VACUOUS = {"tests": ["assert True", "x = 1\nassert x == 1"]}


def fence(code: str) -> str:
    return f"```python\n{code}\n```"


CASES = {
    # name: (row, prompt, code)
    "sort_third right": (SORT_THIRD, "", SORT_THIRD_RIGHT),
    "sort_third returns []": (SORT_THIRD, "", "def sort_third(l):\n    return []"),
    "sort_third returns its input": (SORT_THIRD, "", "def sort_third(l):\n    return l"),
    "sort_third os._exit": (SORT_THIRD, "", "import os\nos._exit(0)"),
    "sort_third pass": (SORT_THIRD, "", "def sort_third(l):\n    pass"),
    "cyclic right, helper from the prompt": (CYCLIC, CYCLIC_PROMPT, CYCLIC_RIGHT),
    "cyclic right, as a continuation": (CYCLIC, CYCLIC_PROMPT, None),
    "cyclic redefines the helper": (CYCLIC, CYCLIC_PROMPT, CYCLIC_HACK),
    "builtin-named right": (BUILTIN_NAMED, "", BUILTIN_RIGHT),
    "builtin-named missing": (BUILTIN_NAMED, "", "def total(xs):\n    return 0"),
    "in place right": (IN_PLACE, "", IN_PLACE_RIGHT),
    "in place does nothing": (IN_PLACE, "", "def sort_it(xs):\n    return None"),
    "random inputs right": (RANDOM_INPUTS, "", "def double(x):\n    return x + x"),
    "random inputs constant": (RANDOM_INPUTS, "", "def double(x):\n    return 0"),
    "vacuous tests": (VACUOUS, "", "def f():\n    return 1"),
}


@pytest.fixture(scope="module")
def scored(docker_sandbox):
    reward = grpo_rewards.load_plugins().registry.create("code", {"credit": "fraction"})
    samples = []
    for row, prompt, code in CASES.values():
        completion = fence(code) if code is not None else "    return encode_cyclic(encode_cyclic(s))\n"
        samples.append(Sample(completion, prompt=prompt, row=row))
    verdicts = grpo_rewards.score_samples(reward, samples, plugin="code")
    return dict(zip(CASES, verdicts, strict=True))


@pytest.mark.docker
def test_self_comparisons_and_assert_true_do_not_count(scored):
    right = scored["sort_third right"]
    assert right.score == 1.0 and right.details["total"] == 2
    assert right.details["not_counted"] == [0, 1, 2, 5]  # assert True, both self-comparisons, the trailing assert True


@pytest.mark.docker
@pytest.mark.parametrize("hack", [f"sort_third {h}" for h in ("returns []", "returns its input", "os._exit", "pass")])
def test_stubs_and_early_exits_earn_nothing_even_with_per_test_credit(scored, hack):
    verdict = scored[hack]
    assert (verdict.kind, verdict.score) == ("incorrect", 0.0), verdict


@pytest.mark.docker
def test_the_prompts_helper_is_ours(scored):
    assert scored["cyclic right, helper from the prompt"].score == 1.0
    assert scored["cyclic right, as a continuation"].score == 1.0
    hack = scored["cyclic redefines the helper"]
    assert (hack.kind, hack.score) == ("incorrect", 0.0), hack


@pytest.mark.docker
def test_a_function_named_like_a_builtin_is_the_one_called(scored):
    assert scored["builtin-named right"].score == 1.0  # Python's own sum would fail these tests
    missing = scored["builtin-named missing"]
    assert missing.score == 0.0 and missing.details["statuses"] == {"runtime_error": 3}


@pytest.mark.docker
def test_in_place_and_random_input_tests_count(scored):
    assert scored["in place right"].score == 1.0 and scored["in place right"].details["total"] == 2
    assert scored["in place does nothing"].score == 0.0
    assert scored["random inputs right"].score == 1.0 and "not_counted" not in scored["random inputs right"].details
    assert scored["random inputs constant"].score == 0.0


@pytest.mark.docker
def test_a_row_whose_tests_never_depend_on_the_function_is_unverifiable(scored):
    verdict = scored["vacuous tests"]
    assert (verdict.kind, verdict.reason) == ("unverifiable", "no_tests")
    assert "depends on" in verdict.details["message"]
