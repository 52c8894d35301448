"""Shared fixtures for the math reward tests: one warm worker pool, and a helper to score rows through it."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

import pytest
from grpo_rewards_math import MathOptions, MathReward

from grpo_rewards import Sample, Verdict, WorkerPool, score_samples


@pytest.fixture(scope="session")
def math_pool() -> Iterator[WorkerPool]:
    with WorkerPool(2, preload=MathReward.manifest.preload) as pool:
        yield pool


def score(pool: WorkerPool, rows: Sequence[tuple[Any, str]], *, timeout: float | None = None, **options: Any) -> list[Verdict]:
    """Score ``(gold, completion)`` pairs with the real reward in the real pool."""
    reward = MathReward(MathOptions(**options), timeout=timeout)
    column = reward.options.gold_column
    samples = [Sample(completion, prompt=f"p{i}", row={column: gold}) for i, (gold, completion) in enumerate(rows)]
    return score_samples(reward, samples, plugin="math", pool=pool)


@pytest.fixture
def scorer(math_pool: WorkerPool) -> Any:
    return lambda rows, **kw: score(math_pool, rows, **kw)
