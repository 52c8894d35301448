"""Entry point of the ``grpo-rewards-code`` plugin: registers the ``code`` reward.

Imports nothing heavy: the sandbox (and docker) load on the first scored batch.
"""

from __future__ import annotations

from collections.abc import Callable

from grpo_rewards import hookimpl

from .reward import CodeReward


@hookimpl
def register_rewards(register: Callable[..., None]) -> None:
    """Register ``code``."""
    register(CodeReward)
