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
