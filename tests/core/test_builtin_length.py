"""The built-in ``length`` reward, scored through the real core (score_samples, reward_funcs)."""

from __future__ import annotations

import math
import pickle
from collections.abc import Sequence
from typing import Any

import pytest
from grpo_test_rewards import SamplePlugin

import grpo_rewards
from grpo_rewards import ConfigError, PluginManager, Sample, Verdict, score_samples
from grpo_rewards.testing import check_reward_contract

GOOD = "<think>\n17 * 24 = 340 + 68 = 408, checked twice.\n</think>\n\n408"


@pytest.fixture
def manager(plugin_manager: PluginManager, register_plugin: Any) -> PluginManager:
    """Built-ins plus the core's test rewards (echo and misbehave run in the worker pool), process-wide."""
    register_plugin(SamplePlugin())
    return plugin_manager


def sample(text: str, correct: Any = True, *, prompt: str = "p", ids: Sequence[int] | None = None, **row: Any) -> Sample:
    return Sample(text, prompt=prompt, row={"correct": correct, **row}, completion_ids=ids)


def run(manager: PluginManager, samples: Sequence[Sample], **options: Any) -> list[Verdict]:
    return score_samples(manager.registry.create("length", options), samples)


def scores(verdicts: Sequence[Verdict]) -> list[float | None]:
    return [v.score for v in verdicts]


# ------------------------------------------------------------------------------ kimi


def test_kimi_lambda_as_in_the_paper(manager: PluginManager) -> None:
    verdicts = run(manager, [sample("x" * 10), sample("x" * 40), sample("x" * 70, False), sample("x" * 100, False)])
    assert scores(verdicts) == pytest.approx([0.5, 0.5 - 30 / 90, -(0.5 - 30 / 90), -0.5])
    assert [v.kind for v in verdicts] == ["correct", "correct", "incorrect", "incorrect"]
    assert verdicts[0].details == {
        "length": 10,
        "unit": "chars",
        "group_min": 10,
        "group_max": 100,
        "correctness": "column 'correct' = True",
        "lambda": 0.5,
    }


def test_short_wrong_answers_earn_nothing(manager: PluginManager) -> None:
    verdicts = run(manager, [sample("408", False), sample("4", False), sample("x" * 50), sample("x" * 90)])
    assert scores(verdicts)[:2] == [0.0, 0.0]
    assert "capped at 0" in verdicts[1].reason


def test_equal_lengths_score_zero(manager: PluginManager) -> None:
    assert scores(run(manager, [sample("abc"), sample("xyz", False), sample("a c")])) == [0.0, 0.0, 0.0]


def test_groups_are_per_prompt_and_correctness_does_not_split_them(manager: PluginManager) -> None:
    batch = [
        sample("x" * 10, True, prompt="a"),
        sample("x" * 100, True, prompt="b"),
        sample("x" * 30, False, prompt="a"),
        sample("x" * 200, False, prompt="b"),
    ]
    verdicts = run(manager, batch)
    assert [(v.details["group_min"], v.details["group_max"]) for v in verdicts] == [(10, 30), (100, 200), (10, 30), (100, 200)]
    assert scores(verdicts) == [0.5, 0.5, -0.5, -0.5]


def test_group_of_one_is_unverifiable(manager: PluginManager) -> None:
    (verdict,) = run(manager, [sample("alone")])
    assert (verdict.kind, verdict.reason) == ("unverifiable", "group_too_small")
    assert "split" in verdict.details["message"]


# ------------------------------------------------------------------------------ units


def test_tokens_when_every_completion_has_ids(manager: PluginManager) -> None:
    verdicts = run(manager, [sample("x" * 100, ids=[1] * 5), sample("x", ids=[1] * 50)])
    assert scores(verdicts) == [0.5, -0.5]
    assert verdicts[0].details["unit"] == "tokens"


