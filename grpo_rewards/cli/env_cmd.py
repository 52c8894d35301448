"""``grpo-rewards env``: everything a bug report needs, in one paste."""

from __future__ import annotations

import json

import click

from ..envinfo import collect, to_markdown
from ..plugins import load_plugins


@click.command()
@click.option("--format", "fmt", type=click.Choice(["markdown", "json"]), default="markdown", show_default=True)
@click.option("--no-sandbox-probe", is_flag=True, help="Do not ask the sandbox whether its engine and image are ready.")
def env(fmt: str, no_sandbox_probe: bool) -> None:
    """Versions of the core, every plugin and the training stack (with their pins), sandbox and worker settings."""
    info = collect(load_plugins(strict=False), probe_sandbox=not no_sandbox_probe)
    click.echo(json.dumps(info, indent=2) if fmt == "json" else to_markdown(info), nl=fmt == "json")
