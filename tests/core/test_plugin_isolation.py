"""No plugin can hijack or break the tool: clashing commands, raising hooks, unmarked hooks, impostor rewards.

Each test installs a throwaway distribution with a ``grpo_rewards`` entry
point and runs the real ``grpo-rewards`` command line in a subprocess, as a
user would after ``pip install``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from grpo_rewards import AmbiguousRewardError, PluginError, PluginManager, reward_funcs

SUPPORT = Path(__file__).resolve().parents[1] / "support"

HIJACK = """
import click
import grpo_rewards
from grpo_test_rewards import Echo

@grpo_rewards.hookimpl
def register_rewards(register):
    register(Echo)

@grpo_rewards.hookimpl
def register_commands(cli):
    @cli.command("check")
    def hijacked():
        click.echo("HIJACKED")
"""

BROKEN_COMMANDS = """
import grpo_rewards
from grpo_test_rewards import Echo

@grpo_rewards.hookimpl
def register_rewards(register):
    register(Echo)

@grpo_rewards.hookimpl
def register_commands(cli):
    raise RuntimeError("commands exploded")
"""

BROKEN_REWARDS = """
import grpo_rewards

@grpo_rewards.hookimpl
def register_rewards(register):
    raise KeyError("rewards exploded")
"""

UNMARKED = """
from grpo_test_rewards import Echo

def register_rewards(register):  # no @grpo_rewards.hookimpl: pluggy would never call it
    register(Echo)
"""

TRAIN_TOO = """
import click
import grpo_rewards

@grpo_rewards.hookimpl
def register_commands(cli):
    @cli.command("train")
    def train():
        click.echo("NOT THE TRAINER")
"""

IMPOSTOR = """
import grpo_rewards
from grpo_rewards import Manifest, Reward, Verdict

class Impostor(Reward):
    name = "math"
    description = "says correct to everything"
    manifest = Manifest(isolation="inline")

    def score(self, sample, prepared):
        return Verdict.correct("trust me")

@grpo_rewards.hookimpl
def register_rewards(register):
    register(Impostor)
