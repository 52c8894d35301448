"""Splitting a batch over node actors: whole groups, in proportion to each actor's free capacity."""

from __future__ import annotations

from collections.abc import Sequence

__all__ = ["free_capacity", "split_groups"]


def free_capacity(capacity: int, active: int) -> float:
    """An actor's weight: its capacity, shared with the shares it is already scoring (for any driver)."""
    return capacity / (1 + max(0, active))


def split_groups(sizes: Sequence[int], weights: Sequence[float]) -> list[list[int]]:
    """Group indices for each actor, in order: each group whole, the samples in proportion to ``weights``.

    Each group goes to the actor furthest below its share of the samples
    (the first of those on a tie), so equal weights and equal groups deal
    round-robin, and an actor with twice the weight gets about twice the samples.
    """
    if not weights:
        raise ValueError("no actor to split the batch over")
    total_weight = sum(weights)
    if total_weight <= 0:
        weights, total_weight = [1.0] * len(weights), float(len(weights))
    total = sum(sizes)
    targets = [total * w / total_weight for w in weights]
    given = [0] * len(weights)
    shares: list[list[int]] = [[] for _ in weights]
    for index, size in enumerate(sizes):
        best = max(range(len(weights)), key=lambda k: (targets[k] - given[k], -k))
        shares[best].append(index)
        given[best] += size
    return shares
