"""What `rewards` and `check` print, read from a real 80-column terminal (a pty), as a user sees it."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest
from terminal import run_in_terminal

from grpo_rewards import load_plugins
from grpo_rewards.options import describe_options

SUPPORT = Path(__file__).resolve().parents[1] / "support"
CONTRACT = """
import grpo_rewards
from grpo_contract_rewards import ContractPlugin

@grpo_rewards.hookimpl
def register_rewards(register):
    ContractPlugin().register_rewards(register)
"""


def _env() -> dict[str, str]:
    return dict(os.environ, PYTHONPATH=os.pathsep.join([*sys.path, str(SUPPORT)]))


def _width(text: str) -> int:
    return max(len(line) for line in text.splitlines())


def test_rewards_is_one_line_per_reward_within_80_columns():
    status, text = run_in_terminal(["rewards"], columns=80)
    assert status == 0
    assert _width(text) <= 80
    names = [r.name for r in load_plugins(strict=False).registry]
    rows = [line for line in text.splitlines() if line.split() and line.split()[0] in names]
    assert sorted(line.split()[0] for line in rows) == sorted(names)  # each reward on exactly one line
    assert len(text.splitlines()) < len(names) + 6
    assert "builtin.format" in text and "grpo_rewards.builtin" not in text  # short built-in names


def test_rewards_name_shows_every_option_with_its_help():
    status, text = run_in_terminal(["rewards", "math"], columns=80)
    assert status == 0 and _width(text) <= 80
    registered = load_plugins(strict=False).registry.get("math")
    for option in describe_options(registered.reward_cls.Options):
        assert f"{option.name} (" in text, option.name
        assert option.help.split()[0] in text
    assert "timeout (float, default 5.0)" in text and "enforced by the worker pool" in text
    _, inline = run_in_terminal(["rewards", "format"], columns=80)
    assert "timeout option is refused" in inline and "timeout (float" not in inline


def test_rewards_formats_json_and_markdown():
    status, text = run_in_terminal(["rewards", "--format", "json"], columns=80)
    records = {r["name"]: r for r in json.loads(text)}
    assert records["length"]["role"] == "shaping" and records["repetition"]["role"] == "penalty"
    assert records["math"]["qualified_name"] == "math/math" and records["format"]["plugin"] == "builtin.format"
    assert "timeout" in [o["name"] for o in records["math"]["options"]]
    _, markdown = run_in_terminal(["rewards", "--format", "markdown"], columns=80)
    assert markdown.splitlines()[0] == "| reward | plugin | role | columns | range | description |"
    assert any(line.startswith("| math | math | correctness | answer | 0..1 |") for line in markdown.splitlines())
    _, one = run_in_terminal(["rewards", "math", "--format", "markdown"], columns=80)
    assert "| `gold_column` | str | `'answer'` |" in one


@pytest.fixture
def contract_plugin(fake_distribution):
    fake_distribution("grpo-rewards-contract", "contract", "grpo_contract_entry", CONTRACT)


def test_reasons_keep_their_whitespace_and_programs_their_lines(contract_plugin, tmp_path):
    program = "def f(x):\n    if x:\n        return  1\n    return 2"
    data = tmp_path / "rows.jsonl"
    rows = [
        {"prompt": "p", "completion": "c   b  a"},
        {"prompt": "p", "completion": "tab\there\nnext"},
        {"prompt": "q", "completion": program},
    ]
    data.write_text("".join(json.dumps(r) + "\n" for r in rows))
    status, text = run_in_terminal(["check", str(data), "-r", "where_am_i", "--show", "all"], columns=120, env=_env())
    assert "got 'c   b  a'" in text  # runs of spaces kept, not collapsed to 'c b a'
    assert "got 'tab\\there\\nnext'" in text  # control characters escaped as repr writes them
    for line in ("def f(x):", "    if x:", "        return  1", "    return 2"):
        assert any(shown.strip("│ ").startswith(line.strip()) and line in shown for shown in text.splitlines()), line


def test_show_auto_says_where_it_stops(contract_plugin, tmp_path):
    data = tmp_path / "rows.jsonl"
    data.write_text("".join(json.dumps({"prompt": f"p{i}", "completion": str(i)}) + "\n" for i in range(75)))
    _, text = run_in_terminal(["check", str(data), "-r", "where_am_i"], columns=100, env=_env())
    flat = " ".join(text.split())
    assert "showing the first 60 of 75 rows not fully correct (75 rows in all); --show failures prints all of them" in flat


def test_shaping_and_penalty_scores_are_not_called_correct(tmp_path):
    rows = [
        {"prompt": "p", "completion": "<think>short</think> 1", "correct": True},
        {"prompt": "p", "completion": "<think>" + "a much longer line of thought " * 3 + "</think> 1", "correct": True},
    ]
    data = tmp_path / "rows.jsonl"
    data.write_text("".join(json.dumps(r) + "\n" for r in rows))
    status, text = run_in_terminal(["check", str(data), "-r", "length", "-r", "repetition", "-r", "format"], columns=100)
    assert status == 0, text
    assert "shaping +0.50" in text and "shaping -0.50" in text and "penalty" in text
    assert "correct -0.50" not in text and "correct 0.50" not in text
    assert "builtin.length" in text and "grpo_rewards.builtin" not in text
    assert _width(text) <= 100
