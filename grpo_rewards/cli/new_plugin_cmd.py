"""``grpo-rewards new-plugin NAME``: scaffold a plugin that installs and passes its own tests."""

from __future__ import annotations

from pathlib import Path

import click
from rich.console import Console
from rich.markup import escape

from ..errors import ConfigError
from ..scaffold import names_for, write


@click.command("new-plugin")
@click.argument("name")
@click.option(
    "--dir",
    "parent",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("."),
    show_default=True,
    help="Folder to create the plugin in.",
)
@click.option("--force", is_flag=True, help="Overwrite the files of an existing plugin folder.")
def new_plugin(name: str, parent: Path, force: bool) -> None:
    """Create grpo-rewards-NAME/: pyproject with the entry point, a reward, its tests and sample rows."""
    err = Console(stderr=True)
    try:
        names = names_for(name)
        target = write(name, parent, force=force)
    except ConfigError as exc:
        err.print(f"[red bold]error:[/red bold] {escape(str(exc))}")
        raise SystemExit(2) from None
    out = Console()
    out.print(f"created [bold]{escape(str(target))}[/bold] (distribution {names.distribution}, reward {names.reward!r})")
    out.print("next:", highlight=False)
    for line in (
        f"cd {target}",
        "pip install -e '.[test]'",
        "pytest",
        f"grpo-rewards check examples/sample.jsonl --reward {names.reward}",
    ):
        out.print(f"  {escape(line)}", highlight=False)
