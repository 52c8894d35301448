"""The judge against a real HTTP server on 127.0.0.1: replies good and bad, slow, refused, retried, cached, limited."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import time

import pytest
from grpo_rewards_judge.testing import Scripted, rule_judge


def kinds(verdicts):
    return [v.kind for v in verdicts]


def closed_port() -> int:
    """A loopback port with nothing listening (bound once, then closed)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


# ----------------------------------------------------------------------------- good replies


def test_correctness_verdicts_with_the_reply_and_its_cost(serve, make_judge, score, capitals):
    server = serve()
    verdicts = score(make_judge(server.url, model="scripted-judge"), capitals(4))
    assert kinds(verdicts) == ["correct", "incorrect", "correct", "incorrect"]
    assert [v.score for v in verdicts] == [1.0, 0.0, 1.0, 0.0]
    first = verdicts[0]
    assert first.answer == "VERDICT: CORRECT" and first.details["reply"].endswith("VERDICT: CORRECT")
    assert first.details["template"] == "correctness" and first.details["judge"] == "scripted-judge"
    metrics = first.details["metrics"]
    assert metrics["tokens_in"] > 0 and metrics["tokens_out"] > 0 and metrics["requests"] == 1.0
    assert len(server.requests) == 4 and all(r.body["model"] == "scripted-judge" for r in server.requests)


def test_rubric_scores_become_partial_credit(serve, make_judge, score):
    server = serve()
    rubric = "Sunlight, water, carbon dioxide, sugar and oxygen."
    rows = [
        {"prompt": "Explain photosynthesis.", "completion": c, "rubric": rubric}
        for c in ("Plants make sugar and oxygen from sunlight, water and carbon dioxide.", "Plants use sunlight.", "No idea.")
    ]
    verdicts = score(make_judge(server.url, template="rubric"), rows)
    assert kinds(verdicts) == ["correct", "partial", "incorrect"]
    assert verdicts[1].score == pytest.approx(0.1 * round(10 / 6)) and verdicts[1].answer.startswith("SCORE: ")


def test_ranking_scores_a_whole_group_in_one_request(serve, make_judge, score):
    server = serve()
    texts = ["Sunlight.", "Sunlight and water make sugar.", "Sunlight, water and carbon dioxide make sugar and oxygen."]
    rows = [{"prompt": "Explain photosynthesis.", "completion": t} for t in texts]
    verdicts = score(make_judge(server.url, template="ranking", rubric="sunlight water carbon dioxide sugar oxygen"), rows)
    assert len(server.requests) == 1
    assert [v.score for v in verdicts] == [0.0, 0.5, 1.0]
    assert verdicts[2].reason.startswith("ranked 1 of 3: Ranked by how much") and len({v.details["label"] for v in verdicts}) == 3
    assert sum(v.details["metrics"]["requests"] for v in verdicts) == pytest.approx(1.0)


def test_ranking_a_prompt_with_one_completion_is_unverifiable_without_a_request(serve, make_judge, score):
    server = serve()
    (verdict,) = score(make_judge(server.url, template="ranking"), [{"prompt": "p", "completion": "c"}])
    assert verdict.reason == "judge_group_too_small" and verdict.score is None and server.requests == []


def test_the_model_defaults_to_the_first_one_the_endpoint_lists(serve, make_judge, score, capitals):
    server = serve(model="served-name")
    verdicts = score(make_judge(server.url), capitals(2))
    assert kinds(verdicts) == ["correct", "incorrect"] and {r.body["model"] for r in server.requests} == {"served-name"}


# ----------------------------------------------------------------------------- replies without a score


@pytest.mark.parametrize(
    ("scripted", "shown"),
    [
        (Scripted("It looks fine to me."), "It looks fine to me."),
        (Scripted("VERDICT: CORRECT\nVERDICT: INCORRECT"), "VERDICT: CORRECT\nVERDICT: INCORRECT"),
        (Scripted(body="<html>502 upstream</html>"), "<html>502 upstream</html>"),
        (Scripted(body='{"choices": []}'), '{"choices": []}'),
    ],
)
def test_a_reply_without_a_valid_score_is_unparseable_with_the_reply_shown(serve, make_judge, score, capitals, scripted, shown):
    server = serve(lambda request: scripted)
    verdicts = score(make_judge(server.url, model="m"), capitals(2))
    assert [(v.kind, v.reason, v.score) for v in verdicts] == [("unverifiable", "judge_unparseable", None)] * 2
    assert verdicts[0].details["reply"] == shown
    assert verdicts[0].answer == shown.strip() and verdicts[0].details["message"]


