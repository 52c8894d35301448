"""``grpo-rewards check FILE``: score sample outputs offline and show what each reward did and why.

Exit status: 0 when everything was scored; 1 when a row was malformed, a
plugin failed to load, or a sample failed on our side (crash, timeout,
sandbox down, missing column); 2 for a usage or configuration error.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import click
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from ..checking import CheckReport, error_record, row_record, run_check, select_for_rows
from ..data import InputRow, read_rows
from ..errors import ConfigError, GrpoRewardsError, InputError
from ..plugins import load_plugins
from ..selection import parse_option_flags
from ..verdict import Verdict

_STYLE = {"correct": "green", "incorrect": "red", "partial": "yellow", "unverifiable": "magenta"}


@click.command()
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--reward",
    "-r",
    "reward_specs",
    multiple=True,
    metavar="NAME[:WEIGHT]",
    help="Reward to apply (repeatable). Default: every installed reward whose columns the rows have.",
)
@click.option(
    "--option",
    "-o",
    "option_flags",
    multiple=True,
    metavar="NAME.KEY=VALUE",
    help="Reward option, e.g. math.mode=strict (repeatable).",
)
@click.option(
    "--output", type=click.Path(dir_okay=False, path_type=Path), help="Write one JSON line per input row, in input order."
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json"]),
    default="table",
    show_default=True,
    help="table: rich tables; json: one JSON summary on stdout.",
)
@click.option(
    "--show",
    type=click.Choice(["auto", "all", "failures", "none"]),
    default="auto",
    show_default=True,
    help="Per-row verdicts to print: auto shows all rows up to 60, else only rows not fully correct.",
)
def check(
    file: Path, reward_specs: tuple[str, ...], option_flags: tuple[str, ...], output: Path | None, fmt: str, show: str
) -> None:
    """Score FILE (JSONL, JSON or Parquet rows with `completion`, `prompt` and dataset columns)."""
    err = Console(stderr=True, soft_wrap=True)
    manager = load_plugins(strict=False)
    plugin_errors = [p.error for p in manager.loaded_plugins() if p.error]
    for message in plugin_errors:
        err.print(f"[red bold]plugin error:[/red bold] {escape(message)}")
    try:
        read = read_rows(file)
        selected = select_for_rows(manager, reward_specs, parse_option_flags(option_flags), read.rows)
    except (ConfigError, InputError) as exc:
        err.print(f"[red bold]error:[/red bold] {escape(str(exc))}")
        raise SystemExit(2) from None
    except GrpoRewardsError as exc:
        err.print(f"[red bold]error:[/red bold] {escape(str(exc))}")
        raise SystemExit(1) from None
    for error in read.errors:
        err.print(f"[red bold]bad row:[/red bold] {escape(str(error))} (row skipped; the others are scored)")
    if not selected:
        err.print("[yellow]no reward applies to these rows; name one with --reward (see `grpo-rewards rewards`)[/yellow]")
    report = _score_with_progress(selected, read.rows, err, quiet=fmt == "json")
    if output is not None:
        _write_output(output, read.rows, read.errors, report)
    if fmt == "json":
        click.echo(json.dumps(_json_summary(file, read.errors, plugin_errors, report), indent=2))
    else:
        _print_report(Console(), read.rows, report, show)
    failed = bool(read.errors or plugin_errors or report.failed)
    if fmt != "json":
        status = "[red bold]FAILED[/red bold]: see the errors above" if failed else "[green bold]OK[/green bold]"
        err.print(f"{status} ({len(read.rows)} rows, {len(read.errors)} bad rows)")
    raise SystemExit(1 if failed else 0)


def _score_with_progress(selected: Sequence[Any], rows: Sequence[InputRow], err: Console, quiet: bool) -> CheckReport:
    total = sum(len(s.positions) for s in selected)
    columns = (TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=err, transient=True, disable=quiet or total == 0) as progress:
        tasks = {s.name: progress.add_task(s.name, total=len(s.positions)) for s in selected}
        return run_check(selected, rows, on_progress=lambda name, n: progress.advance(tasks[name], n))


def _write_output(path: Path, rows: Sequence[InputRow], errors: Sequence[InputError], report: CheckReport) -> None:
    records = [(row.line, row_record(row, report, i)) for i, row in enumerate(rows)]
    records += [(e.line or 0, error_record(e)) for e in errors]
    records.sort(key=lambda item: item[0])
    with path.open("w", encoding="utf-8") as handle:
        for _, record in records:
            handle.write(json.dumps(record, ensure_ascii=False, default=repr) + "\n")


def _json_summary(file: Path, errors: Sequence[InputError], plugin_errors: list[str], report: CheckReport) -> dict[str, Any]:
    return {
        "file": str(file),
        "rewards": {name: s.to_dict() for name, s in report.summaries.items()},
        "lint": {name: messages for name, messages in report.lint.items() if messages},
        "bad_rows": [{"line": e.line, "field": e.field, "error": str(e)} for e in errors],
        "plugin_errors": plugin_errors,
        "failed": bool(errors or plugin_errors or report.failed),
    }


def _cell(verdict: Verdict) -> str:
    style = _STYLE[verdict.kind]
    score = "None" if verdict.score is None else f"{verdict.score:.2f}"
    text = f"[{style}]{verdict.kind} {score}[/{style}]"
    reason = verdict.reason + (
        f": {verdict.details['message']}" if verdict.kind == "unverifiable" and "message" in verdict.details else ""
    )
    if reason:
        text += f"\n{escape(_clip(reason, 80))}"
    if verdict.answer is not None:
        text += f"\n[dim]answer: {escape(_clip(verdict.answer, 60))}[/dim]"
    return text


def _clip(text: str, width: int) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _rows_to_show(rows: Sequence[InputRow], report: CheckReport, show: str) -> list[int]:
    if show == "none":
        return []
    everything = list(range(len(rows)))
    if show == "all" or (show == "auto" and len(rows) <= 60):
        return everything
    not_correct = [i for i in everything if any(i in v and v[i].kind != "correct" for v in report.verdicts.values())]
    return not_correct[:60] if show == "auto" else not_correct


def _print_report(console: Console, rows: Sequence[InputRow], report: CheckReport, show: str) -> None:
    shown = _rows_to_show(rows, report, show)
    if shown and report.rewards:
        table = Table(title="verdicts per row", show_lines=True)
        table.add_column("line", justify="right")
        for item in report.rewards:
            table.add_column(item.name)
        for i in shown:
            cells = [
                _cell(report.verdicts[s.name][i]) if i in report.verdicts[s.name] else "[dim]-[/dim]" for s in report.rewards
            ]
            table.add_row(str(rows[i].line), *cells)
        console.print(table)
    _print_failures(console, report)
    _print_lint(console, report)
    _print_summary(console, report)


def _print_failures(console: Console, report: CheckReport) -> None:
    for item in report.rewards:
        crashes = [v for v in report.verdicts[item.name].values() if v.reason in ("crash", "memory") and not v.is_judgment]
        if crashes:
            first = crashes[0]
            console.print(
                f"[red bold]{len(crashes)} sample(s) crashed in reward {item.name!r} (plugin {item.plugin!r}).[/red bold] First:"
            )
            console.print(escape(first.details.get("traceback") or first.details.get("message", "")), highlight=False)


def _print_lint(console: Console, report: CheckReport) -> None:
    for name, messages in report.lint.items():
        for message in messages:
            console.print(f"[yellow bold]lint[/yellow bold] {name}: {escape(message)}")


def _print_summary(console: Console, report: CheckReport) -> None:
    table = Table(title="summary per reward", caption="verdicts: correct / incorrect / partial / unverifiable")
    for column in ("reward", "plugin", "n", "mean", "verdicts", "unverifiable reasons", "p50 / p99 ms"):
        numeric = column in ("n", "mean", "p50 / p99 ms")
        table.add_column(column, justify="right" if numeric else "left", overflow="fold", no_wrap=column == "verdicts")
    for item in report.rewards:
        s = report.summaries[item.name]
        mean = "-" if s.mean is None else f"{s.mean:.3f}"
        reasons = ", ".join(f"{r} {c}" for r, c in s.unverifiable.items()) or "-"
        verdicts = " / ".join(str(s.verdicts[k]) for k in ("correct", "incorrect", "partial", "unverifiable"))
        timing = f"{s.p50_seconds * 1e3:.1f} / {s.p99_seconds * 1e3:.1f}"
        table.add_row(item.name, item.plugin, str(s.count), mean, verdicts, reasons, timing)
    console.print(table)
    for item in report.rewards:
        for note in report.summaries[item.name].notes:
            console.print(f"[yellow]{escape(note)}[/yellow]")
