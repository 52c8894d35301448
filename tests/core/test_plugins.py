import pytest
from grpo_test_rewards import ClashingPlugin, Echo, MisspelledPlugin, SamplePlugin

from grpo_rewards import AmbiguousRewardError, ConfigError, DuplicateRewardError, PluginError, PluginManager

BROKEN = """
import this_module_does_not_exist_anywhere
"""

GOOD = """
import grpo_rewards
from grpo_test_rewards import Echo

@grpo_rewards.hookimpl
def register_rewards(register):
    register(Echo)
"""


def test_builtins_load_by_module_path_and_loading_is_idempotent():
    manager = PluginManager()
    manager.load(entry_points=False)
    names = [p.name for p in manager.loaded_plugins()]
    assert "grpo_rewards.builtin.format" in names
    before = len(manager.pm.get_plugins())
    manager.load(entry_points=False)
    assert len(manager.pm.get_plugins()) == before


def test_duplicate_reward_names_are_ambiguous_naming_both_plugins():
    manager = PluginManager()
    manager.register(SamplePlugin(), name="first-plugin")
    manager.register(ClashingPlugin(), name="second-plugin")  # both stay installed; neither replaces the other
    with pytest.raises(AmbiguousRewardError) as info:
        manager.registry.get("echo")
    assert "first-plugin" in str(info.value) and "second-plugin" in str(info.value)
    assert "'echo'" in str(info.value) and "'first-plugin/echo'" in str(info.value)
    assert manager.registry.get("first-plugin/echo").plugin == "first-plugin"
    assert manager.registry.get("second-plugin/echo").reward_cls is ClashingPlugin.OtherEcho


def test_one_plugin_registering_two_rewards_of_one_name_fails():
    import grpo_rewards

    class Twice:
        @grpo_rewards.hookimpl
        def register_rewards(self, register):
            register(Echo)
            register(ClashingPlugin.OtherEcho)

    with pytest.raises(DuplicateRewardError, match="two different rewards named 'echo'"):
        PluginManager().register(Twice(), name="twice")


def test_misspelled_hook_is_an_error_naming_the_plugin():
    manager = PluginManager()
    with pytest.raises(PluginError, match="typo-plugin"):
        manager.register(MisspelledPlugin(), name="typo-plugin")
    assert manager.pm.get_plugin("typo-plugin") is None


def test_entry_point_import_error_names_plugin_and_distribution(fake_distribution):
    fake_distribution("grpo-rewards-broken", "broken", "grpo_broken_plugin", BROKEN)
    manager = PluginManager()
    with pytest.raises(PluginError) as info:
        manager.load(builtins=False)
    message = str(info.value)
    assert "'broken'" in message and "grpo-rewards-broken" in message and "this_module_does_not_exist_anywhere" in message
    assert "GRPO_REWARDS_DISABLE_PLUGINS" in message


def test_non_strict_load_records_the_failure_and_keeps_the_rest(fake_distribution):
    fake_distribution("grpo-rewards-broken", "broken", "grpo_broken_plugin", BROKEN)
    manager = PluginManager()
    manager.load(strict=False)
    broken = [p for p in manager.loaded_plugins() if p.name == "broken"]
    assert broken and broken[0].error and broken[0].distribution == "grpo-rewards-broken"
    assert any(p.name == "grpo_rewards.builtin.format" and not p.error for p in manager.loaded_plugins())


def test_entry_points_are_discovered_with_distribution_and_version(fake_distribution):
    fake_distribution("grpo-rewards-echo", "echo_plugin", "grpo_echo_plugin", GOOD, version="1.2.3")
    manager = PluginManager()
    manager.load(builtins=False)
    registered = manager.registry.get("echo")
    assert (registered.plugin, registered.distribution, registered.version) == ("echo_plugin", "grpo-rewards-echo", "1.2.3")


def test_block_list_and_allow_list(fake_distribution, monkeypatch):
    fake_distribution("grpo-rewards-echo", "echo_plugin", "grpo_echo_plugin", GOOD)
    monkeypatch.setenv("GRPO_REWARDS_DISABLE_PLUGINS", "echo_plugin,grpo_rewards.builtin.length")
    manager = PluginManager()
    manager.load()
    names = {p.name for p in manager.loaded_plugins()}
    assert "echo_plugin" not in names and "grpo_rewards.builtin.length" not in names
    assert "grpo_rewards.builtin.format" in names

    monkeypatch.delenv("GRPO_REWARDS_DISABLE_PLUGINS")
    monkeypatch.setenv("GRPO_REWARDS_PLUGINS", "")
    manager = PluginManager()
    manager.load()
    assert not [p for p in manager.loaded_plugins() if not p.builtin]

    monkeypatch.setenv("GRPO_REWARDS_PLUGINS", "echo_plugin")
    manager = PluginManager()
    manager.load()
    assert [p.name for p in manager.loaded_plugins() if not p.builtin] == ["echo_plugin"]


def test_unknown_reward_lists_installed_ones():
    manager = PluginManager()
    manager.register(SamplePlugin(), name="sample")
    with pytest.raises(ConfigError) as info:
        manager.registry.get("ech")
    assert "'ech'" in str(info.value) and "echo" in str(info.value)


def test_registering_something_that_is_not_a_reward_fails():
    import grpo_rewards

    class Bad:
        @grpo_rewards.hookimpl
        def register_rewards(self, register):
            register(object)

    with pytest.raises(PluginError, match="not a subclass"):
        PluginManager().register(Bad(), name="bad")


def test_options_are_typed_and_checked_at_creation():
    manager = PluginManager()
    manager.register(SamplePlugin(), name="sample")
    reward = manager.registry.create("echo", {"mode": "casefold", "timeout": "2.5"})
    assert isinstance(reward, Echo) and reward.options.mode == "casefold" and reward.timeout == 2.5
    with pytest.raises(ConfigError, match="'sample'"):
        manager.registry.create("echo", {"mode": "fuzzy"})
    with pytest.raises(ConfigError, match="timeout"):
        manager.registry.create("echo", {"timeout": "-1"})
