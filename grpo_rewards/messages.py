"""Prompts and completions as text or chat messages, and the :class:`~grpo_rewards.Sample` built from them.

TRL, ``check`` files and training data give a prompt or a completion either
as a string or as chat messages (``[{"role": "user", "content": "..."}]``,
where ``content`` may also be a list of multimodal parts). Every front end
reads them through this module, so a completion means the same text in
training as in ``check``:

* :func:`completion_text`: a string as is; messages as their assistant content;
* :func:`prompt_text`: a string as is; messages one per line as ``role: content``;
* :func:`is_chat` / :func:`chat_messages`: whether a value is chat messages;
* :func:`to_sample`: one prompt, completion and row as a ``Sample``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from .reward import Sample

__all__ = ["chat_messages", "completion_text", "is_chat", "prompt_text", "to_sample"]

Messages = Sequence[Mapping[str, Any]]


def is_chat(value: Any) -> bool:
    """True for chat messages: a sequence (not a string) of mappings, each with ``content``."""
    return (
        isinstance(value, Sequence)
        and not isinstance(value, (str, bytes))
        and all(isinstance(m, Mapping) and "content" in m for m in value)
    )


def chat_messages(value: Any) -> Messages | None:
    """``value`` when it is chat messages (see :func:`is_chat`), else None."""
    return value if is_chat(value) else None


def _content_text(content: Any) -> str:
    if isinstance(content, str):
        return content
    if isinstance(content, list):  # multimodal parts: [{"type": "text", "text": ...}, ...]
        return "".join(str(part.get("text", "")) for part in content if isinstance(part, Mapping))
    return "" if content is None else str(content)


def completion_text(completion: Any) -> str:
    """A completion as text: a string as is, chat messages (or one message) as their assistant content."""
    if isinstance(completion, str):
        return completion
    if isinstance(completion, Mapping):
        return _content_text(completion.get("content"))
    if isinstance(completion, Sequence):
        parts = [m for m in completion if isinstance(m, Mapping)]
        assistant = [m for m in parts if m.get("role", "assistant") == "assistant"]
        return "".join(_content_text(m.get("content")) for m in assistant)
    raise TypeError(f"a completion must be a string or chat messages, got {type(completion).__name__}")


def prompt_text(prompt: Any) -> str:
    """A prompt as text: a string as is, chat messages one per line as ``role: content``."""
    if prompt is None:
        return ""
    if isinstance(prompt, str):
        return prompt
    if isinstance(prompt, Sequence):
        return "\n".join(f"{m.get('role', '')}: {_content_text(m.get('content'))}" for m in prompt if isinstance(m, Mapping))
    return str(prompt)


def to_sample(
    prompt: Any, completion: Any, *, row: Mapping[str, Any], completion_ids: Sequence[int] | None = None, index: int = 0
) -> Sample:
    """One completion to score: its text, its prompt's text, the raw messages of both, and its row."""
    return Sample(
        completion=completion_text(completion),
        prompt=prompt_text(prompt),
        row=row,
        completion_ids=completion_ids,
        completion_messages=chat_messages(completion),
        prompt_messages=chat_messages(prompt),
        index=index,
    )
