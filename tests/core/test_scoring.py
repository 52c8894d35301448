"""score_samples: grouping, per-group preparation, failures as verdicts."""

from __future__ import annotations

import pytest
from grpo_test_rewards import Echo, InlineCrash, Misbehave

from grpo_rewards import Sample, WorkerPool, group_samples, score_samples


@pytest.fixture(scope="module")
def pool():
    with WorkerPool(2) as p:
        yield p


def samples(prompt, answer, completions):
    return [Sample(completion=c, prompt=prompt, row={"answer": answer}) for c in completions]


def test_groups_follow_prompt_and_required_columns():
    batch = samples("p1", "1", ["a", "b"]) + samples("p2", "2", ["c"]) + samples("p1", "9", ["d"]) + samples("p1", "1", ["e"])
    grouped = group_samples(batch, ["answer"])
    assert [positions for _, positions in grouped] == [[0, 1, 4], [2], [3]]


def test_prepare_runs_once_per_group(pool):
    batch = samples("p1", "4", ["4", "5", "4", "x"]) + samples("p2", "7", ["7", "7"])
    verdicts = score_samples(Echo(), batch, pool=pool)
    assert [v.kind for v in verdicts] == ["correct", "incorrect", "correct", "incorrect", "correct", "correct"]
    tokens = [v.details["prepare_token"] for v in verdicts]
    # one preparation per (group, chunk): never one per sample, never shared across groups
    assert len(set(tokens[:4])) <= 2 and len(set(tokens[4:])) == 1
    assert not set(tokens[:4]) & set(tokens[4:])


def test_one_hang_and_one_crash_do_not_fail_the_batch(pool):
    batch = [Sample(completion=c) for c in ["ok1", "hang", "ok2", "crash", "exit", "ok3", "not-a-verdict"]]
    verdicts = score_samples(Misbehave(), batch, plugin="test-plugin", pool=pool)
    assert [(v.kind, v.reason) for v in verdicts] == [
        ("correct", "behaved"),
        ("unverifiable", "timeout"),
        ("correct", "behaved"),
        ("unverifiable", "crash"),
        ("unverifiable", "crash"),
        ("correct", "behaved"),
        ("unverifiable", "crash"),
    ]
    assert verdicts[3].details["plugin"] == "test-plugin" and "boom on purpose" in verdicts[3].details["traceback"]
    assert "not a Verdict" in verdicts[6].details["message"]
    assert all(v.score is None for v in verdicts if v.kind == "unverifiable")


def test_missing_column_is_unverifiable_not_wrong(pool):
    batch = [Sample(completion="1", row={"answer": "1"}), Sample(completion="1", row={})]
    verdicts = score_samples(Echo(), batch, pool=pool)
    assert verdicts[0].kind == "correct"
    assert (verdicts[1].kind, verdicts[1].reason) == ("unverifiable", "missing_column")
    assert "'answer'" in verdicts[1].details["message"]


def test_inline_rewards_run_in_process_and_crashes_are_contained():
    verdicts = score_samples(InlineCrash(), [Sample(completion="fine"), Sample(completion="crash")], plugin="p")
    assert verdicts[0].kind == "partial" and verdicts[0].score == 0.5
    assert (verdicts[1].reason, verdicts[1].details["plugin"]) == ("crash", "p")


def test_progress_counts_every_sample(pool):
    counted = []
    score_samples(Echo(), samples("p", "1", ["1"] * 5) + [Sample(completion="1")], pool=pool, on_verdict=counted.append)
    assert sum(counted) == 6
