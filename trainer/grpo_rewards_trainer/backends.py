"""The two ways to get a model, a tokenizer and GRPO classes: Unsloth and plain TRL + PEFT.

Every heavy import happens inside :func:`load_backend`. Unsloth is imported
before trl, transformers and peft, as it requires (it patches them on import).
The ``*_kwargs`` functions are pure, so tests check what would be passed to
Unsloth on a machine without a GPU.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any

from .config import TrainConfig

__all__ = ["Loaded", "load_backend", "lora_kwargs", "unsloth_model_kwargs", "unsloth_peft_kwargs"]

#: Unsloth phones home for statistics unless told not to; training must work offline.
_UNSLOTH_ENV = {"UNSLOTH_DISABLE_STATISTICS": "1"}


@dataclass
class Loaded:
    """A model ready for ``GRPOTrainer`` and the classes to train it with."""

    backend: str
    model: Any
    tokenizer: Any
    grpo_config_cls: type
    grpo_trainer_cls: type
    peft_config: Any = None  # the trl backend lets GRPOTrainer wrap the model; Unsloth wraps it itself


def lora_kwargs(config: TrainConfig) -> dict[str, Any]:
    """LoRA settings shared by both backends."""
    return {
        "r": config.lora_r,
        "lora_alpha": config.lora_alpha,
        "lora_dropout": config.lora_dropout,
        "target_modules": list(config.target_modules),
    }


def unsloth_model_kwargs(config: TrainConfig) -> dict[str, Any]:
    """Arguments for ``FastLanguageModel.from_pretrained``; vLLM settings only with fast_inference."""
    kwargs: dict[str, Any] = {
        "model_name": config.model,
        "max_seq_length": config.max_seq_length,
        "load_in_4bit": config.load_in_4bit,
        "fast_inference": config.fast_inference,
    }
    if config.fast_inference:
        kwargs["gpu_memory_utilization"] = config.gpu_memory_utilization
        kwargs["max_lora_rank"] = config.lora_r
    return kwargs


def unsloth_peft_kwargs(config: TrainConfig) -> dict[str, Any]:
    """Arguments for ``FastLanguageModel.get_peft_model``."""
    return {**lora_kwargs(config), "bias": "none", "use_gradient_checkpointing": "unsloth", "random_state": config.seed}


def _load_unsloth(config: TrainConfig) -> Loaded:
    for key, value in _UNSLOTH_ENV.items():
        os.environ.setdefault(key, value)
    import unsloth  # noqa: F401 - must come before trl, transformers and peft
    from unsloth import FastLanguageModel

    model, tokenizer = FastLanguageModel.from_pretrained(**unsloth_model_kwargs(config))
    model = FastLanguageModel.get_peft_model(model, **unsloth_peft_kwargs(config))
    from trl import GRPOConfig, GRPOTrainer

    return Loaded("unsloth", model, tokenizer, GRPOConfig, GRPOTrainer)


def _torch_dtype(bf16: bool) -> Any:
    import torch

    return torch.bfloat16 if bf16 else torch.float32


def _load_trl(config: TrainConfig, bf16: bool) -> Loaded:
    from peft import LoraConfig
    from transformers import AutoModelForCausalLM, AutoTokenizer
    from trl import GRPOConfig, GRPOTrainer

    model_kwargs: dict[str, Any] = {"dtype": _torch_dtype(bf16)}
    if config.load_in_4bit:
        from transformers import BitsAndBytesConfig

        model_kwargs["quantization_config"] = BitsAndBytesConfig(
            load_in_4bit=True, bnb_4bit_quant_type="nf4", bnb_4bit_compute_dtype=_torch_dtype(bf16)
        )
    model = AutoModelForCausalLM.from_pretrained(config.model, **model_kwargs)
    tokenizer = AutoTokenizer.from_pretrained(config.model)
    if tokenizer.pad_token is None:
        tokenizer.pad_token = tokenizer.eos_token
    peft_config = LoraConfig(task_type="CAUSAL_LM", bias="none", **lora_kwargs(config))
    return Loaded("trl", model, tokenizer, GRPOConfig, GRPOTrainer, peft_config)


def load_backend(backend: str, config: TrainConfig, *, bf16: bool) -> Loaded:
    """Load the model for ``backend`` (``unsloth`` or ``trl``) with LoRA set up."""
    if backend == "unsloth":
        return _load_unsloth(config)
    if backend == "trl":
        return _load_trl(config, bf16)
    raise ValueError(f"unknown backend {backend!r}")
