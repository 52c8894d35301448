"""Rewards never hold a step up: they run concurrently in real GRPO steps, and warm up before the model loads."""

from __future__ import annotations

import dataclasses

import pytest
from grpo_rewards_trainer import PreflightError, TrainingRun

from grpo_rewards import AsyncRewardFunction, get_pool

from .conftest import Rendezvous

pytestmark = pytest.mark.slow
pytest.importorskip("trl")


def _steps(result, name):
    return [h for h in result.log_history if f"rewards/{name}/mean" in h]


def test_two_rewards_of_a_step_run_at_the_same_time(cpu_config, tmp_path, test_rewards):
    # meet_a scores a sample only when meet_b reaches the same barrier meanwhile; run one after
    # the other, the first would wait out the barrier's timeout and every sample would crash (None).
    Rendezvous.barrier.reset()
    run = TrainingRun.prepare(cpu_config(rewards=["meet_a", "meet_b"]))
    assert run.trainer._has_async_funcs  # TRL saw async reward functions and started its event loop
    assert all(isinstance(f, AsyncRewardFunction) for f in run.trainer.reward_funcs)
    result = run.execute()
    for name in ("meet_a", "meet_b"):
        steps = _steps(result, name)
        assert len(steps) == 2
        assert [s[f"rewards/{name}/mean"] for s in steps] == [1.0, 1.0]
        assert [s[f"rewards/{name}/unverifiable"] for s in steps] == [0.0, 0.0]
    assert not Rendezvous.barrier.broken


def test_real_rewards_score_the_same_through_the_async_path(cpu_config, tmp_path, plugin_manager):
    runs = {}
    for flag in (True, False):
        run = TrainingRun.prepare(cpu_config(output_dir=str(tmp_path / str(flag)), async_rewards=flag))
        assert run.trainer._has_async_funcs is flag
        runs[flag] = run.execute()
    for name in ("math", "format"):
        # same seed, same model, same completions: the async path must score them identically
        for key in (f"rewards/{name}/mean", f"rewards/{name}/unverifiable"):
            assert [s[key] for s in _steps(runs[True], name)] == [s[key] for s in _steps(runs[False], name)]


def test_warm_up_starts_the_pool_and_probes_every_reward_before_the_model_loads(
    cpu_config, tmp_path, plugin_manager, monkeypatch
):
    import grpo_rewards_trainer.run as run_module

    loads = []
    real_load = run_module.load_backend
    monkeypatch.setattr(run_module, "load_backend", lambda *a, **kw: loads.append(get_pool().size) or real_load(*a, **kw))
    run = TrainingRun.prepare(cpu_config())
    warm = {c.message.split(":")[0]: c for c in run.report.checks if c.topic == "warm-up"}
    assert set(warm) == {"math", "format"} and all(c.level == "ok" for c in warm.values())
    workers = get_pool().size
    assert loads == [workers]  # the pool was running when the model started to load
    assert f"{2 * workers} probe samples" in warm["math"].message and f"({workers} workers)" in warm["math"].message
    assert "2 probe samples" in warm["format"].message and "(inline)" in warm["format"].message


def test_a_reward_that_crashes_on_every_probe_stops_before_the_model_loads(cpu_config, tmp_path, test_rewards, monkeypatch):
    import grpo_rewards_trainer.run as run_module

    monkeypatch.setattr(run_module, "load_backend", lambda *a, **kw: pytest.fail("the model was loaded"))
    with pytest.raises(PreflightError) as raised:
        TrainingRun.prepare(cpu_config(rewards=["format", "always_crashes"]))
    message = str(raised.value)
    assert "nothing was loaded" in message and "[warm-up] reward 'always_crashes'" in message
    assert "crashed on every warm-up sample" in message and "KeyError: 'solution'" in message
    assert "format" not in message.split("[warm-up]", 1)[1].split("always_crashes")[0]


def test_a_reward_unverifiable_on_the_probe_is_left_to_training(cpu_config, tmp_path, test_rewards):
    run = TrainingRun.prepare(cpu_config(rewards=["format", "never_judges"]))
    (check,) = [c for c in run.report.checks if c.topic == "warm-up" and c.message.startswith("never_judges")]
    assert check.level == "ok"


def test_a_loaded_model_trains_again_under_other_settings(cpu_config, tmp_path, plugin_manager):
    first = TrainingRun.prepare(cpu_config(output_dir=str(tmp_path / "a"), max_completion_length=8))
    first.execute()
    again = dataclasses.replace(first.loaded, model=first.trainer.model, peft_config=None)
    second = TrainingRun.prepare(cpu_config(output_dir=str(tmp_path / "b"), max_completion_length=4), loaded=again)
    assert second.trainer.model is first.trainer.model  # the same LoRA model, not wrapped a second time
    result = second.execute()
    assert len(_steps(result, "math")) == 2
    assert all(s["completions/max_length"] <= 4 for s in _steps(result, "math"))
