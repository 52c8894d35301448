"""Normalisation (raw, sigmoid, z-score within the group), the clip range, and the output range each gives."""

from __future__ import annotations

import math

import pytest


def _by_prompt(verdicts, pairs):
    groups = {}
    for (prompt, _), verdict in zip(pairs, verdicts, strict=True):
        groups.setdefault(prompt, []).append(verdict)
    return groups


def test_sigmoid_maps_the_raw_logit_into_0_1(make_rm, score, pairs):
    raw = [v.score for v in score(make_rm(), pairs)]
    squashed = score(make_rm(normalize="sigmoid"), pairs)
    assert [v.score for v in squashed] == pytest.approx([1 / (1 + math.exp(-x)) for x in raw])
    assert [v.details["raw"] for v in squashed] == raw


def test_zscores_are_standardised_within_each_group(make_rm, score, pairs):
    verdicts = score(make_rm(normalize="zscore"), pairs)
    for group in _by_prompt(verdicts, pairs).values():
        values = [v.score for v in group]
        mean = sum(values) / len(values)
        assert mean == pytest.approx(0.0, abs=1e-9)
        assert math.sqrt(sum((x - mean) ** 2 for x in values) / len(values)) == pytest.approx(1.0)
    raw = [v.details["raw"] for v in verdicts]
    first = raw[:3]
    mean = sum(first) / 3
    std = math.sqrt(sum((x - mean) ** 2 for x in first) / 3)
    assert [v.score for v in verdicts[:3]] == pytest.approx([(x - mean) / std for x in first])


def test_a_group_of_one_or_of_equal_scores_has_zscore_0(make_rm, score):
    verdicts = score(make_rm(normalize="zscore"), [("alone", "x"), ("same", "y"), ("same", "y")])
    assert [v.score for v in verdicts] == [0.0, 0.0, 0.0]


def test_the_clip_range_bounds_every_score(make_rm, score, pairs):
    raw = sorted(v.score for v in score(make_rm(), pairs))
    low, high = raw[1], raw[3]
    clipped = [v.score for v in score(make_rm(clip_min=low, clip_max=high), pairs)]
    assert min(clipped) == low and max(clipped) == high
    assert sorted(clipped)[2] == raw[2]


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        ({}, (-math.inf, math.inf)),
        ({"normalize": "sigmoid"}, (0.0, 1.0)),
        ({"normalize": "sigmoid", "clip_max": 0.9}, (0.0, 0.9)),
        ({"normalize": "sigmoid", "clip_min": -3.0}, (0.0, 1.0)),
        ({"normalize": "zscore", "clip_min": -2.0, "clip_max": 2.0}, (-2.0, 2.0)),
        ({"clip_min": -1.0}, (-1.0, math.inf)),
    ],
)
def test_the_output_range_says_which_normalisation_and_clip(make_rm, options, expected):
    assert make_rm(**options).output_range() == expected


def test_options_are_checked(make_rm):
    from grpo_rewards_reward_model import RewardModelReward

    from grpo_rewards import ConfigError
    from grpo_rewards.registry import RegisteredReward

    registered = RegisteredReward(RewardModelReward, "reward_model", None, None)
    for bad, message in [
        ({"device": "gpu"}, "device must be"),
        ({"clip_min": "2", "clip_max": "1"}, "above clip_max"),
        ({"normalize": "softmax"}, "not one of raw, sigmoid, zscore"),
        ({"batch_size": "0"}, "batch_size must be positive"),
    ]:
        with pytest.raises(ConfigError, match=message):
            registered.create(bad)