def test_characters_when_some_ids_are_missing(manager: PluginManager) -> None:
    verdicts = run(manager, [sample("x" * 100, ids=[1] * 5), sample("x")])
    assert scores(verdicts) == [-0.5, 0.5]
    assert verdicts[0].details["unit"] == "chars"


def test_unit_tokens_without_ids_is_unverifiable(manager: PluginManager) -> None:
    verdicts = run(manager, [sample("x", ids=[1]), sample("y")], unit="tokens")
    assert [(v.kind, v.reason) for v in verdicts] == [("unverifiable", "missing_column")] * 2


def test_words_unit(manager: PluginManager) -> None:
    verdicts = run(manager, [sample("one two three"), sample("one-two-three-four-five six")], unit="words")
    assert [v.details["length"] for v in verdicts] == [3, 2]


def test_whitespace_padding_does_not_make_a_wrong_answer_longer(manager: PluginManager) -> None:
    plain, padded = run(
        manager,
        [sample("The answer is 407.", False), sample("The  answer \n\n is \t 407." + " " * 500, False)],
        mode="cosine",
        cosine_max_len=1000,
    )
    assert padded.details["length"] == plain.details["length"] == 18
    assert padded.score == plain.score


# ------------------------------------------------------------------------------ cosine


def test_cosine_endpoints(manager: PluginManager) -> None:
    lengths = [0, 50, 100, 300]
    verdicts = run(manager, [sample("x" * n, c) for c in (True, False) for n in lengths], mode="cosine", cosine_max_len=100)
    assert scores(verdicts) == pytest.approx([1.0, 0.75, 0.5, 0.5, -1.0, -0.75, -0.5, -0.5])


def test_cosine_budget_defaults_to_the_longest_in_the_group(manager: PluginManager) -> None:
    verdicts = run(manager, [sample("x" * 200), sample("x" * 100), sample("x" * 200, False)], mode="cosine")
    assert scores(verdicts) == pytest.approx([0.5, 0.75, -0.5])
    assert verdicts[0].details["budget"] == 200


def test_cosine_with_a_fixed_budget_scores_a_group_of_one(manager: PluginManager) -> None:
    (verdict,) = run(manager, [sample("x" * 50)], mode="cosine", cosine_max_len=100)
    assert verdict.score == pytest.approx(0.75)


# ------------------------------------------------------------------------------ overlong


def test_overlong_ramp(manager: PluginManager) -> None:
    verdicts = run(
        manager, [sample("", ids=[0] * n) for n in (10, 80, 90, 100, 150)], mode="overlong", max_length=100, overlong_cache=20
    )
    assert scores(verdicts) == pytest.approx([0.0, 0.0, -0.5, -1.0, -1.0])
    assert [v.kind for v in verdicts] == ["correct", "correct", "partial", "incorrect", "incorrect"]


def test_overlong_needs_no_correctness(manager: PluginManager) -> None:
    reward = manager.registry.create("length", {"mode": "overlong", "max_length": 10})
    assert reward.required_columns() == ()
    (verdict,) = score_samples(reward, [Sample("x", completion_ids=[1] * 9)])
    assert verdict.score == pytest.approx(-0.5)  # cache defaults to max_length / 5 = 2 tokens


def test_overlong_penalty_adds_to_kimi_and_is_clamped(manager: PluginManager) -> None:
    verdicts = run(manager, [sample("a", ids=[0] * 85), sample("b", ids=[0] * 100)], max_length=100, overlong_cache=20)
    assert scores(verdicts) == pytest.approx([0.5 - 0.25, -1.0])  # the second is -0.5 - 1.0, clamped
    assert verdicts[0].details["overlong_penalty"] == -0.25


def test_overlong_without_token_ids_is_unverifiable_not_zero(manager: PluginManager) -> None:
    verdicts = run(manager, [sample("short", ids=[0] * 3), sample("no ids"), sample("x" * 30, ids=[0] * 30)], max_length=100)
    assert [v.kind for v in verdicts] == ["correct", "unverifiable", "correct"]
    assert "completion_ids" in verdicts[1].details["message"]
    assert run(manager, [sample("no ids")], mode="overlong", max_length=100)[0].reason == "missing_column"


