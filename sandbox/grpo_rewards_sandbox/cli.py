"""The ``grpo-rewards-sandbox`` command (being written)."""

from __future__ import annotations

import click


@click.group()
def main() -> None:
    """Build and inspect the grpo-rewards sandbox image."""


@main.command()
def build() -> None:
    """Build the sandbox image offline from Debian packages."""
    raise click.ClickException("not written yet")
