"""When partial credit is refused: constants, echoes, and passing only the prompt's examples (credit.py)."""

from __future__ import annotations

from grpo_rewards_code.credit import Answer, partial_credit_refused, stdio_answer, visible_tests
from grpo_rewards_code.formats import AssertTests, HumanEvalTests, StdioCase, StdioTests
from grpo_rewards_code.lint import lint_rows
from grpo_rewards_code.options import CodeOptions
from grpo_rewards_code.outcome import SampleOutcome, TestResult, to_verdict


def answer(given: str, value: str, echo: bool = False) -> tuple[Answer, ...]:
    return (Answer(given, value, echo),)


def test_an_mbpp_prompt_shows_its_asserts_whitespace_aside():
    tests = AssertTests(('assert remove_Occ("hello","l") == "heo"', "assert remove_Occ('abcda', 'a') == 'bcd'"))
    prompt = 'Remove first and last occurrence.\nYour code should pass this test:\nassert remove_Occ( "hello", "l" )=="heo"'
    assert visible_tests(tests, prompt) == (True, False)
    assert visible_tests(tests, "") == (False, False)


def test_a_statement_shows_its_sample_case():
    tests = StdioTests((StdioCase("2\n1 2\n3 4\n", "3\n7\n"), StdioCase("1\n10 20\n", "30\n"), StdioCase("1 2\n", "5\n")))
    prompt = "Sum pairs.\n\nInput\n\n2\n1 2\n3 4\n\nOutput\n\n3\n7\n"
    # the third case's input is in the prompt (inside the first) but its output "5" is not
    assert visible_tests(tests, prompt) == (True, False, False)
    assert visible_tests(StdioTests((StdioCase("12\n", "3\n"),)), "x 112 y 3") == (False,)  # whole tokens only


UNIQUE_PROMPT = (
    'def unique(l: list):\n    """Return sorted unique elements in a list\n'
    '    >>> unique([5, 3, 5, 2, 3, 3, 9, 0, 123])\n    [0, 2, 3, 5, 9, 123]\n    """\n'
)
UNIQUE_TEST = (
    "def check(candidate):\n    assert candidate([5, 3, 5, 2, 3, 3, 9, 0, 123]) == [0, 2, 3, 5, 9, 123]\n"
    "    assert candidate([]) == []\n"
)


def test_a_humaneval_docstring_shows_the_asserts_it_gives_as_examples():
    assert visible_tests(HumanEvalTests(UNIQUE_TEST, "unique"), UNIQUE_PROMPT) == (True, False)
    quoted = HumanEvalTests("def check(c):\n    assert c(\"ab\") == 'ba'\n    assert c('x') == 'x'\n", "rev")
    assert visible_tests(quoted, ">>> rev('ab')\n    \"ba\"") == (True, False)


def test_check_lints_rows_whose_every_test_the_prompt_shows():
    """HumanEval/34 (unique) tests only its docstring example: a lookup table scores 1.0 there."""
    only_example = UNIQUE_TEST.split("    assert candidate([])")[0]
    rows = [
        {"__line__": 1, "prompt": UNIQUE_PROMPT, "test": only_example, "entry_point": "unique"},
        {"__line__": 2, "prompt": UNIQUE_PROMPT, "test": UNIQUE_TEST, "entry_point": "unique"},
        {"__line__": 3, "prompt": "Sum.\nInput\n1 2\nOutput\n3", "tests": [{"input": "1 2\n", "output": "3\n"}]},
    ]
    messages = lint_rows(rows, CodeOptions())
    assert [m.split(":")[0] for m in messages] == ["line 1", "line 3"]
    assert "lookup table" in messages[0]


def test_a_constant_or_an_echo_on_the_hidden_tests_earns_no_partial_credit():
    constant = [TestResult("ok", answers=answer("a", "7")), TestResult("wrong_answer", answers=answer("b", "7"))]
    assert "same answer" in partial_credit_refused(constant, ())
    echo = [TestResult("ok", answers=answer("a", "x", True)), TestResult("wrong_answer", answers=answer("b", "y", True))]
    assert "gave back" in partial_credit_refused(echo, ())
    real = [TestResult("ok", answers=answer("a", "7")), TestResult("wrong_answer", answers=answer("b", "8"))]
    assert partial_credit_refused(real, ()) is None


def test_one_input_says_nothing_about_constancy():
    same_input = [TestResult("ok", answers=answer("a", "7")), TestResult("wrong_answer", answers=answer("a", "7"))]
    assert partial_credit_refused(same_input, ()) is None


def test_passing_only_shown_tests_earns_nothing_and_a_lookup_table_is_judged_on_hidden_tests():
    shown_only = [TestResult("ok", answers=answer("a", "3")), TestResult("wrong_answer", answers=answer("b", "0"))]
    assert "shown in the prompt" in partial_credit_refused(shown_only, (True, False))
    # visible answers vary (a lookup table), but every hidden test gets the same guess
    table = [
        TestResult("ok", answers=answer("a", "3")),
        TestResult("ok", answers=answer("b", "0")),
        TestResult("wrong_answer", answers=answer("c", "0")),
    ]
    assert "same answer" in partial_credit_refused(table, (True, False, False))


def test_tests_that_do_not_count_are_left_out():
    results = [
        TestResult("ok", counted=False, answers=answer("a", "7")),
        TestResult("ok", answers=answer("b", "8")),
        TestResult("wrong_answer", answers=answer("c", "9")),
    ]
    assert partial_credit_refused(results, ()) is None


def test_the_verdict_says_why_and_full_passes_are_untouched():
    results = (TestResult("ok", answers=answer("a", "7")), TestResult("wrong_answer", answers=answer("b", "7")))
    verdict = to_verdict(SampleOutcome("asserts", results), code="def f(x): return 7")
    assert verdict.score == 0.0 and "no partial credit" in verdict.reason
    assert "same answer" in verdict.details["partial_refused"]
    both = (TestResult("ok", answers=answer("a", "7")), TestResult("ok", answers=answer("b", "7")))
    assert to_verdict(SampleOutcome("asserts", both), code="", visible=(True, True)).score == 1.0


def test_stdio_answers_compare_tokens():
    assert stdio_answer("1 2\n", "1  2") == stdio_answer("1\n2", "1 2\n\n")
    assert stdio_answer("1 2\n", "1  2").echo and not stdio_answer("1 2", "3").echo
