"""What is installed and what hardware there is, read without importing trl, transformers or unsloth.

:class:`Environment` is a plain record, so tests build one by hand instead of
patching metadata. :meth:`Environment.detect` reads the real one; it imports
torch (to ask for CUDA) but nothing that would have to come after Unsloth.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Mapping
from dataclasses import dataclass, field
from importlib import metadata

from packaging.requirements import InvalidRequirement, Requirement
from packaging.version import InvalidVersion, Version

__all__ = ["CPU_TRL_MIN", "CHECKED_STACK", "Environment", "version_problems"]

#: trl 1.15's GRPOTrainer calls a Triton kernel for log-probs, which needs a GPU driver.
CPU_TRL_MIN = Version("1.16.0")
#: The libraries whose versions Unsloth pins and that we check against its metadata.
CHECKED_STACK = ("trl", "transformers", "peft", "torch", "accelerate", "datasets", "bitsandbytes")
_UNSLOTH_DISTS = ("unsloth", "unsloth_zoo")
_WATCHED = (*CHECKED_STACK, *_UNSLOTH_DISTS, "vllm")


def _version(dist: str) -> str | None:
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return None


def _requires(dist: str) -> tuple[str, ...]:
    try:
        return tuple(metadata.requires(dist) or ())
    except metadata.PackageNotFoundError:
        return ()


def _cuda() -> tuple[bool, bool]:
    """(CUDA available, bf16 supported), asking torch if it is installed."""
    if importlib.util.find_spec("torch") is None:
        return False, False
    import torch

    if not torch.cuda.is_available():
        return False, False
    return True, bool(torch.cuda.is_bf16_supported())


@dataclass(frozen=True)
class Environment:
    """Installed versions of the GPU stack, the requirements Unsloth declares, and CUDA."""

    versions: Mapping[str, str | None] = field(default_factory=dict)
    unsloth_requires: tuple[str, ...] = ()
    cuda: bool = False
    bf16: bool = False

    @classmethod
    def detect(cls) -> Environment:
        cuda, bf16 = _cuda()
        requires = tuple(r for d in _UNSLOTH_DISTS for r in _requires(d))
        return cls({d: _version(d) for d in _WATCHED}, requires, cuda, bf16)

    def has(self, dist: str) -> bool:
        return self.versions.get(dist) is not None

    def version(self, dist: str) -> Version | None:
        raw = self.versions.get(dist)
        try:
            return Version(raw) if raw else None
        except InvalidVersion:
            return None


def _unsloth_pins(env: Environment) -> list[Requirement]:
    pins = []
    for text in env.unsloth_requires:
        try:
            req = Requirement(text)
        except InvalidRequirement:
            continue
        if req.name.lower().replace("_", "-") not in CHECKED_STACK or not req.specifier:
            continue
        if req.marker is not None and not req.marker.evaluate({"extra": ""}):
            continue
        pins.append(req)
    return pins


def version_problems(env: Environment, backend: str) -> list[str]:
    """Incompatible versions for ``backend``, one message each, saying what to install."""
    problems = []
    if backend == "unsloth":
        for req in _unsloth_pins(env):
            installed = env.version(req.name)
            if installed is not None and not req.specifier.contains(installed, prereleases=True):
                problems.append(
                    f"{req.name} {installed} is installed, but the installed Unsloth requires {req.name}{req.specifier}: "
                    f"pip install '{req.name}{req.specifier}' (or pip install 'grpo-rewards-trainer[unsloth]')"
                )
    if backend == "trl" and not env.cuda:
        trl = env.version("trl")
        if trl is not None and trl < CPU_TRL_MIN:
            problems.append(
                f"trl {trl} cannot run GRPOTrainer on the CPU (its log-prob kernel needs Triton and a GPU): "
                f"pip install 'trl>={CPU_TRL_MIN}', or train on a CUDA GPU"
            )
    return problems
