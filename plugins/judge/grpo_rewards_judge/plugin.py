"""Entry point of the ``grpo-rewards-judge`` plugin: registers the ``judge`` reward.

Imports nothing heavy: httpx loads with the first request.
"""

from __future__ import annotations

from collections.abc import Callable

from grpo_rewards import hookimpl

from .reward import JudgeReward


@hookimpl
def register_rewards(register: Callable[..., None]) -> None:
    """Register ``judge``."""
    register(JudgeReward)
