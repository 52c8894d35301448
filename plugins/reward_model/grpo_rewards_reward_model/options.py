"""Options of the ``reward_model`` reward (set with ``-o reward_model.KEY=VALUE``, a config file or Python)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Literal

__all__ = ["Normalize", "RewardModelOptions"]

Normalize = Literal["raw", "sigmoid", "zscore"]
_DEVICE = re.compile(r"auto|cpu|mps|cuda(:\d+)?")


def _help(text: str) -> dict[str, Any]:
    return {"help": text}


@dataclass(frozen=True)
class RewardModelOptions:
    """Options of the ``reward_model`` reward."""

    model: str | None = field(
        default=None, metadata=_help("local path or hub id of a sequence-classification model with one label (required)")
    )
    device: str = field(default="auto", metadata=_help("auto (a GPU if one is visible, else the CPU), cpu, cuda or cuda:N"))
    dtype: Literal["auto", "bfloat16", "float16", "float32"] = field(
        default="auto", metadata=_help("auto: bfloat16 on a GPU that has it, float32 on the CPU")
    )
    batch_size: int = field(default=32, metadata=_help("completions per forward pass (halved on out-of-memory)"))
    max_length: int = field(default=2048, metadata=_help("tokens per input; longer ones lose their beginning, not their end"))
    template: Literal["auto", "chat", "plain"] = field(
        default="auto",
        metadata=_help("chat: the tokenizer's chat template; plain: prompt + completion; auto: chat if it has one"),
    )
    normalize: Normalize = field(
        default="raw", metadata=_help("raw: the model's logit; sigmoid: mapped into 0..1; zscore: standardised within the group")
    )
    clip_min: float | None = field(default=None, metadata=_help("lowest score given (after normalising)"))
    clip_max: float | None = field(default=None, metadata=_help("highest score given (after normalising)"))

    def __post_init__(self) -> None:
        if not _DEVICE.fullmatch(self.device):
            raise ValueError(f"device must be auto, cpu, mps, cuda or cuda:N, got {self.device!r}")
        for name in ("batch_size", "max_length"):
            if getattr(self, name) <= 0:
                raise ValueError(f"{name} must be positive, got {getattr(self, name)}")
        if self.clip_min is not None and self.clip_max is not None and self.clip_min > self.clip_max:
            raise ValueError(f"clip_min {self.clip_min} is above clip_max {self.clip_max}")
