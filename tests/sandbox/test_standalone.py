"""The sandbox is a standalone library: it loads nothing of ``grpo_rewards`` and does not depend on it."""

from __future__ import annotations

import importlib.metadata
import pkgutil
import re
import subprocess
import sys

import grpo_rewards_sandbox
from grpo_rewards_sandbox import errors


def _modules() -> list[str]:
    found = pkgutil.walk_packages(grpo_rewards_sandbox.__path__, "grpo_rewards_sandbox.")
    return ["grpo_rewards_sandbox"] + sorted(info.name for info in found)


def test_importing_every_sandbox_module_imports_no_core_module():
    modules = _modules()
    assert "grpo_rewards_sandbox.docker_backend" in modules and "grpo_rewards_sandbox.guest.supervisor" in modules
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}: importlib.import_module(name)\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('grpo_rewards', 'pluggy')))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]", done.stdout


def test_importing_the_package_imports_no_docker_client():
    code = "import sys, grpo_rewards_sandbox\nprint(sorted(m for m in sys.modules if m.split('.')[0] == 'docker'))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_the_distribution_does_not_depend_on_the_core():
    requirements = importlib.metadata.requires("grpo-rewards-sandbox") or []
    names = {re.split(r"[\s<>=!~;\[]", requirement, maxsplit=1)[0].lower() for requirement in requirements}
    assert "docker" in names and "grpo-rewards" not in names and "grpo_rewards" not in names


def test_every_public_error_is_in_the_tree():
    assert issubclass(errors.SandboxUnavailable, errors.SandboxError)
    assert issubclass(errors.SandboxTimeout, errors.SandboxError) and issubclass(errors.WorkerLost, errors.SandboxError)
    assert not issubclass(errors.SandboxError, (ValueError, RuntimeError)) and errors.SandboxError.__bases__ == (Exception,)
    for name in errors.__all__:
        assert name in errors.__doc__, f"{name} is not drawn in the errors module's docstring"
        assert getattr(grpo_rewards_sandbox, name, getattr(errors, name)) is getattr(errors, name)