def test_a_reply_cut_at_max_tokens_says_so(serve, make_judge, score, capitals):
    server = serve(lambda request: Scripted("Let me think about this carefully", finish_reason="length"))
    (verdict,) = score(make_judge(server.url, model="m", max_tokens=8), capitals(1))
    assert verdict.reason == "judge_unparseable" and "max_tokens=8" in verdict.details["message"]


def test_unparseable_replies_are_not_cached(serve, make_judge, score, capitals):
    replies = iter([Scripted("no idea"), Scripted("VERDICT: CORRECT")])
    server = serve(lambda request: next(replies))
    judge = make_judge(server.url, model="m")
    assert score(judge, capitals(1))[0].reason == "judge_unparseable"
    assert score(judge, capitals(1))[0].kind == "correct" and len(server.requests) == 2


# ----------------------------------------------------------------------------- no reply


def test_nothing_listening_is_unavailable_for_every_row(make_judge, score, capitals):
    url = f"http://127.0.0.1:{closed_port()}/v1"
    verdicts = score(make_judge(url, model="m"), capitals(3))
    assert [(v.kind, v.reason, v.score) for v in verdicts] == [("unverifiable", "judge_unavailable", None)] * 3
    assert "Connection refused" in verdicts[0].details["message"] and "3 attempt(s)" in verdicts[0].details["message"]


def test_a_reply_slower_than_the_deadline_is_unavailable_and_not_awaited(serve, make_judge, score, capitals):
    server = serve(lambda request: Scripted("VERDICT: CORRECT", delay=30))
    started = time.monotonic()
    verdicts = score(make_judge(server.url, model="m", timeout=0.5), capitals(2))
    assert time.monotonic() - started < 30  # the 30 s replies were never waited for
    assert [v.reason for v in verdicts] == ["judge_unavailable"] * 2
    assert "within 0.5 s" in verdicts[0].details["message"]
    assert len(server.requests) == 2  # the deadline was spent: no retry after it


def test_429_is_retried_until_it_succeeds(serve, make_judge, score, capitals):
    server = serve(lambda r: Scripted(status=429, body="{}") if r.attempt <= 2 else rule_judge(r))
    verdicts = score(make_judge(server.url, model="m", retries=2), capitals(2))
    assert kinds(verdicts) == ["correct", "incorrect"]
    assert [v.details["metrics"]["requests"] for v in verdicts] == [3.0, 3.0] and len(server.requests) == 6


def test_retry_after_is_honoured(serve, make_judge, score, capitals):
    server = serve(lambda r: Scripted(status=429, body="{}", headers={"Retry-After": "0.4"}) if r.attempt == 1 else rule_judge(r))
    (verdict,) = score(make_judge(server.url, model="m", backoff=0.0), capitals(1))
    first, second = server.requests
    assert verdict.kind == "correct" and second.received_at - first.received_at >= 0.4


def test_500_is_retried_then_unavailable_after_the_last_attempt(serve, make_judge, score, capitals):
    server = serve(lambda r: Scripted(status=500, body='{"error": "boom"}'))
    verdicts = score(make_judge(server.url, model="m", retries=3), capitals(2))
    assert [v.reason for v in verdicts] == ["judge_unavailable"] * 2
    assert "HTTP 500" in verdicts[0].details["message"] and "4 attempt(s)" in verdicts[0].details["message"]
    assert len(server.requests) == 8


def test_a_500_then_a_reply_is_judged(serve, make_judge, score, capitals):
    server = serve(lambda r: Scripted(status=503, body="{}") if r.attempt == 1 else rule_judge(r))
    assert kinds(score(make_judge(server.url, model="m"), capitals(2))) == ["correct", "incorrect"]


def test_a_client_error_is_not_retried(serve, make_judge, score, capitals):
    server = serve(lambda r: Scripted(status=401, body='{"error": {"message": "invalid api key"}}'))
    (verdict,) = score(make_judge(server.url, model="m", retries=3), capitals(1))
    assert verdict.reason == "judge_unavailable" and "HTTP 401" in verdict.details["message"]
    assert "invalid api key" in verdict.details["message"] and len(server.requests) == 1


