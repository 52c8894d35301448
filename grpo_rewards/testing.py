"""A pytest plugin for reward plugin authors (loaded automatically where grpo-rewards is installed).

Fixtures:

``plugin_manager``
    a fresh :class:`~grpo_rewards.PluginManager`, loaded (built-ins and installed
    entry points) and installed as the process-wide manager for one test, so
    ``grpo_rewards.reward_funcs`` and the CLI see exactly what the test registers.
``register_plugin``
    ``register_plugin(obj)`` registers a plugin object (a module or a class
    instance with ``@hookimpl`` methods) on that manager for one test only.

Functions:

:func:`check_reward_contract`
    the contract TRL relies on: keyword call, one float or None per
    completion, ``__name__``, pickling, standard and chat formats.

Example::

    class MyPlugin:
        @grpo_rewards.hookimpl
        def register_rewards(self, register):
            register(MyReward)

    def test_my_reward(register_plugin):
        register_plugin(MyPlugin())
        check_reward_contract("my_reward", prompts=["2+2?"], completions=["4"], columns={"answer": ["4"]})
"""

from __future__ import annotations

import pickle
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any

import pytest

from . import plugins as _plugins
from .bridge import RewardFunction, reward_funcs
from .plugins import PluginManager

__all__ = ["check_reward_contract", "plugin_manager", "register_plugin"]


@pytest.fixture
def plugin_manager(monkeypatch: pytest.MonkeyPatch) -> Iterator[PluginManager]:
    """A fresh, loaded plugin manager, process-wide for the duration of one test."""
    manager = PluginManager()
    manager.load(strict=False)
    monkeypatch.setattr(_plugins, "_manager", manager)
    yield manager


@pytest.fixture
def register_plugin(plugin_manager: PluginManager) -> Iterator[Callable[..., str]]:
    """``register_plugin(obj, name=None)`` registers ``obj`` for this test; returns its plugin name."""
    names: list[str] = []

    def register(plugin: Any, name: str | None = None) -> str:
        registered = plugin_manager.register(plugin, name=name)
        names.append(registered)
        return registered

    yield register
    for name in names:
        plugin_manager.unregister(name)


def _as_chat(texts: Sequence[str], role: str) -> list[list[dict[str, str]]]:
    return [[{"role": role, "content": text}] for text in texts]


def _call(
    func: Callable[..., Any], prompts: Sequence[Any], completions: Sequence[Any], columns: Mapping[str, Sequence[Any]]
) -> Any:  # what the reward returned, checked by _check_output
    ids = [[ord(c) % 256 for c in (c if isinstance(c, str) else c[0]["content"])] for c in completions]
    return func(prompts=prompts, completions=completions, completion_ids=ids, trainer_state=None, **columns)


def _check_output(name: str, output: Any, expected: int, fmt: str) -> list[float | None]:
    assert isinstance(output, list), f"reward {name!r} ({fmt}) returned {type(output).__name__}, not a list"
    assert len(output) == expected, f"reward {name!r} ({fmt}) returned {len(output)} values for {expected} completions"
    for value in output:
        assert value is None or type(value) is float, f"reward {name!r} ({fmt}) returned {value!r}: need float or None"
    return output


def check_reward_contract(
    reward: str | RewardFunction,
    *,
    prompts: Sequence[str],
    completions: Sequence[str],
    columns: Mapping[str, Sequence[Any]] | None = None,
    options: Mapping[str, Any] | None = None,
) -> list[float | None]:
    """Assert that a reward keeps the TRL contract; returns its scores for ``completions``.

    ``reward`` is a reward name (resolved in the process-wide manager) or a
    function from :func:`grpo_rewards.reward_funcs`. The reward is called with
    TRL's keywords (plus ``completion_ids``, ``trainer_state`` and the dataset
    ``columns``) in standard and in conversational format; both must give one
    float or None per completion and agree. The function must keep
    ``__name__`` equal to the reward name and give the same scores after a
    pickle round trip.
    """
    columns = dict(columns or {})
    if isinstance(reward, str):
        (func,), _ = reward_funcs([reward], {reward: dict(options)} if options else None)
    else:
        func = reward
    name = func.reward.name
    assert func.__name__ == name, f"__name__ is {func.__name__!r}, expected the reward name {name!r}"
    standard = _check_output(name, _call(func, prompts, completions, columns), len(completions), "standard")
    chat = _check_output(
        name,
        _call(func, _as_chat(prompts, "user"), _as_chat(completions, "assistant"), columns),
        len(completions),
        "conversational",
    )
    assert standard == chat, f"reward {name!r} scores standard {standard} but conversational {chat}"
    clone = pickle.loads(pickle.dumps(func))
    assert clone.__name__ == name, "__name__ is lost in pickling"
    again = _check_output(name, _call(clone, prompts, completions, columns), len(completions), "after pickling")
    assert again == standard, f"reward {name!r} scores {standard} before pickling but {again} after"
    return standard
