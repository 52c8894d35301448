"""Choosing the executor: by name, from the environment, on the CLI; Ray is imported only when it is chosen."""

from __future__ import annotations

import pickle
import subprocess
import sys

import pytest
from click.testing import CliRunner

from grpo_rewards import ConfigError, Sample, reward_funcs, score_samples
from grpo_rewards.builtin.format import FormatReward
from grpo_rewards.cli import build_cli
from grpo_rewards.executors import EXECUTOR_ENV, LocalExecutor, executor_name, get_executor


def test_the_default_is_local(monkeypatch):
    monkeypatch.delenv(EXECUTOR_ENV, raising=False)
    assert executor_name() == "local"
    assert isinstance(get_executor(), LocalExecutor)
    monkeypatch.setenv(EXECUTOR_ENV, "Ray ")
    assert executor_name() == "ray"
    assert executor_name("local") == "local"  # an explicit choice wins over the environment


def test_an_unknown_executor_says_which_there_are(monkeypatch):
    with pytest.raises(ConfigError, match="'dask' is unknown: use local or ray"):
        executor_name("dask")
    monkeypatch.setenv(EXECUTOR_ENV, "spark")
    with pytest.raises(ConfigError, match=r"\$GRPO_REWARDS_EXECUTOR 'spark' is unknown"):
        score_samples(FormatReward(), [Sample("x")])
    with pytest.raises(ConfigError, match="'dask' is unknown"):
        reward_funcs(["format"], executor="dask")


def test_reward_functions_keep_their_executor_through_pickling(monkeypatch):
    monkeypatch.delenv(EXECUTOR_ENV, raising=False)
    funcs, _ = reward_funcs(["format"], executor="ray")  # nothing connects until a batch is scored
    copy = pickle.loads(pickle.dumps(funcs[0]))
    assert copy.executor == "ray" and copy.__name__ == "format"
    local, _ = reward_funcs(["format"], executor=LocalExecutor())
    assert pickle.loads(pickle.dumps(local[0])).executor == "local"
    default, _ = reward_funcs(["format"])
    assert pickle.loads(pickle.dumps(default[0])).executor is None  # read from the environment at each call


def test_check_refuses_an_unknown_executor():
    result = CliRunner().invoke(build_cli(), ["check", "examples/format.jsonl", "--executor", "dask"])
    assert result.exit_code == 2 and "dask" in result.output


def test_without_ray_installed_the_ray_executor_says_how_to_get_it():
    code = (
        "import sys; sys.modules['ray'] = None\n"
        "from grpo_rewards.executors import get_executor\n"
        "from grpo_rewards import ConfigError\n"
        "try:\n    get_executor('ray')\nexcept ConfigError as exc:\n    print(exc)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert "pip install 'grpo-rewards[ray]'" in out and "--executor local" in out