def test_an_endpoint_that_keeps_failing_stops_being_asked(serve, make_judge, score, capitals):
    server = serve(lambda r: Scripted(status=503, body="{}"))
    verdicts = score(make_judge(server.url, model="m", retries=0, max_concurrency=2), capitals(40))
    assert [v.reason for v in verdicts] == ["judge_unavailable"] * 40
    assert 5 <= len(server.requests) <= 5 + 2  # the breaker opened after five failures in a row
    assert sum("not sent" in v.details["message"] for v in verdicts) >= 40 - 7


def test_the_server_killed_mid_batch(make_judge, score, capitals):
    command = [sys.executable, "-m", "grpo_rewards_judge.testing", "--delay", "0.2", "--announce"]
    server = subprocess.Popen(command, stdout=subprocess.PIPE, text=True, start_new_session=True)
    try:
        first = server.stdout.readline()
        assert "listening on http://127.0.0.1:" in first, first
        url = first.split()[-1]

        def kill_after_four() -> None:
            for line in server.stdout:
                if line.strip() == "served 4":
                    os.killpg(server.pid, signal.SIGKILL)
                    return

        killer = threading.Thread(target=kill_after_four, daemon=True)
        killer.start()
        verdicts = score(make_judge(url, model="m", max_concurrency=2), capitals(16))
        killer.join(timeout=5)
    finally:
        if server.poll() is None:
            os.killpg(server.pid, signal.SIGKILL)
        server.wait()
    judged = [v for v in verdicts if v.is_judgment]
    assert len(verdicts) == 16 and 1 <= len(judged) < 16  # a reply written just before the kill may still be lost
    assert all(v.reason == "judge_unavailable" for v in verdicts if not v.is_judgment)
    assert all(v.kind == ("correct" if i % 2 == 0 else "incorrect") for i, v in enumerate(verdicts) if v.is_judgment)


# ----------------------------------------------------------------------------- cache and limits


def test_rescored_rows_come_from_the_cache(serve, make_judge, score, capitals):
    server = serve()
    judge = make_judge(server.url, model="m")
    first = score(judge, capitals(4))
    again = score(judge, capitals(4))
    assert len(server.requests) == 4
    assert [(v.kind, v.score) for v in again] == [(v.kind, v.score) for v in first]
    assert all(v.details["cached"] and v.details["metrics"]["cache_hits"] == 1.0 for v in again)
    assert all(v.details["metrics"]["tokens_in"] == 0.0 for v in again)
    score(make_judge(server.url, model="m", temperature=0.7), capitals(4))  # another setting: asked again
    assert len(server.requests) == 8


def test_identical_completions_of_one_batch_are_asked_once(serve, make_judge, score, capitals):
    server = serve()
    rows = capitals(2) * 3  # each prompt's completion three times, as GRPO groups often hold
    verdicts = score(make_judge(server.url, model="m", cache_size=0), rows)
    assert len(server.requests) == 2 and [v.kind for v in verdicts] == ["correct", "incorrect"] * 3
    assert sum(v.details["metrics"]["requests"] for v in verdicts) == 2.0
    assert sum(bool(v.details.get("cached")) for v in verdicts) == 4


def test_the_cache_can_be_turned_off(serve, make_judge, score, capitals):
    server = serve()
    judge = make_judge(server.url, model="m", cache_size=0)
    score(judge, capitals(2))
    score(judge, capitals(2))
    assert len(server.requests) == 4


def test_no_more_requests_in_flight_than_the_concurrency_limit(serve, make_judge, score, capitals):
    holder = {}

    def script(request):
        holder["server"].wait_in_flight(3, timeout=5, of_total=9)  # hold each reply until three are in flight
        return rule_judge(request)

    server = holder["server"] = serve(script)
    verdicts = score(make_judge(server.url, model="m", max_concurrency=3), capitals(9))
    assert all(v.is_judgment for v in verdicts)
    assert server.max_in_flight == 3


def test_requests_start_no_faster_than_the_rate_limit(serve, make_judge, score, capitals):
    server = serve()
    score(make_judge(server.url, model="m", requests_per_second=10), capitals(5))
    times = sorted(r.received_at for r in server.requests)
    assert times[-1] - times[0] >= 0.3  # five starts 0.1 s apart span 0.4 s (arrival jitter allowed for)


