"""Options of the ``code`` reward (set with ``-o code.KEY=VALUE`` or from Python)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from .compare import DEFAULT_TOLERANCE, CompareMode
from .extract import ExtractMode
from .formats import FormatName

__all__ = ["CREDIT_DEFAULTS", "CodeOptions", "Credit", "WALL_FACTOR"]

Credit = Literal["auto", "fraction", "all"]
#: What ``credit=auto`` means for each test format (docs/code-reward.md says why).
CREDIT_DEFAULTS: dict[str, Literal["fraction", "all"]] = {"humaneval": "all", "asserts": "fraction", "stdio": "fraction"}
#: The wall-clock caps are this many times the CPU limits unless set.
WALL_FACTOR = 3.0


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
    credit: Credit = field(
        default="auto", metadata=_help("auto (per format: humaneval all-or-nothing, others fraction), fraction or all")
    )
    binary: bool = field(default=False, metadata=_help("shorthand for credit=all: all tests passed scores 1, else 0"))
    test_timeout: float = field(default=4.0, metadata=_help("CPU seconds one execution may use"))
    wall_timeout: float = field(default=0.0, metadata=_help("wall-clock cap of one execution (0: 3 x test_timeout)"))
    max_timeouts: int = field(default=0, metadata=_help("stop a sample after this many timeouts (0: never, run every test)"))
    memory_mb: int = field(default=512, metadata=_help("memory limit of one execution, MiB"))
    compare: CompareMode = field(default="tokens", metadata=_help("stdio: tokens (checker-style) or exact (line by line)"))
    ignore_case: bool = field(default=False, metadata=_help("stdio: compare output case-insensitively"))
    float_tolerance: float = field(
        default=DEFAULT_TOLERANCE,
        metadata=_help("stdio, tokens mode: expected decimal fractions match within this absolute/relative error (0: exact)"),
    )
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
        for name in ("wall_timeout", "max_timeouts", "sandbox_workers", "harness_workers", "cache_size"):
            if getattr(self, name) < 0:
                raise ValueError(f"{name} must not be negative, got {getattr(self, name)}")
        if self.float_tolerance < 0:
            raise ValueError(f"float_tolerance must not be negative, got {self.float_tolerance}")
        if 0 < self.wall_timeout < self.test_timeout:
            raise ValueError(f"wall_timeout ({self.wall_timeout}) must not be below test_timeout ({self.test_timeout})")
        from .gateway import backend_class  # the sandbox library loads with the first reward that is created

        backend_class(self.backend)

    @property
    def wall_cap(self) -> float:
        """The wall-clock cap of one execution, in seconds."""
        return self.wall_timeout or WALL_FACTOR * self.test_timeout

    def credit_for(self, format: str) -> Literal["fraction", "all"]:
        """How a sample of test format ``format`` is scored."""
        if self.binary:
            return "all"
        return CREDIT_DEFAULTS.get(format, "fraction") if self.credit == "auto" else self.credit

    def settings(self) -> dict[str, Any]:
        """The options that change an outcome (part of the cache key)."""
        return {
            "test_timeout": self.test_timeout,
            "wall_timeout": self.wall_cap,
            "max_timeouts": self.max_timeouts,
            "memory_mb": self.memory_mb,
            "compare": self.compare,
            "ignore_case": self.ignore_case,
            "float_tolerance": self.float_tolerance,
            "fallback": self.fallback,
            "backend": self.backend,
        }
