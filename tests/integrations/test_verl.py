"""The verl adapter through verl 0.9.1's own reward managers, and its rules in this process.

verl runs from a folder of its own (``verl_env.py``), in a subprocess, so its
pinned stack never touches this environment.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from grpo_rewards import ConfigError, RewardError
from grpo_rewards.integrations import verl as adapter

HERE = Path(__file__).resolve().parent
#: Per sample of verl_scenario.SAMPLES: the reward verl puts at the last response token, and the flags.
EXPECTED_SCORES = [1.2, 0.2, 0.0, 0.2, 1.0, 0.0]
EXPECTED_UNVERIFIABLE = [False, False, False, True, False, False]
EXPECTED = {
    "math/verdict": ["correct", "incorrect", "incorrect", "unverifiable", "not_selected", "not_selected"],
    "math/score": [1.0, 0.0, 0.0, None, None, None],
    "format/score": [1.0, 1.0, 0.0, 1.0, None, None],
    "code/verdict": ["not_selected"] * 4 + ["correct", "incorrect"],
    "unverifiable_reasons": ["", "", "", "math:gold_unparseable", "", ""],
}


def _adapter_path() -> str:
    done = subprocess.run(
        [sys.executable, "-m", "grpo_rewards.cli", "integrations", "verl", "--path-only"], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def _scenario(verl_deps: Path, tmp_path: Path, env=None, service: str | None = None) -> dict:
    command = [sys.executable, str(HERE / "verl_scenario.py"), str(verl_deps), _adapter_path(), str(tmp_path)]
    done = subprocess.run(command + ([service] if service else []), capture_output=True, text=True, timeout=900, env=env)
    assert done.returncode == 0, done.stderr[-6000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def _check(results: dict) -> None:
    assert set(results) == {"legacy", "reward_loop", "batch"}
    for path, result in results.items():
        *per_sample, total = result["rewards"]
        assert per_sample == pytest.approx(EXPECTED_SCORES), path
        extra = result["extra"]
        assert extra["score"] == pytest.approx(EXPECTED_SCORES) and extra["unverifiable"] == EXPECTED_UNVERIFIABLE, path
        for key, values in EXPECTED.items():
            assert extra[key] == values, (path, key)
    assert results["legacy"]["extra"] == results["reward_loop"]["extra"] == results["batch"]["extra"]


@pytest.mark.docker
@pytest.mark.slow
def test_verls_reward_managers_load_the_adapter_by_path_and_get_verdicts(verl_deps, tmp_path):
    _check(_scenario(verl_deps, tmp_path))


@pytest.mark.docker
@pytest.mark.slow
def test_through_the_service_verl_gets_the_same_results(verl_deps, tmp_path, service, serve_env):
    _check(_scenario(verl_deps, tmp_path, env=serve_env, service=service.url))


def test_the_verl_module_is_loadable_outside_any_package():
    import importlib.util

    spec = importlib.util.spec_from_file_location("custom_module_x", _adapter_path())
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # what verl's load_extern_object does with a file path
    result = module.compute_score("math", "\\boxed{3}", "3", {})
    assert result["score"] == 1.0 and result["math/verdict"] == "correct"


def test_rewards_come_from_extra_info_then_the_config_then_the_data_source():
    info = {adapter.EXTRA_INFO_KEY: ["format"]}
    assert list(adapter.compute_score("math", "x", "1", info)) == ["score", "unverifiable", "unverifiable_reasons"] + [
        "format/score",
        "format/verdict",
        "format/reason",
    ]
    by_source = {"gsm8k": ["math:2"], "other": "format"}
    result = adapter.compute_score("gsm8k", "\\boxed{1}", "1", {}, rewards=by_source)
    assert result["score"] == 2.0 and result["format/verdict"] == "not_selected"  # same keys for every data source
    assert adapter.compute_score("math", "\\boxed{1}", "1", None)["math/verdict"] == "correct"
    with pytest.raises(ConfigError, match="no rewards for data_source 'openai/gsm8k'"):
        adapter.compute_score("openai/gsm8k", "\\boxed{1}", "1", {})
    with pytest.raises(ConfigError, match="unknown reward_kwargs \\['reward'\\]"):
        adapter.compute_score("math", "\\boxed{1}", "1", {}, reward=["math"])


def test_a_dict_ground_truth_gives_columns_and_a_plain_one_the_gold_column():
    result = adapter.compute_score(
        "x", "\\boxed{4}", {"solution": "4"}, {}, rewards=["math"], options={"math": {"gold_column": "solution"}}
    )
    assert result["math/verdict"] == "correct"
    result = adapter.compute_score(
        "x", "\\boxed{4}", "4", {}, rewards=["math"], ground_truth_column="gold", options={"math": {"gold_column": "gold"}}
    )
    assert result["math/verdict"] == "correct"


def test_a_reward_that_never_judges_stops_the_run_loudly():
    for _ in range(4):
        result = adapter.compute_score("math", "\\boxed{1}", "\\frac{", {}, abort_after_samples=5)
        assert result["unverifiable"] and result["score"] == 0.0
    with pytest.raises(RewardError, match="reward 'math': unverifiable for 5 samples in a row \\(gold_unparseable x5\\)"):
        adapter.compute_score("math", "\\boxed{1}", "\\frac{", {}, abort_after_samples=5)
    assert adapter.compute_score("math", "\\boxed{1}", "1", {}, abort_after_samples=5)["math/verdict"] == "correct"


def test_a_service_that_is_down_is_unverifiable_never_a_score(service):
    result = adapter.compute_score("gsm8k", "\\boxed{1}", "1", {}, rewards=["math"], service=service.url)
    assert result["math/verdict"] == "correct"
    service.stop(timeout=120)
    result = adapter.compute_score("gsm8k", "\\boxed{1}", "1", {}, rewards=["math"], service=service.url)
    assert result["unverifiable"] and result["math/score"] is None and result["score"] == 0.0
    assert result["unverifiable_reasons"] == "math:service_unavailable"
