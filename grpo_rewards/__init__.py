"""grpo-rewards: reward plugins for GRPO training that never fail silently.

The public API::

    import grpo_rewards

    manager = grpo_rewards.load_plugins()               # explicit, idempotent
    funcs, weights = grpo_rewards.reward_funcs(["math", "format:0.2"])

Plugin authors subclass :class:`Reward` (scored per sample), :class:`GroupReward`
or :class:`BatchReward`, return :class:`Verdict` objects and register through the
``register_rewards`` hook (see :mod:`grpo_rewards.hookspecs`).
"""

from __future__ import annotations

from .bridge import AsyncRewardFunction, RewardFunction, RewardStats, reward_funcs
from .errors import (
    AmbiguousRewardError,
    ConfigError,
    DuplicateRewardError,
    GrpoRewardsError,
    InputError,
    PluginError,
    RewardError,
    SandboxError,
    SandboxTimeout,
    SandboxUnavailable,
    ServiceUnavailable,
)
from .hookspecs import hookimpl
from .options import describe_options, parse_options
from .plugins import PluginManager, get_manager, load_plugins
from .pool import Job, Outcome, Task, WorkerPool, get_pool
from .registry import RegisteredReward, RewardRegistry
from .reward import BaseReward, BatchReward, Group, GroupReward, Manifest, Reward, Sample
from .scoring import group_samples, score_samples
from .selection import parse_reward_spec
from .verdict import Verdict

__version__ = "0.1.0"

__all__ = [
    "AmbiguousRewardError",
    "AsyncRewardFunction",
    "BaseReward",
    "BatchReward",
    "ConfigError",
    "DuplicateRewardError",
    "GrpoRewardsError",
    "Group",
    "GroupReward",
    "InputError",
    "Job",
    "Manifest",
    "Outcome",
    "PluginError",
    "PluginManager",
    "RegisteredReward",
    "Reward",
    "RewardError",
    "RewardFunction",
    "RewardRegistry",
    "RewardStats",
    "Sample",
    "SandboxError",
    "SandboxTimeout",
    "SandboxUnavailable",
    "ServiceUnavailable",
    "Task",
    "Verdict",
    "WorkerPool",
    "__version__",
    "describe_options",
    "get_manager",
    "get_pool",
    "group_samples",
    "hookimpl",
    "load_plugins",
    "parse_options",
    "parse_reward_spec",
    "reward_funcs",
    "score_samples",
]
