"""``grpo-rewards check SOURCE``: score sample outputs offline and show what each reward did and why.

SOURCE is a file (JSONL, JSON, CSV, Parquet, gzip/bz2/xz of the text ones),
``-`` for standard input, a ``save_to_disk`` folder or a ``datasets`` name
(see :mod:`grpo_rewards.loaders`). Exit statuses: see :mod:`grpo_rewards.cli.check_io`.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from typing import Any, NoReturn

import click
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from ..checking import CheckReport, select_for_rows
from ..data import Columns, InputRow, ReadResult, read_rows
from ..errors import ConfigError, GrpoRewardsError, InputError
from ..failon import FailOn, fail_on_breaches, parse_fail_on
from ..output import OutputSink, open_output
from ..plugins import load_plugins
from ..safetext import never_fail_on_encoding, printable
from ..selection import parse_option_flags
from ..verdict import Verdict
from .check_io import EXIT_FAILED, EXIT_OK, EXIT_USAGE, score_rows

_STYLE = {"correct": "green", "incorrect": "red", "partial": "yellow", "unverifiable": "magenta"}
_EXIT_HELP = (
    "Exit status: 0 all scored; 1 something failed (bad rows, plugin errors, failures on our side, unusable data, "
    "no rows, a --fail-on condition); 2 usage error; 130 Ctrl-C (143 SIGTERM), with the rows done kept."
)


@click.command(epilog=_EXIT_HELP)
@click.argument("source", metavar="SOURCE")
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
    "--output",
    metavar="FILE",
    help="One JSON line per input row, in input order, each written as soon as it is scored; - for stdout.",
)
@click.option("--resume", is_flag=True, help="Keep the rows already in --output FILE and score only the rest.")
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
@click.option("--split", help="Split of a dataset folder or name (default: the only one, or train).")
@click.option("--prompt-column", default="prompt", show_default=True, help="Column holding the prompt.")
@click.option(
    "--completion-column",
    metavar="NAME",
    help="Column holding the completion, or a list of completions. Default: completion, else completions.",
)
@click.option(
    "--fail-on",
    "fail_on_flags",
    multiple=True,
    metavar="CONDITIONS",
    help="Exit 1 when a condition holds, e.g. unverifiable,incorrect or 'incorrect>10%' or 'math.mean<0.8' (repeatable).",
)
def check(
    source: str,
    reward_specs: tuple[str, ...],
    option_flags: tuple[str, ...],
    output: str | None,
    resume: bool,
    fmt: str,
    show: str,
    split: str | None,
    prompt_column: str,
    completion_column: str | None,
    fail_on_flags: tuple[str, ...],
) -> None:
    """Score SOURCE: a JSONL/JSON/CSV/Parquet file (also .gz), - for stdin, a dataset folder or a datasets name.

    Rows hold a completion (or a list of completions), usually a prompt, and
    the dataset columns the rewards read.
    """
    never_fail_on_encoding(sys.stdout, sys.stderr)
    err = Console(stderr=True, soft_wrap=True)
    manager = load_plugins(strict=False)
    plugin_errors = [p.error for p in manager.loaded_plugins() if p.error]
    for message in plugin_errors:
        err.print(f"[red bold]plugin error:[/red bold] {escape(printable(message))}")
    if resume and output is None:
        _usage_error(err, ConfigError("--resume needs --output FILE (the output to resume)"))
    try:
        read = read_rows(source, split=split, columns=Columns(prompt_column, completion_column))
    except (ConfigError, InputError) as exc:
        _usage_error(err, exc)
    try:
        sink = open_output(output, resume=resume) if output is not None else None
        todo = _rows_to_score(read, sink)
        selected = select_for_rows(manager, reward_specs, parse_option_flags(option_flags), todo)
        conditions = parse_fail_on(fail_on_flags, [s.name for s in selected])
    except ConfigError as exc:
        _usage_error(err, exc)
    except GrpoRewardsError as exc:
        err.print(f"[red bold]error:[/red bold] {escape(printable(exc))}")
        raise SystemExit(EXIT_FAILED) from None
    _report_reading(err, read, sink, todo)
    report = CheckReport(list(selected), earlier=sink.resumed.verdicts if sink else {})
    try:
        run = score_rows(selected, todo, read.errors, sink=sink, report=report, err=err, quiet=fmt == "json")
    finally:
        if sink is not None:
            sink.close()
    problems = _problems(read, report, conditions, todo, bool(selected))
    rows_on_stdout = sink is not None and sink.to_stdout  # then everything else goes to stderr
    if fmt == "json":
        summary = _json_summary(source, read.errors, plugin_errors, report, problems, run.interrupted)
        click.echo(json.dumps(summary, indent=2), err=rows_on_stdout)
    else:
        _print_report(Console(stderr=rows_on_stdout), todo, report, show)
        for problem in problems:
            err.print(f"[red bold]error:[/red bold] {escape(printable(problem))}")
    failed = bool(read.errors or plugin_errors or problems or report.failed)
    raise SystemExit(_finish(err, fmt, read, report, failed, run.interrupted, sink))


def _usage_error(err: Console, exc: Exception) -> NoReturn:
    err.print(f"[red bold]error:[/red bold] {escape(printable(exc))}")
    raise SystemExit(EXIT_USAGE)


def _rows_to_score(read: ReadResult, sink: OutputSink | None) -> list[InputRow]:
    done = sink.resumed.keys if sink is not None else set()
    return [row for row in read.rows if row.key not in done]


def _report_reading(err: Console, read: ReadResult, sink: OutputSink | None, todo: list[InputRow]) -> None:
    for error in read.errors:
        if error.line is None:  # about the whole source
            err.print(f"[red bold]error:[/red bold] {escape(printable(error))} (the rows read before it are scored)")
        else:
            err.print(f"[red bold]bad row:[/red bold] {escape(printable(error))} (row skipped; the others are scored)")
    if sink is not None and sink.resumed.count:
        cut = "; a line cut short at its end was dropped" if sink.resumed.dropped_partial_line else ""
        err.print(f"resuming: {sink.resumed.count} rows already in {sink.name}{cut}; scoring the {len(todo)} left")


def _problems(
    read: ReadResult,
    report: CheckReport,
    conditions: Sequence[FailOn],
    todo: list[InputRow],
    any_reward: bool,
) -> list[str]:
    """Why the run fails besides bad rows and failed samples (which are shown where they happen)."""
    problems = report.unusable()
    if not read.rows and not read.errors:
        problems.append("the source has no rows: nothing was checked")
    elif todo and not any_reward:
        problems.append(
            "no reward applies to these rows: nothing was scored; name one with --reward (see `grpo-rewards rewards`)"
        )
    problems += fail_on_breaches(conditions, report.summaries, report.lint)
    return problems


def _finish(
    err: Console,
    fmt: str,
    read: ReadResult,
    report: CheckReport,
    failed: bool,
    interrupted: int | None,
    sink: OutputSink | None,
) -> int:
    if interrupted is not None:
        kept = f"; {sink.name} holds every row up to the first unfinished one (score the rest with --resume)" if sink else ""
        err.print(f"[yellow bold]interrupted[/yellow bold]: {len(report.done)} rows scored{kept}")
        return interrupted
    if fmt != "json":
        status = "[red bold]FAILED[/red bold]: see the errors above" if failed else "[green bold]OK[/green bold]"
        err.print(f"{status} ({len(read.rows)} rows, {len(read.errors)} bad rows)")
    return EXIT_FAILED if failed else EXIT_OK


def _json_summary(
    source: str,
    errors: Sequence[InputError],
    plugin_errors: list[str],
    report: CheckReport,
    problems: list[str],
    interrupted: int | None,
) -> dict[str, Any]:
    return {
        "file": source,
        "rewards": {name: s.to_dict() for name, s in report.summaries.items()},
        "lint": {name: messages for name, messages in report.lint.items() if messages},
        "bad_rows": [{"line": e.line, "field": e.field, "error": str(e)} for e in errors],
        "plugin_errors": plugin_errors,
        "problems": problems,
        "rows_scored": len(report.done),
        "interrupted": interrupted is not None,
        "failed": bool(errors or plugin_errors or problems or report.failed),
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
    text = printable(" ".join(str(text).split()))
    return text if len(text) <= width else text[: width - 1] + "…"


def _rows_to_show(rows: Sequence[InputRow], report: CheckReport, show: str) -> list[int]:
    if show == "none":
        return []
    everything = [i for i in range(len(rows)) if i in report.done]  # fewer than all after Ctrl-C
    if show == "all" or (show == "auto" and len(everything) <= 60):
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
            table.add_row(rows[i].label, *cells)
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
            console.print(escape(printable(first.details.get("traceback") or first.details.get("message", ""))), highlight=False)


def _print_lint(console: Console, report: CheckReport) -> None:
    for name, messages in report.lint.items():
        for message in messages:
            console.print(f"[yellow bold]lint[/yellow bold] {name}: {escape(printable(message))}")


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