# ------------------------------------------------------------------------------ correctness


@pytest.mark.parametrize("value", [None, "maybe", math.nan, [True], ""])
def test_unknown_correctness_is_unverifiable_never_zero(manager: PluginManager, value: Any) -> None:
    verdicts = run(manager, [sample("x" * 10, value), sample("x" * 20), sample("x" * 30, False)])
    assert (verdicts[0].kind, verdicts[0].reason, verdicts[0].score) == ("unverifiable", "correctness_unknown", None)
    assert "column 'correct'" in verdicts[0].details["message"]
    assert scores(verdicts)[1:] == [0.0, -0.5]


def test_missing_correctness_column_is_a_missing_column(manager: PluginManager) -> None:
    (verdict, _) = run(manager, [Sample("x", prompt="p"), sample("y")])
    assert (verdict.kind, verdict.reason) == ("unverifiable", "missing_column")


@pytest.mark.parametrize(
    ("value", "threshold", "correct"),
    [
        (True, 1.0, True),
        ("false", 1.0, False),
        ("Correct", 1.0, True),
        (1, 1.0, True),
        (0.99, 1.0, False),
        (0.7, 0.5, True),
        ("0.2", 0.5, False),
    ],
)
def test_correctness_values(manager: PluginManager, value: Any, threshold: float, correct: bool) -> None:
    verdicts = run(manager, [sample("x", value), sample("x" * 9, False)], correct_threshold=threshold)
    assert verdicts[0].kind == ("correct" if correct else "incorrect")
    assert verdicts[0].score == (0.5 if correct else 0.0)


def test_correctness_column_can_be_renamed(manager: PluginManager) -> None:
    reward = manager.registry.create("length", {"correctness": "column:is_right"})
    assert reward.required_columns() == ("is_right",)
    verdicts = score_samples(reward, [sample("x", None, is_right=False), sample("xx", None, is_right=True)])
    assert scores(verdicts) == [0.0, -0.5]


def test_correctness_from_another_reward(manager: PluginManager) -> None:
    reward = manager.registry.create("length", {"correctness": "reward:format"})
    verdicts = score_samples(
        reward, [Sample(GOOD, prompt="p"), Sample("408", prompt="p"), Sample(GOOD + " " + "x" * 40, prompt="p")]
    )
    assert [v.kind for v in verdicts] == ["correct", "incorrect", "correct"]
    good, short, long = (v.details["length"] for v in verdicts)
    assert (short, long - good) == (3, 41)
    assert scores(verdicts) == pytest.approx([0.5 - (good - 3) / (long - 3), 0.0, -0.5])
    assert verdicts[1].details["correctness"] == "reward 'format': incorrect"


def test_correctness_reward_takes_its_options(manager: PluginManager) -> None:
    soft_only = "Well. " + GOOD
    strict, soft = (
        score_samples(
            manager.registry.create("length", {"correctness": "reward:format", **extra}),
            [Sample(soft_only, prompt="p"), Sample("4", prompt="p")],
        )[0]
        for extra in ({}, {"correctness_options": "mode=soft,min_think_chars=5"})
    )
    assert (strict.kind, soft.kind) == ("incorrect", "correct")


def test_correctness_from_a_reward_in_the_worker_pool(manager: PluginManager) -> None:
    reward = manager.registry.create("length", {"correctness": "reward:echo"})
    assert (reward.required_columns(), reward.group_columns()) == (("answer",), ())
    batch = [Sample(text, prompt="p", row={"answer": "408"}) for text in ("408", "  408  ", "407", "4080 is my final answer")]
    verdicts = score_samples(reward, batch)
    assert [v.kind for v in verdicts] == ["correct", "correct", "incorrect", "incorrect"]
    assert scores(verdicts) == pytest.approx([0.5, 0.5, 0.0, -0.5])  # padding spaces do not count


