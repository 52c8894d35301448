"""Plugin loading: built-ins by module path, then the ``grpo_rewards`` entry points.

Loading is explicit (:func:`load_plugins`) and idempotent; importing
``grpo_rewards`` loads nothing. Two environment variables control it:

``GRPO_REWARDS_PLUGINS``
    comma-separated allow-list of entry-point plugin names; when set, only
    these third-party plugins load (set it empty to load none).
``GRPO_REWARDS_DISABLE_PLUGINS``
    comma-separated block-list of plugin names (entry-point names, or a
    built-in's short name ``builtin.length`` or module path
    ``grpo_rewards.builtin.length``).

One plugin cannot break another or the tool: a plugin that fails to import,
misspells a hook, defines a hook without ``@hookimpl``, or raises inside a
hook is disabled (its rewards and commands removed) and recorded with a
message naming the plugin, its distribution, the hook and how to skip it.
Everything else keeps working. Two plugins may register the same reward
name; asking for it then needs ``PLUGIN/NAME`` (see :mod:`grpo_rewards.registry`).
"""

from __future__ import annotations

import dataclasses
import importlib
import os
from dataclasses import dataclass
from importlib import metadata
from typing import Any

import pluggy

from . import hookspecs
from .errors import PluginError
from .pool import declare_preload
from .registry import RewardRegistry, short_plugin_name
from .reward import BaseReward

__all__ = [
    "BUILTIN_PLUGINS",
    "ENTRY_POINT_GROUP",
    "LoadedPlugin",
    "PluginManager",
    "get_manager",
    "hook_failure",
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

    @property
    def label(self) -> str:
        """The name listings show (``builtin.format`` for a built-in)."""
        return short_plugin_name(self.name)


def _env_list(name: str) -> set[str] | None:
    value = os.environ.get(name)
    if value is None:
        return None
    return {item.strip() for item in value.split(",") if item.strip()}


def _blocked(name: str, blocked: set[str]) -> bool:
    return name in blocked or short_plugin_name(name) in blocked


def hook_failure(plugin: str, distribution: str | None, hook: str, exc: BaseException) -> str:
    """The message for a plugin whose hook raised: plugin, distribution, hook, the error, how to skip it."""
    return (
        f"plugin {short_plugin_name(plugin)!r} from distribution {distribution or 'unknown'} failed in hook {hook}:"
        f" {type(exc).__name__}: {exc}. The plugin is disabled for this run; everything else works."
        f" Fix or upgrade it, or skip it with {BLOCK_ENV}={short_plugin_name(plugin)}"
    )


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
                if not _blocked(module_path, blocked):
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
            if _blocked(ep.name, blocked) or (allowed is not None and ep.name not in allowed):
                continue
            dist = getattr(ep, "dist", None)
            self._load_one(ep.name, ep.load, dist.name if dist else None, dist.version if dist else None, builtin=False)

    def _load_one(self, name: str, load: Any, dist: str | None, version: str | None, *, builtin: bool) -> None:
        if name in self.plugins:
            return
        try:
            plugin = load()
        except (Exception, SystemExit) as exc:  # noqa: BLE001 - any import failure is reported with attribution
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

        Errors (a misspelled hook, a hook without ``@hookimpl``, a hook that
        raises, a bad reward) are recorded for the plugin and raised as
        :class:`PluginError`; the plugin is then not registered at all.
        """
        name = name or getattr(plugin, "__name__", None) or type(plugin).__name__
        try:
            self.pm.register(plugin, name=name)
            self._check_pending(name)
            self._check_marked(plugin, name)
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

    def disable(self, name: str, message: str) -> None:
        """Unregister a loaded plugin (rewards too) and record ``message`` as its error."""
        self._unregister_quietly(name)
        known = self.plugins.get(name)
        if known is not None:
            self.plugins[name] = dataclasses.replace(known, error=message)
        else:
            self.plugins[name] = LoadedPlugin(name, None, None, False, error=message)

    def _unregister_quietly(self, name: str) -> None:
        self.registry.remove_plugin(name)
        if self.pm.get_plugin(name) is not None:
            self.pm.unregister(name=name)

    def _check_pending(self, name: str) -> None:
        try:
            self.pm.check_pending()
        except pluggy.PluginValidationError as exc:
            raise PluginError(f"plugin {name!r}: {exc} (known hooks: register_rewards, register_commands)") from None

    def _check_marked(self, plugin: Any, name: str) -> None:
        """A function named like a hook but without ``@hookimpl`` would never be called: refuse it."""
        for hook in hookspecs.HOOKS:
            if callable(getattr(plugin, hook, None)) and not self._impls(hook, plugin):
                raise PluginError(
                    f"plugin {short_plugin_name(name)!r} defines {hook}() without @grpo_rewards.hookimpl,"
                    f" so it would never be called: decorate it with @grpo_rewards.hookimpl"
                )

    def _impls(self, hook: str, plugin: Any) -> list[Any]:
        return [impl for impl in getattr(self.pm.hook, hook).get_hookimpls() if impl.plugin is plugin]

    def _collect_rewards(self, plugin: Any, name: str, dist: str | None, version: str | None) -> None:
        def register(reward_cls: type[BaseReward]) -> None:
            self.registry.add(reward_cls, name, dist, version)
            if reward_cls.manifest.isolation == "process":  # warm workers import its heavy modules once
                declare_preload(reward_cls.manifest.preload)

        for impl in self._impls("register_rewards", plugin):
            kwargs = {"register": register}
            try:
                impl.function(*[kwargs[arg] for arg in impl.argnames])
            except PluginError:
                raise
            except (Exception, SystemExit) as exc:  # noqa: BLE001 - a broken hook disables only its plugin
                raise PluginError(hook_failure(name, dist, "register_rewards", exc)) from exc

    def _raise_failures(self, strict: bool) -> None:
        failures = [p.error for p in self.plugins.values() if p.error]
        if strict and failures:
            hint = f"Fix or reinstall the plugin, or skip it with {BLOCK_ENV}=<name>."
            raise PluginError("\n".join(failures) + "\n" + hint)

    def plugin_name(self, plugin: Any) -> str:
        """The name a registered plugin object goes by."""
        return str(self.pm.get_name(plugin))

    def hookimpls(self, hook: str) -> list[Any]:
        """pluggy's implementations of ``hook``, one per plugin, for callers that isolate each plugin's call."""
        return list(getattr(self.pm.hook, hook).get_hookimpls())

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
