"""Fixtures of the judge's tests: a scripted OpenAI-compatible server on 127.0.0.1 and a fresh judge runtime."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from grpo_rewards_judge import JudgeOptions, JudgeReward
from grpo_rewards_judge.cache import CACHE
from grpo_rewards_judge.limits import set_limiter_factory
from grpo_rewards_judge.runtime import reset_runtime
from grpo_rewards_judge.testing import JudgeServer, Scripted, rule_judge

from grpo_rewards import Sample, Verdict, score_samples


@pytest.fixture(autouse=True)
def _fresh_judge() -> Iterator[None]:
    """Each test starts with no connections, no breaker state, no cached judgments and the local limiter."""
    reset_runtime()
    CACHE.clear()
    yield
    reset_runtime()
    CACHE.clear()
    set_limiter_factory(None)


@pytest.fixture
def serve() -> Iterator[Callable[..., JudgeServer]]:
    """``serve(script)`` starts a scripted server for this test; it stops when the test ends."""
    servers: list[JudgeServer] = []

    def start(script: Callable[[Any], Scripted] = rule_judge, **kwargs: Any) -> JudgeServer:
        server = JudgeServer(script, **kwargs).start()
        servers.append(server)
        return server

    yield start
    for server in servers:
        server.stop()


def _make_judge(url: str | None, *, timeout: float = 10.0, **options: Any) -> JudgeReward:
    options.setdefault("backoff", 0.05)
    return JudgeReward(JudgeOptions(base_url=url, **options), timeout=timeout)


@pytest.fixture
def make_judge() -> Callable[..., JudgeReward]:
    """``make_judge(url, timeout=10, **options)``: a judge reward pointed at ``url``, with quick back-off."""
    return _make_judge


def rows_to_samples(rows: list[dict[str, Any]]) -> list[Sample]:
    columns = [{k: v for k, v in r.items() if k not in ("prompt", "completion")} for r in rows]
    return [
        Sample(completion=r["completion"], prompt=r.get("prompt", ""), row=c, index=i)
        for i, (r, c) in enumerate(zip(rows, columns, strict=True))
    ]


def _score(reward: JudgeReward, rows: list[dict[str, Any]]) -> list[Verdict]:
    return score_samples(reward, rows_to_samples(rows), plugin="judge")


@pytest.fixture
def score() -> Callable[[JudgeReward, list[dict[str, Any]]], list[Verdict]]:
    """``score(reward, rows)``: verdicts for rows (``prompt``, ``completion``, columns), through the core's scoring."""
    return _score


@pytest.fixture
def capitals() -> Callable[[int], list[dict[str, Any]]]:
    """``capitals(n)``: ``n`` rows with prompt, completion and answer; even rows right, odd rows wrong."""
    return _capitals


def _capitals(n: int = 4) -> list[dict[str, Any]]:
    data = [("France", "Paris", "Lyon"), ("Italy", "Rome", "Milan"), ("Spain", "Madrid", "Seville"), ("Japan", "Tokyo", "Osaka")]
    rows = []
    for i in range(n):
        country, right, wrong = data[i % len(data)]
        answer = right if i % 2 == 0 else wrong
        rows.append(
            {"prompt": f"Capital of {country}? ({i})", "completion": f"I think.\nThe answer is {answer}.", "answer": right}
        )
    return rows
