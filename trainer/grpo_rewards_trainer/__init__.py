"""grpo-rewards-trainer: GRPO training (Unsloth or plain TRL) rewarded by grpo-rewards plugins.

::

    from grpo_rewards_trainer import TrainConfig, train
    train(TrainConfig(model="Qwen/Qwen2.5-0.5B-Instruct", dataset="gsm8k.jsonl", rewards=["math", "format:0.2"]))

or ``grpo-rewards train --model ... --dataset ... --reward math --reward format:0.2``.
Importing this package is light: torch, trl and unsloth load when training starts.
"""

from __future__ import annotations

from .config import TrainConfig, load_config_file, resolve_config
from .environment import Environment
from .preflight import Check, PreflightError, PreflightReport, preflight
from .run import TrainingRun, TrainResult, train

__version__ = "0.1.0"

__all__ = [
    "Check",
    "Environment",
    "PreflightError",
    "PreflightReport",
    "TrainConfig",
    "TrainResult",
    "TrainingRun",
    "__version__",
    "load_config_file",
    "preflight",
    "resolve_config",
    "train",
]
