"""The ``grpo-rewards`` command line: one module per command, plus plugin commands."""

from __future__ import annotations

import sys

import click

from ..plugins import load_plugins
from .check import check
from .integrations import integrations
from .plugins_cmd import plugins
from .rewards_cmd import rewards
from .serve import serve

__all__ = ["build_cli", "main"]


def build_cli() -> click.Group:
    """The CLI group with core commands and every command plugins register."""

    @click.group(context_settings={"help_option_names": ["-h", "--help"]})
    @click.version_option(package_name="grpo-rewards")
    def cli() -> None:
        """Score GRPO completions with reward plugins, and train with them."""

    for command in (check, plugins, rewards, serve, integrations):
        cli.add_command(command)
    manager = load_plugins(strict=False)
    manager.hook().register_commands(cli=cli)
    return cli


def main(argv: list[str] | None = None) -> None:
    """Console entry point."""
    build_cli()(args=argv if argv is not None else sys.argv[1:], prog_name="grpo-rewards")
