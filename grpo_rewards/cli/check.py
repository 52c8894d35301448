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

from ..checking import CheckReport, run_check, select_for_rows
from ..config_file import RewardSettings, read_config_file, reward_settings
from ..data import InputRow, read_rows
from ..errors import ConfigError, GrpoRewardsError, InputError
from ..insight import Insight, insight
from ..plugins import load_plugins
from ..registry import split_qualified
from ..report import write_report
from ..selection import parse_option_flags, parse_reward_spec
from ..subset import pick_rows
from .check_view import print_report


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
def check(
    file: Path,
    reward_specs: tuple[str, ...],
    option_flags: tuple[str, ...],
    output: Path | None,
    fmt: str,
    show: str,
    config_file: Path | None,
    limit: int | None,
    sample: int | None,
    seed: int,
    report_path: Path | None,
) -> None:
    """Score FILE (JSONL, JSON or Parquet rows with `completion`, `prompt` and dataset columns).

    Rewards come from --reward, else from --config's rewards, else every
    installed reward whose columns the rows have. NAME may be PLUGIN/NAME when
    two plugins register the same name.
    """
    err = Console(stderr=True, soft_wrap=True)
    manager = load_plugins(strict=False)
    plugin_errors = [p.error for p in manager.loaded_plugins() if p.error]
    for message in plugin_errors:
        err.print(f"[red bold]plugin error:[/red bold] {escape(message)}")
    try:
        specs, options = _reward_settings(config_file, reward_specs, option_flags)
        read = read_rows(file)
        rows = pick_rows(read.rows, limit=limit, sample=sample, seed=seed, prompt_of=lambda r: r.sample().prompt)
        selected = select_for_rows(manager, specs, options, rows)
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
    if len(rows) < len(read.rows):
        err.print(f"[dim]scoring {len(rows)} of {len(read.rows)} rows ({'--limit' if limit else f'--sample, seed {seed}'})[/dim]")
    report = _score_with_progress(selected, rows, err, quiet=fmt == "json")
    found = insight(rows, report)
    if output is not None:
        _write_output(output, rows, read.errors, report)
    if report_path is not None:
        _write_report(report_path, file, rows, report, found, [*plugin_errors, *map(str, read.errors)], err)
    if fmt == "json":
        summary = {**_json_summary(file, read.errors, plugin_errors, report), **found.to_dict([r.line for r in rows])}
        click.echo(json.dumps(summary, indent=2))
    else:
        print_report(Console(), rows, report, show, found.diagnostics, found.seed)
    failed = bool(read.errors or plugin_errors or report.failed)
    if fmt != "json":
        status = "[red bold]FAILED[/red bold]: see the errors above" if failed else "[green bold]OK[/green bold]"
        err.print(f"{status} ({len(rows)} rows, {len(read.errors)} bad rows)")
    raise SystemExit(1 if failed else 0)


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
    path: Path, file: Path, rows: Sequence[InputRow], report: CheckReport, found: Insight, problems: list[str], err: Console
) -> None:
    try:
        written = write_report(path, str(file), rows, report, found, problems)
    except ConfigError as exc:
        err.print(f"[red bold]report not written:[/red bold] {escape(str(exc))}")
        raise SystemExit(2) from None
    err.print(f"report: {escape(str(written))} (file://{escape(str(written.resolve()))})")


def _score_with_progress(selected: Sequence[Any], rows: Sequence[InputRow], err: Console, quiet: bool) -> CheckReport:
    total = sum(len(s.positions) for s in selected)
    columns = (TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=err, transient=True, disable=quiet or total == 0) as progress:
        tasks = {s.name: progress.add_task(s.name, total=len(s.positions)) for s in selected}
        return run_check(selected, rows, on_progress=lambda name, n: progress.advance(tasks[name], n))


def _row_record(row: InputRow, report: CheckReport, position: int) -> dict[str, Any]:
    rewards = {name: verdicts[position].to_dict() for name, verdicts in report.verdicts.items() if position in verdicts}
    return {"line": row.line, "rewards": rewards}


def _write_output(path: Path, rows: Sequence[InputRow], errors: Sequence[InputError], report: CheckReport) -> None:
    records = [(row.line, _row_record(row, report, i)) for i, row in enumerate(rows)]
    records += [(e.line or 0, {"line": e.line, "error": str(e), "field": e.field, "rewards": {}}) for e in errors]
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
