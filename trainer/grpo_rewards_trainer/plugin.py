"""The ``grpo_rewards`` entry point of the trainer: adds ``grpo-rewards train`` to the CLI.

Importing this module imports neither torch nor trl (a core test checks it):
the command loads them when it runs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from grpo_rewards import hookimpl

if TYPE_CHECKING:  # pragma: no cover
    import click


@hookimpl
def register_commands(cli: click.Group) -> None:
    """Add ``train``."""
    from .cli import train_command

    cli.add_command(train_command)
