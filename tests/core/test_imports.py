"""The core stays light: heavy libraries are imported only where the work runs."""

from __future__ import annotations

import subprocess
import sys

import grpo_rewards

HEAVY_FOR_CORE = ("torch", "trl", "docker", "sympy", "transformers", "ray")
HEAVY_FOR_PLUGINS = ("torch", "trl", "transformers")

PROBE = """
import sys
{code}
heavy = sorted(m for m in sys.modules if m.split('.')[0] in {names!r})
print(','.join(heavy))
"""


def imported_heavy(code: str, names: tuple[str, ...]) -> list[str]:
    out = subprocess.run([sys.executable, "-c", PROBE.format(code=code, names=names)], capture_output=True, text=True, check=True)
    return [m for m in out.stdout.strip().split(",") if m]


def test_importing_the_core_imports_nothing_heavy():
    assert imported_heavy("import grpo_rewards, grpo_rewards.cli", HEAVY_FOR_CORE) == []


def test_loading_every_installed_plugin_imports_neither_torch_nor_trl():
    code = "\n".join(
        [
            "import grpo_rewards",
            "assert grpo_rewards.load_plugins().loaded_plugins()",
            "from grpo_rewards.cli import build_cli",
            "build_cli()",
        ]
    )
    assert imported_heavy(code, HEAVY_FOR_PLUGINS) == []


def test_all_matches_the_public_api():
    exported = set(grpo_rewards.__all__)
    assert all(hasattr(grpo_rewards, name) for name in exported)
    public = {name for name in vars(grpo_rewards) if not name.startswith("_")}
    modules = {name for name in public if type(getattr(grpo_rewards, name)).__name__ == "module"}
    assert public - modules - {"annotations"} == exported - {"__version__"}
