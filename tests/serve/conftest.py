"""Fixtures for service tests: real ``grpo-rewards serve`` subprocesses on 127.0.0.1 (or a Unix socket).

The service finds the test rewards (``echo``, ``misbehave``, ``sleepy``) through
a throwaway distribution whose entry point is ``tests/support/grpo_serve_rewards.py``,
the way it would find an installed plugin.
"""

from __future__ import annotations

import os
import signal
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from grpo_serve_support import Service, launch

from grpo_rewards.plugins import ALLOW_ENV

SUPPORT = Path(__file__).resolve().parents[1] / "support"
ENTRY = "grpo-serve-test"

pytest.importorskip("fastapi")
pytest.importorskip("uvicorn")
pytest.importorskip("httpx")


@pytest.fixture(scope="session")
def service_env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """The environment of a service process: the test rewards' distribution on its path, two workers."""
    site = tmp_path_factory.mktemp("serve-site")
    info = site / "grpo_serve_test-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: grpo-serve-test\nVersion: 1.0\n")
    (info / "entry_points.txt").write_text(f"[grpo_rewards]\n{ENTRY} = grpo_serve_rewards\n")
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(site), str(SUPPORT), env.get("PYTHONPATH")]))
    env[ALLOW_ENV] = ",".join(filter(None, [env.get(ALLOW_ENV), ENTRY]))
    env["GRPO_REWARDS_WORKERS"] = "2"
    env["GRPO_REWARDS_RUNTIME_DIR"] = str(tmp_path_factory.mktemp("runtime"))
    os.chmod(env["GRPO_REWARDS_RUNTIME_DIR"], 0o700)
    return env


StartService = Callable[..., Service]


def _stop_all(services: list[Service]) -> None:
    for service in services:
        if service.process.poll() is None:
            service.process.send_signal(signal.SIGKILL)
            service.process.wait(30)


@pytest.fixture
def start_service(service_env: dict[str, str], tmp_path: Path) -> Iterator[StartService]:
    """``start_service("--reward", "echo", ...)``: a service for this test, killed after it."""
    started: list[Service] = []

    def start(*flags: str, port: int = 0, env: dict[str, str] | None = None) -> Service:
        started.append(launch(env or service_env, tmp_path, *flags, port=port))
        return started[-1]

    yield start
    _stop_all(started)


@pytest.fixture(scope="module")
def module_service(service_env: dict[str, str], tmp_path_factory: pytest.TempPathFactory) -> Iterator[StartService]:
    """Like ``start_service``, for services a whole test module shares."""
    started: list[Service] = []
    directory = tmp_path_factory.mktemp("services")

    def start(*flags: str) -> Service:
        started.append(launch(service_env, directory, *flags))
        return started[-1]

    yield start
    _stop_all(started)
