"""``grpo-rewards rewards``: every reward, where it comes from and what it needs."""

from __future__ import annotations

import json

import click
from rich.console import Console
from rich.table import Table

from ..options import describe_options
from ..plugins import load_plugins


@click.command()
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
@click.option("--options/--no-options", "show_options", default=True, help="Show each reward's options.")
def rewards(as_json: bool, show_options: bool) -> None:
    """List installed rewards: name, plugin, version, description, required columns."""
    manager = load_plugins(strict=False)
    if as_json:
        out = []
        for r in manager.registry:
            m = r.manifest
            out.append(
                {
                    "name": r.name,
                    "plugin": r.plugin,
                    "distribution": r.distribution,
                    "version": r.version,
                    "description": r.description,
                    "required_columns": list(m.required_columns),
                    "output_range": list(m.output_range),
                    "default_timeout": m.default_timeout,
                    "cost": m.cost,
                    "unit": r.reward_cls.unit,
                    "isolation": m.isolation,
                    "options": [o.__dict__ for o in describe_options(r.reward_cls.Options)],
                }
            )
        click.echo(json.dumps(out, indent=2, default=str))
        return
    table = Table(title="grpo-rewards rewards", show_lines=show_options)
    for column in ("reward", "plugin", "version", "description", "columns", "range", "cost"):
        table.add_column(column)
    for r in manager.registry:
        m = r.manifest
        description = r.description
        if show_options:
            opts = describe_options(r.reward_cls.Options)
            lines = [f"  [cyan]{o.name}[/cyan] ({o.type}, default {o.default!r}) {o.help}" for o in opts]
            lines.append(f"  [cyan]timeout[/cyan] (float, default {m.default_timeout:g}) seconds per sample")
            description += "\n[dim]options:[/dim]\n" + "\n".join(lines)
        table.add_row(
            r.name,
            r.plugin,
            r.version or "-",
            description,
            ", ".join(m.required_columns) or "-",
            f"{m.output_range[0]:g}..{m.output_range[1]:g}",
            m.cost,
        )
    Console().print(table)
    failed = [p for p in manager.loaded_plugins() if p.error]
    for p in failed:
        Console(stderr=True).print(f"[red]error:[/red] {p.error}")
    if failed:
        raise SystemExit(1)
