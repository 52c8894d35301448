"""The example plugin in docs/examples is installed by pip (make install) and found with no change to core."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from importlib import metadata
from pathlib import Path

import pytest

from grpo_rewards.plugins import ALLOW_ENV

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "docs" / "examples" / "grpo-rewards-keywords"
CLI = [sys.executable, "-c", "from grpo_rewards.cli import main; main()"]


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    env = {"COLUMNS": "200", "PATH": "", **{k: v for k, v in os.environ.items() if k == ALLOW_ENV}}  # the suite's allow-list
    return subprocess.run([*CLI, *args], capture_output=True, text=True, cwd=ROOT, env=env)


@pytest.fixture(scope="module", autouse=True)
def installed():
    try:
        dist = metadata.distribution("grpo-rewards-keywords")
    except metadata.PackageNotFoundError:
        pytest.fail("the example plugin is not installed: run `make install`, which pip-installs docs/examples/*")
    assert "grpo_rewards" in {ep.group for ep in dist.entry_points}


def test_rewards_lists_it_with_plugin_and_version():
    listing = json.loads(cli("rewards", "--json").stdout)
    keywords = next(r for r in listing if r["name"] == "keywords")
    assert (keywords["plugin"], keywords["distribution"], keywords["version"]) == ("keywords", "grpo-rewards-keywords", "0.1.0")
    assert keywords["required_columns"] == ["keywords"]


def test_check_scores_with_it(tmp_path):
    out = tmp_path / "out.jsonl"
    result = cli("check", "examples/keywords.jsonl", "--reward", "keywords", "--output", str(out))
    assert result.returncode == 0, result.stdout + result.stderr
    scores = [json.loads(line)["rewards"]["keywords"]["score"] for line in out.read_text().splitlines()]
    assert scores == [1.0, 0.0, 0.5, 1.0]


def test_its_own_tests_pass_with_the_shipped_pytest_plugin():
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(EXAMPLE / "tests")],
        capture_output=True,
        text=True,
        cwd=EXAMPLE,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "2 passed" in result.stdout