def test_a_hung_or_unverifiable_judge_leaves_correctness_unknown(manager: PluginManager) -> None:
    reward = manager.registry.create("length", {"correctness": "reward:misbehave", "correctness_options": "timeout=0.5"})
    verdicts = score_samples(reward, [Sample(text, prompt="p") for text in ("hang", "unverifiable", "fine", "also fine")])
    assert [(v.kind, v.reason) for v in verdicts[:2]] == [("unverifiable", "correctness_unknown")] * 2
    assert "timeout" in verdicts[0].details["message"]
    assert "infra_error" in verdicts[1].details["message"]
    assert [v.kind for v in verdicts[2:]] == ["correct", "correct"]


@pytest.mark.parametrize(("threshold", "kind"), [(0.5, "correct"), (0.6, "incorrect")])
def test_partial_judge_verdicts_use_the_threshold(manager: PluginManager, threshold: float, kind: str) -> None:
    options = {"correctness": "reward:inline_crash", "correct_threshold": threshold}
    verdicts = score_samples(manager.registry.create("length", options), [Sample("x", prompt="p"), Sample("crash", prompt="p")])
    assert verdicts[0].kind == kind
    assert (verdicts[1].reason, "crash" in verdicts[1].details["message"]) == ("correctness_unknown", True)


@pytest.mark.parametrize(
    "options",
    [
        {"correctness": "correct"},
        {"correctness": "reward:length"},
        {"correctness": "reward:no_such_reward"},
        {"correctness": "reward:format", "correctness_options": "no_equals_sign"},
        {"correctness": "reward:format", "correctness_options": "bogus=1"},
        {"mode": "overlong"},
        {"max_length": 100, "overlong_cache": 200},
        {"max_length": 0},
        {"cosine_max_len": 0},
    ],
)
def test_bad_options_fail_at_creation(manager: PluginManager, options: dict[str, Any]) -> None:
    with pytest.raises(ConfigError, match="'length'"):
        manager.registry.create("length", options)


def test_manifest(manager: PluginManager) -> None:
    reward = manager.registry.create("length")
    assert (reward.manifest.isolation, reward.manifest.output_range) == ("inline", (-1.0, 1.0))
    assert (reward.required_columns(), reward.group_columns()) == (("correct",), ())


# ------------------------------------------------------------------------------ through the TRL bridge


def test_trl_call_strings_and_chat_messages(manager: PluginManager) -> None:
    (func,), _ = grpo_rewards.reward_funcs(
        ["length"], {"length": {"correctness": "reward:format", "max_length": "60"}}, manager=manager
    )
    func = pickle.loads(pickle.dumps(func))
    prompts = ["p1", "p2", "p1", "p2"]
    ids = [[0] * 10, [0] * 20, [0] * 40, [0] * 55]
    result = func(
        prompts=prompts, completions=[GOOD, GOOD, "no", "no"], completion_ids=ids, trainer_state=None, answer=["408"] * 4
    )
    assert result == pytest.approx([0.5, 0.5, -0.5, -1.0])  # the last: -0.5 plus a penalty of -7/12, clamped
    chat = [[{"role": "assistant", "content": c}] for c in (GOOD, "no")]
    chat_prompts = [[{"role": "user", "content": "17 * 24?"}]] * 2
    assert func(prompts=chat_prompts, completions=chat, completion_ids=ids[:2], trainer_state=None) == pytest.approx([0.5, -0.5])
    assert func(prompts=["lonely"], completions=[GOOD], completion_ids=[[0]], trainer_state=None) == [None]


def test_keeps_the_trl_contract(manager: PluginManager) -> None:
    options = {"correctness": "reward:echo", "max_length": 40}
    result = check_reward_contract(
        "length", prompts=["q", "q", "q"], completions=["408", "40", "4" * 39], columns={"answer": ["408"] * 3}, options=options
    )
    assert result == pytest.approx([0.5 - 1 / 37, 0.0, -1.0])  # the last: -0.5 and 39 of 40 tokens (-0.875), clamped
