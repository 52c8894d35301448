"""Model text and model values cannot break the batch or stall our side; more kinds of value cross. Real Docker.

One batch holds the hostile samples and honest ones: the honest ones must be
scored normally, and each hostile one gets its own verdict.
"""

from __future__ import annotations

import pytest

import grpo_rewards
from grpo_rewards import Sample

ADD = {"tests": [{"input": "1 2\n", "output": "3\n"}, {"input": "5 5\n", "output": "10\n"}]}
ADD_RIGHT = "```python\na, b = map(int, input().split())\nprint(a + b)\n```"
ADD_HE = {"entry_point": "add", "test": "def check(candidate):\n    assert candidate(1, 2) == 3\n"}
MODULUS = (1 << 61) - 1

FLOOD = {"tests": ["assert set(ints()) == {7}", "assert one() == 1"]}
FLOOD_CODE = f"def ints():\n    return [7 + {MODULUS} * i for i in range(60000)]\n\ndef one():\n    return 1"

VALUES = {
    "tests": [
        "assert root(-4) == 2j",
        "assert counts('abca') == collections.Counter({'a': 2, 'b': 1, 'c': 1})",
        "assert ordered() == collections.OrderedDict([('b', 1), ('a', 2)])",
        "assert list(ordered()) == ['b', 'a']",
        "assert groups([1, 2, 3])['odd'] == [1, 3]",
        "assert window([1, 2, 3, 4]) == collections.deque([3, 4], maxlen=2)",
        "assert is_word('hello')",
        "assert not is_word('123')",
        "assert is_word('x1') is not None",
        "assert list(squares(4)) == [0, 1, 4, 9]",
        "assert total(collections.Counter('aab')) == 3",
        "assert half(3) == fractions.Fraction(3, 2)",
    ]
}
VALUES_CODE = """
import collections, fractions, re

def root(x):
    return complex(0, abs(x) ** 0.5)

def counts(s):
    return collections.Counter(s)

def ordered():
    return collections.OrderedDict([('b', 1), ('a', 2)])

def groups(xs):
    out = collections.defaultdict(list)
    for x in xs:
        out['odd' if x % 2 else 'even'].append(x)
    return out

def window(xs):
    return collections.deque(xs, maxlen=2)

def is_word(s):
    return re.match(r'[a-z]+', s)

def squares(n):
    return (i * i for i in range(n))

def total(counter):
    return sum(counter.values())

def half(n):
    return fractions.Fraction(n, 2)
"""

HOSTILE = {
    "tests": [
        "assert sum(span()) == 0",
        "assert int(huge_decimal()) == 1",
        "assert big() % 7 == 1",
        "assert one() == 1",
        "for i in range(40):\n    assert len(blob(i)) == 3 << 20",
    ]
}
HOSTILE_CODE = """
import decimal

def span():
    return range(10 ** 18)

def huge_decimal():
    return decimal.Decimal("1e999999999")

def big():
    return 1 << (1 << 22)

def one():
    return 1

def blob(i):
    return chr(97 + i % 26) * (3 << 20)
"""


def fence(code: str) -> str:
    return f"```python\n{code}\n```"


CASES = {
    "3,000 minus signs": (ADD, "-" * 3000, "p"),
    "3,000 minus signs and a digit": (ADD, "-" * 3000 + "1", "p"),
    "3,000 minus signs as a continuation": (ADD_HE, "-" * 3000 + "1", "def add(a, b):\n"),
    "a million nested brackets": (ADD, "[" * 1_000_000, "p"),
    "honest stdio": (ADD, ADD_RIGHT, "p"),
    "honest continuation": (ADD_HE, "    return a + b\n", "def add(a, b):\n"),
    "60,000 hash-colliding ints": (FLOOD, fence(FLOOD_CODE), "p"),
    "values beyond the codec": (VALUES, fence(VALUES_CODE), "p"),
    "values our test code cannot compute on": (HOSTILE, fence(HOSTILE_CODE), "p"),
}


@pytest.fixture(scope="module")
def scored(docker_sandbox):
    reward = grpo_rewards.load_plugins().registry.create("code", {"credit": "fraction"})
    samples = [Sample(completion, prompt=prompt, row=row) for row, completion, prompt in CASES.values()]
    verdicts = grpo_rewards.score_samples(reward, samples, plugin="code")
    return dict(zip(CASES, verdicts, strict=True))


@pytest.mark.docker
@pytest.mark.parametrize("name", [n for n in CASES if "minus" in n or "brackets" in n])
def test_degenerate_text_is_that_samples_no_code_or_failure(scored, name):
    verdict = scored[name]
    assert verdict.kind in ("incorrect",) and verdict.score == 0.0, verdict


@pytest.mark.docker
def test_honest_samples_in_the_same_batch_are_scored(scored):
    assert scored["honest stdio"].score == 1.0
    assert scored["honest continuation"].score == 1.0


@pytest.mark.docker
def test_a_hash_flood_fails_its_test_only(scored):
    verdict = scored["60,000 hash-colliding ints"]
    assert verdict.score == 0.5, verdict
    failure = verdict.details["failures"][0]
    assert failure["status"] == "runtime_error" and "one hash" in failure["message"]


@pytest.mark.docker
def test_standard_containers_numbers_and_truth_values_cross(scored):
    verdict = scored["values beyond the codec"]
    assert verdict.score == 1.0, verdict.details.get("failures")
    assert verdict.details["trust"] == "full"


@pytest.mark.docker
def test_values_too_big_to_compute_on_fail_their_test_quickly(scored):
    """sum(range(10**18)) or int(Decimal('1e999999999')) would be one C call our CPU clock cannot stop."""
    verdict = scored["values our test code cannot compute on"]
    assert verdict.kind == "partial" and verdict.score == 0.2, verdict
    messages = [f["message"] for f in verdict.details["failures"]]
    assert "range of more than" in messages[0] and "exponent past" in messages[1] and "bits" in messages[2]


@pytest.mark.docker
def test_answers_past_64_mib_fail_the_rest_without_running(scored):
    verdict = scored["values our test code cannot compute on"]
    assert verdict.details["statuses"]["output_limit"] == 1
    assert verdict.details["executions"] < 4 + 40
