"""Options of the ``code`` reward (set with ``-o code.KEY=VALUE`` or from Python)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .extract import ExtractMode
from .formats import FormatName

__all__ = ["CodeOptions"]


def _help(text: str) -> dict[str, Any]:
    return {"help": text}


@dataclass(frozen=True)
class CodeOptions:
    """Options of the ``code`` reward. The sample's total time budget is the common ``timeout`` option."""

    format: FormatName = field(default="auto", metadata=_help("test format: auto, stdio, asserts or humaneval"))
    tests_column: str = field(default="tests", metadata=_help("column of stdin/stdout cases or assert strings"))
    setup_column: str = field(default="test_setup", metadata=_help("column of setup code run before assert tests"))
    test_column: str = field(default="test", metadata=_help("HumanEval: column of the source defining check(candidate)"))
    entry_point_column: str = field(default="entry_point", metadata=_help("HumanEval: column naming the function under test"))
    extract: ExtractMode = field(default="last_block", metadata=_help("which code: last_block, first_block or whole completion"))
    language: str = field(default="python", metadata=_help("language tag of the fenced block to take"))
    prefix_column: str | None = field(
        default=None, metadata=_help("column prepended to the code (e.g. prompt, for HumanEval continuations)")
    )
    binary: bool = field(default=False, metadata=_help("all tests passed scores 1, anything else 0"))
    test_timeout: float = field(default=4.0, metadata=_help("seconds one execution may take"))
    max_timeouts: int = field(default=2, metadata=_help("stop a sample after this many timeouts (0: never)"))
    memory_mb: int = field(default=512, metadata=_help("memory limit of one execution, MiB"))
    ignore_case: bool = field(default=False, metadata=_help("stdio: compare output case-insensitively"))
    float_tolerance: float = field(default=0.0, metadata=_help("stdio: numbers match within this relative/absolute tolerance"))
    fallback: bool = field(
        default=True, metadata=_help("run tests a proxy cannot serve inside the sandbox (verdict says trust: reduced)")
    )
    backend: str = field(default="docker", metadata=_help("sandbox backend that runs the programs (docker)"))
    sandbox_workers: int = field(default=0, metadata=_help("warm sandbox containers (0: the sandbox's default, one per core)"))
    harness_workers: int = field(default=0, metadata=_help("trusted test-harness processes (0: 3 per sandbox container)"))
    cache_size: int = field(default=8192, metadata=_help("outcomes kept in the result cache (0: no cache)"))

    def __post_init__(self) -> None:
        if self.language.lower() != "python":
            raise ValueError(f"language {self.language!r} is not supported: the sandbox runs Python only")
        for name in ("test_timeout", "memory_mb"):
            if getattr(self, name) <= 0:
                raise ValueError(f"{name} must be positive, got {getattr(self, name)}")
        for name in ("max_timeouts", "sandbox_workers", "harness_workers", "cache_size"):
            if getattr(self, name) < 0:
                raise ValueError(f"{name} must not be negative, got {getattr(self, name)}")
        if self.float_tolerance < 0:
            raise ValueError(f"float_tolerance must not be negative, got {self.float_tolerance}")
        from .gateway import backend_class  # the sandbox library loads with the first reward that is created

        backend_class(self.backend)

    def settings(self) -> dict[str, Any]:
        """The options that change an outcome (part of the cache key)."""
        return {
            "test_timeout": self.test_timeout,
            "max_timeouts": self.max_timeouts,
            "memory_mb": self.memory_mb,
            "ignore_case": self.ignore_case,
            "float_tolerance": self.float_tolerance,
            "fallback": self.fallback,
            "backend": self.backend,
        }
