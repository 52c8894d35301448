"""``grpo-rewards train``: flags generated from :class:`TrainConfig`, so the two never drift apart.

Every setting is a kebab-case flag (``max_steps`` -> ``--max-steps``); booleans
come in pairs (``--load-in-4bit/--no-load-in-4bit``). Flags override the
``--config`` file, which overrides the defaults. Exit status: 0 trained (or a
clean ``--dry-run``), 1 training stopped (e.g. a reward gave no signal),
2 a configuration or preflight error.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, Union

import click
from rich.console import Console
from rich.markup import escape

from grpo_rewards import ConfigError, GrpoRewardsError
from grpo_rewards.selection import parse_option_flags

from .config import SECTIONS, TrainConfig, load_config_file, resolve_config

if TYPE_CHECKING:  # pragma: no cover
    from .preflight import PreflightReport

__all__ = ["train_command"]

_LIST_FLAGS = {"rewards", "reward_options", "grpo"}
_ALIASES = {"rewards": ("-r",), "reward_options": ("-o", "--option")}
_STYLE = {"ok": "green", "warning": "yellow", "error": "red bold"}


def _click_type(hint: Any) -> Any:
    origin = typing.get_origin(hint)
    if origin in (Union, types.UnionType):
        return _click_type(next(a for a in typing.get_args(hint) if a is not type(None)))
    if origin is Literal:
        return click.Choice([str(a) for a in typing.get_args(hint)])
    return {int: click.INT, float: click.FLOAT}.get(hint, click.STRING)


def _is_bool(hint: Any) -> bool:
    return hint is bool or (typing.get_origin(hint) in (Union, types.UnionType) and bool in typing.get_args(hint))


def _default_text(f: dataclasses.Field[Any]) -> str:
    default = f.default_factory() if f.default_factory is not dataclasses.MISSING else f.default
    if default in ("", None, [], {}):
        return ""
    return f" [default: {','.join(default) if isinstance(default, list) else default}]"


def _option(f: dataclasses.Field[Any], hint: Any) -> Callable[[Any], Any]:
    flag = f.metadata.get("flag", f.name.replace("_", "-"))
    help_text = f.metadata["help"]
    metavar = f.metadata.get("metavar")
    if f.name in _LIST_FLAGS:
        aliases = _ALIASES.get(f.name, ())  # the same short flags as `grpo-rewards check`
        return click.option(f"--{flag}", *aliases, f.name, multiple=True, metavar=metavar, help=help_text)
    if _is_bool(hint):
        return click.option(f"--{flag}/--no-{flag}", f.name, default=None, help=help_text + _default_text(f))
    return click.option(
        f"--{flag}", f.name, type=_click_type(hint), default=None, metavar=metavar, help=help_text + _default_text(f)
    )


def _config_options(command: Callable[..., Any]) -> Callable[..., Any]:
    hints = typing.get_type_hints(TrainConfig)
    for f in reversed(dataclasses.fields(TrainConfig)):
        command = _option(f, hints[f.name])(command)
    return command


def _scalar(text: str) -> Any:
    """A ``--grpo`` value as YAML reads it: ``true`` -> True, ``0.9`` -> 0.9, ``[a, b]`` -> a list."""
    import yaml

    try:
        return yaml.safe_load(text)
    except yaml.YAMLError:
        return text


def _grpo_flags(flags: tuple[str, ...]) -> dict[str, Any]:
    out = {}
    for flag in flags:
        key, sep, value = flag.partition("=")
        if not sep or not key.strip():
            raise ConfigError(f"--grpo {flag!r} must look like KEY=VALUE, e.g. top_p=0.9")
        out[key.strip()] = _scalar(value.strip())
    return out


def _flag_layer(values: dict[str, Any]) -> dict[str, Any]:
    layer = {k: v for k, v in values.items() if v is not None and k not in _LIST_FLAGS}
    if values.get("rewards"):
        layer["rewards"] = list(values["rewards"])
    options = parse_option_flags(values.get("reward_options") or ())
    if options:
        layer["reward_options"] = options
    if values.get("grpo"):
        layer["grpo"] = _grpo_flags(values["grpo"])
    return layer


def _print_config(console: Console, config: TrainConfig, backend: str | None) -> None:
    import yaml

    data = config.to_dict()
    console.print(
        f"[bold]# resolved config[/bold] (backend: {backend or 'unresolved'}): valid YAML; save it and replay it"
        " with `train --config FILE` or `check COMPLETIONS --config FILE`",
        soft_wrap=True,
    )
    for section in SECTIONS:
        values = {f.name: data[f.name] for f in dataclasses.fields(config) if f.metadata["section"] == section}
        text = yaml.safe_dump(values, sort_keys=False, default_flow_style=False).rstrip()
        console.print(f"[dim]# {section}[/dim]\n{escape(text)}", soft_wrap=True, highlight=False)


def _print_preflight(console: Console, report: PreflightReport) -> None:
    console.print("[bold]# preflight[/bold]")
    for check in report.checks:
        style = _STYLE[check.level]
        console.print(f"#   [{style}]{check.level:<7}[/{style}] {check.topic:<8} {escape(check.message)}", soft_wrap=True)


def _dry_run(config: TrainConfig) -> None:
    from .preflight import preflight

    console = Console()
    report = preflight(config)
    _print_config(console, config, report.backend)
    _print_preflight(console, report)
    if not report.ok:
        Console(stderr=True).print(
            f"[red bold]preflight failed[/red bold]: {len(report.errors)} problem(s) above; nothing was loaded"
        )
        raise SystemExit(2)


def _run(config: TrainConfig) -> None:
    from .run import train

    result = train(config)
    Console().print(
        f"[green bold]done[/green bold]: adapter, tokenizer and {result.output_dir / 'train_config.json'} in {result.output_dir}"
    )
    if result.merged_dir is not None:
        Console().print(f"merged model in {result.merged_dir}")


@click.command("train")
@click.option(
    "--config",
    "config_file",
    type=click.Path(dir_okay=False, path_type=Path),
    help="YAML, TOML or JSON file of settings; flags override it.",
)
@click.option("--dry-run", is_flag=True, help="Print the resolved config and run preflight; load nothing.")
@_config_options
def train_command(config_file: Path | None, dry_run: bool, **values: Any) -> None:
    """Train a model with GRPO, rewarded by installed reward plugins.

    \b
    grpo-rewards train --model unsloth/Qwen2.5-7B-Instruct --dataset gsm8k.jsonl \\
        --reward math --reward format:0.2 --max-steps 500
    """
    err = Console(stderr=True)
    try:
        file_layer = load_config_file(config_file) if config_file else {}
        config = resolve_config(file_layer, _flag_layer(values), sources=(str(config_file), "command line"))
        if dry_run:
            _dry_run(config)
        else:
            _run(config)
    except ConfigError as exc:
        err.print(f"[red bold]error:[/red bold] {escape(str(exc))}")
        raise SystemExit(2) from None
    except GrpoRewardsError as exc:
        err.print(f"[red bold]training stopped:[/red bold] {escape(str(exc))}")
        raise SystemExit(1) from None
