"""One selection path: specs + options + registry -> the selected rewards, or every error, the same in each front end."""

from __future__ import annotations

import pytest
from grpo_test_rewards import Echo, SamplePlugin

from grpo_rewards import ConfigError, PluginManager, reward_funcs
from grpo_rewards.checking import select_for_rows
from grpo_rewards.data import InputRow
from grpo_rewards.selection import parse_option_flags, select_rewards


@pytest.fixture
def manager() -> PluginManager:
    manager = PluginManager()
    manager.register(SamplePlugin(), name="sample-plugin")
    return manager


def test_names_weights_options_and_order(manager):
    selection = select_rewards(manager.registry, ["misbehave:0.25", "echo"], {"echo": {"mode": "casefold", "timeout": "2"}})
    assert not selection.errors
    assert [(s.name, s.weight, s.plugin) for s in selection.rewards] == [
        ("misbehave", 0.25, "sample-plugin"),
        ("echo", 1.0, "sample-plugin"),
    ]
    echo = selection.rewards[1].reward
    assert isinstance(echo, Echo) and echo.options.mode == "casefold" and echo.timeout == 2.0
    assert selection.weights == [0.25, 1.0]


def test_every_problem_is_collected_not_just_the_first(manager):
    specs = ["echo", "echo:2", "nope", "misbehave:heavy", ":3"]
    options = {"echo": {"colour": "red"}, "inline_crash": {"timeout": "1"}}
    selection = select_rewards(manager.registry, specs, options)
    messages = [str(e) for e in selection.errors]
    assert len(messages) == 6, messages
    for expected in (
        "reward 'echo' is listed twice",
        "unknown reward 'nope'",
        "weight 'heavy' is not a number",
        "expected NAME or NAME:WEIGHT",
        "options given for reward 'inline_crash', which is not a selected reward (selected: echo, nope)",
        "unknown option 'colour'",
    ):
        assert any(expected in m for m in messages), (expected, messages)
    assert selection.rewards == []
    with pytest.raises(ConfigError) as info:
        selection.raise_for_errors()
    assert str(info.value).count("\n") == 5


def test_every_installed_selects_all_at_weight_one_when_none_are_named(manager):
    selection = select_rewards(manager.registry, [], {"echo": {"mode": "casefold"}}, every_installed=True)
    assert [s.name for s in selection.rewards] == ["echo", "inline_crash", "misbehave"]
    assert {s.weight for s in selection.rewards} == {1.0}
    named = select_rewards(manager.registry, ["echo"], every_installed=True)
    assert [s.name for s in named.rewards] == ["echo"]


def test_option_flags():
    assert parse_option_flags(["math.mode=strict", "math.tolerance=0.1", "code.cmd=a=b"]) == {
        "math": {"mode": "strict", "tolerance": "0.1"},
        "code": {"cmd": "a=b"},
    }
    with pytest.raises(ConfigError, match="REWARD.KEY=VALUE"):
        parse_option_flags(["mode=strict"])


@pytest.mark.parametrize(
    ("specs", "options", "message"),
    [
        (["echo", "echo"], {}, "reward 'echo' is listed twice"),
        (["echo"], {"misbehave": {"timeout": "1"}}, "options given for reward 'misbehave', which is not a selected reward"),
        (["ech"], {}, "unknown reward 'ech'"),
    ],
)
def test_the_trl_bridge_and_check_say_the_same(manager, specs, options, message):
    with pytest.raises(ConfigError, match=message):
        reward_funcs(specs, options, manager=manager)
    with pytest.raises(ConfigError, match=message):
        select_for_rows(manager, specs, options, [InputRow(1, "", "x", {"answer": "x"})])
