"""The judge in training: preflight's probe, reward_funcs with per-step token metrics, and real GRPO steps."""

from __future__ import annotations

import json
import socket

import pytest
from grpo_rewards_judge.testing import Scripted
from grpo_rewards_trainer import Environment, TrainConfig, preflight, train

from grpo_rewards import RewardError, reward_funcs
from grpo_rewards.testing import check_reward_contract

CPU = Environment(versions={"trl": "1.16.0", "transformers": "5.17.0", "torch": "2.13.0"}, cuda=False)


def _dead_url() -> str:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{probe.getsockname()[1]}/v1"


def test_preflight_probes_the_endpoint_once(serve, make_judge):
    server = serve()
    said = make_judge(server.url, model="m").preflight()
    assert "probe answered" in said and "VERDICT: CORRECT" in said and len(server.requests) == 1


def test_preflight_ranking_probe_has_two_candidates(serve, make_judge):
    server = serve(model="listed-model")
    said = make_judge(server.url, template="ranking").preflight()
    assert "RANKING:" in said and "model listed-model" in said
    assert server.requests[0].user.count("<<<CANDIDATE ") == 2


@pytest.mark.parametrize(
    ("url", "script", "expected"),
    [
        (None, None, "set judge.base_url"),
        ("dead", None, "did not answer the probe"),
        ("live", lambda request: Scripted("I'd rather not say."), "no valid score"),
        ("live", lambda request: Scripted(status=404, body='{"error": "model m not found"}'), "model m not found"),
    ],
)
def test_preflight_fails_saying_what_to_fix(serve, make_judge, url, script, expected):
    if url == "live":
        url = serve(script).url
    elif url == "dead":
        url = _dead_url()
    with pytest.raises(RewardError, match=expected):
        make_judge(url, model="m", retries=0).preflight()


def _train_config(dataset, url, tmp_path, **changes):
    return TrainConfig(
        **{
            "model": str(dataset.parent),
            "dataset": str(dataset),
            "prompt_column": "question",
            "rewards": ["judge"],
            "reward_options": {"judge": {"base_url": url, "model": "m"}},
            "num_generations": 4,
            "per_device_train_batch_size": 4,
            "output_dir": str(tmp_path / "out"),
            **changes,
        }
    )


@pytest.fixture
def dataset(tmp_path):
    path = tmp_path / "data.jsonl"
    path.write_text("".join(json.dumps({"question": f"{a}+3=", "answer": str(a + 3)}) + "\n" for a in range(8)))
    return path


def test_the_trainers_preflight_runs_the_probe(serve, dataset, tmp_path, plugin_manager):
    report = preflight(_train_config(dataset, serve().url, tmp_path), environment=CPU)
    assert report.ok and any("reward 'judge'" in c.message and "probe answered" in c.message for c in report.checks)
    down = preflight(_train_config(dataset, _dead_url(), tmp_path), environment=CPU)
    (error,) = [c.message for c in down.errors]
    assert "reward 'judge'" in error and "did not answer the probe" in error


def test_reward_funcs_keep_the_trl_contract_and_log_tokens_per_call(serve, plugin_manager):
    server = serve()
    options = {"base_url": server.url, "model": "m"}
    scores = check_reward_contract(
        "judge", prompts=["2+2?", "2+2?"], completions=["4", "5"], columns={"answer": ["4", "4"]}, options=options
    )
    assert scores == [1.0, 0.0]
    (func,), _ = reward_funcs(["judge"], {"judge": {**options, "cache_size": 0}})
    logged = {}
    func(prompts=["2+2?", "2+2?"], completions=["4", "5"], answer=["4", "4"], log_metric=logged.__setitem__)
    assert logged["rewards/judge/requests"] == 2.0 and logged["rewards/judge/tokens_in"] > 0
    assert logged["rewards/judge/tokens_out"] > 0 and logged["rewards/judge/unverifiable"] == 0.0
    func(prompts=["2+2?"], completions=["4"], answer=["4"], log_metric=logged.__setitem__)
    assert logged["rewards/judge/requests"] == 1.0  # per call, not a running total


@pytest.mark.slow
def test_grpo_steps_with_the_judge(serve, dataset, tmp_path, plugin_manager):
    pytest.importorskip("trl")
    from grpo_rewards_trainer.toy import build_toy_model

    corpus = [f"{a}+3=<think>{a} plus 3</think>\\boxed{{{a + 3}}}" for a in range(40)]
    model = build_toy_model(tmp_path / "toy", corpus, hidden_size=32, layers=1, heads=2, vocab_size=300)
    server = serve()
    config = _train_config(
        dataset, server.url, tmp_path, model=str(model), backend="trl", chat_template="off", max_completion_length=8, max_steps=2
    )
    config = config.replace(learning_rate=1e-3, lora_r=4, lora_alpha=8, target_modules=["q_proj", "v_proj"], seed=0)
    result = train(config)
    steps = [h for h in result.log_history if "rewards/judge/mean" in h]
    assert len(steps) == 2
    assert steps[0]["rewards/judge/unverifiable"] == 0.0 and steps[0]["rewards/judge/requests"] == 4.0
    assert steps[0]["rewards/judge/tokens_in"] > 0
    assert len(server.requests) >= 1 + 8  # the preflight probe, then every completion of both steps (repeats cached)
