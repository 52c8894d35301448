"""Models for bench_train.py, built locally with random weights (no hub, no download).

Two families:

* ``toy``, ``small``, ``medium``: small Qwen2 models with the demo's 320-token
  arithmetic tokenizer (``grpo_rewards_trainer.toy``).
* ``1.5b``, ``3b``, ``7b``: the architecture of Qwen2.5-1.5B, -3B and -7B (their
  published ``config.json`` shapes: hidden size, layers, heads, grouped KV heads,
  MLP width, vocabulary, tied or untied embeddings), saved in bfloat16 as the hub
  checkpoints are, with a byte-level BPE tokenizer trained here to nearly the full
  vocabulary, so that decoded completions have the length of real text (a
  1024-token completion is about 6 KB). ``tiny`` is the same recipe at a size that
  builds and trains on a CPU in seconds: the stand-in the tests and CPU dry runs use.

The tokenizer corpus is synthetic and seeded (pseudo-words with a Zipf-like
frequency, the arithmetic problems, the system prompt), so the same preset always
builds the same tokenizer.
"""

from __future__ import annotations

import itertools
import random
import string
from collections.abc import Iterator
from pathlib import Path
from typing import Any

__all__ = ["QWEN25", "SYSTEM_PROMPT", "TOY", "build_model", "is_qwen_like"]

#: hidden size, layers, heads for the toy family (vocabulary: the toy tokenizer's few hundred tokens)
TOY = {"toy": (64, 2, 4), "small": (512, 8, 8), "medium": (1024, 16, 16)}

_QWEN_COMMON = {"max_position_embeddings": 32768, "rope_theta": 1_000_000.0, "rms_norm_eps": 1e-6}
#: Qwen2.5 shapes (from the models' config.json) and the CPU stand-in ``tiny``
QWEN25: dict[str, dict[str, Any]] = {
    "tiny": dict(
        hidden_size=64,
        intermediate_size=192,
        num_hidden_layers=2,
        num_attention_heads=4,
        num_key_value_heads=2,
        vocab_size=4096,
        tie_word_embeddings=False,
    ),
    "1.5b": dict(
        hidden_size=1536,
        intermediate_size=8960,
        num_hidden_layers=28,
        num_attention_heads=12,
        num_key_value_heads=2,
        vocab_size=151936,
        tie_word_embeddings=True,
    ),
    "3b": dict(
        hidden_size=2048,
        intermediate_size=11008,
        num_hidden_layers=36,
        num_attention_heads=16,
        num_key_value_heads=2,
        vocab_size=151936,
        tie_word_embeddings=True,
    ),
    "7b": dict(
        hidden_size=3584,
        intermediate_size=18944,
        num_hidden_layers=28,
        num_attention_heads=28,
        num_key_value_heads=4,
        vocab_size=152064,
        tie_word_embeddings=False,
    ),
}

SYSTEM_PROMPT = (
    "You are given a problem. Think about the problem and provide your working out. "
    "Place it between <think> and </think>. Then, provide your final answer inside \\boxed{}."
)
_TOKENIZER_HEADROOM = 300  # the tokenizer stays this far under the model's vocabulary, as Qwen's does


def is_qwen_like(preset: str) -> bool:
    return preset in QWEN25


def _pseudo_words(rng: random.Random, count: int) -> list[str]:
    letters = string.ascii_lowercase
    return ["".join(rng.choice(letters) for _ in range(rng.randint(2, 11))) for _ in range(count)]


def tokenizer_corpus(vocab_size: int, extra: list[str], seed: int = 0) -> Iterator[str]:
    """Lines to train a BPE of ``vocab_size`` tokens on: pseudo-words (Zipf-like), then ``extra`` and the prompt."""
    rng = random.Random(seed)
    words = _pseudo_words(rng, max(2000, 3 * vocab_size))
    weights = list(itertools.accumulate(1.0 / (rank + 10) for rank in range(len(words))))
    for _ in range(max(2000, vocab_size * 2 // 3)):
        yield " ".join(rng.choices(words, cum_weights=weights, k=40))
    yield from extra
    yield SYSTEM_PROMPT


def _qwen_config(preset: str, tokenizer: Any) -> Any:
    from transformers import Qwen2Config

    shape = QWEN25[preset]
    return Qwen2Config(
        **shape,
        **_QWEN_COMMON,
        eos_token_id=tokenizer.eos_token_id,
        pad_token_id=tokenizer.pad_token_id,
        bos_token_id=None,
    )


def _build_qwen_like(path: Path, preset: str, extra: list[str]) -> Path:
    import torch
    from grpo_rewards_trainer.toy import build_toy_tokenizer
    from transformers import Qwen2ForCausalLM

    vocab = QWEN25[preset]["vocab_size"]
    tokenizer = build_toy_tokenizer(tokenizer_corpus(vocab, extra), vocab - _TOKENIZER_HEADROOM)
    assert len(tokenizer) <= vocab, (len(tokenizer), vocab)
    config = _qwen_config(preset, tokenizer)
    cuda = torch.cuda.is_available()
    dtype = torch.bfloat16 if cuda else torch.float32
    torch.manual_seed(0)
    with torch.device("cuda" if cuda else "cpu"):
        model = Qwen2ForCausalLM._from_config(config, dtype=dtype)
    model.generation_config.pad_token_id = tokenizer.pad_token_id
    model.generation_config.eos_token_id = tokenizer.eos_token_id
    model.save_pretrained(path)
    tokenizer.save_pretrained(path)
    return path


def build_model(path: Path, preset: str, extra: list[str]) -> Path:
    """Build ``preset`` at ``path`` unless a finished build is there; returns ``path``.

    ``extra`` are corpus lines (the arithmetic problems) the tokenizer should know.
    """
    done = path / ".built"
    if done.exists():
        return path
    if is_qwen_like(preset):
        _build_qwen_like(path, preset, extra)
    else:
        from grpo_rewards_trainer.toy import build_toy_model

        hidden, layers, heads = TOY[preset]
        build_toy_model(path, extra, hidden_size=hidden, layers=layers, heads=heads, vocab_size=320)
    done.write_text(preset + "\n")
    return path
