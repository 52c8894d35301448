"""Shared set-up. The `plugin_manager` and `register_plugin` fixtures come from grpo_rewards.testing.

The suite is hermetic against other installed plugins: it loads only the
entry-point plugins of this repository's own distributions (an allow-list in
``GRPO_REWARDS_PLUGINS``, read from their ``pyproject.toml`` files), so a
third-party plugin installed in the same environment (broken, clashing, or one
more reward that applies to every row) changes nothing here. Subprocesses
inherit the list. Tests that install a throwaway distribution add its entry
point to the list (``fake_distribution`` in ``tests/core/conftest.py``).

Ctrl-C is delivered as Python's default delivers it, whatever started the suite:
a shell starts a background job (``cmd &``, ``nohup``) with SIGINT ignored, and
an ignored disposition is inherited across ``exec``, so every ``check`` and pool
that the interrupt tests start would ignore the SIGINT they send and wait out
their deadline. A caught signal is reset to the default on ``exec``, so
installing Python's handler here also restores it in every subprocess.
"""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path

from grpo_rewards.plugins import ALLOW_ENV, BLOCK_ENV

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

ROOT = Path(__file__).resolve().parents[1]
DISTRIBUTIONS = ("*/pyproject.toml", "plugins/*/pyproject.toml", "docs/examples/*/pyproject.toml")


def repo_plugins() -> list[str]:
    """The ``grpo_rewards`` entry-point names this repository's distributions declare."""
    names: list[str] = []
    for pattern in DISTRIBUTIONS:
        for project in sorted(ROOT.glob(pattern)):
            entry_points = tomllib.loads(project.read_text(encoding="utf-8")).get("project", {}).get("entry-points", {})
            names += entry_points.get("grpo_rewards", {})
    return names


os.environ[ALLOW_ENV] = ",".join(repo_plugins())
os.environ.pop(BLOCK_ENV, None)

if signal.getsignal(signal.SIGINT) is signal.SIG_IGN:
    signal.signal(signal.SIGINT, signal.default_int_handler)
