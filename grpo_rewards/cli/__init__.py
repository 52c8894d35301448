"""The ``grpo-rewards`` command line: one module per command, plus plugin commands.

Plugin commands are added one plugin at a time (:func:`add_plugin_commands`):
a plugin whose ``register_commands`` raises, or that adds a command under a
core name or a name another plugin took, is disabled with a message naming
it, and the core commands, ``--help`` and every other plugin keep working.
"""

from __future__ import annotations

import sys
from typing import Any

import click

from ..plugins import PluginManager, hook_failure, load_plugins
from ..registry import short_plugin_name
from .check import check
from .env_cmd import env
from .integrations import integrations
from .new_plugin_cmd import new_plugin
from .plugins_cmd import plugins
from .rewards_cmd import rewards
from .serve import serve
from .stdout_guard import stdout_to_stderr

__all__ = ["CORE_COMMANDS", "add_plugin_commands", "build_cli", "main"]

#: Core commands; their names are reserved.
CORE_COMMANDS: tuple[click.Command, ...] = (check, env, integrations, new_plugin, plugins, rewards, serve)


def _refusal(plugin: str, dist: str | None, reason: str) -> str:
    return (
        f"plugin {short_plugin_name(plugin)!r} from distribution {dist or 'unknown'} failed in hook register_commands:"
        f" {reason}. The plugin is disabled for this run; nothing was replaced. Rename the command in the plugin,"
        f" or skip a plugin with GRPO_REWARDS_DISABLE_PLUGINS=<plugin>"
    )


def _dist(manager: PluginManager, name: str) -> str | None:
    return manager.plugins[name].distribution if name in manager.plugins else None


def _add_one(manager: PluginManager, cli: click.Group, impl: Any, owners: dict[str, str | None]) -> None:
    """Run one plugin's ``register_commands``; undo it and disable the plugin when it raises or clashes.

    A core name always stays the core's. A name two plugins add is given to
    neither, and both are disabled: whichever loads first must not win.
    """
    name = manager.plugin_name(impl.plugin)
    before = dict(cli.commands)
    try:
        impl.function(*[{"cli": cli}[arg] for arg in impl.argnames])
    except (Exception, SystemExit) as exc:  # noqa: BLE001 - a broken hook disables only its plugin
        cli.commands.clear()
        cli.commands.update(before)
        manager.disable(name, hook_failure(name, _dist(manager, name), "register_commands", exc))
        return
    replaced = [c for c, cmd in before.items() if cli.commands.get(c) is not cmd]  # overwritten or removed
    if not replaced:
        owners.update({c: name for c in cli.commands if c not in before})
        return
    cli.commands.clear()
    cli.commands.update(before)
    for command in replaced:
        owner = owners.get(command)
        if owner is None:
            core = ", ".join(sorted(c.name or "" for c in CORE_COMMANDS))
            reason = f"command {command!r} is a core command (reserved: {core})"
        else:
            reason = f"command {command!r} is also added by plugin {short_plugin_name(owner)!r}, so neither gets it"
            for other in [c for c, o in owners.items() if o == owner]:
                cli.commands.pop(other, None)
                owners.pop(other)
            other_reason = f"command {command!r} is also added by plugin {short_plugin_name(name)!r}, so neither gets it"
            manager.disable(owner, _refusal(owner, _dist(manager, owner), other_reason))
        manager.disable(name, _refusal(name, _dist(manager, name), reason))


def add_plugin_commands(manager: PluginManager, cli: click.Group) -> None:
    """Call each plugin's ``register_commands`` on its own; a failing or clashing plugin is disabled."""
    owners: dict[str, str | None] = {c: None for c in cli.commands}
    for impl in manager.hookimpls("register_commands"):
        _add_one(manager, cli, impl, owners)


def _epilog(manager: PluginManager) -> str | None:
    failed = [p for p in manager.loaded_plugins() if p.error]
    if not failed:
        return None
    names = ", ".join(repr(p.label) for p in failed)
    return f"Warning: {len(failed)} plugin(s) failed and are disabled: {names}. Run `grpo-rewards plugins --all` for why."


def build_cli() -> click.Group:
    """The CLI group with core commands and every command plugins register."""

    @click.group(context_settings={"help_option_names": ["-h", "--help"]})
    @click.version_option(package_name="grpo-rewards")
    def cli() -> None:
        """Score GRPO completions with reward plugins, and train with them."""

    for command in CORE_COMMANDS:
        cli.add_command(command)
    with stdout_to_stderr():  # what plugins print while imported never belongs on any command's stdout
        manager = load_plugins(strict=False)
        add_plugin_commands(manager, cli)
    cli.epilog = _epilog(manager)
    return cli


def main(argv: list[str] | None = None) -> None:
    """Console entry point."""
    build_cli()(args=argv if argv is not None else sys.argv[1:], prog_name="grpo-rewards")
