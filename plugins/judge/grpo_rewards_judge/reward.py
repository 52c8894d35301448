"""The ``judge`` reward: an LLM judge over any OpenAI-compatible chat-completions endpoint."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from grpo_rewards import BatchReward, Group, Manifest, Verdict

from .options import JudgeOptions
from .settings import JudgeSettings

__all__ = ["JudgeReward"]


class JudgeReward(BatchReward):
    """Asks an LLM judge to grade each completion (or rank each group) and parses its reply strictly.

    Templates: ``correctness`` (against a reference column), ``rubric`` (0-10
    against a rubric column or option) and ``ranking`` (all completions of a
    prompt in one request). A parsed reply is ``correct``/``incorrect``/
    ``partial(x)``; no reply is ``unverifiable(judge_unavailable)``; a reply
    without a valid score is ``unverifiable(judge_unparseable)`` with the reply
    in the details. Never a 0 for our failure. See ``docs/judge.md``.

    Scored inline, in the caller's process: requests are I/O with their own
    deadlines, and one process-wide connection pool, limiter and cache serve
    every batch.
    """

    name = "judge"
    description = "An LLM judge over an OpenAI-compatible endpoint: correctness, a 0-10 rubric, or a ranking of the group"
    manifest = Manifest(
        required_columns=(),
        output_range=(0.0, 1.0),
        default_timeout=30.0,
        isolation="inline",
        failure_reasons=("judge_unavailable", "judge_unparseable"),
    )
    Options = JudgeOptions
    options: JudgeOptions

    def __init__(self, options: Any = None, *, timeout: float | None = None) -> None:
        super().__init__(options, timeout=timeout)
        self.settings = JudgeSettings.build(self.options, self.timeout)

    def required_columns(self) -> tuple[str, ...]:
        """The reference column (correctness), the rubric column (rubric, unless the ``rubric`` option is set)."""
        return self.settings.required_columns()

    def applies_to(self, row: Mapping[str, Any]) -> bool:
        """Only with an endpoint configured: a judge costs requests, so ``check`` never picks it by default."""
        return bool(self.options.base_url) and super().applies_to(row)

    def score_batch(self, groups: Sequence[Group]) -> list[list[Verdict]]:
        """Every request of the batch at once, within the process-wide concurrency and rate limits."""
        from .judging import judge_groups

        return judge_groups(groups, self.settings)

    def preflight(self) -> str:
        """Send one probe request; raise ``RewardError`` when the endpoint does not answer with a parseable score."""
        from .preflight import preflight

        return preflight(self.settings, self.name)

    def lint(self, rows: Sequence[Mapping[str, Any]]) -> list[str]:
        """Rows with an empty reference or rubric, which the judge would grade against nothing."""
        problems = []
        for row in rows:
            for column in self.required_columns():
                if column in row and not str(row[column] if row[column] is not None else "").strip():
                    problems.append(
                        f"line {row.get('__line__', '?')}: column {column!r} is empty; the judge has nothing to grade against"
                    )
        return problems
