"""summarize(): counts, failures and the reduced-trust count that check prints."""

from __future__ import annotations

from grpo_rewards import Verdict
from grpo_rewards.summary import summarize


def test_reduced_trust_is_counted_and_noted():
    verdicts = [Verdict.correct(trust="reduced"), Verdict.correct(trust="full")]
    verdicts += [Verdict.incorrect(), Verdict.unverifiable("timeout")]
    summary = summarize("code", verdicts)
    assert summary.reduced_trust == 1 and summary.to_dict()["reduced_trust"] == 1
    assert summary.failures == 1
    assert summary.notes and "1 sample(s) scored with reduced trust" in summary.notes[0]
    assert summarize("code", verdicts[1:]).notes == []


def test_a_rewards_own_failure_reasons_count_as_failures():
    verdicts = [Verdict.unverifiable("judge_unavailable"), Verdict.unverifiable("no_answer_expected"), Verdict.correct()]
    assert summarize("judge", verdicts).failures == 0
    assert summarize("judge", verdicts, failure_reasons=("judge_unavailable",)).failures == 1


def test_metrics_in_details_are_summed_and_noted():
    verdicts = [
        Verdict.correct(metrics={"tokens_in": 100, "tokens_out": 5}),
        Verdict.partial(0.5, metrics={"tokens_in": 50.5, "flag": True, "label": "x"}),
        Verdict.unverifiable("timeout", metrics="not a mapping"),
    ]
    summary = summarize("judge", verdicts)
    assert summary.metrics == {"tokens_in": 150.5, "tokens_out": 5.0}
    assert summary.to_dict()["metrics"] == summary.metrics
    assert "judge: tokens_in 150.5, tokens_out 5" in summary.notes
