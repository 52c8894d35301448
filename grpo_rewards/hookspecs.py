"""Hook specifications: the plugin author's reference.

A plugin is a module (or object) with functions named after these hooks and
marked with ``@grpo_rewards.hookimpl``. Publish it through the ``grpo_rewards``
entry-point group in your distribution's ``pyproject.toml``::

    [project.entry-points.grpo_rewards]
    my_plugin = "grpo_rewards_my_plugin.plugin"

Hooks are listed in the order they fire. Parameters may be left out of an
implementation: pluggy passes only the ones it names. A function named like a
hook but not marked with ``@hookimpl`` is an error naming the plugin (pluggy
would silently never call it), and so is a hook that raises: the plugin is
then disabled for the run, and every other plugin and command keeps working.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import pluggy

if TYPE_CHECKING:  # pragma: no cover
    import click

    from .reward import BaseReward

__all__ = ["HOOKS", "PROJECT", "hookimpl", "hookspec", "register_commands", "register_rewards"]

PROJECT = "grpo_rewards"
hookspec = pluggy.HookspecMarker(PROJECT)
hookimpl = pluggy.HookimplMarker(PROJECT)


@hookspec
def register_rewards(register: Callable[[type[BaseReward]], None]) -> None:
    """Register the rewards this plugin provides.

    Fires once, inside :func:`grpo_rewards.load_plugins`, for every loaded plugin.
    Call ``register(RewardClass)`` once per reward. ``RewardClass`` subclasses
    exactly one of :class:`grpo_rewards.Reward` (scored one sample at a time),
    :class:`grpo_rewards.GroupReward` (a group at once) or
    :class:`grpo_rewards.BatchReward` (a whole batch in one call) and implements
    that unit's method. A class that does not, or whose unit cannot run with its
    ``Manifest.isolation`` (a batch in the worker pool), is an error naming the
    plugin and the reward. Reward names are metric keys and are never renamed:
    when two plugins register the same name, both stay installed and asking for
    that name alone is an error naming both plugins; ``PLUGIN/NAME`` picks one.

    Keep this hook cheap. It runs every time the CLI or a trainer starts, so
    import heavy libraries (sympy, docker, ...) inside the reward's methods, and
    list them in ``Manifest.preload`` so warm workers import them once.
    """


@hookspec
def register_commands(cli: click.Group) -> None:
    """Add subcommands to the ``grpo-rewards`` command line.

    Fires when the CLI is built, after plugins are loaded. ``cli`` is the
    top-level :class:`click.Group`; add commands with ``cli.add_command(cmd)``
    or the ``@cli.command()`` decorator. Import heavy libraries inside the
    command's body, not at module import.

    The core's command names (``check``, ``env``, ``new-plugin``, ``plugins``,
    ``rewards``) are reserved, and a name another plugin already added is
    taken: adding either is an error naming your plugin, and your plugin is
    disabled for the run while the core command stays.
    """


#: Every hook, in the order it fires.
HOOKS = ("register_rewards", "register_commands")
