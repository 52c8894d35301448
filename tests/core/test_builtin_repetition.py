"""The built-in ``repetition`` reward, scored through the real core."""

from __future__ import annotations

from typing import Any

import pytest

import grpo_rewards
from grpo_rewards import ConfigError, PluginManager, Sample, Verdict, score_samples
from grpo_rewards.testing import check_reward_contract

LOOP = "Wait, let me check the sum again. "
PROSE = (
    "To multiply 17 by 24, split 24 into 20 and 4. Seventeen times twenty is 340, and 17 times four is 68; adding them gives 408."
)


@pytest.fixture
def manager(plugin_manager: PluginManager) -> PluginManager:
    """The installed plugins, built-ins included, as the process-wide manager (grpo_rewards.testing)."""
    return plugin_manager


def judge(manager: PluginManager, completion: str, **options: Any) -> Verdict:
    (verdict,) = score_samples(manager.registry.create("repetition", options), [Sample(completion, prompt="p")])
    return verdict


def test_text_without_repeats_scores_zero(manager: PluginManager) -> None:
    verdict = judge(manager, PROSE)
    assert (verdict.kind, verdict.score, verdict.details["repeated"]) == ("correct", 0.0, 0)


def test_a_loop_scores_the_repeated_fraction(manager: PluginManager) -> None:
    verdict = judge(manager, LOOP * 10)  # 9 tokens a copy ("," and "." are "."): 90 tokens, 88 trigrams, 9 distinct
    assert verdict.kind == "partial"
    assert verdict.details["ngrams"] == 88
    assert verdict.score == pytest.approx(-(1 - 9 / 88))
    assert verdict.details["most_repeated_count"] == 10


def test_max_penalty_and_ngram_size_scale_it(manager: PluginManager) -> None:
    full = judge(manager, LOOP * 10).score
    assert judge(manager, LOOP * 10, max_penalty=-0.5).score == pytest.approx(full / 2)
    assert judge(manager, "a b c d a b x y", ngram_size=2).score == pytest.approx(-1 / 7)
    assert judge(manager, "a b c d a b x y", ngram_size=3).score == 0.0


@pytest.mark.parametrize("text", ["", "42", "yes yes", "   \n\t  ", "\u200b\u200b\u200b"])
def test_very_short_completions_are_not_penalised(manager: PluginManager, text: str) -> None:
    verdict = judge(manager, text)
    assert (verdict.kind, verdict.score) == ("correct", 0.0)
    assert "too short" in verdict.reason


def test_natural_repetition_in_a_short_answer_is_mild(manager: PluginManager) -> None:
    text = f"{PROSE} So the answer is 408. Checking: 408 / 24 = 17, so the answer is 408."
    assert -0.15 < judge(manager, text).score < 0.0


# ------------------------------------------------------------------------------ tricks: disguised loops score like plain ones

DISGUISES = [
    ("case", lambda i, s: s.upper() if i % 2 else s.title()),
    ("extra whitespace", lambda i, s: s.replace(" ", " \t " if i % 2 else "\n\n")),
    ("no-break and em spaces", lambda i, s: s.replace(" ", "\u00a0" if i % 2 else "\u2003")),
    ("zero-width characters inside words", lambda i, s: s.replace("e", "e\u200b" if i % 2 else "\u200de")),
    ("soft hyphens and BOMs", lambda i, s: s.replace("c", "\u00adc\ufeff") if i % 2 else s),
    ("fullwidth letters", lambda i, s: "".join(chr(ord(c) + 0xFEE0) if "a" <= c <= "z" and i % 2 else c for c in s)),
    ("cyrillic look-alikes", lambda i, s: s.replace("a", "\u0430").replace("e", "\u0435") if i % 2 else s),
    ("varying punctuation", lambda i, s: s.replace(",", ";").replace(".", "!?"[i % 2])),
]


@pytest.mark.parametrize(("case", "disguise"), DISGUISES, ids=[d[0] for d in DISGUISES])
def test_disguised_loop_is_penalised_like_a_plain_one(manager: PluginManager, case: str, disguise: Any) -> None:
    plain = judge(manager, LOOP * 10).score
    disguised = judge(manager, "".join(disguise(i, LOOP) for i in range(10)))
    assert disguised.score == pytest.approx(plain), disguised.reason


@pytest.mark.parametrize(
    ("case", "text"),
    [
        ("loop glued into one word", "abcdefg" * 200),
        ("punctuation spam", "!" * 300),
        ("emoji spam", "\U0001f600\U0001f389" * 150),
        ("CJK loop without spaces", "我们再检查一遍。" * 40),
        ("letters spaced out", "r e p e a t " * 60),
        ("markdown list of the same item", "- check the sum\n" * 40),
    ],
)
def test_loops_without_words_are_caught(manager: PluginManager, case: str, text: str) -> None:
    assert judge(manager, text).score < -0.8


def test_a_counter_with_a_longer_period_does_not_hide_a_loop(manager: PluginManager) -> None:
    text = "".join(f"Step {i}: check the value of x again. " for i in range(30))
    assert judge(manager, text).score < -0.6


def test_known_limit_a_fresh_number_in_every_ngram(manager: PluginManager) -> None:
    """Documented limit: numbers are content, so 'x 1 x 2 x 3' has no repeated trigram."""
    assert judge(manager, " ".join(f"x {i}" for i in range(100))).score == 0.0


def test_a_huge_loop_is_scored(manager: PluginManager) -> None:
    assert judge(manager, LOOP * 30_000).score < -0.99


@pytest.mark.parametrize("options", [{"ngram_size": 0}, {"max_penalty": 0.5}, {"max_penalty": -2}, {"max_penalty": 0}])
def test_bad_options_fail_at_creation(manager: PluginManager, options: dict[str, Any]) -> None:
    with pytest.raises(ConfigError, match="repetition"):
        manager.registry.create("repetition", options)


def test_trl_call(manager: PluginManager) -> None:
    (func,), _ = grpo_rewards.reward_funcs(["repetition"], {"repetition": {"ngram_size": "3"}}, manager=manager)
    scores = func(
        prompts=[[{"role": "user", "content": "17 * 24?"}]] * 2,
        completions=[[{"role": "assistant", "content": PROSE}], [{"role": "assistant", "content": LOOP * 10}]],
        completion_ids=[[1], [2]],
        trainer_state=None,
    )
    assert scores[0] == 0.0
    assert scores[1] == pytest.approx(-(1 - 9 / 88))


def test_keeps_the_trl_contract(manager: PluginManager) -> None:
    result = check_reward_contract("repetition", prompts=["q", "q"], completions=[PROSE, LOOP * 10])
    assert result == pytest.approx([0.0, -(1 - 9 / 88)])
