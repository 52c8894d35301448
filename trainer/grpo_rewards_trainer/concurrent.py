"""Reward functions TRL runs together: async wrappers of the bridge's reward callables.

TRL's ``GRPOTrainer._calculate_rewards`` (1.15 and 1.16, and Unsloth's
trainer, which copies it unchanged) calls synchronous reward functions one
after another, then awaits every *async* reward function of the step together
with ``asyncio.gather`` on its own event-loop thread. Wrapped here, each reward
runs in a thread of that loop's executor, so a reward that waits (on the worker
pool, a sandbox, a judge endpoint) overlaps the others instead of adding to
them. Scores, ``None`` for unverifiable, metrics and the abort-after check are
the wrapped function's.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from typing import Any

from grpo_rewards import RewardFunction

__all__ = ["AsyncRewardFunction", "concurrent_reward_funcs"]


class AsyncRewardFunction:
    """``await fn(prompts=..., completions=..., **columns)`` runs ``func`` in a thread and returns its scores."""

    def __init__(self, func: RewardFunction) -> None:
        self.func = func
        self.__name__ = func.__name__
        self.__qualname__ = func.__name__

    async def __call__(self, **kwargs: Any) -> list[float | None]:
        return await asyncio.to_thread(self.func, **kwargs)

    def __repr__(self) -> str:
        return f"AsyncRewardFunction({self.func!r})"


def concurrent_reward_funcs(funcs: Sequence[RewardFunction]) -> list[AsyncRewardFunction]:
    """``funcs`` as async reward functions, in the same order (weights are unchanged)."""
    return [AsyncRewardFunction(f) for f in funcs]
