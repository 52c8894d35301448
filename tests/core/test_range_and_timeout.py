"""A score outside the declared output_range is refused everywhere; an inline reward refuses `timeout`; log_extra."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from grpo_contract_rewards import ContractPlugin
from grpo_test_rewards import SamplePlugin, WholeBatch

from grpo_rewards import ConfigError, PluginManager, reward_funcs
from grpo_rewards.cli import build_cli


@pytest.fixture
def contract(register_plugin):
    register_plugin(ContractPlugin(), name="contract")


def test_an_out_of_range_score_is_unverifiable_crash_naming_the_breach_never_clamped(contract, tmp_path):
    (func,), _ = reward_funcs(["out_of_range"])
    assert func(prompts=["p", "p"], completions=["big", "small"]) == [None, 0.5]

    data = tmp_path / "rows.jsonl"
    data.write_text("".join(json.dumps({"completion": c}) + "\n" for c in ("big", "small")))
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(
        build_cli(), ["check", str(data), "-r", "out_of_range", "--output", str(out)], env={"COLUMNS": "200"}
    )
    assert result.exit_code == 1  # a breach is a failure on the reward's side
    first = json.loads(out.read_text().splitlines()[0])["rewards"]["out_of_range"]
    assert (first["verdict"], first["reason"], first["score"]) == ("unverifiable", "crash", None)
    assert first["details"]["breach"] == "output_range" and first["details"]["rejected_score"] == 1.5
    assert "outside its declared output_range [0, 1]" in first["details"]["message"]


def test_timeout_is_refused_for_inline_rewards_and_taken_where_something_enforces_it():
    manager = PluginManager()
    manager.load(entry_points=False)
    manager.register(SamplePlugin(), name="sample")
    with pytest.raises(ConfigError, match="runs inline .* silently ignored"):
        manager.registry.create("format", {"timeout": "2"})
    with pytest.raises(ConfigError, match="'inline_crash'"):
        manager.registry.create("inline_crash", {"timeout": 1})
    assert manager.registry.create("echo", {"timeout": "2"}).timeout == 2.0  # the pool enforces it

    class BatchPlugin:
        import grpo_rewards

        @grpo_rewards.hookimpl
        def register_rewards(self, register):
            register(WholeBatch)

    manager.register(BatchPlugin(), name="batch")
    assert manager.registry.create("whole_batch", {"timeout": "3"}).timeout == 3.0  # a batch reward bounds its own calls


def test_the_cli_refuses_an_inline_timeout_as_a_usage_error(tmp_path):
    data = tmp_path / "rows.jsonl"
    data.write_text(json.dumps({"completion": "<think>x</think> y"}) + "\n")
    result = CliRunner().invoke(
        build_cli(), ["check", str(data), "-r", "format", "-o", "format.timeout=3"], env={"COLUMNS": "200"}
    )
    assert result.exit_code == 2 and "timeout would be silently ignored" in result.output


def test_each_reward_logs_its_verdicts_and_reasons_to_trl_completions_table(contract):
    logged: dict[str, list] = {}
    (func,), _ = reward_funcs(["out_of_range"])
    func(prompts=["p", "p"], completions=["big", "small"], log_extra=lambda column, values: logged.setdefault(column, values))
    assert logged["out_of_range/verdict"] == ["unverifiable", "partial"]
    assert logged["out_of_range/reason"][0].startswith("crash: reward 'out_of_range' returned partial with score 1.5")
    assert logged["out_of_range/reason"][1] == "fine"
