"""Options of the ``judge`` reward (set with ``-o judge.KEY=VALUE``, a config file or Python).

The per-request deadline is the ``timeout`` option every reward takes: seconds
from sending a request until its reply, retries and back-off included.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

__all__ = ["JudgeOptions", "TemplateName"]

TemplateName = Literal["correctness", "rubric", "ranking"]


def _help(text: str) -> dict[str, Any]:
    return {"help": text}


@dataclass(frozen=True)
class JudgeOptions:
    """Options of the ``judge`` reward."""

    base_url: str | None = field(
        default=None, metadata=_help("OpenAI-compatible endpoint, e.g. http://127.0.0.1:8000/v1 (required to score)")
    )
    model: str | None = field(default=None, metadata=_help("judge model name; default: the first model the endpoint lists"))
    api_key_env: str | None = field(
        default=None, metadata=_help("name of the environment variable holding the API key (never the key itself)")
    )
    template: TemplateName = field(default="correctness", metadata=_help("built-in prompt: correctness, rubric or ranking"))
    template_file: str | None = field(default=None, metadata=_help("file whose text replaces the template's user message"))
    reference_column: str = field(default="answer", metadata=_help("correctness: column holding the reference answer"))
    rubric_column: str = field(default="rubric", metadata=_help("rubric/ranking: column holding the rubric"))
    rubric: str | None = field(default=None, metadata=_help("rubric/ranking: one rubric for every row (instead of the column)"))
    temperature: float = field(default=0.0, metadata=_help("sampling temperature of the judge"))
    max_tokens: int = field(default=512, metadata=_help("most tokens the judge may write per reply"))
    max_completion_chars: int = field(
        default=12000, metadata=_help("longer completions are cut in the middle, with a marker the judge sees")
    )
    max_concurrency: int = field(default=16, metadata=_help("requests in flight at once, for the whole process"))
    requests_per_second: float = field(default=0.0, metadata=_help("request-rate limit for the whole process (0: none)"))
    retries: int = field(default=2, metadata=_help("retries after a 429, a 5xx, a timeout or a failed connection"))
    backoff: float = field(default=0.5, metadata=_help("seconds before the first retry; doubles each time"))
    cache_size: int = field(default=65536, metadata=_help("judgments kept in the in-process cache (0: no cache)"))

    def __post_init__(self) -> None:
        for name in ("max_tokens", "max_completion_chars", "max_concurrency"):
            if getattr(self, name) <= 0:
                raise ValueError(f"{name} must be positive, got {getattr(self, name)}")
        for name in ("requests_per_second", "retries", "backoff", "cache_size", "temperature"):
            if getattr(self, name) < 0:
                raise ValueError(f"{name} must not be negative, got {getattr(self, name)}")
        if self.max_completion_chars < 200:
            raise ValueError(f"max_completion_chars must be at least 200, got {self.max_completion_chars}")
        if self.base_url is not None and not self.base_url.startswith(("http://", "https://")):
            raise ValueError(f"base_url must start with http:// or https://, got {self.base_url!r}")
