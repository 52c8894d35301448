"""``grpo-rewards rewards [NAME]``: a compact table of every reward, or one reward with every option."""

from __future__ import annotations

import json
from typing import Any

import click
from rich import box
from rich.console import Console
from rich.markup import escape
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from ..options import describe_options
from ..plugins import PluginManager, load_plugins
from ..registry import RegisteredReward, honours_timeout, split_qualified

__all__ = ["reward_record", "rewards"]


def _timeout_text(r: RegisteredReward) -> str:
    if not honours_timeout(r.reward_cls):
        return "none: runs inline with no deadline, so the timeout option is refused"
    if r.manifest.isolation == "process":
        return f"{r.manifest.default_timeout:g} s per sample, enforced by the worker pool (option timeout)"
    return f"{r.manifest.default_timeout:g} s per sample, bounded by the reward itself (option timeout)"


def reward_record(r: RegisteredReward) -> dict[str, Any]:
    """One reward as JSON: what ``rewards --format json`` prints."""
    m = r.manifest
    options = [dict(o.__dict__) for o in describe_options(r.reward_cls.Options)]
    if honours_timeout(r.reward_cls):
        options.append(
            {"name": "timeout", "type": "float", "default": m.default_timeout, "help": "seconds per sample (the deadline)"}
        )
    return {
        "name": r.name,
        "qualified_name": r.qualified_name,
        "plugin": r.plugin_label,
        "distribution": r.distribution,
        "version": r.version,
        "description": r.description,
        "role": m.role,
        "required_columns": list(m.required_columns),
        "output_range": list(m.output_range),
        "default_timeout": m.default_timeout if honours_timeout(r.reward_cls) else None,
        "cost": m.cost,
        "unit": r.reward_cls.unit,
        "isolation": m.isolation,
        "preload": list(m.preload),
        "options": options,
    }


def _range(r: RegisteredReward) -> str:
    lo, hi = r.manifest.output_range
    return f"{lo:g}..{hi:g}"


def _print_table(console: Console, entries: list[RegisteredReward]) -> None:
    rows = [(r.name, r.plugin_label, ", ".join(r.manifest.required_columns) or "-", _range(r), r.description) for r in entries]
    table = Table(box=box.SIMPLE_HEAD, show_edge=False)
    used = 0
    for index, (header, cap) in enumerate((("reward", 16), ("plugin", 18), ("needs", 12), ("range", 6))):
        width = min(cap, max([len(header), *(len(row[index]) for row in rows)]))
        table.add_column(header, no_wrap=True, overflow="ellipsis", width=width, style="bold" * (index == 0))
        used += width + 3  # padding on both sides and one separator
    room = max(12, console.width - used - 2)  # rich drops narrow columns rather than cut a long one: cut it here
    table.add_column("description", no_wrap=True, width=min(room, max(len(row[4]) for row in rows) if rows else 11))
    for row in rows:
        table.add_row(*(escape(cell) for cell in row[:4]), escape(_cut(row[4], room)))
    console.print(table)
    console.print("[dim]`grpo-rewards rewards NAME` shows one reward with every option.[/dim]")


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _markdown_table(entries: list[RegisteredReward]) -> str:
    lines = ["| reward | plugin | role | columns | range | description |", "|---|---|---|---|---|---|"]
    for r in entries:
        cells = (r.name, r.plugin_label, r.manifest.role, ", ".join(r.manifest.required_columns) or "-", _range(r), r.description)
        lines.append("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")
    return "\n".join(lines)


def _facts(r: RegisteredReward) -> list[tuple[str, str]]:
    m = r.manifest
    origin = f"{r.plugin_label} ({r.distribution or 'unknown distribution'} {r.version or ''})".replace(" )", ")")
    return [
        ("plugin", origin),
        ("pick as", r.qualified_name),
        ("role", m.role),
        ("columns", ", ".join(m.required_columns) or "none"),
        ("range", _range(r)),
        ("unit", f"{r.reward_cls.unit} ({r.reward_cls.__mro__[1].__name__})"),
        ("isolation", m.isolation),
        ("cost", m.cost),
        ("deadline", _timeout_text(r)),
    ]


