"""Forward passes in batches, and what happens when one runs out of memory.

Inputs are sorted by length (longest first, so a batch that does not fit shows
up at once) and cut into batches of ``batch_size``. A batch that runs out of
memory is split in half and each half tried again, down to one input; an input
that does not fit on its own is an :class:`OutOfMemory` result, which the
reward reports as ``unverifiable(memory)``. Everything else is still scored.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from .encoding import Encoded
from .loading import Loaded

__all__ = ["OutOfMemory", "RunStats", "forward", "is_out_of_memory", "run"]


@dataclass(frozen=True)
class OutOfMemory:
    """An input that ran out of memory even alone."""

    message: str


@dataclass
class RunStats:
    """What one :func:`run` did: forward passes and out-of-memory splits."""

    forwards: int = 0
    splits: int = 0


def is_out_of_memory(exc: BaseException) -> bool:
    """True for torch's out-of-memory error, a MemoryError, or an allocator failure on the CPU."""
    import torch

    if isinstance(exc, (torch.OutOfMemoryError, MemoryError)):
        return True
    text = str(exc).lower()
    return isinstance(exc, RuntimeError) and ("out of memory" in text or "can't allocate memory" in text)


def forward(loaded: Loaded, batch: Sequence[Encoded]) -> list[float]:
    """One forward pass: the model's single logit for each input (right-padded, with an attention mask)."""
    import torch

    pad = loaded.tokenizer.pad_token_id
    width = max(len(item.ids) for item in batch)
    ids = torch.full((len(batch), width), pad, dtype=torch.long)
    mask = torch.zeros((len(batch), width), dtype=torch.long)
    for row, item in enumerate(batch):
        ids[row, : len(item.ids)] = torch.tensor(item.ids, dtype=torch.long)
        mask[row, : len(item.ids)] = 1
    with torch.inference_mode():
        logits = loaded.model(input_ids=ids.to(loaded.device), attention_mask=mask.to(loaded.device)).logits
    return [float(x) for x in logits[:, 0].float().cpu().tolist()]


def _release(loaded: Loaded) -> None:
    import torch

    if loaded.device.startswith("cuda"):
        torch.cuda.empty_cache()


def _scores(loaded: Loaded, items: Sequence[Encoded], indexes: list[int], stats: RunStats) -> dict[int, float | OutOfMemory]:
    try:
        stats.forwards += 1
        return dict(zip(indexes, forward(loaded, [items[i] for i in indexes]), strict=True))
    except Exception as exc:  # noqa: BLE001 - only out-of-memory is handled here; anything else is re-raised
        if not is_out_of_memory(exc):
            raise
        _release(loaded)
        if len(indexes) == 1:
            tokens = len(items[indexes[0]].ids)
            return {indexes[0]: OutOfMemory(f"out of memory scoring one input of {tokens} tokens: {str(exc)[:200]}")}
    stats.splits += 1
    half = len(indexes) // 2
    return {**_scores(loaded, items, indexes[:half], stats), **_scores(loaded, items, indexes[half:], stats)}


def run(loaded: Loaded, items: Sequence[Encoded], batch_size: int) -> tuple[list[float | OutOfMemory], RunStats]:
    """A score (or OutOfMemory) for every input, in order."""
    order = sorted(range(len(items)), key=lambda i: -len(items[i].ids))
    stats = RunStats()
    results: dict[int, Any] = {}
    for start in range(0, len(order), batch_size):
        results.update(_scores(loaded, items, order[start : start + batch_size], stats))
    return [results[i] for i in range(len(items))], stats
