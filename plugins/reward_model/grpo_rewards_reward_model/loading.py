"""Loading a reward model once per process and keeping it warm.

The model is scored inline, in the caller's process (the trainer or ``check``):
on a GPU it shares the trainer's CUDA context instead of starting one per pool
worker, exists once rather than once per worker, and is never reloaded because
a worker retired. ``load`` caches by (model, device, dtype); torch and
transformers are imported on the first call, never when the plugin loads.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from typing import Any

from .options import RewardModelOptions

__all__ = ["Loaded", "ModelUnavailable", "forget_models", "load", "resolve_device", "resolve_dtype"]


class ModelUnavailable(Exception):
    """The reward model cannot be loaded or used; the message says why and what to do."""


@dataclass(frozen=True)
class Loaded:
    """A warm reward model: the model in eval mode on its device, its tokenizer, and how it got there."""

    name: str
    model: Any
    tokenizer: Any
    device: str
    dtype: str
    parameters: int
    load_seconds: float


_LOADED: dict[tuple[str, str, str], Loaded] = {}
_lock = threading.Lock()


def resolve_device(device: str) -> str:
    """``auto`` becomes ``cuda`` when torch sees a GPU, else ``cpu``; a GPU asked for but absent is an error."""
    import torch

    if device == "auto":
        return "cuda" if torch.cuda.is_available() else "cpu"
    if device.startswith("cuda") and not torch.cuda.is_available():
        raise ModelUnavailable(f"device {device!r} was asked for, but torch sees no GPU: use device=cpu or device=auto")
    return device


def resolve_dtype(dtype: str, device: str) -> Any:
    """``auto`` is bfloat16 on a GPU that supports it and float32 elsewhere."""
    import torch

    if dtype == "auto":
        on_gpu = device.startswith("cuda") and torch.cuda.is_bf16_supported()
        return torch.bfloat16 if on_gpu else torch.float32
    return getattr(torch, dtype)


def _load(name: str, device: str, dtype: Any) -> Loaded:
    from transformers import AutoModelForSequenceClassification, AutoTokenizer

    started = time.perf_counter()
    try:
        tokenizer = AutoTokenizer.from_pretrained(name)
        model = AutoModelForSequenceClassification.from_pretrained(name, dtype=dtype)
    except (OSError, ValueError, KeyError) as exc:
        raise ModelUnavailable(f"cannot load reward model {name!r}: {type(exc).__name__}: {exc}") from None
    if model.config.num_labels != 1:
        raise ModelUnavailable(f"reward model {name!r} has {model.config.num_labels} labels; a reward model has exactly one")
    if tokenizer.pad_token_id is None:
        if tokenizer.eos_token_id is None:
            raise ModelUnavailable(f"the tokenizer of {name!r} has neither a padding nor an end token to pad batches with")
        tokenizer.pad_token = tokenizer.eos_token
    if model.config.pad_token_id is None:
        model.config.pad_token_id = tokenizer.pad_token_id
    model.to(device).eval()
    parameters = sum(p.numel() for p in model.parameters())
    dtype_name = str(dtype).removeprefix("torch.")
    return Loaded(name, model, tokenizer, device, dtype_name, parameters, time.perf_counter() - started)


def load(options: RewardModelOptions) -> Loaded:
    """The warm model for ``options``, loaded on first use; raises :class:`ModelUnavailable`."""
    if not options.model:
        raise ModelUnavailable("no reward model: set reward_model.model to a local path or a hub id")
    device = resolve_device(options.device)
    dtype = resolve_dtype(options.dtype, device)
    key = (options.model, device, str(dtype))
    with _lock:
        if key not in _LOADED:
            _LOADED[key] = _load(options.model, device, dtype)
        return _LOADED[key]


def forget_models() -> None:
    """Drop every warm model (tests; or to free the memory)."""
    with _lock:
        _LOADED.clear()
