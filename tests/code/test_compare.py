"""The stdout comparator: defined normalisation, exact line count, no leniency."""

from __future__ import annotations

from grpo_rewards_code.compare import compare_output, normalize_lines


def test_trailing_whitespace_final_newline_and_crlf_are_normalised():
    assert compare_output("1 2  \r\n3\n\n\n", "1 2\n3").ok
    assert normalize_lines("a\r\nb\rc \n\n") == ["a", "b", "c"]


def test_exact_line_count_no_prefix_or_zip_leniency():
    result = compare_output("3\n", "3\n4\n")
    assert not result.ok and "expected 2 line(s), got 1" in result.reason
    assert not compare_output("3\n4\n5\n", "3\n4\n").ok


def test_leading_whitespace_inner_blank_lines_and_case_matter():
    assert not compare_output(" 3", "3").ok
    assert not compare_output("a\n\nb", "a\nb").ok
    assert not compare_output("YES", "yes").ok
    assert compare_output("YES", "yes", ignore_case=True).ok


def test_float_tolerance_compares_tokens():
    assert not compare_output("0.3333", "0.333333").ok
    assert compare_output("0.3333", "0.333333", float_tolerance=1e-3).ok
    assert compare_output("x 1.0000001 y", "x 1 y", float_tolerance=1e-6).ok
    assert not compare_output("x 1.1 y", "x 1 y", float_tolerance=1e-6).ok
    assert not compare_output("1.0 2.0", "1.0", float_tolerance=0.5).ok


def test_float_tolerance_does_not_accept_words_or_nan():
    assert compare_output("nan", "nan ", float_tolerance=1.0).ok  # identical tokens match as text
    assert not compare_output("nan", "0", float_tolerance=1e9).ok
    assert not compare_output("inf", "1e400", float_tolerance=1.0).ok
    assert not compare_output("abc", "abd", float_tolerance=1.0).ok


def test_wrong_line_reason_names_the_line():
    result = compare_output("1\n2\n", "1\n3\n")
    assert result.reason == "line 2: expected '3', got '2'"


def test_fake_summary_does_not_match():
    assert not compare_output("10 passed\n", "42\n").ok
