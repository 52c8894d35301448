"""Reading the three test formats from a row's columns."""

from __future__ import annotations

import json

import pytest
from grpo_rewards_code.formats import AssertTests, HumanEvalTests, StdioTests, TestsError, read_tests, spec_fingerprint


def test_stdio_cases():
    spec = read_tests({"tests": [{"input": "1\n", "output": "2\n"}]})
    assert isinstance(spec, StdioTests) and spec.cases[0].input == "1\n" and spec.cases[0].output == "2\n"


def test_stdio_from_json_string_and_apps_layout():
    spec = read_tests({"tests": json.dumps({"inputs": ["1", "2"], "outputs": ["a", "b"]})})
    assert isinstance(spec, StdioTests) and [c.output for c in spec.cases] == ["a", "b"]


def test_apps_call_based_cases_are_not_read_as_stdin():
    """APPS's fn_name problems hold arguments: read as stdin, their lists would be joined into nonsense input."""
    row = {"tests": json.dumps({"fn_name": "add", "inputs": [["1", "2"]], "outputs": [["12"]]})}
    with pytest.raises(TestsError, match="call-based") as info:
        read_tests(row)
    assert info.value.reason == "bad_tests" and "assert list" in str(info.value)


def test_assert_list_with_setup():
    spec = read_tests({"tests": ["assert f(1) == 2"], "test_setup": "import math"})
    assert spec == AssertTests(("assert f(1) == 2",), "import math")


def test_humaneval_columns():
    spec = read_tests({"test": "def check(candidate):\n    assert candidate(1)\n", "entry_point": "f", "tests": []})
    assert isinstance(spec, HumanEvalTests) and spec.entry_point == "f"


def test_every_column_name_is_an_option():
    row = {"cases": [{"input": "", "output": "x"}], "t": "def check(c): pass", "fn": "g"}
    assert isinstance(read_tests(row, tests_column="cases"), StdioTests)
    assert isinstance(read_tests(row, test_column="t", entry_point_column="fn"), HumanEvalTests)


def test_forced_format_rejects_the_other_list_shape():
    with pytest.raises(TestsError, match="list of"):
        read_tests({"tests": ["assert f()"]}, format="stdio")


@pytest.mark.parametrize(
    ("row", "reason"),
    [
        ({}, "no_tests"),
        ({"tests": []}, "no_tests"),
        ({"tests": "[not json"}, "bad_tests"),
        ({"tests": [{"input": "1"}]}, "bad_tests"),
        ({"tests": [1, 2]}, "bad_tests"),
        ({"test": "def check(c): pass", "entry_point": "not a name"}, "bad_tests"),
    ],
)
def test_missing_and_malformed_tests(row, reason):
    with pytest.raises(TestsError) as info:
        read_tests(row)
    assert info.value.reason == reason


def test_fingerprint_changes_with_any_test():
    a = read_tests({"tests": [{"input": "1", "output": "2"}]})
    b = read_tests({"tests": [{"input": "1", "output": "3"}]})
    assert spec_fingerprint(a) != spec_fingerprint(b)
    assert spec_fingerprint(a) == spec_fingerprint(read_tests({"tests": [{"input": "1", "output": "2"}]}))
