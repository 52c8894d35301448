"""grpo_rewards.limits: rates from Python or the environment, evenly spaced starts, per cluster and per node."""

from __future__ import annotations

import asyncio

import pytest

from grpo_rewards import ConfigError, limits


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clean_limits(monkeypatch):
    monkeypatch.setattr(limits, "_rates", {})
    monkeypatch.setattr(limits, "_env_read", False)
    monkeypatch.delenv(limits.LIMITS_ENV, raising=False)
    previous = limits.current()
    clock = Clock()
    limits.use(limits.LocalLimiter(clock))
    yield clock
    limits.use(previous)


def test_starts_are_spaced_by_the_rate(clean_limits):
    limits.set_rate("judge_requests", 4)
    delays = [limits.reserve("judge_requests") for _ in range(4)]
    assert delays == [0.0, 0.25, 0.5, 0.75]
    clean_limits.now += 10  # a quiet spell: the next start may go at once, with no burst saved up
    assert limits.reserve("judge_requests") == 0.0
    assert limits.reserve("judge_requests") == 0.25


def test_a_name_without_a_rate_is_not_limited(clean_limits):
    assert [limits.acquire("judge_requests") for _ in range(100)] == [0.0] * 100


def test_a_per_node_rate_adds_to_the_cluster_rate(clean_limits):
    limits.set_rate("judge_requests", 10)
    limits.set_rate("judge_requests", 2, per="node")
    assert limits.rate("judge_requests") == 10 and limits.rate("judge_requests", per="node") == 2
    assert [limits.reserve("judge_requests") for _ in range(3)] == [0.0, 0.5, 1.0]  # the node's 2/s is the tighter


def test_rates_come_from_the_environment(clean_limits, monkeypatch):
    monkeypatch.setenv(limits.LIMITS_ENV, "judge_requests=120/min, judge_requests@node=1/s,other=3")
    assert limits.rate("judge_requests") == 2.0
    assert limits.rate("judge_requests", per="node") == 1.0
    assert limits.rate("other") == 3.0
    limits.set_rate("other", None)
    assert limits.rate("other") is None


@pytest.mark.parametrize("text", ["judge_requests", "judge_requests=fast", "=3/s", "judge_requests=0", "x=1/week"])
def test_a_bad_rate_names_the_entry(clean_limits, monkeypatch, text):
    monkeypatch.setenv(limits.LIMITS_ENV, text)
    with pytest.raises(ConfigError, match="GRPO_REWARDS_LIMITS"):
        limits.rate("judge_requests")


def test_acquire_async_books_the_same_schedule(clean_limits):
    limits.set_rate("judge_requests", 1000)

    async def three() -> list[float]:
        return [await limits.acquire_async("judge_requests") for _ in range(3)]

    assert asyncio.run(three()) == pytest.approx([0.0, 0.001, 0.002])
