"""verl 0.9.1 for the adapter tests, in a folder of its own: never in the project's environment.

verl 0.9.1 pins transformers < 5.11 and pulls ray, wandb, vllm-era torch and
more; installing it would downgrade the project's stack. So the tests install
verl with ``--no-deps`` into ``<venv>/verl-0.9.1-deps``, with only what its
reward managers import (found by importing them), pinned below. A test process
appends that folder to ``sys.path`` *after* the environment's own
site-packages, so torch, transformers and numpy stay the project's. ``make
test`` runs ``python tests/integrations/verl_env.py`` first; the tests call
:func:`ensure` too, so plain ``pytest`` sets it up on a fresh machine.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

#: Everything verl's reward-manager modules import that the project's environment lacks, pinned.
REQUIREMENTS = (
    "verl==0.9.1",
    "tensordict==0.10.0",
    "pyvers==0.2.3",
    "omegaconf==2.4.0",
    "ray==2.60.0",
    "msgpack==1.2.4",
    "protobuf==7.36.2",
    "jsonschema==4.26.0",
    "jsonschema-specifications==2025.9.1",
    "referencing==0.37.0",
    "rpds-py==2026.9.1",
    "attrs==26.1.0",
    "cloudpickle==3.1.3",
    "aiohttp==3.14.5",
    "aiohappyeyeballs==2.7.1",
    "aiosignal==1.4.0",
    "frozenlist==1.8.0",
    "multidict==7.2.1",
    "propcache==0.5.4",
    "yarl==1.25.1",
    "codetiming==1.4.0",
    "orjson==3.13.0",
)
#: The modules the tests use; importing them proves the folder is complete.
MODULES = (
    "verl.workers.reward_manager.naive",
    "verl.workers.reward_manager.batch",
    "verl.experimental.reward_loop.reward_loop",
    "verl.trainer.ppo.reward",
)


class InstallFailed(RuntimeError):
    """pip could not install the folder (no package index reachable, say)."""


def target() -> Path:
    """The folder, next to (not inside) the environment's site-packages."""
    return Path(sys.prefix) / "verl-0.9.1-deps"


def _importable(folder: Path) -> str | None:
    """None when every module imports with ``folder`` appended to the path; else the error."""
    probe = f"import sys; sys.path.append({str(folder)!r})\n" + "".join(f"import {m}\n" for m in MODULES)
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=600)
    return None if done.returncode == 0 else done.stderr.strip().splitlines()[-1]


def ensure() -> Path:
    """Install the folder if it is missing or incomplete; returns it. Raises :class:`InstallFailed` or RuntimeError."""
    folder = target()
    if folder.is_dir() and _importable(folder) is None:
        return folder
    staging = Path(tempfile.mkdtemp(prefix="verl-deps-", dir=folder.parent))
    command = [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target", str(staging), *REQUIREMENTS]
    done = subprocess.run(command, capture_output=True, text=True, timeout=1200)
    if done.returncode != 0:
        shutil.rmtree(staging, ignore_errors=True)
        raise InstallFailed(f"pip could not install verl's reward-manager stack: {done.stderr.strip()[-2000:]}")
    problem = _importable(staging)
    if problem is not None:
        shutil.rmtree(staging, ignore_errors=True)
        raise RuntimeError(f"verl's reward managers do not import from {staging}: {problem}")
    if folder.exists():
        shutil.rmtree(folder)
    os.replace(staging, folder)
    return folder


if __name__ == "__main__":
    print(ensure())
