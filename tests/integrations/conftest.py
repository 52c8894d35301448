"""Fixtures for the engine adapters: verl 0.9.1 in a folder of its own (see verl_env.py), services on 127.0.0.1."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
SUPPORT = HERE.parent / "support"
sys.path.insert(0, str(HERE))


@pytest.fixture(scope="session")
def verl_deps() -> Path:
    """The folder holding verl 0.9.1 and what its reward managers import, installed on first use."""
    import verl_env

    try:
        return verl_env.ensure()
    except verl_env.InstallFailed as exc:
        pytest.skip(f"verl 0.9.1 could not be installed into its own folder, so verl's code path cannot run here: {exc}")


@pytest.fixture
def serve_env(tmp_path: Path) -> dict[str, str]:
    env = dict(os.environ, GRPO_REWARDS_WORKERS="2", GRPO_REWARDS_RUNTIME_DIR=str(tmp_path / "runtime"))
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(SUPPORT), env.get("PYTHONPATH")]))
    return env


@pytest.fixture
def service(serve_env: dict[str, str], tmp_path: Path) -> Iterator[object]:
    """``grpo-rewards serve --reward math --reward format:0.2 --reward code`` on a free port of 127.0.0.1."""
    pytest.importorskip("uvicorn")
    from grpo_serve_support import launch

    started = launch(serve_env, tmp_path, "--reward", "math", "--reward", "format:0.2", "--reward", "code")
    yield started
    started.stop(timeout=120)
