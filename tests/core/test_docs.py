"""Docs that cannot rot: every hook is documented for plugin authors."""

from __future__ import annotations

import inspect
from pathlib import Path

from grpo_rewards import hookspecs

GUIDE = Path(__file__).resolve().parents[2] / "docs" / "writing-plugins.md"


def hooks() -> list[str]:
    return [name for name, f in inspect.getmembers(hookspecs, inspect.isfunction) if hasattr(f, "grpo_rewards_spec")]


def test_every_hook_has_a_docstring_and_a_section_in_the_guide():
    text = GUIDE.read_text()
    assert hooks(), "no hooks found"
    for name in hooks():
        assert inspect.getdoc(getattr(hookspecs, name)), f"hook {name} has no docstring"
        assert f"### `{name}(" in text, f"hook {name} is not documented in {GUIDE.name}"