def test_a_custom_limiter_is_asked_before_every_attempt(serve, make_judge, score, capitals):
    import contextlib

    from grpo_rewards_judge.limits import LocalLimiter, set_limiter_factory

    seen = []

    class Counting(LocalLimiter):
        async def pace(self) -> None:
            seen.append("attempt")

    set_limiter_factory(lambda endpoint, concurrency, rate: Counting(concurrency, rate))
    server = serve(lambda r: Scripted(status=429, body="{}") if r.attempt == 1 else rule_judge(r))
    with contextlib.ExitStack():
        score(make_judge(server.url, model="m"), capitals(3))
    assert len(seen) == 6 == len(server.requests)


@pytest.fixture
def shared_limits():
    """The shared registry (grpo_rewards.limits) with the test's rates and limiter, reset after it."""
    from grpo_rewards import limits

    yield limits
    limits.set_rate("judge_requests", None)
    limits.set_rate("judge_requests", None, per="node")
    limits.use(None)


def test_every_attempt_is_drawn_from_the_shared_judge_requests_rates(serve, make_judge, score, capitals, shared_limits):
    """A rate set in grpo_rewards.limits (so on Ray a cluster's) is asked before each attempt, retries too."""
    booked: list[tuple[str, float]] = []

    class Recording(shared_limits.LocalLimiter):
        def reserve(self, key: str, amount: float, per_second: float) -> float:
            booked.append((key.split(":")[0], per_second))
            return super().reserve(key, amount, per_second)

    shared_limits.use(Recording())
    shared_limits.set_rate("judge_requests", 500)
    shared_limits.set_rate("judge_requests", 200, per="node")
    server = serve(lambda r: Scripted(status=429, body="{}") if r.attempt == 1 else rule_judge(r))
    verdicts = score(make_judge(server.url, model="m"), capitals(3))
    assert all(v.is_judgment for v in verdicts)
    assert sorted(booked) == sorted([("judge_requests", 500.0), ("judge_requests@node", 200.0)] * len(server.requests))
    assert len(server.requests) == 6


def test_a_shared_judge_requests_rate_spaces_the_starts(serve, make_judge, score, capitals, shared_limits):
    shared_limits.set_rate("judge_requests", 10)
    server = serve()
    score(make_judge(server.url, model="m"), capitals(5))
    times = sorted(r.received_at for r in server.requests)
    assert times[-1] - times[0] >= 0.3  # five starts 0.1 s apart span 0.4 s (arrival jitter allowed for)


def test_without_a_shared_rate_the_judge_never_asks_the_registry(serve, make_judge, score, capitals, shared_limits):
    asked: list[str] = []

    class Watching(shared_limits.LocalLimiter):
        def reserve(self, key: str, amount: float, per_second: float) -> float:
            asked.append(key)
            return super().reserve(key, amount, per_second)

    shared_limits.use(Watching())
    server = serve()
    verdicts = score(make_judge(server.url, model="m", requests_per_second=1000), capitals(2))
    assert all(v.is_judgment for v in verdicts) and asked == []


# ----------------------------------------------------------------------------- configuration


def test_the_api_key_comes_from_the_named_variable_and_is_never_shown(serve, make_judge, score, capitals, monkeypatch):
    monkeypatch.setenv("JUDGE_TEST_KEY", "sk-test-1234")
    server = serve()
    judge = make_judge(server.url, model="m", api_key_env="JUDGE_TEST_KEY")
    verdicts = score(judge, capitals(1))
    assert server.requests[0].headers["authorization"] == "Bearer sk-test-1234"
    assert "sk-test-1234" not in repr(judge) + repr(judge.settings) + repr(verdicts)


def test_an_unset_key_variable_sends_nothing(serve, make_judge, score, capitals, monkeypatch):
    monkeypatch.delenv("JUDGE_MISSING_KEY", raising=False)
    server = serve()
    (verdict,) = score(make_judge(server.url, model="m", api_key_env="JUDGE_MISSING_KEY"), capitals(1))
    assert verdict.reason == "judge_unavailable" and "JUDGE_MISSING_KEY" in verdict.details["message"]
    assert server.requests == []


def test_without_a_base_url_every_row_says_how_to_set_one(make_judge, score, capitals):
    verdicts = score(make_judge(None), capitals(2))
    assert [v.reason for v in verdicts] == ["judge_unavailable"] * 2 and "judge.base_url" in verdicts[0].details["message"]
