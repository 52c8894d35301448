"""The stdout comparator: checker-style tokens by default, exact lines as an option, linear time always."""

from __future__ import annotations

import time

import pytest
from grpo_rewards_code.compare import compare_output, decimal_number, normalize_lines


def test_tokens_ignore_trailing_whitespace_blank_lines_and_line_breaks():
    assert compare_output("1 2  \r\n3\n\n\n", "1 2\n3").ok
    assert compare_output("a\n\nb\n", "a\nb").ok  # a blank line between answers, as APPS and Codeforces accept
    assert compare_output("1\n2\n3", "1 2 3\n").ok
    assert compare_output("  3", "3").ok


def test_tokens_must_all_be_there_in_order():
    result = compare_output("3\n", "3\n4\n")
    assert not result.ok and result.reason == "expected 2 token(s), got 1"
    assert not compare_output("3\n4\n5\n", "3\n4\n").ok
    assert compare_output("1\n3\n", "1\n2\n").reason == "token 2: expected '2', got '3'"
    assert not compare_output("2 1", "1 2").ok
    assert not compare_output("", "0").ok and compare_output("", "\n\n").ok


def test_exact_mode_is_line_by_line():
    assert compare_output("1 2  \r\n3\n\n\n", "1 2\n3", mode="exact").ok
    assert normalize_lines("a\r\nb\rc \n\n") == ["a", "b", "c"]
    assert not compare_output(" 3", "3", mode="exact").ok
    assert not compare_output("a\n\nb", "a\nb", mode="exact").ok
    assert not compare_output("1 2", "1\n2", mode="exact").ok
    assert compare_output("3\n", "3\n4\n", mode="exact").reason == "expected 2 line(s), got 1"


def test_case():
    assert not compare_output("YES", "yes").ok
    assert compare_output("YES", "yes", ignore_case=True).ok
    assert compare_output("YES", "yes", mode="exact", ignore_case=True).ok


def test_float_tolerance_compares_numeric_tokens():
    assert not compare_output("0.3333", "0.333333").ok
    assert compare_output("0.3333", "0.333333", float_tolerance=1e-3).ok
    assert compare_output("x 1.0000001\ny", "x 1.0 y", float_tolerance=1e-6).ok
    assert not compare_output("x 1.1 y", "x 1.0 y", float_tolerance=1e-6).ok
    assert not compare_output("1.0 2.0", "1.0", float_tolerance=0.5).ok


def test_by_default_decimal_fractions_match_as_float_checkers_accept():
    """Absolute or relative error 1e-6, as Codeforces-style checkers and APPS's references need."""
    assert compare_output("1.6666666666666667\n", "1.666666666667\n").ok
    assert compare_output("1.5 2.5", "1.500000 2.500000000").ok
    assert compare_output("90.0", "90.000000").ok and compare_output("3", "3.000").ok
    assert compare_output("1234567.8912", "1234567.89").ok  # relative error below 1e-6
    assert compare_output("1e-7", "0.0000000").ok  # absolute error below 1e-6
    assert not compare_output("0.3334", "0.333333").ok
    assert not compare_output("1.5", "1.500000", float_tolerance=0).ok


def test_integer_tokens_never_get_a_tolerance():
    assert not compare_output("1000001", "1000000").ok
    assert not compare_output("1000000.5", "1000000").ok
    assert not compare_output("2.0", "2").ok
    assert not compare_output("1000001", "1000000", float_tolerance=0.5).ok


def test_float_tolerance_does_not_accept_words_or_nan():
    assert compare_output("nan", "nan ", float_tolerance=1.0).ok  # identical tokens match as text
    assert not compare_output("nan", "0", float_tolerance=1e9).ok
    assert not compare_output("inf", "1e400", float_tolerance=1.0).ok
    assert not compare_output("abc", "abd", float_tolerance=1.0).ok


@pytest.mark.parametrize(
    ("token", "value"),
    [("1", 1.0), ("-1.5", -1.5), (".5", 0.5), ("5.", 5.0), ("+2e3", 2000.0), ("1E-2", 0.01)]
    + [(t, None) for t in ("", ".", "e5", "1e", "1e+", "+.e1", "1.2.3", "--1", "nan", "inf", "0x10", "1_000", "1e400")],
)
def test_decimal_numbers(token, value):
    assert decimal_number(token) == value


def test_a_long_token_costs_linear_time():
    """30 KB made the old regular expression take 13 s; measure 30 KB and 300 KB and compare."""

    def seconds(size: int) -> float:
        got, expected = "1" * size + ".5x", "1" * size + ".5y"
        started = time.perf_counter()
        for _ in range(20):
            assert not compare_output(got, expected, float_tolerance=1e-6).ok
        return time.perf_counter() - started

    small, large = seconds(30_000), seconds(300_000)
    assert large < 100 * max(small, 1e-4), (small, large)  # quadratic would be 100x; linear is about 10x


def test_fake_summary_does_not_match():
    assert not compare_output("10 passed\n", "42\n").ok
