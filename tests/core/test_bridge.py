"""The TRL bridge: keyword contract, formats, None for unverifiable, pickling, loud failure."""

from __future__ import annotations

import pickle

import pytest
from grpo_test_rewards import SamplePlugin

from grpo_rewards import ConfigError, RewardError, reward_funcs
from grpo_rewards.testing import check_reward_contract


@pytest.fixture
def sample_plugin(register_plugin):
    register_plugin(SamplePlugin(), name="sample-plugin")


def test_names_weights_and_options(sample_plugin):
    funcs, weights = reward_funcs(["echo", "misbehave:0.25"], {"echo": {"mode": "casefold"}})
    assert [f.__name__ for f in funcs] == ["echo", "misbehave"] and weights == [1.0, 0.25]
    assert funcs[0](prompts=["q"], completions=["YES"], answer=["yes"]) == [1.0]


@pytest.mark.parametrize(
    ("specs", "options", "match"),
    [
        (["nope"], None, "unknown reward 'nope'"),
        (["echo:heavy"], None, "not a number"),
        (["echo", "echo:2"], None, "listed twice"),
        (["echo"], {"misbehave": {"x": 1}}, "misbehave"),
        (["echo"], {"echo": {"colour": "red"}}, "unknown option 'colour'"),
    ],
)
def test_configuration_errors_are_clear(sample_plugin, specs, options, match):
    with pytest.raises(ConfigError, match=match):
        reward_funcs(specs, options)


def test_trl_keyword_contract_in_both_formats(sample_plugin):
    scores = check_reward_contract(
        "echo", prompts=["a", "a", "b"], completions=["1", "2", "3"], columns={"answer": ["1", "1", "3"]}
    )
    assert scores == [1.0, 0.0, 1.0]


def test_unverifiable_becomes_none_and_is_counted(sample_plugin):
    (func,), _ = reward_funcs(["misbehave"])
    logged = {}
    scores = func(
        prompts=["p"] * 3,
        completions=["fine", "crash", "unverifiable"],
        completion_ids=None,
        trainer_state=None,
        log_metric=lambda name, value: logged.__setitem__(name, value),
        log_extra=lambda *a: None,
    )
    assert scores == [1.0, None, None]
    assert func.last_stats.unverifiable == {"crash": 1, "infra_error": 1}
    assert logged["rewards/misbehave/unverifiable"] == 2.0 and logged["rewards/misbehave/unverifiable/crash"] == 1.0
    assert "rewards/misbehave/seconds" in logged


def test_metrics_in_verdict_details_are_logged_per_call(register_plugin):
    from grpo_rewards import Manifest, Reward, Verdict, hookimpl

    class Costly(Reward):
        name = "costly"
        manifest = Manifest(isolation="inline")

        def score(self, sample, prepared):
            return Verdict.correct(metrics={"tokens_in": len(sample.completion), "seconds": 99.0})

    class Plugin:
        @hookimpl
        def register_rewards(self, register):
            register(Costly)

    register_plugin(Plugin(), name="costly-plugin")
    (func,), _ = reward_funcs(["costly"])
    logged = {}
    func(prompts=["p", "p"], completions=["abc", "de"], log_metric=logged.__setitem__)
    assert logged["rewards/costly/tokens_in"] == 5.0 and func.last_stats.metrics["tokens_in"] == 5.0
    assert logged["rewards/costly/seconds"] != 99.0  # a reward's metric cannot take over the bridge's own


def test_first_failure_traceback_is_logged_once(sample_plugin, caplog):
    (func,), _ = reward_funcs(["misbehave"])
    func(prompts=["p"], completions=["crash"])
    func(prompts=["p"], completions=["crash"])
    logged = [r for r in caplog.records if "failed on a sample" in r.getMessage()]
    assert len(logged) == 1 and "boom on purpose" in logged[0].getMessage()


def test_all_unverifiable_batches_stop_training_loudly(sample_plugin):
    (func,), _ = reward_funcs(["misbehave"], abort_after=2)
    func(prompts=["p"], completions=["unverifiable"])
    func(prompts=["p"], completions=["fine"])  # a scored batch resets the count
    func(prompts=["p"], completions=["unverifiable"])
    with pytest.raises(RewardError, match="2 batches in a row.*infra_error"):
        func(prompts=["p"], completions=["unverifiable"])


def test_pickled_function_keeps_name_weight_and_behaviour(sample_plugin):
    (func,), _ = reward_funcs(["echo:0.5"])
    clone = pickle.loads(pickle.dumps(func))
    assert (clone.__name__, clone.weight) == ("echo", 0.5)
    assert clone(prompts=["p"], completions=["x"], answer=["x"]) == [1.0]


def test_chat_completions_use_assistant_content(sample_plugin):
    (func,), _ = reward_funcs(["echo"])
    completions = [[{"role": "assistant", "content": [{"type": "text", "text": "4"}]}], [{"role": "assistant", "content": "5"}]]
    prompts = [[{"role": "user", "content": "2+2?"}]] * 2
    assert func(prompts=prompts, completions=completions, answer=["4", "4"]) == [1.0, 0.0]


def test_async_reward_functions_score_like_the_sync_ones_and_pickle(sample_plugin):
    import asyncio
    import inspect

    batch = {"prompts": ["p"] * 3, "completions": ["fine", "crash", "unverifiable"], "log_metric": lambda *a: None}
    (sync,), _ = reward_funcs(["misbehave"])
    (func,), weights = reward_funcs(["misbehave:0.5"], asynchronous=True)
    assert inspect.iscoroutinefunction(type(func).__call__)  # what TRL's is_async_callable looks for
    assert func.__name__ == "misbehave" and func.weight == 0.5 and weights == [0.5]
    assert asyncio.run(func(**batch)) == sync(**batch) == [1.0, None, None]
    assert func.last_stats.unverifiable == {"crash": 1, "infra_error": 1}
    copy = pickle.loads(pickle.dumps(func))
    assert copy.__name__ == "misbehave" and asyncio.run(copy(**batch)) == [1.0, None, None]


def test_async_reward_functions_of_one_batch_run_at_the_same_time(register_plugin):
    import asyncio
    import threading

    from grpo_rewards import Manifest, Reward, Verdict, hookimpl

    barrier = threading.Barrier(2, timeout=60)  # passed only if the two rewards wait here together

    class Meet(Reward):
        name = "meet_one"
        description = "waits for meet_two"
        manifest = Manifest(isolation="inline")

        def score(self, sample, prepared):
            barrier.wait()
            return Verdict.correct()

    class MeetTwo(Meet):
        name = "meet_two"
        description = "waits for meet_one"

    class Plugin:
        @hookimpl
        def register_rewards(self, register):
            register(Meet)
            register(MeetTwo)

    register_plugin(Plugin(), name="meet")
    funcs, _ = reward_funcs(["meet_one", "meet_two"], asynchronous=True)

    async def step():
        return await asyncio.gather(*(f(prompts=["p", "p"], completions=["a", "b"]) for f in funcs))

    assert asyncio.run(step()) == [[1.0, 1.0], [1.0, 1.0]]
    assert not barrier.broken
