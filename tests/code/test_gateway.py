"""The gateway is the plugin's only door to the sandbox library, and backends are classes, not edits."""

from __future__ import annotations

import ast
from pathlib import Path

import grpo_rewards_code
import pytest
from grpo_rewards_code.gateway import BACKENDS, DockerGateway, Infra, Limits, Run
from grpo_rewards_code.options import CodeOptions
from grpo_rewards_sandbox import MockBackend, WorkerLost

from grpo_rewards import SandboxUnavailable

PACKAGE = Path(grpo_rewards_code.__file__).parent


def _imports(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def test_only_the_gateway_imports_the_sandbox_library():
    importers = sorted(p.name for p in PACKAGE.glob("*.py") if "grpo_rewards_sandbox" in _imports(p))
    assert importers == ["gateway.py"]


def test_an_unknown_backend_is_an_option_error_naming_the_known_ones():
    with pytest.raises(ValueError, match="unknown sandbox backend 'nope'; known: .*docker"):
        CodeOptions(backend="nope")
    assert BACKENDS["docker"] is DockerGateway


def test_sandbox_errors_become_the_cores_at_start_and_infra_per_job():
    class Down(MockBackend):
        def check(self):
            from grpo_rewards_sandbox import SandboxUnavailable as SandboxsOwn

            raise SandboxsOwn("no engine: start dockerd")

    with pytest.raises(SandboxUnavailable, match="start dockerd"):
        DockerGateway(1, 64, sandbox_backend=Down(lambda job, limits: None)).start()

    def lost(job, limits):
        raise WorkerLost("container vanished")

    gateway = DockerGateway(1, 64, sandbox_backend=MockBackend(lost))
    gateway.start()
    try:
        outcome = gateway.submit(Run("print(1)", "", Limits(1.0, 2.0, 64))).result()
    finally:
        gateway.close()
    assert isinstance(outcome, Infra) and outcome.reason == "infra_error" and "twice" in outcome.message
