"""`grpo-rewards env`: what a bug report needs, read from metadata without importing the heavy stack."""

from __future__ import annotations

import json
import subprocess
import sys
from importlib import metadata

from click.testing import CliRunner

from grpo_rewards.cli import build_cli


def test_env_reports_versions_plugins_pins_and_worker_settings():
    result = CliRunner().invoke(build_cli(), ["env", "--format", "json", "--no-sandbox-probe"], env={"GRPO_REWARDS_WORKERS": "3"})
    info = json.loads(result.stdout)
    assert info["grpo-rewards"] == metadata.version("grpo-rewards")
    assert info["workers"]["count"] == 3 and info["environment"]["GRPO_REWARDS_WORKERS"] == "3"
    plugins = {p["name"]: p for p in info["plugins"]}
    assert plugins["math"]["version"] == metadata.version("grpo-rewards-math") and plugins["math"]["rewards"] == ["math"]
    assert plugins["builtin.format"]["rewards"] == ["format"]
    assert info["stack"]["trl"] == metadata.version("trl") and "vllm" in info["stack"]
    assert any(pin.startswith("trl") for pin in info["pins"]["grpo-rewards-trainer"])
    assert info["sandbox"]["status"] == "not probed"


def test_env_markdown_is_pasteable_and_imports_no_heavy_library():
    code = (
        "import sys; from grpo_rewards.cli import main\n"
        "try:\n    main(['env', '--no-sandbox-probe'])\nexcept SystemExit:\n    pass\n"
        "print('HEAVY', sorted(m for m in ('torch', 'trl', 'transformers', 'docker') if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True)
    assert "## grpo-rewards env" in done.stdout and "| trl |" in done.stdout and "### plugins" in done.stdout
    assert "HEAVY []" in done.stdout
