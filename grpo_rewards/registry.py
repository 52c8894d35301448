"""The reward registry: every reward registered by a loaded plugin, by name."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from .errors import ConfigError, DuplicateRewardError, PluginError
from .options import parse_options
from .reward import BaseReward, Manifest, unit_problem
from .strategies import strategy_problem

__all__ = ["RegisteredReward", "RewardRegistry"]

_NAME = re.compile(r"^[a-z][a-z0-9_]*$")
_COMMON_OPTIONS = ("timeout",)


@dataclass(frozen=True)
class RegisteredReward:
    """A reward class with the plugin and distribution it came from."""

    reward_cls: type[BaseReward]
    plugin: str
    distribution: str | None
    version: str | None

    @property
    def name(self) -> str:
        return self.reward_cls.name

    @property
    def description(self) -> str:
        return self.reward_cls.description

    @property
    def manifest(self) -> Manifest:
        return self.reward_cls.manifest

    def create(self, options: Mapping[str, Any] | None = None) -> BaseReward:
        """Instantiate with ``options`` (strings or typed values), checking every key.

        ``timeout`` is accepted by every reward: the per-sample deadline in seconds.
        """
        raw = dict(options or {})
        timeout = raw.pop("timeout", None)
        owner = f"reward {self.name!r} (plugin {self.plugin!r})"
        parsed = parse_options(self.reward_cls.Options, raw, owner=owner)
        if timeout is not None:
            try:
                timeout = float(timeout)
            except (TypeError, ValueError):
                raise ConfigError(f"{owner} option 'timeout': expected seconds, got {timeout!r}") from None
            if timeout <= 0:
                raise ConfigError(f"{owner} option 'timeout': must be positive, got {timeout}")
        return self.reward_cls(parsed, timeout=timeout)


def _validate(reward_cls: Any, plugin: str) -> None:
    if not (isinstance(reward_cls, type) and issubclass(reward_cls, BaseReward)):
        raise PluginError(
            f"plugin {plugin!r} registered {reward_cls!r},"
            " which is not a subclass of grpo_rewards.Reward, GroupReward or BatchReward"
        )
    name = getattr(reward_cls, "name", None)
    if not isinstance(name, str) or not _NAME.match(name):
        raise PluginError(f"plugin {plugin!r}: reward {reward_cls.__name__} needs a snake_case name, got {name!r}")
    problem = unit_problem(reward_cls) or strategy_problem(reward_cls)
    if problem is not None:
        raise PluginError(f"plugin {plugin!r}: reward {name!r} {problem}")
    lo, hi = reward_cls.manifest.output_range
    if not lo <= hi:
        raise PluginError(f"plugin {plugin!r}: reward {name!r} has an empty output_range {(lo, hi)}")


class RewardRegistry:
    """Rewards by name. Filled by :func:`grpo_rewards.load_plugins`."""

    def __init__(self) -> None:
        self._rewards: dict[str, RegisteredReward] = {}

    def add(self, reward_cls: type[BaseReward], plugin: str, distribution: str | None, version: str | None) -> None:
        """Add one reward; a name that is taken raises :class:`DuplicateRewardError`."""
        _validate(reward_cls, plugin)
        existing = self._rewards.get(reward_cls.name)
        if existing is not None:
            if existing.reward_cls is reward_cls and existing.plugin == plugin:
                return
            raise DuplicateRewardError(
                f"reward name {reward_cls.name!r} is registered by both plugin {existing.plugin!r}"
                f" ({existing.distribution or 'unknown distribution'}) and plugin {plugin!r}"
                f" ({distribution or 'unknown distribution'}). Reward names are metric keys and are never"
                f" renamed: uninstall one, or block it with GRPO_REWARDS_DISABLE_PLUGINS={plugin}"
            )
        self._rewards[reward_cls.name] = RegisteredReward(reward_cls, plugin, distribution, version)

    def get(self, name: str) -> RegisteredReward:
        """The reward called ``name``; an unknown name lists the installed ones."""
        try:
            return self._rewards[name]
        except KeyError:
            known = ", ".join(sorted(self._rewards)) or "none"
            raise ConfigError(
                f"unknown reward {name!r} (installed rewards: {known}). "
                "Install the plugin that provides it, or run `grpo-rewards rewards` to list them."
            ) from None

    def __contains__(self, name: object) -> bool:
        return name in self._rewards

    def __iter__(self) -> Iterator[RegisteredReward]:
        return iter(sorted(self._rewards.values(), key=lambda r: r.name))

    def __len__(self) -> int:
        return len(self._rewards)

    def remove_plugin(self, plugin: str) -> None:
        """Forget every reward registered by ``plugin``."""
        self._rewards = {k: v for k, v in self._rewards.items() if v.plugin != plugin}

    def create(self, name: str, options: Mapping[str, Any] | None = None) -> BaseReward:
        """Instantiate reward ``name`` with ``options``."""
        return self.get(name).create(options)
