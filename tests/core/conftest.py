from __future__ import annotations

import os
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

from grpo_rewards.plugins import ALLOW_ENV


@pytest.fixture
def fake_distribution(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Callable[..., Path]:
    """Install a throwaway distribution with a ``grpo_rewards`` entry point onto sys.path."""

    def make(dist: str, entry_name: str, module: str, source: str, version: str = "9.9.9") -> Path:
        site = tmp_path / "site"
        site.mkdir(exist_ok=True)
        (site / f"{module}.py").write_text(textwrap.dedent(source))
        info = site / f"{dist.replace('-', '_')}-{version}.dist-info"
        info.mkdir()
        (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {dist}\nVersion: {version}\n")
        (info / "entry_points.txt").write_text(f"[grpo_rewards]\n{entry_name} = {module}\n")
        monkeypatch.syspath_prepend(str(site))
        allowed = os.environ.get(ALLOW_ENV)
        if allowed is not None:  # the suite's allow-list (tests/conftest.py) must let this one in
            monkeypatch.setenv(ALLOW_ENV, ",".join(filter(None, [allowed, entry_name])))
        return site

    return make
