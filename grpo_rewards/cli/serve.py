"""``grpo-rewards serve``: score rows over HTTP with the same rewards, options and verdicts as ``check``.

SIGTERM or SIGINT stops it gracefully: in-flight batches finish, then the
process ends by that signal (as uvicorn does). Exit status: 0 when it stopped
because no client held ``--lease``; 2 for a configuration error (an unknown
reward, a bad option); 3 when another service already serves the ``--uds`` socket.
"""

from __future__ import annotations

import json
import logging
from typing import Any

import click

from ..errors import ConfigError
from ..selection import parse_option_flags

__all__ = ["serve"]


def _options(flags: tuple[str, ...], options_json: str | None) -> dict[str, dict[str, Any]]:
    options: dict[str, dict[str, Any]] = {}
    if options_json:
        try:
            loaded = json.loads(options_json)
        except json.JSONDecodeError as exc:
            raise ConfigError(f"--options-json is not JSON: {exc}") from None
        if not isinstance(loaded, dict) or not all(isinstance(v, dict) for v in loaded.values()):
            raise ConfigError('--options-json must be an object of objects, e.g. {"math": {"mode": "strict"}}')
        options = {name: dict(values) for name, values in loaded.items()}
    for name, values in parse_option_flags(flags).items():
        options.setdefault(name, {}).update(values)
    return options


@click.command()
@click.option("--reward", "-r", "reward_specs", multiple=True, metavar="NAME[:WEIGHT]", help="Reward to serve (repeatable).")
@click.option("--option", "-o", "option_flags", multiple=True, metavar="NAME.KEY=VALUE", help="Reward option (repeatable).")
@click.option("--options-json", metavar="JSON", help='Reward options as JSON, e.g. {"math": {"mode": "strict"}}.')
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to bind (no authentication: keep it loopback).")
@click.option("--port", default=8000, show_default=True, type=int, help="TCP port (0: any free port).")
@click.option("--uds", metavar="PATH", help="Serve on this Unix domain socket instead of TCP.")
@click.option("--max-rows", default=4096, show_default=True, type=int, help="Completions per request.")
@click.option("--max-body-mb", default=64.0, show_default=True, type=float, help="Request body size.")
@click.option(
    "--max-completion-chars", default=1_000_000, show_default=True, type=int, help="Longer completions get the lowest score."
)
@click.option("--max-concurrent", default=4, show_default=True, type=int, help="Batches scored at once.")
@click.option("--max-queue", default=64, show_default=True, type=int, help="Batches waiting; more get 503.")
@click.option(
    "--graceful-timeout", default=300.0, show_default=True, type=float, help="Seconds in-flight batches get on SIGTERM."
)
@click.option("--ready-file", metavar="PATH", help='Write {"url", "pid"} here once the service answers.')
@click.option("--lease", metavar="PATH", help="Exit when no client has held a shared lock on PATH for --idle-exit seconds.")
@click.option("--idle-exit", default=10.0, show_default=True, type=float, help="Seconds without a lease holder before exiting.")
@click.option("--log-level", default="warning", show_default=True, type=click.Choice(["debug", "info", "warning", "error"]))
def serve(
    reward_specs: tuple[str, ...],
    option_flags: tuple[str, ...],
    options_json: str | None,
    host: str,
    port: int,
    uds: str | None,
    max_rows: int,
    max_body_mb: float,
    max_completion_chars: int,
    max_concurrent: int,
    max_queue: int,
    graceful_timeout: float,
    ready_file: str | None,
    lease: str | None,
    idle_exit: float,
    log_level: str,
) -> None:
    """Serve rewards over HTTP: POST /score, GET /rewards, GET /health (needs `pip install 'grpo-rewards[serve]'`)."""
    try:
        import fastapi  # noqa: F401
        import uvicorn  # noqa: F401
    except ImportError as exc:
        raise click.ClickException(
            f"serve needs FastAPI and uvicorn ({exc.name} is missing): pip install 'grpo-rewards[serve]'"
        ) from None
    from ..serve import Address, AlreadyServed, Limits, Scorer, run_service

    logging.basicConfig(level=logging.WARNING, format="%(message)s")
    if not reward_specs:
        raise click.UsageError("name at least one reward to serve: --reward NAME[:WEIGHT] (see `grpo-rewards rewards`)")
    try:
        limits = Limits(
            max_body_bytes=int(max_body_mb * 1024 * 1024),
            max_rows=max_rows,
            max_completion_chars=max_completion_chars,
            max_concurrent=max_concurrent,
            max_queue=max_queue,
            graceful_seconds=graceful_timeout,
        )
        scorer = Scorer.from_specs(list(reward_specs), _options(option_flags, options_json), limits=limits)
        run_service(
            scorer, Address(host, port, uds), ready_file=ready_file, lease=lease, idle_exit=idle_exit, log_level=log_level
        )
    except AlreadyServed as exc:
        click.echo(f"error: {exc}", err=True)
        raise SystemExit(3) from None
    except (ConfigError, ValueError) as exc:
        click.echo(f"error: {exc}", err=True)
        raise SystemExit(2) from None
