"""Splitting a batch over node actors: whole groups, every group once, samples in proportion to free capacity."""

from __future__ import annotations

import pytest

from grpo_rewards.executors.ray.split import free_capacity, split_groups


def _samples(shares: list[list[int]], sizes: list[int]) -> list[int]:
    return [sum(sizes[i] for i in share) for share in shares]


def test_every_group_goes_to_exactly_one_actor_in_order():
    sizes = [3, 1, 4, 1, 5, 9, 2, 6]
    shares = split_groups(sizes, [1.0, 2.0, 1.0])
    assert sorted(i for share in shares for i in share) == list(range(len(sizes)))
    assert all(share == sorted(share) for share in shares)


def test_equal_weights_and_groups_deal_round_robin():
    assert split_groups([2] * 6, [1.0, 1.0, 1.0]) == [[0, 3], [1, 4], [2, 5]]


def test_samples_follow_the_weights():
    sizes = [4] * 30
    assert _samples(split_groups(sizes, [1.0, 2.0]), sizes) == [40, 80]
    got = _samples(split_groups(sizes, [3.0, 1.0, 0.0]), sizes)
    assert [abs(g - t) <= 4 for g, t in zip(got, [90, 30, 0], strict=True)] == [True] * 3  # within a group of its share
    assert got[2] == 0


def test_a_busy_actor_weighs_less():
    idle, busy = free_capacity(4, 0), free_capacity(4, 3)
    assert idle == 4 and busy == 1
    sizes = [1] * 10
    assert _samples(split_groups(sizes, [idle, busy]), sizes) == [8, 2]


def test_no_free_capacity_anywhere_still_splits_evenly():
    assert split_groups([1, 1], [0.0, 0.0]) == [[0], [1]]


def test_no_actor_is_an_error():
    with pytest.raises(ValueError, match="no actor"):
        split_groups([1], [])
