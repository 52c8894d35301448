"""``grpo-rewards plugins``: what is installed, with versions and load errors."""

from __future__ import annotations

import json

import click
from rich.console import Console
from rich.table import Table

from ..plugins import load_plugins


@click.command()
@click.option("--all", "show_all", is_flag=True, help="Include the built-in plugins.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
def plugins(show_all: bool, as_json: bool) -> None:
    """List installed plugins, their versions and the rewards they provide."""
    manager = load_plugins(strict=False)
    rows = [p for p in manager.loaded_plugins() if show_all or not p.builtin]
    rewards_of = {p.name: [r.name for r in manager.registry if r.plugin == p.name] for p in rows}
    if as_json:
        out = [
            {
                "name": p.label,
                "distribution": p.distribution,
                "version": p.version,
                "builtin": p.builtin,
                "rewards": rewards_of[p.name],
                "error": p.error,
            }
            for p in rows
        ]
        click.echo(json.dumps(out, indent=2))
    else:
        table = Table(title="grpo-rewards plugins")
        for column in ("plugin", "distribution", "version", "rewards", "status"):
            table.add_column(column)
        for p in rows:
            status = f"[red]{p.error}[/red]" if p.error else "[green]ok[/green]"
            table.add_row(p.label, p.distribution or "-", p.version or "-", ", ".join(rewards_of[p.name]) or "-", status)
        console = Console()
        console.print(table)
        if not show_all:
            console.print("[dim]built-in plugins hidden; use --all to show them[/dim]")
    if any(p.error for p in rows):
        raise SystemExit(1)
