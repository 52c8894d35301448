"""Tiny Qwen2-style models built locally, for tests, benchmarks and demos (no hub, no download).

::

    from grpo_rewards_trainer.toy import build_toy_model
    path = build_toy_model("out/toy", corpus=["12+7=19", ...], hidden_size=64, layers=2)
    # grpo-rewards train --model out/toy ...

The tokenizer is a byte-level BPE trained on ``corpus`` on the fly (digits
split one per token, as arithmetic needs), with
``<think>``, ``</think>`` and ``\\boxed{`` as whole tokens (ordinary, not special,
so decoded completions keep them) ``<|endoftext|>`` as end token and ``<|pad|>`` as padding (Unsloth refuses a
padding token that is also the end token).
It carries a small ChatML template, so chat-formatted prompts work too.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

__all__ = ["CHAT_TEMPLATE", "EOS", "PAD", "build_toy_model", "build_toy_tokenizer"]

EOS = "<|endoftext|>"
PAD = "<|pad|>"
WHOLE_TOKENS = ("<think>", "</think>", "\\boxed{", "<answer>", "</answer>", "<|im_start|>", "<|im_end|>")
CHAT_TEMPLATE = (
    "{% for m in messages %}<|im_start|>{{ m['role'] }}\n{{ m['content'] }}<|im_end|>\n{% endfor %}"
    "{% if add_generation_prompt %}<|im_start|>assistant\n{% endif %}"
)


def build_toy_tokenizer(corpus: Iterable[str], vocab_size: int = 512) -> Any:  # a PreTrainedTokenizerFast
    """A byte-level BPE tokenizer trained on ``corpus``, with ``<think>`` etc. as whole tokens."""
    from tokenizers import Tokenizer, decoders, models, pre_tokenizers, trainers
    from transformers import PreTrainedTokenizerFast

    core = Tokenizer(models.BPE())
    core.pre_tokenizer = pre_tokenizers.Sequence(
        [pre_tokenizers.Digits(individual_digits=True), pre_tokenizers.ByteLevel(add_prefix_space=False)]
    )
    core.decoder = decoders.ByteLevel()
    trainer = trainers.BpeTrainer(
        vocab_size=vocab_size, special_tokens=[EOS, PAD], initial_alphabet=pre_tokenizers.ByteLevel.alphabet()
    )
    core.train_from_iterator(corpus, trainer=trainer)
    tokenizer = PreTrainedTokenizerFast(tokenizer_object=core, eos_token=EOS, pad_token=PAD)
    tokenizer.add_tokens(list(WHOLE_TOKENS))
    tokenizer.chat_template = CHAT_TEMPLATE
    return tokenizer


def build_toy_model(
    path: str | Path,
    corpus: Sequence[str],
    *,
    hidden_size: int = 64,
    layers: int = 2,
    heads: int = 4,
    intermediate_size: int | None = None,
    vocab_size: int = 512,
    max_position_embeddings: int = 1024,
    seed: int = 0,
) -> Path:
    """Build a randomly initialised Qwen2 model and its tokenizer, save both to ``path``, return ``path``."""
    import torch
    from transformers import Qwen2Config, Qwen2ForCausalLM

    tokenizer = build_toy_tokenizer(corpus, vocab_size)
    config = Qwen2Config(
        vocab_size=len(tokenizer),
        hidden_size=hidden_size,
        intermediate_size=intermediate_size or 4 * hidden_size,
        num_hidden_layers=layers,
        num_attention_heads=heads,
        num_key_value_heads=heads,
        max_position_embeddings=max_position_embeddings,
        tie_word_embeddings=True,
        eos_token_id=tokenizer.eos_token_id,
        pad_token_id=tokenizer.pad_token_id,
    )
    torch.manual_seed(seed)
    model = Qwen2ForCausalLM(config)
    model.generation_config.pad_token_id = tokenizer.pad_token_id
    model.generation_config.eos_token_id = tokenizer.eos_token_id
    path = Path(path)
    model.save_pretrained(path)
    tokenizer.save_pretrained(path)
    return path
