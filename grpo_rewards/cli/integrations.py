"""``grpo-rewards integrations ENGINE``: what an engine's config points at to use grpo-rewards."""

from __future__ import annotations

from pathlib import Path

import click

__all__ = ["integrations"]

_VERL_SNIPPET = """\
reward:
  custom_reward_function:
    path: {path}
    name: compute_score            # compute_score_async for the reward loop, compute_score_batch for reward_manager=batch
    reward_kwargs:
      rewards: ["math", "format:0.2"]"""


@click.group()
def integrations() -> None:
    """Paths and settings for other training engines (verl, the TRL CLI)."""


@integrations.command()
@click.option("--path-only", is_flag=True, help="Print only the file's path.")
def verl(path_only: bool) -> None:
    """The file to give verl's custom_reward_function.path, and a config to start from (docs/verl.md)."""
    from ..integrations import verl as adapter

    path = str(Path(adapter.__file__).resolve())
    click.echo(path if path_only else _VERL_SNIPPET.format(path=path))


@integrations.command()
def trl() -> None:
    """The dotted paths `trl grpo --reward_funcs` takes, one per installed reward (docs/trl-cli.md)."""
    from ..plugins import load_plugins

    for reward in load_plugins(strict=False).registry:
        click.echo(f"grpo_rewards.trl.{reward.name}")
