"""Reward models with random weights built locally from a config (no hub, no download).

For tests, benchmarks and demos::

    from grpo_rewards_reward_model.toy import build_toy_reward_model
    path = build_toy_reward_model("out/rm")                   # about 70k parameters, CPU-fast
    path = build_toy_reward_model("out/rm-1.5b", **QWEN2_1_5B)  # a realistic size, for GPU throughput

The tokenizer is a byte-level BPE trained on a small corpus on the fly, with a
ChatML chat template and ``<|pad|>`` for padding. The model is a
``Qwen2ForSequenceClassification`` with one label.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

__all__ = ["CHAT_TEMPLATE", "QWEN2_1_5B", "build_toy_reward_model", "build_toy_tokenizer"]

CHAT_TEMPLATE = (
    "{% for m in messages %}<|im_start|>{{ m['role'] }}\n{{ m['content'] }}<|im_end|>\n{% endfor %}"
    "{% if add_generation_prompt %}<|im_start|>assistant\n{% endif %}"
)
CORPUS = [
    "What is 2 + 3? The answer is 5.",
    "Name the capital of France. Paris is the capital of France.",
    "Write a haiku about the sea. Waves fold into foam, the tide keeps its patient time.",
    "Explain photosynthesis. Plants turn sunlight, water and carbon dioxide into sugar and oxygen.",
    "<|im_start|>user\nhello<|im_end|>\n<|im_start|>assistant\nhi there<|im_end|>",
]

#: The shape of Qwen2.5-1.5B (1.5B parameters with its 151,936-row embedding), for throughput on a GPU.
QWEN2_1_5B: dict[str, Any] = {
    "hidden_size": 1536,
    "layers": 28,
    "heads": 12,
    "kv_heads": 2,
    "intermediate_size": 8960,
    "model_vocab_size": 151936,
    "max_position_embeddings": 4096,
}


def build_toy_tokenizer(corpus: Sequence[str] = CORPUS, vocab_size: int = 400, chat: bool = True) -> Any:
    """A byte-level BPE tokenizer trained on ``corpus`` (``<|endoftext|>`` ends, ``<|pad|>`` pads)."""
    from tokenizers import Tokenizer, decoders, models, pre_tokenizers, trainers
    from transformers import PreTrainedTokenizerFast

    core = Tokenizer(models.BPE())
    core.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    core.decoder = decoders.ByteLevel()
    specials = ["<|endoftext|>", "<|pad|>", "<|im_start|>", "<|im_end|>"]
    trainer = trainers.BpeTrainer(
        vocab_size=vocab_size, special_tokens=specials, initial_alphabet=pre_tokenizers.ByteLevel.alphabet()
    )
    core.train_from_iterator(list(corpus) * 10, trainer=trainer)
    tokenizer = PreTrainedTokenizerFast(tokenizer_object=core, eos_token="<|endoftext|>", pad_token="<|pad|>")
    if chat:
        tokenizer.chat_template = CHAT_TEMPLATE
    return tokenizer


def build_toy_reward_model(
    path: str | Path,
    *,
    hidden_size: int = 32,
    layers: int = 2,
    heads: int = 2,
    kv_heads: int | None = None,
    intermediate_size: int | None = None,
    model_vocab_size: int | None = None,
    max_position_embeddings: int = 2048,
    chat: bool = True,
    num_labels: int = 1,
    dtype: str = "float32",
    seed: int = 0,
) -> Path:
    """Build a random ``Qwen2ForSequenceClassification`` and its tokenizer, save both to ``path``, return it."""
    import torch
    from transformers import Qwen2Config, Qwen2ForSequenceClassification

    tokenizer = build_toy_tokenizer(chat=chat)
    config = Qwen2Config(
        vocab_size=max(len(tokenizer), model_vocab_size or 0),
        hidden_size=hidden_size,
        intermediate_size=intermediate_size or 4 * hidden_size,
        num_hidden_layers=layers,
        num_attention_heads=heads,
        num_key_value_heads=kv_heads or heads,
        max_position_embeddings=max_position_embeddings,
        pad_token_id=tokenizer.pad_token_id,
        eos_token_id=tokenizer.eos_token_id,
        tie_word_embeddings=False,
    )
    config.num_labels = num_labels
    torch.manual_seed(seed)
    model = Qwen2ForSequenceClassification(config).to(getattr(torch, dtype))
    path = Path(path)
    model.save_pretrained(path)
    tokenizer.save_pretrained(path)
    return path
