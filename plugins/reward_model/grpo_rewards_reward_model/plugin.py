"""Entry point of the ``grpo-rewards-reward-model`` plugin: registers the ``reward_model`` reward.

Imports nothing heavy: torch and transformers load with the first scored batch.
"""

from __future__ import annotations

from collections.abc import Callable

from grpo_rewards import hookimpl

from .reward import RewardModelReward


@hookimpl
def register_rewards(register: Callable[..., None]) -> None:
    """Register ``reward_model``."""
    register(RewardModelReward)
