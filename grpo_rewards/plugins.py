"""Plugin loading: built-ins by module path, then the ``grpo_rewards`` entry points.

Loading is explicit (:func:`load_plugins`) and idempotent; importing
``grpo_rewards`` loads nothing. Two environment variables control it:

``GRPO_REWARDS_PLUGINS``
    comma-separated allow-list of entry-point plugin names; when set, only
    these third-party plugins load (set it empty to load none).
``GRPO_REWARDS_DISABLE_PLUGINS``
    comma-separated block-list of plugin names (entry-point names, or a
    built-in's module path such as ``grpo_rewards.builtin.length``).
"""

from __future__ import annotations

import importlib
import os
from dataclasses import dataclass
from importlib import metadata
from typing import Any

import pluggy

from . import hookspecs
from .errors import PluginError
from .pool import declare_preload
from .registry import RewardRegistry
from .reward import BaseReward

__all__ = [
    "BUILTIN_PLUGINS",
    "ENTRY_POINT_GROUP",
    "LoadedPlugin",
    "PluginManager",
    "get_manager",
    "load_plugins",
]

ENTRY_POINT_GROUP = "grpo_rewards"
ALLOW_ENV = "GRPO_REWARDS_PLUGINS"
BLOCK_ENV = "GRPO_REWARDS_DISABLE_PLUGINS"
BUILTIN_PLUGINS = (
    "grpo_rewards.builtin.format",
    "grpo_rewards.builtin.length",
    "grpo_rewards.builtin.repetition",
)


@dataclass(frozen=True)
class LoadedPlugin:
    """A plugin the manager knows of, loaded or failed."""

    name: str
    distribution: str | None
    version: str | None
    builtin: bool
    error: str | None = None


def _env_list(name: str) -> set[str] | None:
    value = os.environ.get(name)
    if value is None:
        return None
    return {item.strip() for item in value.split(",") if item.strip()}


def _core_version() -> str | None:
    try:
        return metadata.version("grpo-rewards")
    except metadata.PackageNotFoundError:
        return None


