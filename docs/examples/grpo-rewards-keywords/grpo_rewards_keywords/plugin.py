"""The ``keywords`` reward: what fraction of a row's required keywords the answer mentions.

A complete, installable example of a grpo-rewards plugin (see docs/writing-plugins.md).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from grpo_rewards import Group, Manifest, Reward, Sample, Verdict, hookimpl


@dataclass(frozen=True)
class KeywordOptions:
    column: str = field(default="keywords", metadata={"help": "column holding the list of required keywords"})
    case_sensitive: bool = field(default=False, metadata={"help": "match keywords case-sensitively"})
    after_think: bool = field(default=True, metadata={"help": "look only after the last </think>"})


class KeywordReward(Reward):
    """Partial credit for each required keyword the answer mentions as a whole word."""

    name = "keywords"
    description = "Share of the row's required keywords that the answer mentions (whole words)."
    manifest = Manifest(required_columns=("keywords",), output_range=(0.0, 1.0), default_timeout=2.0)
    Options = KeywordOptions

    def required_columns(self) -> tuple[str, ...]:
        return (self.options.column,)

    def prepare(self, group: Group) -> list[tuple[str, re.Pattern[str]]]:
        """Compile one pattern per keyword, once for the whole group."""
        flags = 0 if self.options.case_sensitive else re.IGNORECASE
        keywords = group.row[self.options.column]
        if isinstance(keywords, str):
            keywords = [keywords]
        return [(k, re.compile(rf"(?<!\w){re.escape(k)}(?!\w)", flags)) for k in keywords]

    def score(self, sample: Sample, prepared: list[tuple[str, re.Pattern[str]]]) -> Verdict:
        if not prepared:
            return Verdict.unverifiable("no_answer_expected", f"column {self.options.column!r} lists no keywords")
        text = sample.completion.rsplit("</think>", 1)[-1] if self.options.after_think else sample.completion
        found = [k for k, pattern in prepared if pattern.search(text)]
        missing = [k for k, _ in prepared if k not in found]
        share = len(found) / len(prepared)
        if share == 1.0:
            return Verdict.correct("mentions every keyword", found=found)
        if share == 0.0:
            return Verdict.incorrect("mentions no keyword", missing=missing)
        return Verdict.partial(share, f"mentions {len(found)} of {len(prepared)} keywords", found=found, missing=missing)

    def lint(self, rows: Sequence[Mapping[str, Any]]) -> list[str]:
        """Rows whose keyword list is empty can never be judged."""
        return [
            f"line {row['__line__']}: no keywords in column {self.options.column!r}"
            for row in rows
            if not row.get(self.options.column)
        ]


@hookimpl
def register_rewards(register: Callable[[type[Reward]], None]) -> None:
    register(KeywordReward)
