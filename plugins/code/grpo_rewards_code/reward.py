"""The ``code`` reward: the fraction of a row's tests that the completion's program passes."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from grpo_rewards import BatchReward, Group, Manifest, Verdict

from .options import CodeOptions

__all__ = ["CodeReward"]

_FORMAT_COLUMNS = {
    "stdio": ("tests_column",),
    "asserts": ("tests_column",),
    "humaneval": ("test_column", "entry_point_column"),
}


class CodeReward(BatchReward):
    """Runs the completion's code in the sandbox against the row's tests.

    Scores the fraction of the tests that depend on the function and pass, or
    all-or-nothing (``credit``: HumanEval rows by default). Tests are stdin/stdout
    cases, MBPP-style asserts or a HumanEval ``check``; see ``docs/code-reward.md``. Everything that decides the verdict runs on
    our side, outside the process and the container that run the model's code.
    Infra failures are ``unverifiable`` (``sandbox_unavailable``,
    ``infra_error``), never 0.0; a row without tests is ``unverifiable(no_tests)``.
    """

    name = "code"
    description = "Fraction of the row's tests passed by the completion's code, run in the sandbox"
    manifest = Manifest(
        required_columns=(),
        output_range=(0.0, 1.0),
        default_timeout=20.0,
        cost="sandbox",
        isolation="inline",
    )
    Options = CodeOptions
    options: CodeOptions

    def required_columns(self) -> tuple[str, ...]:
        """The test columns of a forced format; none with ``format=auto`` (each row says which it has)."""
        return tuple(getattr(self.options, attr) for attr in _FORMAT_COLUMNS.get(self.options.format, ()))

    def applies_to(self, row: Mapping[str, Any]) -> bool:
        """Rows with a tests column, or with a HumanEval test and entry point (for the forced format, its columns)."""
        if self.options.format != "auto":
            return all(column in row for column in self.required_columns())
        o = self.options
        return o.tests_column in row or (o.test_column in row and o.entry_point_column in row)

    def score_batch(self, groups: Sequence[Group]) -> list[list[Verdict]]:
        """Score every group at once, spread over the sandbox pool."""
        from .batch import score_samples

        samples = [sample for group in groups for sample in group.samples]
        verdicts = score_samples(samples, self.options, self.timeout)
        out, start = [], 0
        for group in groups:
            out.append(verdicts[start : start + len(group.samples)])
            start += len(group.samples)
        return out

    def lint(self, rows: Sequence[Mapping[str, Any]]) -> list[str]:
        """Rows whose tests are missing or malformed, and rows that will run with reduced trust."""
        from .lint import lint_rows

        return lint_rows(rows, self.options)

    def preflight(self) -> str:
        """Prove the sandbox works before training: start it and run one program and one call.

        Raises ``grpo_rewards.SandboxUnavailable`` saying what to do when it does not.
        Takes a few seconds cold (containers start), milliseconds once warm.
        """
        from .preflight import preflight

        return preflight(self.options)