class PluginManager:
    """A pluggy manager plus the reward registry it fills.

    Most code uses the process-wide one from :func:`get_manager`. Tests make
    fresh ones (see :mod:`grpo_rewards.testing`).
    """

    def __init__(self) -> None:
        self.pm = pluggy.PluginManager(hookspecs.PROJECT)
        self.pm.add_hookspecs(hookspecs)
        self.registry = RewardRegistry()
        self.plugins: dict[str, LoadedPlugin] = {}
        self.loaded = False

    # -- loading -----------------------------------------------------------------

    def load(self, *, builtins: bool = True, entry_points: bool = True, strict: bool = True) -> None:
        """Load built-ins and entry points once; later calls do nothing.

        With ``strict`` (the default) any plugin that fails to import, uses a
        misspelled hook or clashes raises :class:`PluginError` naming it.
        Otherwise failures are recorded in :attr:`plugins` with their error.
        """
        if self.loaded:
            self._raise_failures(strict)
            return
        self.loaded = True
        blocked = _env_list(BLOCK_ENV) or set()
        if builtins:
            for module_path in BUILTIN_PLUGINS:
                if module_path not in blocked:
                    self._load_one(
                        module_path,
                        lambda m=module_path: importlib.import_module(m),
                        "grpo-rewards",
                        _core_version(),
                        builtin=True,
                    )
        if entry_points:
            self._load_entry_points(blocked)
        self._raise_failures(strict)

    def _load_entry_points(self, blocked: set[str]) -> None:
        allowed = _env_list(ALLOW_ENV)
        for ep in sorted(metadata.entry_points(group=ENTRY_POINT_GROUP), key=lambda e: e.name):
            if ep.name in blocked or (allowed is not None and ep.name not in allowed):
                continue
            dist = getattr(ep, "dist", None)
            self._load_one(ep.name, ep.load, dist.name if dist else None, dist.version if dist else None, builtin=False)

    def _load_one(self, name: str, load: Any, dist: str | None, version: str | None, *, builtin: bool) -> None:
        if name in self.plugins:
            return
        try:
            plugin = load()
        except Exception as exc:  # noqa: BLE001 - any import failure is reported with attribution
            message = f"plugin {name!r} from distribution {dist or 'unknown'} failed to import: {type(exc).__name__}: {exc}"
            self.plugins[name] = LoadedPlugin(name, dist, version, builtin, error=message)
            return
        try:
            self.register(plugin, name=name, distribution=dist, version=version, builtin=builtin)
        except PluginError:
            pass  # recorded in self.plugins; raised together with the others by load()

    def register(
        self,
        plugin: Any,
        *,
        name: str | None = None,
        distribution: str | None = None,
        version: str | None = None,
        builtin: bool = False,
    ) -> str:
        """Register a plugin object or module and its rewards; returns its name.

        Errors (a misspelled hook, a bad or duplicate reward) are recorded for
        the plugin and raised as :class:`PluginError`.
        """
        name = name or getattr(plugin, "__name__", None) or type(plugin).__name__
        try:
            self.pm.register(plugin, name=name)
            self._check_pending(name)
            self._collect_rewards(plugin, name, distribution, version)
        except PluginError as exc:
            self._unregister_quietly(name)
            self.plugins[name] = LoadedPlugin(name, distribution, version, builtin, error=str(exc))
            raise
        self.plugins[name] = LoadedPlugin(name, distribution, version, builtin)
        return name

    def unregister(self, name: str) -> None:
        """Forget a plugin and its rewards."""
        self._unregister_quietly(name)
        self.plugins.pop(name, None)

    def _unregister_quietly(self, name: str) -> None:
        self.registry.remove_plugin(name)
        if self.pm.get_plugin(name) is not None:
            self.pm.unregister(name=name)

    def _check_pending(self, name: str) -> None:
        try:
            self.pm.check_pending()
        except pluggy.PluginValidationError as exc:
            raise PluginError(f"plugin {name!r}: {exc} (known hooks: register_rewards, register_commands)") from None

    def _collect_rewards(self, plugin: Any, name: str, dist: str | None, version: str | None) -> None:
        def register(reward_cls: type[BaseReward]) -> None:
            self.registry.add(reward_cls, name, dist, version)
            if reward_cls.manifest.isolation == "process":  # warm workers import its heavy modules once
                declare_preload(reward_cls.manifest.preload)

        for impl in self.pm.hook.register_rewards.get_hookimpls():
            if impl.plugin is plugin:
                kwargs = {"register": register}
                impl.function(*[kwargs[arg] for arg in impl.argnames])

    def _raise_failures(self, strict: bool) -> None:
        failures = [p.error for p in self.plugins.values() if p.error]
        if strict and failures:
            hint = f"Fix or reinstall the plugin, or skip it with {BLOCK_ENV}=<name>."
            raise PluginError("\n".join(failures) + "\n" + hint)

    # -- queries -----------------------------------------------------------------

    def hook(self) -> Any:
        """pluggy's hook relay, for calling ``register_commands`` and future hooks."""
        return self.pm.hook

    def loaded_plugins(self) -> list[LoadedPlugin]:
        """Every plugin known, built-ins first, each with its error if it failed."""
        return sorted(self.plugins.values(), key=lambda p: (not p.builtin, p.name))


_manager: PluginManager | None = None


def get_manager() -> PluginManager:
    """The process-wide plugin manager (not loaded until :func:`load_plugins`)."""
    global _manager
    if _manager is None:
        _manager = PluginManager()
    return _manager


def load_plugins(*, strict: bool = True) -> PluginManager:
    """Load every plugin once and return the process-wide manager. Idempotent."""
    manager = get_manager()
    manager.load(strict=strict)
    return manager
