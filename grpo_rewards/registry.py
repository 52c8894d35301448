"""The reward registry: every reward registered by a loaded plugin, by name."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from .errors import AmbiguousRewardError, ConfigError, DuplicateRewardError, PluginError
from .options import parse_options
from .reward import ROLES, BaseReward, Manifest, unit_problem
from .strategies import strategy_problem

__all__ = [
    "BUILTIN_PREFIX",
    "RegisteredReward",
    "RewardRegistry",
    "ambiguity_message",
    "honours_timeout",
    "short_plugin_name",
    "split_qualified",
]

#: Built-in plugins are named by module path; listings drop this prefix.
BUILTIN_PREFIX = "grpo_rewards."

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

    @property
    def plugin_label(self) -> str:
        """The plugin as listings show it (``builtin.format`` for a built-in)."""
        return short_plugin_name(self.plugin)

    @property
    def qualified_name(self) -> str:
        """``PLUGIN/NAME``: picks this registration when another plugin uses the same name."""
        return f"{self.plugin_label}/{self.name}"

    def create(self, options: Mapping[str, Any] | None = None) -> BaseReward:
        """Instantiate with ``options`` (strings or typed values), checking every key.

        ``timeout`` is accepted by every reward: the per-sample deadline in seconds.
        """
        raw = dict(options or {})
        timeout = raw.pop("timeout", None)
        owner = f"reward {self.name!r} (plugin {self.plugin!r})"
        parsed = parse_options(self.reward_cls.Options, raw, owner=owner)
        if timeout is not None:
            if not honours_timeout(self.reward_cls):
                raise ConfigError(
                    f"{owner} option 'timeout': this reward runs inline (Manifest.isolation='inline'), where nothing"
                    " enforces a per-sample deadline, so a timeout would be silently ignored. Drop the option"
                    " (inline rewards are linear-time by contract)"
                )
            try:
                timeout = float(timeout)
            except (TypeError, ValueError):
                raise ConfigError(f"{owner} option 'timeout': expected seconds, got {timeout!r}") from None
            if timeout <= 0:
                raise ConfigError(f"{owner} option 'timeout': must be positive, got {timeout}")
        return self.reward_cls(parsed, timeout=timeout)


def honours_timeout(reward_cls: type[BaseReward]) -> bool:
    """Whether the ``timeout`` option means something for this reward.

    Process-isolated rewards get a deadline from the worker pool; a
    :class:`~grpo_rewards.BatchReward` bounds its own calls with ``self.timeout``
    (that is its contract). An inline ``Reward`` or ``GroupReward`` has no
    deadline at all, so the option is refused rather than ignored.
    """
    return reward_cls.manifest.isolation == "process" or reward_cls.unit == "batch"


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
    if reward_cls.manifest.role not in ROLES:
        raise PluginError(
            f"plugin {plugin!r}: reward {name!r} has Manifest(role={reward_cls.manifest.role!r}); use one of {', '.join(ROLES)}"
        )


class RewardRegistry:
    """Rewards by name, each with the plugin that registered it. Filled by :func:`grpo_rewards.load_plugins`.

    Two plugins may register the same name (a fork, an impostor, a renamed
    copy); neither is dropped or renamed. Asking for that name alone is then an
    :class:`~grpo_rewards.errors.AmbiguousRewardError` naming both plugins, and
    ``PLUGIN/NAME`` picks one (:func:`split_qualified`). The chosen reward keeps
    its bare name, which is also its metric key.
    """

    def __init__(self) -> None:
        self._rewards: dict[str, list[RegisteredReward]] = {}

    def add(self, reward_cls: type[BaseReward], plugin: str, distribution: str | None, version: str | None) -> None:
        """Add one reward; a plugin registering two different classes under one name raises :class:`DuplicateRewardError`."""
        _validate(reward_cls, plugin)
        entries = self._rewards.setdefault(reward_cls.name, [])
        for existing in entries:
            if existing.plugin != plugin:
                continue
            if existing.reward_cls is reward_cls:
                return
            raise DuplicateRewardError(
                f"plugin {plugin!r} registered two different rewards named {reward_cls.name!r}"
                f" ({existing.reward_cls.__qualname__} and {reward_cls.__qualname__}): reward names are metric keys;"
                " give each its own name"
            )
        entries.append(RegisteredReward(reward_cls, plugin, distribution, version))

    def get(self, name: str) -> RegisteredReward:
        """The reward called ``name`` or ``PLUGIN/NAME``.

        Raises :class:`ConfigError` for an unknown name (listing the installed
        ones) and :class:`AmbiguousRewardError` for a bare name that more than
        one plugin registers.
        """
        plugin, bare = split_qualified(name)
        entries = self._rewards.get(bare, [])
        if plugin is not None:
            return self._from_plugin(plugin, bare, entries)
        if not entries:
            known = ", ".join(sorted(self._rewards)) or "none"
            raise ConfigError(
                f"unknown reward {name!r} (installed rewards: {known}). "
                "Install the plugin that provides it, or run `grpo-rewards rewards` to list them."
            ) from None
        if len(entries) > 1:
            raise AmbiguousRewardError(ambiguity_message(bare, entries))
        return entries[0]

    def _from_plugin(self, plugin: str, bare: str, entries: list[RegisteredReward]) -> RegisteredReward:
        for entry in entries:
            if plugin in (entry.plugin, short_plugin_name(entry.plugin)):
                return entry
        offered = ", ".join(f"{short_plugin_name(e.plugin)}/{bare}" for e in entries) or "no plugin"
        raise ConfigError(f"plugin {plugin!r} provides no reward {bare!r} (installed: {offered}); see `grpo-rewards rewards`")

    def ambiguous(self) -> dict[str, list[RegisteredReward]]:
        """Every name that more than one plugin registers, with its registrations."""
        return {name: list(entries) for name, entries in sorted(self._rewards.items()) if len(entries) > 1}

    def names(self) -> list[str]:
        """Every registered reward name, once, sorted."""
        return sorted(name for name, entries in self._rewards.items() if entries)

    def __contains__(self, name: object) -> bool:
        if not isinstance(name, str):
            return False
        try:
            self.get(name)
        except AmbiguousRewardError:
            return True
        except ConfigError:
            return False
        return True

    def __iter__(self) -> Iterator[RegisteredReward]:
        """Every registration, by name and then plugin (an ambiguous name appears once per plugin)."""
        entries = [e for group in self._rewards.values() for e in group]
        return iter(sorted(entries, key=lambda r: (r.name, r.plugin)))

    def __len__(self) -> int:
        return sum(len(entries) for entries in self._rewards.values())

    def remove_plugin(self, plugin: str) -> None:
        """Forget every reward registered by ``plugin``."""
        kept = {name: [e for e in entries if e.plugin != plugin] for name, entries in self._rewards.items()}
        self._rewards = {name: entries for name, entries in kept.items() if entries}

    def create(self, name: str, options: Mapping[str, Any] | None = None) -> BaseReward:
        """Instantiate reward ``name`` (or ``PLUGIN/NAME``) with ``options``."""
        return self.get(name).create(options)


def split_qualified(name: str) -> tuple[str | None, str]:
    """``"math/math"`` -> ``("math", "math")``; ``"math"`` -> ``(None, "math")``.

    The part before the last ``/`` names the plugin (its entry-point name, or a
    built-in's short name such as ``builtin.format``).
    """
    plugin, sep, bare = name.strip().rpartition("/")
    return (plugin.strip() or None, bare.strip()) if sep else (None, bare.strip())


def short_plugin_name(plugin: str) -> str:
    """How listings show a plugin: built-ins without the package prefix (``builtin.format``)."""
    return plugin.removeprefix(BUILTIN_PREFIX)


def _origin(entry: RegisteredReward) -> str:
    version = f" {entry.version}" if entry.version else ""
    return f"plugin {short_plugin_name(entry.plugin)!r} ({entry.distribution or 'unknown distribution'}{version})"


def ambiguity_message(name: str, entries: list[RegisteredReward]) -> str:
    """Why ``name`` alone cannot be used, and the two ways to pick one registration."""
    who = " and ".join(_origin(e) for e in entries)
    picks = " or ".join(repr(f"{short_plugin_name(e.plugin)}/{name}") for e in entries)
    return (
        f"reward {name!r} is registered by {who}; nothing is replaced silently. Pick one by naming it {picks}"
        f" (in --reward, a config's rewards or reward_funcs; its metric key stays {name!r}),"
        " or skip the plugin you do not want with GRPO_REWARDS_DISABLE_PLUGINS=<plugin>"
    )
