"""The math reward as users meet it: discovery, options, verdicts with reasons, lint, the TRL contract."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from grpo_rewards_math import MathOptions, MathReward

from grpo_rewards import ConfigError, Group, Sample, WorkerPool, load_plugins, score_samples
from grpo_rewards.testing import check_reward_contract

from .conftest import score

ROOT = Path(__file__).resolve().parents[2]


def test_installed_plugin_registers_math() -> None:
    registered = load_plugins().registry.get("math")
    assert registered.reward_cls is MathReward
    assert registered.distribution == "grpo-rewards-math"


def test_importing_the_plugin_imports_nothing_heavy() -> None:
    heavy = "('sympy', 'math_verify', 'latex2sympy2_extended')"
    code = f"import sys, grpo_rewards_math.plugin; print(sorted(m for m in {heavy} if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_gold_column_option_renames_the_required_column(math_pool: WorkerPool) -> None:
    reward = load_plugins().registry.create("math", {"gold_column": "solution"})
    assert reward.required_columns() == ("solution",)
    verdicts = score(math_pool, [(r"We get \boxed{7}.", r"so \boxed{7}")], gold_column="solution")
    assert verdicts[0].kind == "correct"


def test_bad_options_are_config_errors_naming_the_option() -> None:
    with pytest.raises(ConfigError, match="mode"):
        load_plugins().registry.create("math", {"mode": "loose"})
    with pytest.raises(ConfigError, match="tolerance"):
        load_plugins().registry.create("math", {"tolerance": "2"})


def test_verdicts_carry_reasons_and_the_extracted_answer(scorer) -> None:
    rows = [
        ("5", r"\boxed{5}"),
        ("5", r"\boxed{6}"),
        ("5", "I tried factoring.\nThen I gave up on it."),
        ("5", r"\boxed{5} or \boxed{6}"),
        (r"\frac{1}{", r"\boxed{5}"),
    ]
    verdicts = scorer(rows)
    assert [(v.kind, v.reason) for v in verdicts] == [
        ("correct", ""),
        ("incorrect", "wrong_answer"),
        ("incorrect", "no_answer"),
        ("incorrect", "hedged"),
        ("unverifiable", "gold_unparseable"),
    ]
    assert verdicts[1].answer == "6" and verdicts[1].details["gold"] == "5"
    assert verdicts[4].score is None


def test_strict_mode_reads_only_boxed_answers(scorer) -> None:
    rows = [("5", "The answer is 5."), ("5", r"Thus \boxed{5}.")]
    assert [v.kind for v in scorer(rows, mode="strict")] == ["incorrect", "correct"]
    assert [v.kind for v in scorer(rows, mode="lenient")] == ["correct", "correct"]


def test_multiple_boxed_policies(scorer) -> None:
    corrected = ("6", r"\boxed{5}, no wait: \boxed{6}")
    hedge = ("6", r"It is \boxed{5} or \boxed{6}.")
    together = ("-4, 2", r"The roots are \boxed{-4} and \boxed{2}.")
    rows = [corrected, hedge, together]
    assert [(v.kind, v.reason) for v in scorer(rows)] == [("correct", ""), ("incorrect", "hedged"), ("correct", "")]
    assert [v.reason for v in scorer(rows, multiple_boxed="reject")] == ["hedged", "hedged", "hedged"]
    assert [v.kind for v in scorer(rows, multiple_boxed="last")] == ["correct", "correct", "incorrect"]


def test_tolerance_applies_to_decimals_only(scorer) -> None:
    rows = [(r"\frac{1}{3}", r"\boxed{0.3333}"), ("1000", r"\boxed{1001}")]
    assert [v.kind for v in scorer(rows)] == ["incorrect", "incorrect"]
    assert [v.kind for v in scorer(rows, tolerance=1e-3)] == ["correct", "incorrect"]


def test_prepare_reads_the_gold_once_per_group_and_whole() -> None:
    reward = MathReward(MathOptions())
    gold = reward.prepare(Group("g", "p", {"answer": r"2\sqrt{5}-1"}, ()))
    assert gold.ok and str(gold.answer.parsed()) == "-1 + 2*sqrt(5)"
    assert reward.prepare(Group("h", "q", {"answer": r"2\sqrt{5}-1"}, ())) is gold  # cached in the worker


def test_lint_names_lines_of_unparseable_truncated_and_multi_boxed_golds() -> None:
    rows = [
        {"answer": r"\frac{3}{2", "__line__": 3},
        {"answer": r"\frac{3}{2", "__line__": 4},
        {"answer": r"2\sqrt{5}-1", "__line__": 7},
        {"answer": r"so \boxed{3} and later \boxed{4}", "__line__": 9},
        {"answer": "42", "__line__": 11},
    ]
    messages = MathReward(MathOptions()).lint(rows)
    assert len(messages) == 3, messages
    assert messages[0].startswith("lines 3, 4: ") and "does not parse" in messages[0]
    assert messages[1].startswith("line 7: ") and "shorter than itself" in messages[1] and "'2'" in messages[1]
    assert messages[2].startswith("line 9: ") and "2 different" in messages[2]


def test_trl_contract() -> None:
    scores = check_reward_contract(
        "math",
        prompts=["2+3?", "2+3?", "half of 1?"],
        completions=[r"<think>2+3</think> \boxed{5}", r"\boxed{6}", r"\boxed{0.5}"],
        columns={"answer": ["5", "5", r"\frac{1}{2}"]},
    )
    assert scores == [1.0, 0.0, 1.0]


def test_check_scores_the_bundled_examples_with_reasons_and_lint() -> None:
    cli = Path(sys.executable).with_name("grpo-rewards")
    run = subprocess.run(
        [str(cli), "check", str(ROOT / "examples" / "math.jsonl"), "--reward", "math", "--format", "json"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    summary = json.loads(run.stdout)
    assert run.returncode == 0, run.stderr
    math = summary["rewards"]["math"]
    assert math["verdicts"]["correct"] > 0 and math["verdicts"]["incorrect"] > 0
    assert math["unverifiable"] == {"gold_unparseable": 2}
    assert any("does not parse" in m for m in summary["lint"]["math"])


def test_a_choice_gold_is_met_by_its_option_value_when_the_question_lists_options(math_pool: WorkerPool) -> None:
    question = "What is 2 + 2?\n(A) 3 (B) 4 (C) 5 (D) 6"
    completions = [r"\boxed{4}", r"\boxed{B}", r"\boxed{5}", "The answer is (C).", "I'm sure it is B, not A or D."]
    samples = [Sample(c, prompt=question, row={"answer": "B"}) for c in completions]
    verdicts = score_samples(MathReward(MathOptions()), samples, plugin="math", pool=math_pool)
    assert [v.kind for v in verdicts] == ["correct", "correct", "incorrect", "incorrect", "correct"]


def test_a_sentence_with_several_values_reads_the_one_the_question_did_not_give(math_pool: WorkerPool) -> None:
    completion = "Jamal is 3 x 12 = 36 years old now.\n\nJamal will be 42 years old in 6 years."
    rows = [{"answer": "42", "problem": "Jamal is 3 times as old as his 12-year-old cousin. How old will he be in 6 years?"}]
    samples = [Sample(completion, row=rows[0]), Sample(completion.replace("42", "43"), row=rows[0])]
    verdicts = score_samples(MathReward(MathOptions()), samples, plugin="math", pool=math_pool)
    assert [v.kind for v in verdicts] == ["correct", "incorrect"]


def test_list_order_option(scorer) -> None:
    rows = [("1, 4, 5", r"\boxed{5, 1, 4}"), ("1, 4, 5", r"\boxed{S(1), S(2), S(3) = 5, 1, 4}")]
    assert [v.kind for v in scorer(rows)] == ["correct", "incorrect"]  # auto: a set, unless positions are labelled
    assert [v.kind for v in scorer(rows, list_order="ordered")] == ["incorrect", "incorrect"]
    assert [v.kind for v in scorer(rows[:1], list_order="unordered")] == ["correct"]


def test_hostile_answers_are_incorrect_never_unverifiable(scorer) -> None:
    rows = [("5", r"\boxed{(10^9)!}"), ("5", r"\boxed{" + "{" * 100 + "5" + "}" * 100 + "}"), ("5", "x" * 5000)]
    verdicts = scorer(rows)
    assert [(v.kind, v.reason) for v in verdicts] == [
        ("incorrect", "answer_too_big"),
        ("incorrect", "answer_too_deep"),
        ("incorrect", "answer_too_long"),
    ]
    assert all(v.score == 0.0 for v in verdicts)


def test_values_offered_with_or(scorer) -> None:
    roots = "The solutions are $x = 3$ or $x = -2$."
    restated = "The probability is $\\frac{1}{4}$, or 25%."
    rows = [
        ("-2, 3", roots),  # exactly the gold's values: its list
        ("3", roots),  # one value asked, two offered: a hedge
        ("(-2, 3)", roots),  # alternatives are never a point or an interval
        ("(1, 2)", "So the answer is $x = 1$ or $x = 2$."),
        ("(-\\infty, 1) \\cup (2, \\infty)", "So $x < 1$ or $x > 2$."),  # a union of solution sets stays one
        ("\\frac{1}{4}", restated),  # one number spelt twice
        ("\\frac{1}{4}", "The probability is $\\frac{1}{4}$, or maybe $0.25$."),  # "maybe" is a hedge
        ("\\frac{1}{3}", "The answer is $0.3$ or $\\frac{1}{3}$."),  # 0.3 is another answer, not a spelling
    ]
    expected = ["correct", "incorrect", "incorrect", "incorrect", "correct", "correct", "incorrect", "incorrect"]
    assert [v.kind for v in scorer(rows)] == expected
