"""``check``'s data lint for the ``code`` reward: tests that are missing, malformed or need reduced trust."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from .formats import TestsError
from .options import CodeOptions
from .testcode import TestProgram

__all__ = ["lint_rows"]


def _where(row: Mapping[str, Any]) -> str:
    return f"line {row['__line__']}" if "__line__" in row else "a row"


def lint_rows(rows: Sequence[Mapping[str, Any]], options: CodeOptions) -> list[str]:
    """One message per row whose tests cannot be used as they are."""
    from .rowtests import read_sample_tests, shown_in_prompt

    messages = []
    for row in rows:
        try:
            prompt = row.get("prompt")
            prompt = prompt if isinstance(prompt, str) else ""
            spec, _, labels = read_sample_tests(row, options, prompt)
            shown = shown_in_prompt(row, options, prompt)
        except TestsError as exc:
            messages.append(f"{_where(row)}: {exc.reason}: {exc}")
            continue
        if isinstance(spec, TestProgram) and spec.proxy_blocker is not None:
            action = "run inside the sandbox (trust: reduced)" if options.fallback else "are unverifiable (fallback is off)"
            messages.append(f"{_where(row)}: these tests {action}: {spec.proxy_blocker}")
        if len(shown) == len(labels) and shown and all(shown):
            messages.append(f"{_where(row)}: every test is shown in the prompt, so a lookup table of its examples passes it")
    return messages
