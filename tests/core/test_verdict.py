import math

import pytest

from grpo_rewards import Verdict


def test_constructors_give_scores_and_kinds():
    assert Verdict.correct().score == 1.0
    assert Verdict.incorrect("wrong").score == 0.0
    assert Verdict.partial(0.25, "some").score == 0.25
    assert Verdict.correct(score=2.0).score == 2.0
    unverifiable = Verdict.unverifiable("timeout", "took too long")
    assert unverifiable.score is None and unverifiable.kind == "unverifiable"
    assert unverifiable.details["message"] == "took too long"
    assert not unverifiable.is_judgment and Verdict.incorrect().is_judgment


@pytest.mark.parametrize("bad", [float("nan"), float("inf"), None])
def test_judgments_need_a_finite_score(bad):
    with pytest.raises(ValueError):
        Verdict("partial", bad)


def test_unverifiable_needs_a_reason_and_no_score():
    with pytest.raises(ValueError):
        Verdict("unverifiable", None, "")
    with pytest.raises(ValueError):
        Verdict("unverifiable", 0.0, "timeout")


def test_to_dict_is_the_stable_output_shape():
    d = Verdict.incorrect("no_answer", answer="42", extra=1).with_seconds(0.5).to_dict()
    assert d == {
        "score": 0.0,
        "verdict": "incorrect",
        "reason": "no_answer",
        "details": {"extra": 1, "answer": "42"},
        "seconds": 0.5,
    }
    assert Verdict.unverifiable("crash").to_dict()["score"] is None
    assert not math.isnan(Verdict.partial(0.5).to_dict()["score"])
