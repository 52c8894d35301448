"""From a sample to the token ids the reward model reads.

With a chat template (``template=chat``, or ``auto`` when the tokenizer has
one) the input is the prompt's messages (or the prompt as one user message)
followed by the completion as the assistant's message, rendered by the
tokenizer's own template. Without one it is ``prompt + completion``, with the
tokenizer's special tokens. An input longer than ``max_length`` tokens loses
its beginning, so the completion's end, which the score depends on most, is
always read; the verdict says how many tokens were cut.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from grpo_rewards import Sample

from .loading import ModelUnavailable

__all__ = ["Encoded", "encode", "messages_of"]


@dataclass(frozen=True)
class Encoded:
    """One input: its token ids and how many tokens were cut from its start."""

    ids: list[int]
    truncated: int


def messages_of(sample: Sample) -> list[Mapping[str, Any]]:
    """The conversation to score: prompt messages (or the prompt as a user turn), then the completion."""
    prompt: Sequence[Mapping[str, Any]] = sample.prompt_messages or (
        [{"role": "user", "content": sample.prompt}] if sample.prompt else []
    )
    completion = sample.completion_messages or [{"role": "assistant", "content": sample.completion}]
    return [*prompt, *completion]


def _uses_chat(tokenizer: Any, template: str) -> bool:
    has_template = bool(getattr(tokenizer, "chat_template", None))
    if template == "chat" and not has_template:
        raise ModelUnavailable("the reward model's tokenizer has no chat template: use reward_model.template=plain")
    return template == "chat" or (template == "auto" and has_template)


def encode(tokenizer: Any, sample: Sample, template: str, max_length: int) -> Encoded:
    """The token ids of ``sample`` as the reward model reads it."""
    if _uses_chat(tokenizer, template):
        text = tokenizer.apply_chat_template(messages_of(sample), tokenize=False)
        ids = tokenizer(text, add_special_tokens=False)["input_ids"]
    else:
        ids = tokenizer(sample.prompt + sample.completion, add_special_tokens=True)["input_ids"]
    cut = max(0, len(ids) - max_length)
    return Encoded(list(ids[cut:]), cut)