def _print_one(console: Console, r: RegisteredReward) -> None:
    console.print(f"[bold]{escape(r.name)}[/bold]: {escape(r.description)}")
    facts = Table.grid(padding=(0, 2))
    facts.add_column(style="dim", no_wrap=True)
    facts.add_column()
    for key, value in _facts(r):
        facts.add_row(key, escape(value))
    console.print(facts)
    has_options = bool(reward_record(r)["options"])
    console.print(f"[bold]options[/bold] (--option {r.name}.KEY=VALUE)" if has_options else "[bold]options[/bold]: none")
    for o in reward_record(r)["options"]:
        console.print(f"  [cyan]{escape(o['name'])}[/cyan] ({escape(o['type'])}, default {escape(repr(o['default']))})")
        if o["help"]:
            console.print(Padding(Text(o["help"]), (0, 0, 0, 6)))


def _markdown_one(r: RegisteredReward) -> str:
    lines = [f"### `{r.name}`", "", r.description, "", "| | |", "|---|---|"]
    lines += [f"| {k} | {v} |" for k, v in _facts(r)]
    lines += ["", "| option | type | default | help |", "|---|---|---|---|"]
    for o in reward_record(r)["options"]:
        lines.append(f"| `{o['name']}` | {o['type'].replace('|', ', ')} | `{o['default']!r}` | {o['help']} |")
    return "\n".join(lines)


def _entries(manager: PluginManager, name: str | None) -> list[RegisteredReward]:
    entries = list(manager.registry)
    if name is None:
        return entries
    plugin, bare = split_qualified(name)
    chosen = [r for r in entries if r.name == bare and plugin in (None, r.plugin, r.plugin_label)]
    if not chosen:
        manager.registry.get(name)  # raises the registry's own message, listing what is installed
    return chosen


def _print_notes(err: Console, manager: PluginManager, entries: list[RegisteredReward]) -> bool:
    for name, group in manager.registry.ambiguous().items():
        if any(r.name == name for r in entries):
            picks = " or ".join(r.qualified_name for r in group)
            err.print(f"[yellow]note:[/yellow] {name!r} is registered by {len(group)} plugins; ask for {picks}")
    failed = [p for p in manager.loaded_plugins() if p.error]
    for p in failed:
        err.print(f"[red]error:[/red] {escape(p.error or '')}")
    return bool(failed)


@click.command()
@click.argument("name", required=False)
@click.option(
    "--format", "fmt", type=click.Choice(["table", "json", "markdown"]), default="table", show_default=True, help="Output format."
)
@click.option("--json", "as_json", is_flag=True, hidden=True, help="Same as --format json.")
def rewards(name: str | None, fmt: str, as_json: bool) -> None:
    """List installed rewards (a compact table), or show reward NAME with every option.

    NAME may be PLUGIN/NAME when two plugins register the same name.
    """
    manager = load_plugins(strict=False)
    fmt = "json" if as_json else fmt
    err = Console(stderr=True, soft_wrap=True)
    try:
        entries = _entries(manager, name)
    except click.ClickException:
        raise
    except Exception as exc:  # noqa: BLE001 - an unknown name is a usage error with the registry's message
        err.print(f"[red bold]error:[/red bold] {escape(str(exc))}")
        raise SystemExit(2) from None
    if fmt == "json":
        click.echo(json.dumps([reward_record(r) for r in entries], indent=2, default=str))
    elif fmt == "markdown":
        click.echo(_markdown_table(entries) if name is None else "\n\n".join(_markdown_one(r) for r in entries))
    else:
        console = Console()
        if name is None:
            _print_table(console, entries)
        else:
            for index, r in enumerate(entries):
                if index:
                    console.print()
                _print_one(console, r)
    if _print_notes(err, manager, entries):
        raise SystemExit(1)