"""


def cli(*args: str, block: str | None = None, columns: int = 200) -> subprocess.CompletedProcess[str]:
    """Run ``grpo-rewards ARGS`` in a fresh process that sees the fake distributions on sys.path."""
    env = dict(os.environ, COLUMNS=str(columns), PYTHONPATH=os.pathsep.join([*sys.path, str(SUPPORT)]))
    env.pop("GRPO_REWARDS_DISABLE_PLUGINS", None)
    if block is not None:
        env["GRPO_REWARDS_DISABLE_PLUGINS"] = block
    code = "import sys; from grpo_rewards.cli import main; main(sys.argv[1:])"
    return subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, env=env, timeout=120)


@pytest.fixture
def rows(tmp_path: Path) -> Path:
    path = tmp_path / "rows.jsonl"
    lines = [
        {"prompt": "2+2?", "completion": "<think>2+2=5</think> \\boxed{5}", "answer": "4"},
        {"prompt": "2+2?", "completion": "<think>easy</think> \\boxed{4}", "answer": "4"},
    ]
    path.write_text("".join(json.dumps(r) + "\n" for r in lines))
    return path


def test_a_plugin_command_named_like_a_core_command_is_refused(fake_distribution, rows):
    fake_distribution("grpo-rewards-hijack", "hijack", "grpo_hijack_plugin", HIJACK)
    done = cli("check", str(rows), "--reward", "format")
    assert "HIJACKED" not in done.stdout + done.stderr
    assert "summary per reward" in done.stdout  # the core check ran
    listing = cli("plugins")
    assert listing.returncode == 1
    text = " ".join(listing.stdout.split())
    for expected in ("'hijack'", "grpo-rewards-hijack", "register_commands", "'check' is a core command", "disabled"):
        assert expected in text, (expected, listing.stdout)
    assert "echo" not in cli("rewards", "--format", "json").stdout  # the plugin is disabled as a whole


def test_a_raising_register_commands_disables_only_that_plugin(fake_distribution, rows):
    fake_distribution("grpo-rewards-boom", "boom", "grpo_boom_plugin", BROKEN_COMMANDS)
    helped = cli("--help")
    assert helped.returncode == 0
    for command in ("check", "env", "new-plugin", "plugins", "rewards", "train"):
        assert command in helped.stdout
    assert "1 plugin(s) failed and are disabled: 'boom'" in " ".join(helped.stdout.split())

    listing = cli("plugins", "--json")
    (boom,) = [p for p in json.loads(listing.stdout) if p["name"] == "boom"]
    for expected in ("grpo-rewards-boom", "hook register_commands", "RuntimeError: commands exploded", "DISABLE_PLUGINS=boom"):
        assert expected in boom["error"]
    assert boom["rewards"] == []
    math = cli("check", str(rows), "--reward", "math", "--format", "json")
    assert json.loads(math.stdout)["rewards"]["math"]["verdicts"]["correct"] == 1  # scoring works
    assert math.returncode == 1 and "commands exploded" in math.stderr  # and the broken plugin is reported

    skipped = cli("check", str(rows), "--reward", "math", block="boom")
    assert skipped.returncode == 0, skipped.stderr


def test_a_raising_register_rewards_disables_only_that_plugin(fake_distribution):
    fake_distribution("grpo-rewards-badrewards", "badrewards", "grpo_badrewards_plugin", BROKEN_REWARDS)
    manager = PluginManager()
    manager.load(strict=False)
    (bad,) = [p for p in manager.loaded_plugins() if p.name == "badrewards"]
    assert "hook register_rewards" in bad.error and "KeyError" in bad.error and "grpo-rewards-badrewards" in bad.error
    assert "math" in manager.registry and "format" in manager.registry
    assert manager.pm.get_plugin("badrewards") is None
    rewards = cli("rewards")
    assert rewards.returncode == 1 and "math" in rewards.stdout and "badrewards" in rewards.stderr


def test_register_rewards_without_hookimpl_is_an_error(fake_distribution):
    fake_distribution("grpo-rewards-unmarked", "unmarked", "grpo_unmarked_plugin", UNMARKED)
    manager = PluginManager()
    with pytest.raises(PluginError) as info:
        manager.load(builtins=False)
    assert "'unmarked' defines register_rewards() without @grpo_rewards.hookimpl" in str(info.value)

    class Unmarked:
        def register_commands(self, cli):
            pass

    with pytest.raises(PluginError, match="register_commands\\(\\) without @grpo_rewards.hookimpl"):
        PluginManager().register(Unmarked(), name="unmarked-object")


def test_two_plugins_adding_one_command_get_it_neither(fake_distribution):
    pytest.importorskip("grpo_rewards_trainer")
    fake_distribution("grpo-rewards-aaa", "aaa_train", "grpo_aaa_plugin", TRAIN_TOO)  # sorts before 'trainer'
    done = cli("train", "--help")
    assert "NOT THE TRAINER" not in done.stdout and done.returncode != 0
    listing = json.loads(cli("plugins", "--json").stdout)
    errors = {p["name"]: p["error"] for p in listing}
    assert "also added by plugin 'trainer'" in errors["aaa_train"]
    assert "also added by plugin 'aaa_train'" in errors["trainer"]
    assert cli("train", "--help", block="aaa_train").returncode == 0


def test_an_impostor_reward_is_ambiguous_everywhere_until_one_is_picked(fake_distribution, rows):
    fake_distribution("grpo-rewards-impostor", "aaa_impostor", "grpo_impostor_plugin", IMPOSTOR)
    for args in (("--reward", "math"), ()):  # named, and every installed reward by default
        done = cli("check", str(rows), *args)
        assert done.returncode == 2, done.stdout
        message = " ".join(done.stderr.split())
        for expected in ("'math'", "'aaa_impostor'", "grpo-rewards-impostor", "'math/math'", "'aaa_impostor/math'"):
            assert expected in message, (expected, message)
    picked = cli("check", str(rows), "--reward", "math/math", "--format", "json")
    summary = json.loads(picked.stdout)["rewards"]["math"]
    assert summary["verdicts"] == {"correct": 1, "incorrect": 1, "partial": 0, "unverifiable": 0}

    manager = PluginManager()
    manager.load(strict=False)
    with pytest.raises(AmbiguousRewardError, match="aaa_impostor"):
        reward_funcs(["math"], manager=manager)
    (func,), weights = reward_funcs(["aaa_impostor/math:0.5"], manager=manager)
    assert func.__name__ == "math" and weights == [0.5] and func.plugin == "aaa_impostor"


def test_train_preflight_refuses_the_ambiguous_name_the_same_way(fake_distribution, tmp_path):
    pytest.importorskip("grpo_rewards_trainer")
    fake_distribution("grpo-rewards-impostor", "aaa_impostor", "grpo_impostor_plugin", IMPOSTOR)
    data = tmp_path / "train.jsonl"
    data.write_text(json.dumps({"prompt": "2+2?", "answer": "4"}) + "\n")
    args = ("train", "--dry-run", "--model", str(tmp_path), "--dataset", str(data), "--backend", "trl")
    done = cli(*args, "--reward", "math")
    assert done.returncode == 2
    text = " ".join(done.stdout.split())
    assert "'math' is registered by plugin 'aaa_impostor'" in text and "'math/math'" in text
    picked = cli(*args, "--reward", "math/math")
    assert "rewards math (weight 1, plugin math" in " ".join(picked.stdout.split())
