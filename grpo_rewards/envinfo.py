"""What ``grpo-rewards env`` reports for a bug report: versions, pins, plugins, sandbox and worker settings.

Everything is read from package metadata and the environment, never by
importing trl, transformers, torch or docker (the sandbox is asked through its
own command in a subprocess). :func:`collect` returns plain data;
:func:`to_markdown` renders it for pasting into an issue.
"""

from __future__ import annotations

import os
import platform
import shutil
import subprocess
import sys
from collections.abc import Mapping
from importlib import metadata
from typing import Any

from .plugins import ALLOW_ENV, BLOCK_ENV, PluginManager
from .pool.tasks import MEMORY_ENV, WORKERS_ENV, default_memory_mb, default_workers

__all__ = ["STACK", "collect", "to_markdown"]

#: The libraries a training run depends on, in the order a reader looks for them.
STACK = (
    "trl",
    "transformers",
    "unsloth",
    "unsloth_zoo",
    "vllm",
    "torch",
    "peft",
    "accelerate",
    "datasets",
    "bitsandbytes",
    "math-verify",
    "docker",
    "pluggy",
    "click",
    "rich",
    "plotly",
)
#: Distributions whose pins on the stack are shown (ours, and Unsloth's caps).
PINNERS = ("grpo-rewards-trainer", "unsloth", "unsloth_zoo")
_ENV_VARS = (ALLOW_ENV, BLOCK_ENV, WORKERS_ENV, MEMORY_ENV, "CUDA_VISIBLE_DEVICES", "DOCKER_HOST")


def _version(dist: str) -> str | None:
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return None


def _name(requirement: str) -> str:
    head = requirement.split(";")[0]
    for stop in "<>=!~[ (":
        head = head.split(stop)[0]
    return head.strip().lower().replace("_", "-")


def pins() -> dict[str, list[str]]:
    """For each installed pinner, its requirements on the stack (extras markers included)."""
    stack = {d.replace("_", "-") for d in STACK}
    out: dict[str, list[str]] = {}
    for dist in PINNERS:
        try:
            requires = metadata.requires(dist) or []
        except metadata.PackageNotFoundError:
            continue
        out[dist] = sorted({r for r in requires if _name(r) in stack})
    return out


def _sandbox(probe: bool) -> dict[str, Any]:
    info: dict[str, Any] = {"version": _version("grpo-rewards-sandbox")}
    socket = os.environ.get("DOCKER_HOST") or ("/var/run/docker.sock" if os.path.exists("/var/run/docker.sock") else None)
    info["docker_endpoint"] = socket
    command = shutil.which("grpo-rewards-sandbox") or os.path.join(os.path.dirname(sys.executable), "grpo-rewards-sandbox")
    if not probe or info["version"] is None or not os.path.exists(command):
        info["status"] = "not probed" if info["version"] else "not installed"
        return info
    try:
        done = subprocess.run([command, "status"], capture_output=True, text=True, timeout=30, check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        info["status"] = f"probe failed: {exc}"
        return info
    lines = (done.stdout + done.stderr).strip().splitlines()
    info["status"] = "ready" if done.returncode == 0 else "not ready"
    info["details"] = lines[:6]
    return info


def _plugins(manager: PluginManager) -> list[dict[str, Any]]:
    rewards: dict[str, list[str]] = {}
    for r in manager.registry:
        rewards.setdefault(r.plugin, []).append(r.name)
    return [
        {
            "name": p.label,
            "distribution": p.distribution,
            "version": p.version,
            "rewards": rewards.get(p.name, []),
            "error": p.error,
        }
        for p in manager.loaded_plugins()
    ]


def collect(manager: PluginManager, *, probe_sandbox: bool = True) -> dict[str, Any]:
    """Everything ``grpo-rewards env`` shows, as JSON-able data."""
    return {
        "grpo-rewards": _version("grpo-rewards"),
        "python": sys.version.split()[0],
        "platform": platform.platform(),
        "executable": sys.executable,
        "cpus": os.cpu_count(),
        "plugins": _plugins(manager),
        "ambiguous_rewards": {name: [e.qualified_name for e in group] for name, group in manager.registry.ambiguous().items()},
        "stack": {dist: _version(dist) for dist in STACK},
        "pins": pins(),
        "workers": {"count": default_workers(), "memory_mb": default_memory_mb()},
        "sandbox": _sandbox(probe_sandbox),
        "environment": {name: os.environ.get(name) for name in _ENV_VARS if os.environ.get(name) is not None},
    }


def _table(rows: list[tuple[str, str]]) -> list[str]:
    return ["| what | value |", "|---|---|", *[f"| {k} | {v} |" for k, v in rows]]


def _plugin_lines(plugins: list[Mapping[str, Any]]) -> list[str]:
    lines = ["| plugin | distribution | version | rewards | status |", "|---|---|---|---|---|"]
    for p in plugins:
        status = f"error: {p['error']}" if p["error"] else "ok"
        lines.append(
            f"| {p['name']} | {p['distribution'] or '-'} | {p['version'] or '-'} | {', '.join(p['rewards']) or '-'} | {status} |"
        )
    return lines


def to_markdown(info: Mapping[str, Any]) -> str:
    """The report as Markdown tables, ready to paste into a bug report."""
    sandbox = info["sandbox"]
    head = [
        ("grpo-rewards", info["grpo-rewards"] or "not installed"),
        ("python", f"{info['python']} ({info['executable']})"),
        ("platform", info["platform"]),
        ("cpus", str(info["cpus"])),
        ("workers", f"{info['workers']['count']} (memory cap {info['workers']['memory_mb']} MiB each)"),
        ("sandbox", f"{sandbox['version'] or 'not installed'}: {sandbox['status']}"),
        ("docker endpoint", sandbox["docker_endpoint"] or "none found"),
    ]
    out = ["## grpo-rewards env", "", *_table(head), "", "### plugins", "", *_plugin_lines(info["plugins"])]
    for name, choices in info["ambiguous_rewards"].items():
        out.append(f"\nreward {name!r} is registered by several plugins: {', '.join(choices)}")
    stack = [(dist, version or "-") for dist, version in info["stack"].items()]
    out += ["", "### libraries", "", *_table(stack)]
    for dist, requirements in info["pins"].items():
        out += ["", f"{dist} pins: {', '.join(requirements) or 'none on these libraries'}"]
    for line in sandbox.get("details", []):
        out.append(f"\nsandbox: {line}")
    if info["environment"]:
        out += ["", "### environment", "", *_table(list(info["environment"].items()))]
    return "\n".join(out) + "\n"
