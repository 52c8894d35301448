"""``grpo-rewards check SOURCE``: score sample outputs offline and show what each reward did and why.

SOURCE is a file (JSONL, JSON, CSV, Parquet, gzip/bz2/xz of the text ones),
``-`` for standard input, a ``save_to_disk`` folder or a ``datasets`` name
(see :mod:`grpo_rewards.loaders`). Exit statuses: see :mod:`grpo_rewards.cli.check_io`.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NoReturn

import click
from rich.console import Console
from rich.markup import escape

from ..checking import CheckReport, select_for_rows
from ..config_file import RewardSettings, read_config_file, reward_settings
from ..data import Columns, InputRow, ReadResult, read_rows
from ..errors import ConfigError, GrpoRewardsError, InputError
from ..executors import EXECUTORS, Executor, get_executor
from ..failon import FailOn, fail_on_breaches, parse_fail_on
from ..insight import Insight, insight
from ..output import STDOUT, OutputSink, open_output
from ..plugins import load_plugins
from ..registry import split_qualified
from ..report import write_report
from ..safetext import never_fail_on_encoding, printable
from ..selection import parse_option_flags, parse_reward_spec
from ..subset import pick_rows
from .check_io import EXIT_FAILED, EXIT_OK, EXIT_USAGE, score_rows
from .check_view import print_report
from .stdout_guard import stdout_to_stderr

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
@click.option(
    "--config",
    "config_file",
    type=click.Path(dir_okay=False, path_type=Path),
    help="The YAML/TOML/JSON config `train` reads (or its train_config.json): its rewards, weights and reward options.",
)
@click.option("--limit", type=int, metavar="N", help="Score only the first N rows.")
@click.option("--sample", type=int, metavar="N", help="Score about N random rows, keeping whole prompt groups (see --seed).")
@click.option("--seed", type=int, default=0, show_default=True, help="Random seed for --sample.")
@click.option(
    "--report",
    "report_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Also write a self-contained HTML report (plots, GRPO groups, per-row drill-down); needs plotly.",
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
@click.option(
    "--executor",
    "executor_choice",
    type=click.Choice(EXECUTORS),
    default=None,
    help="Where rewards run: local (this machine's worker pool) or ray (node actors of a Ray cluster, reached through "
    "RAY_ADDRESS; see docs/cluster.md). Default: $GRPO_REWARDS_EXECUTOR, else local.",
)
def check(
    source: str,
    reward_specs: tuple[str, ...],
    option_flags: tuple[str, ...],
    output: str | None,
    resume: bool,
    fmt: str,
    show: str,
    config_file: Path | None,
    limit: int | None,
    sample: int | None,
    seed: int,
    report_path: Path | None,
    split: str | None,
    prompt_column: str,
    completion_column: str | None,
    fail_on_flags: tuple[str, ...],
    executor_choice: str | None,
) -> None:
    """Score SOURCE: a JSONL/JSON/CSV/Parquet file (also .gz), - for stdin, a dataset folder or a datasets name.

    Rows hold a completion (or a list of completions), usually a prompt, and
    the dataset columns the rewards read. Rewards come from --reward, else from
    --config's rewards, else every installed reward whose columns the rows
    have. NAME may be PLUGIN/NAME when two plugins register the same name.
    """
    never_fail_on_encoding(sys.stdout, sys.stderr)
    err = Console(stderr=True, soft_wrap=True)
    # Standard output is machine-readable here: whatever else writes to fd 1 (a plugin's print, a C
    # extension, Ray's raylet) goes to stderr until the command ends; our output goes to ``stdout``.
    stdout = click.get_current_context().with_resource(stdout_to_stderr(fmt == "json" or output == STDOUT))
    executor = _start_executor(executor_choice, err, quiet=fmt == "json")
    manager = load_plugins(strict=False)
    plugin_errors = [p.error for p in manager.loaded_plugins() if p.error]
    for message in plugin_errors:
        err.print(f"[red bold]plugin error:[/red bold] {escape(printable(message))}")
    if resume and output is None:
        _usage_error(err, ConfigError("--resume needs --output FILE (the output to resume)"))
    try:
        specs, options = _reward_settings(config_file, reward_specs, option_flags)
        read = read_rows(source, split=split, columns=Columns(prompt_column, completion_column))
        rows = pick_rows(read.rows, limit=limit, sample=sample, seed=seed, prompt_of=lambda r: r.sample().prompt)
    except (ConfigError, InputError) as exc:
        _usage_error(err, exc)
    try:
        sink = open_output(output, resume=resume, stdout=stdout) if output is not None else None
        todo = _rows_to_score(rows, sink)
        selected = select_for_rows(manager, specs, options, todo)
        conditions = parse_fail_on(fail_on_flags, [s.name for s in selected])
    except ConfigError as exc:
        _usage_error(err, exc)
    except GrpoRewardsError as exc:
        err.print(f"[red bold]error:[/red bold] {escape(printable(exc))}")
        raise SystemExit(EXIT_FAILED) from None
    _report_reading(err, read, sink, todo)
    if len(rows) < len(read.rows):
        err.print(f"[dim]scoring {len(rows)} of {len(read.rows)} rows ({'--limit' if limit else f'--sample, seed {seed}'})[/dim]")
    report = CheckReport(list(selected), earlier=sink.resumed.verdicts if sink else {})
    try:
        run = score_rows(selected, todo, read.errors, sink=sink, report=report, err=err, quiet=fmt == "json", executor=executor)
    finally:
        if sink is not None:
            sink.close()
    found = insight(todo, report)
    problems = _problems(read, report, conditions, todo, bool(selected))
    if report_path is not None:
        _write_report(report_path, source, todo, report, found, [*plugin_errors, *map(str, read.errors), *problems], err)
    rows_on_stdout = sink is not None and sink.to_stdout  # then everything else goes to stderr
    if fmt == "json":
        summary = _json_summary(source, read.errors, plugin_errors, report, problems, run.interrupted)
        text = json.dumps({**summary, **found.to_dict([r.line for r in todo])}, indent=2)
        if rows_on_stdout:
            click.echo(text, err=True)
        else:
            stdout.write(text.encode() + b"\n")
            stdout.flush()
    else:
        print_report(Console(stderr=rows_on_stdout), todo, report, show, found.diagnostics, found.seed)
        for problem in problems:
            err.print(f"[red bold]error:[/red bold] {escape(printable(problem))}")
    failed = bool(read.errors or plugin_errors or problems or report.failed)
    raise SystemExit(_finish(err, fmt, todo, read, report, failed, run.interrupted, sink))


def _usage_error(err: Console, exc: Exception) -> NoReturn:
    err.print(f"[red bold]error:[/red bold] {escape(printable(exc))}")
    raise SystemExit(EXIT_USAGE)


def _rows_to_score(rows: list[InputRow], sink: OutputSink | None) -> list[InputRow]:
    done = sink.resumed.keys if sink is not None else set()
    return [row for row in rows if row.key not in done]


def _reward_settings(
    config_file: Path | None, specs: tuple[str, ...], flags: tuple[str, ...]
) -> tuple[list[str], dict[str, dict[str, Any]]]:
    """--reward replaces the config's rewards (and drops its options for the others); --option flags go over the config's."""
    settings = reward_settings(read_config_file(config_file), str(config_file)) if config_file else RewardSettings()
    chosen = {split_qualified(parse_reward_spec(spec)[0])[1] for spec in specs} if specs else None
    options = {name: dict(v) for name, v in settings.reward_options.items() if chosen is None or name in chosen}
    for name, values in parse_option_flags(flags).items():
        options[name] = {**options.get(name, {}), **values}
    return list(specs) or settings.rewards, options


def _write_report(
    path: Path, source: str, rows: Sequence[InputRow], report: CheckReport, found: Insight, problems: list[str], err: Console
) -> None:
    try:
        written = write_report(path, source, rows, report, found, problems)
    except ConfigError as exc:
        err.print(f"[red bold]report not written:[/red bold] {escape(str(exc))}")
        raise SystemExit(2) from None
    err.print(f"report: {escape(str(written))} (file://{escape(str(written.resolve()))})")


def _start_executor(choice: str | None, err: Console, quiet: bool) -> Executor:
    """The chosen executor, started (connected, for Ray); exit status 2 with the reason when it cannot start."""
    try:
        executor = get_executor(choice)
        status = executor.start()
    except GrpoRewardsError as exc:
        err.print(f"[red bold]error:[/red bold] {escape(str(exc))}")
        raise SystemExit(2) from None
    if executor.name != "local" and not quiet:
        err.print(f"[dim]{escape(status)}[/dim]")
    return executor


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
    rows: list[InputRow],
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
        err.print(f"{status} ({len(rows)} rows, {len(read.errors)} bad rows)")
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
