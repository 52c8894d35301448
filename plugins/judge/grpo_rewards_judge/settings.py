"""Everything one judge reward instance needs to build and send requests, resolved from its options."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from grpo_rewards import Sample

from .client import Endpoint
from .options import JudgeOptions
from .templates import DEFAULT_CRITERIA, Template, load_template

__all__ = ["Fields", "JudgeSettings", "NoEndpoint"]


class NoEndpoint(Exception):
    """The judge cannot send anything (no base_url, or the API key's variable is unset)."""


@dataclass(frozen=True)
class Fields:
    """The texts of one request besides the completions."""

    prompt: str
    reference: str
    rubric: str


@dataclass(frozen=True)
class JudgeSettings:
    """A judge reward's options with its template loaded and its deadline set."""

    options: JudgeOptions
    template: Template
    timeout: float

    @classmethod
    def build(cls, options: JudgeOptions, timeout: float) -> JudgeSettings:
        return cls(options, load_template(options.template, options.template_file), timeout)

    @property
    def ranking(self) -> bool:
        return self.template.kind == "ranking"

    def required_columns(self) -> tuple[str, ...]:
        """The reference column if the template shows one; the rubric column unless a rubric option (or ranking)."""
        columns = []
        if "reference" in self.template.placeholders:
            columns.append(self.options.reference_column)
        if "rubric" in self.template.placeholders and self.options.rubric is None and not self.ranking:
            columns.append(self.options.rubric_column)
        return tuple(columns)

    def fields(self, sample: Sample, row: Mapping[str, Any]) -> Fields:
        o = self.options
        reference = _text(row.get(o.reference_column)) if "reference" in self.template.placeholders else ""
        rubric = o.rubric if o.rubric is not None else _text(row.get(o.rubric_column))
        if self.ranking and not rubric.strip():
            rubric = DEFAULT_CRITERIA
        return Fields(sample.prompt, reference, rubric)

    @property
    def base_url(self) -> str:
        """The endpoint's base URL; raises :class:`NoEndpoint` when none is set."""
        if not self.options.base_url:
            raise NoEndpoint("no judge endpoint: set judge.base_url, e.g. -o judge.base_url=http://127.0.0.1:8000/v1")
        return self.options.base_url

    def headers(self) -> dict[str, str]:
        """The request headers: the API key, read from its environment variable now (raises :class:`NoEndpoint`)."""
        name = self.options.api_key_env
        if not name:
            return {}
        key = os.environ.get(name, "")
        if not key:
            raise NoEndpoint(f"environment variable {name} (judge.api_key_env) is not set or empty")
        return {"Authorization": f"Bearer {key}"}

    def endpoint(self, model: str) -> Endpoint:
        """The endpoint to ask with ``model``."""
        o = self.options
        return Endpoint(self.base_url, model, o.temperature, o.max_tokens, self.timeout, o.retries, o.backoff, self.headers())

    def identity(self) -> tuple[Any, ...]:
        """What, besides the texts, decides a judgment (part of the cache key)."""
        o = self.options
        return (self.template.fingerprint, o.base_url, o.model, o.temperature, o.max_tokens, o.max_completion_chars)


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return "\n".join(_text(v) for v in value)
    return str(value)
