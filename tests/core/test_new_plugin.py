"""`grpo-rewards new-plugin NAME` generates a plugin that installs and passes its own tests as generated.

The plugin is pip-installed into a fresh virtual environment that sees this
one's packages (grpo-rewards, pytest, setuptools) through a .pth file, so the
install is real and leaves the repository's environment untouched.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import pytest
from click.testing import CliRunner

from grpo_rewards.cli import build_cli
from grpo_rewards.plugins import ALLOW_ENV


def _fresh_venv(folder: Path) -> Path:
    venv.EnvBuilder(with_pip=False).create(folder)
    python = folder / "bin" / "python"
    site = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    parent = sysconfig.get_paths()["purelib"]
    Path(site, "_parent_env.pth").write_text(f"import site; site.addsitedir({parent!r})\n")
    return python


@pytest.mark.slow
def test_the_generated_plugin_installs_and_passes_its_own_tests(tmp_path):
    result = CliRunner().invoke(build_cli(), ["new-plugin", "exact-answer", "--dir", str(tmp_path)])
    assert result.exit_code == 0, result.output
    plugin = tmp_path / "grpo-rewards-exact-answer"
    assert {"pyproject.toml", "README.md", "examples", "tests", "grpo_rewards_exact_answer"} <= {p.name for p in plugin.iterdir()}

    python = _fresh_venv(tmp_path / "venv")
    env = dict(os.environ, **{ALLOW_ENV: ",".join(filter(None, [os.environ.get(ALLOW_ENV), "exact_answer"]))})
    env.pop("PYTHONPATH", None)

    def run(*args: str, cwd: Path = plugin) -> subprocess.CompletedProcess[str]:
        return subprocess.run([str(python), *args], cwd=cwd, capture_output=True, text=True, env=env, timeout=300)

    installed = run("-m", "pip", "install", "--no-deps", "--no-build-isolation", "--no-index", "-q", str(plugin), cwd=tmp_path)
    assert installed.returncode == 0, installed.stderr
    tests = run("-m", "pytest", "-q", "-p", "no:cacheprovider")
    assert tests.returncode == 0, tests.stdout + tests.stderr
    assert "3 passed" in tests.stdout
    cli = "import sys; from grpo_rewards.cli import main; main(sys.argv[1:])"
    listed = run("-c", cli, "rewards", "--format", "json")
    (record,) = [r for r in json.loads(listed.stdout) if r["name"] == "exact_answer"]
    assert record["distribution"] == "grpo-rewards-exact-answer" and record["role"] == "correctness"
    checked = run("-c", cli, "check", "examples/sample.jsonl", "--reward", "exact_answer", "--format", "json")
    assert checked.returncode == 0, checked.stderr
    assert json.loads(checked.stdout)["rewards"]["exact_answer"]["verdicts"] == {
        "correct": 2,
        "incorrect": 2,
        "partial": 0,
        "unverifiable": 0,
    }
    # the repository's own environment never saw the plugin
    assert (
        "exact_answer"
        not in subprocess.run(
            [
                sys.executable,
                "-c",
                "import importlib.metadata as m; print([e.name for e in m.entry_points(group='grpo_rewards')])",
            ],
            capture_output=True,
            text=True,
        ).stdout
    )


def test_names_are_checked_and_an_existing_folder_is_kept(tmp_path):
    bad = CliRunner().invoke(build_cli(), ["new-plugin", "Bad Name", "--dir", str(tmp_path)])
    assert bad.exit_code == 2 and "lowercase letters and digits" in bad.output
    assert CliRunner().invoke(build_cli(), ["new-plugin", "mine", "--dir", str(tmp_path)]).exit_code == 0
    again = CliRunner().invoke(build_cli(), ["new-plugin", "mine", "--dir", str(tmp_path)])
    assert again.exit_code == 2 and "already exists" in again.output
