"""The ``grpo-rewards-sandbox`` command: build the image, show its state, sweep orphans."""

from __future__ import annotations

import sys

import click

from .errors import SandboxError


@click.group()
def main() -> None:
    """Build and inspect the grpo-rewards sandbox image."""


@main.command()
@click.option("--from-registry", is_flag=True, help="Build on an official Python base image pulled from a registry.")
@click.option("--base", default=None, help="With --from-registry: the base image to build on.")
@click.option("--rebuild-base", is_flag=True, help="Offline: debootstrap the Debian base again even if it exists.")
@click.option("--force", is_flag=True, help="Build even when the image for these sources already exists.")
def build(from_registry: bool, base: str | None, rebuild_base: bool, force: bool) -> None:
    """Build the sandbox image (offline from Debian packages by default), tagged by its sources' hash."""
    from rich.console import Console

    from . import image_build
    from .docker_backend import DockerBackend

    console = Console(stderr=True, log_path=False)
    try:
        backend = DockerBackend()
        backend.ping()
        status = image_build.image_status(backend.client)
        if status.present and not (force or rebuild_base):
            console.print(f"[green]{status.expected} is up to date[/]")
            return
        with console.status("building the sandbox image") as spinner:

            def progress(line: str) -> None:
                spinner.update(line[:100])
                console.log(line)

            if from_registry:
                tag = image_build.build_from_registry(backend.client, progress, base=base)
            else:
                tag = image_build.build_offline(backend.client, progress, rebuild_base=rebuild_base)
        console.print(f"[green]built {tag}[/]")
    except SandboxError as exc:
        raise click.ClickException(str(exc)) from None


@main.command()
def status() -> None:
    """Say whether the engine answers and the image for these sources is built."""
    from . import image_build
    from .docker_backend import DockerBackend

    try:
        backend = DockerBackend()
        backend.ping()
        state = image_build.image_status(backend.client)
    except SandboxError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(f"engine: {backend.client.version().get('Version', '?')}")
    click.echo(f"image:  {state.expected} ({'built' if state.present else 'missing'})")
    for tag in state.stale:
        click.echo(f"stale:  {tag}")
    sys.exit(0 if state.present else 1)


@main.command()
def sweep() -> None:
    """Remove sandbox containers left behind by processes that died."""
    from .docker_backend import DockerBackend

    try:
        removed = DockerBackend().sweep()
    except SandboxError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(f"removed {removed} orphaned container(s)")
