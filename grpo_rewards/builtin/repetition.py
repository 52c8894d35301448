"""Built-in repetition reward (being written)."""

from __future__ import annotations

from collections.abc import Callable

from ..hookspecs import hookimpl


@hookimpl
def register_rewards(register: Callable[..., None]) -> None:
    """Registers nothing yet."""
