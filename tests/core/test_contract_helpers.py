"""check_reward_contract fails on every breach; assert_verdict and score_verdicts score through the real pool."""

from __future__ import annotations

import os

import pytest
from grpo_contract_rewards import ContractPlugin, WhereAmI
from grpo_test_rewards import SamplePlugin

from grpo_rewards.testing import assert_verdict, check_reward_contract, score_verdicts


@pytest.fixture
def contract(register_plugin):
    register_plugin(ContractPlugin(), name="contract")
    register_plugin(SamplePlugin(), name="sample")


@pytest.mark.parametrize(
    ("reward", "expected"),
    [
        ("crashes", "KeyError: 'solution'"),
        ("gives_float", "returned float, not a Verdict"),
        ("too_few", "returned 1 verdicts for a group of 2"),
        ("out_of_range", "outside its declared output_range [0, 1]"),
    ],
)
def test_each_breach_fails_the_contract_check(contract, reward, expected):
    with pytest.raises(AssertionError) as info:
        check_reward_contract(reward, prompts=["p", "p"], completions=["big", "small"])
    assert expected in str(info.value)


def test_a_reward_given_none_of_its_columns_fails_instead_of_passing_on_none(contract):
    with pytest.raises(AssertionError, match="needs column\\(s\\) 'answer'"):
        check_reward_contract("needs_column", prompts=["p"], completions=["4"])
    assert check_reward_contract("needs_column", prompts=["p", "p"], completions=["4", "5"], columns={"answer": ["4", "4"]}) == [
        1.0,
        0.0,
    ]


def test_a_reward_that_judges_nothing_fails_unless_that_is_declared(contract):
    with pytest.raises(AssertionError, match="failed on completion 0"):
        check_reward_contract("misbehave", prompts=["p"], completions=["unverifiable"])
    scores = check_reward_contract(
        "misbehave", prompts=["p", "p"], completions=["unverifiable", "fine"], allow_unverifiable={"infra_error"}
    )
    assert scores == [None, 1.0]


def test_a_good_reward_passes_and_returns_its_scores(contract):
    scores = check_reward_contract("echo", prompts=["q", "q"], completions=["4", "5"], columns={"answer": ["4", "4"]})
    assert scores == [1.0, 0.0]


def test_assert_verdict_scores_in_the_worker_pool_and_shows_the_verdict_on_failure(contract):
    verdict = assert_verdict("where_am_i", "c   b  a", kind="incorrect", reason="expected 'c b a', got 'c   b  a'")
    assert verdict.details["pid"] != os.getpid()  # scored in a worker process, as check and TRL score it
    with pytest.raises(AssertionError) as info:
        assert_verdict("where_am_i", "x", kind="correct")
    assert "expected a correct verdict, got incorrect(0.0)" in str(info.value)
    with pytest.raises(AssertionError, match="expected score 1"):
        assert_verdict("echo", "5", columns={"answer": "4"}, score=1.0)
    assert_verdict("echo", "4", columns={"answer": "4"}, kind="correct", score=1.0, answer="4", reason_contains="matches")


def test_score_verdicts_takes_an_instance_or_a_name_with_options(contract):
    (verdict,) = score_verdicts(WhereAmI(), ["abc"])
    assert verdict.answer == "abc"
    verdicts = score_verdicts("echo", ["ABC", "abd"], columns={"answer": ["abc", "abc"]}, options={"mode": "casefold"})
    assert [v.kind for v in verdicts] == ["correct", "incorrect"]
