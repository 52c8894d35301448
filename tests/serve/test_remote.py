"""``grpo_rewards.remote``: TRL reward functions through a real service, its outages and deadlines."""

from __future__ import annotations

import concurrent.futures
import pickle
import signal
import socket
import time

import pytest

import grpo_rewards
from grpo_rewards import ConfigError, RewardError, ServiceUnavailable
from grpo_rewards.remote import ServiceClient, parse_service_url, reward_funcs


@pytest.fixture(scope="module")
def math_service(module_service):
    return module_service("--reward", "math", "--reward", "format:0.2")


def trl_batch():
    """What GRPOTrainer passes: text and chat completions, a dataset column, token ids, its own keywords."""
    completions = [
        "<think>two and two make four, surely enough</think> so \\boxed{4}",
        "<think>hmm</think> \\boxed{5}",
        [{"role": "assistant", "content": "<think>six from three times two here</think> \\boxed{6}"}],
        "no answer at all",
    ]
    prompts = ["2+2?", "2+2?", [{"role": "user", "content": "3*2?"}], "3*2?"]
    return {
        "prompts": prompts,
        "completions": completions,
        "completion_ids": [[1, 2, 3]] * 4,
        "answer": ["4", "4", "6", "6"],
        "trainer_state": None,
    }


def test_remote_functions_score_as_the_in_process_ones(math_service, plugin_manager):
    local, local_weights = grpo_rewards.reward_funcs(["math", "format:0.2"])
    remote, remote_weights = reward_funcs(math_service.url, ["math", "format"])
    assert [f.__name__ for f in remote] == ["math", "format"] and remote_weights == local_weights == [1.0, 0.2]
    logged: dict[str, list[tuple[str, float]]] = {"local": [], "remote": []}
    for which, funcs in (("local", local), ("remote", remote)):
        for func in funcs:
            scores = func(**trl_batch(), log_metric=lambda k, v, w=which: logged[w].append((k, v if "seconds" not in k else 0)))
            assert len(scores) == 4
    for lf, rf in zip(local, remote, strict=True):
        assert rf(**trl_batch()) == lf(**trl_batch())
    assert remote[0](**trl_batch()) == [1.0, 0.0, 1.0, 0.0]
    assert logged["remote"] == logged["local"]
    again = pickle.loads(pickle.dumps(remote[0]))
    assert again.__name__ == "math" and again(**trl_batch()) == [1.0, 0.0, 1.0, 0.0]


def test_a_weight_in_the_spec_overrides_the_service_and_unknown_rewards_are_refused(math_service):
    _, weights = reward_funcs(math_service.url, ["format:0.5", "math"])
    assert weights == [0.5, 1.0]
    with pytest.raises(ConfigError, match="'code' is not served by .* \\(served: math, format\\)"):
        reward_funcs(math_service.url, ["code"])


def test_urls():
    assert parse_service_url("unix:/tmp/x.sock") == ("http://grpo-rewards", "/tmp/x.sock")
    assert parse_service_url("unix:///tmp/x.sock") == ("http://grpo-rewards", "/tmp/x.sock")
    assert parse_service_url("http://127.0.0.1:9/") == ("http://127.0.0.1:9", None)
    with pytest.raises(ConfigError, match="expected http://HOST:PORT or unix:/PATH"):
        parse_service_url("127.0.0.1:9")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_killed_mid_request_the_call_is_unverifiable_and_a_restarted_service_is_used_again(start_service):
    port = _free_port()
    service = start_service("--reward", "sleepy", port=port)
    (func,), _ = reward_funcs(service.url, ["sleepy"], deadline=60, retries=2)
    with concurrent.futures.ThreadPoolExecutor(1) as threads:
        call = threads.submit(func, prompts=["p", "p"], completions=["3", "3"])
        while ServiceClient(service.url).health()["in_flight"] == 0:
            time.sleep(0.02)
        service.stop(signal.SIGKILL)
        assert call.result(timeout=60) == [None, None]
    assert dict(func.last_stats.unverifiable) == {"service_unavailable": 2}
    start_service("--reward", "sleepy", port=port)
    assert func(prompts=["p"], completions=["0"]) == [1.0]
    assert func.failed_calls == 0


def test_no_answer_by_the_deadline_is_a_service_timeout(start_service):
    service = start_service("--reward", "sleepy")
    (func,), _ = reward_funcs(service.url, ["sleepy"], deadline=1.0)
    started = time.monotonic()
    assert func(prompts=["p"], completions=["30"]) == [None]
    assert time.monotonic() - started < 30
    assert dict(func.last_stats.unverifiable) == {"service_timeout": 1}


def test_a_service_that_stays_down_stops_training_loudly(start_service):
    service = start_service("--reward", "echo")
    (func,), _ = reward_funcs(service.url, ["echo"], abort_after=2, retries=1)
    assert func(prompts=["p"], completions=["a"], answer=["a"]) == [1.0]
    service.stop(signal.SIGKILL)
    assert func(prompts=["p"], completions=["a"], answer=["a"]) == [None]
    with pytest.raises(RewardError, match="reward 'echo'.*2 batches in a row \\(service_unavailable x1\\)"):
        func(prompts=["p"], completions=["a"], answer=["a"])
    with pytest.raises(ServiceUnavailable, match="no answer from the grpo-rewards service"):
        reward_funcs(service.url, ["echo"])
