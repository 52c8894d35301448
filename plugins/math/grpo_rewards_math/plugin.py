"""The ``grpo_rewards`` entry point of grpo-rewards-math. Imports nothing heavy."""

from __future__ import annotations

from collections.abc import Callable

from grpo_rewards import hookimpl

from .reward import MathReward


@hookimpl
def register_rewards(register: Callable[..., None]) -> None:
    """Register the ``math`` reward."""
    register(MathReward)
