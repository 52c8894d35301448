"""grpo-rewards-reward-model: a Hugging Face sequence-classification reward model as the ``reward_model`` reward.

See ``docs/reward-model.md``. :func:`grpo_rewards_reward_model.toy.build_toy_reward_model`
builds a small random one locally, for tests, benchmarks and demos.
"""

from __future__ import annotations

from .options import RewardModelOptions
from .reward import RewardModelReward

__all__ = ["RewardModelOptions", "RewardModelReward"]
