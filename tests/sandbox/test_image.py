"""The image is tagged by the hash of its sources, so a stale one is detected instead of used."""

from __future__ import annotations

import shutil
import subprocess
from types import SimpleNamespace

import pytest
from click.testing import CliRunner
from grpo_rewards_sandbox import image_build
from grpo_rewards_sandbox.cli import main


def test_tag_changes_with_any_source_file(tmp_path, monkeypatch):
    before = image_build.default_image()
    guest = tmp_path / "guest"
    shutil.copytree(image_build._guest_dir(), guest)
    (guest / "runner.py").write_text((guest / "runner.py").read_text() + "\n# changed\n")
    monkeypatch.setattr(image_build, "_guest_dir", lambda: guest)
    after = image_build.default_image()
    assert before != after and after.startswith("grpo-rewards-sandbox:")
    assert image_build.base_tag().startswith("grpo-rewards-sandbox-base:")


def _client(*tags: str) -> SimpleNamespace:
    images = SimpleNamespace(list=lambda name: [SimpleNamespace(tags=[tag]) for tag in tags if tag.startswith(name)])
    return SimpleNamespace(images=images)


def test_stale_image_is_named_in_the_problem():
    expected = image_build.default_image()
    stale = image_build.image_status(_client("grpo-rewards-sandbox:0123456789abcdef"), expected)
    assert not stale.present and stale.stale == ("grpo-rewards-sandbox:0123456789abcdef",)
    assert "stale" in stale.problem() and "grpo-rewards-sandbox build" in stale.problem()
    assert image_build.image_status(_client(expected), expected).problem() is None


@pytest.mark.docker
def test_built_image_carries_its_source_hash_and_the_cli_says_so():
    label = subprocess.run(
        [
            "docker",
            "image",
            "inspect",
            image_build.default_image(),
            "--format",
            '{{index .Config.Labels "grpo-rewards-sandbox.sources"}}',
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    assert label.stdout.strip() == image_build.source_hash()
    status = CliRunner().invoke(main, ["status"])
    assert status.exit_code == 0 and "built" in status.output
    build = CliRunner().invoke(main, ["build"])
    assert build.exit_code == 0
