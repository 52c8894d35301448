"""Compile once per program for the life of the pool; run the compiled program per job.

A :class:`~grpo_rewards_sandbox.RunJob` in a language other than Python
becomes an :class:`ExecJob` for the workers. For a compiled language the pool
first asks :class:`Compiler` for the program's :class:`Artifact`: the first
job of a program queues one :class:`CompileJob` (a job like any other: same
container, same isolation, the language's compile limits); every later job of
the same program, in flight or after, waits for that one compile and gets its
result. Artifacts are kept by content key (language, compile command, source,
image) in a bounded cache; a compile error is kept too (the same source fails
the same way), an infra failure is not (the next job compiles again).

Each worker sends an artifact to its container once and tells the container
what to drop (:class:`StoreMirror`), so a run carries only the key.
"""

from __future__ import annotations

import collections
import threading
from collections.abc import Callable, Mapping
from concurrent.futures import Future
from dataclasses import dataclass, replace
from typing import Any

from .languages import Language
from .results import Limits, Result, RunJob, Status

__all__ = ["Artifact", "CompileJob", "Compiler", "ExecJob", "StoreMirror", "compile_result", "run_result"]

#: The environment of every exec step, under the language's own variables.
BASE_ENV = {"PATH": "/usr/local/bin:/usr/bin:/bin", "HOME": "/tmp/job", "TMPDIR": "/tmp/job", "LANG": "C.UTF-8",
            "MALLOC_ARENA_MAX": "2"}  # fmt: skip
COMPILER_LINES = 12  # of the compiler's output, in a compile error's reason


@dataclass(frozen=True)
class Artifact:
    """A compiled program: its content key and its files."""

    key: str
    files: Mapping[str, bytes]

    @property
    def size(self) -> int:
        return sum(len(data) for data in self.files.values())


@dataclass(frozen=True)
class CompileJob:
    """Compile ``program`` (for the workers only): a job whose outputs come back as the artifact ``key``."""

    language: Language
    program: str
    key: str

    @property
    def limits(self) -> Limits:
        return self.language.compile_limits


@dataclass(frozen=True)
class ExecJob:
    """Run ``job`` by its language's command line (for the workers only), with its compiled ``artifact``."""

    job: RunJob
    language: Language
    artifact: Artifact | None = None

    @property
    def limits(self) -> Limits | None:
        return self.job.limits


def compile_result(result: Result, language: Language, key: str) -> Artifact | Result:
    """A compile job's artifact, or the :class:`Result` every run of the program gets (a compile error).

    The compiler's output (stdout and stderr together) is the result's stderr; the program never ran, so its
    stdout is empty; ``reason`` starts with what went wrong, then the compiler's first lines.
    """
    if result.status is Status.INFRA_ERROR:
        return result
    artifact, missing = result.extra.get("artifact"), result.extra.get("artifact_error", "")
    if result.status is Status.OK and artifact:
        return Artifact(key, artifact)
    output = result.stdout + result.stderr  # what the compiler said, wherever it said it (Go's go tool: stdout)
    text = output.decode("utf-8", "replace").strip()
    head = "\n".join(text.splitlines()[:COMPILER_LINES])[:2000]
    why = {
        Status.TIMEOUT: f"the compiler ran past {language.compile_limits.cpu_seconds:g} s",
        Status.MEMORY: "the compiler ran out of memory",
        Status.OUTPUT_LIMIT: "the compiler printed more than its output limit",
    }.get(result.status, f"{language.name} compilation failed ({result.reason})")
    if result.status is Status.OK:
        why = f"{language.name} compilation made no program: {missing}"
    reason = f"{why}:\n{head}" if head else why
    return Result(Status.COMPILE_ERROR, exit_code=result.exit_code, signal=result.signal, wall_time=result.wall_time,
                  cpu_time=result.cpu_time, stderr=output, reason=reason,
                  extra={k: v for k, v in result.extra.items() if k != "artifact"})  # fmt: skip


def run_result(result: Result, language: Language) -> Result:
    """A run's result, with an out-of-memory death told apart by what the runtime printed."""
    if result.status is Status.RUNTIME_ERROR and language.ran_out_of_memory(result.stderr):
        return replace(result, status=Status.MEMORY, reason=f"ran out of memory ({result.reason})")
    return result


class Compiler:
    """Single-flight, content-keyed compile results for the life of a pool.

    ``submit(job)`` queues a :class:`CompileJob` and returns the future of its
    :class:`Result`. ``budget`` bounds the bytes of the artifacts kept.
    """

    def __init__(self, submit: Callable[[CompileJob], Future[Result]], image: str, budget: int = 256 << 20) -> None:
        self.submit, self.image, self.budget = submit, image, budget
        self._entries: collections.OrderedDict[str, Future[Artifact | Result]] = collections.OrderedDict()
        self._lock = threading.Lock()
        self.compiles = 0  # compile jobs that ran to an answer
        self.hits = 0  # jobs that found their program compiled, or being compiled

    def artifact(self, language: Language, program: str) -> Future[Artifact | Result]:
        """The compiled ``program`` (or its compile error), compiling it unless it is compiled or compiling."""
        key = language.cache_key(program, self.image)
        with self._lock:
            entry = self._entries.get(key)
            if entry is not None:
                self._entries.move_to_end(key)
                self.hits += 1
                return entry
            entry = self._entries[key] = Future()
        inner = self.submit(CompileJob(language, program, key))
        inner.add_done_callback(lambda done: self._finish(key, language, entry, done))
        return entry

    def _finish(self, key: str, language: Language, entry: Future[Artifact | Result], done: Future[Result]) -> None:
        try:
            outcome = compile_result(done.result(), language, key)
        except BaseException as exc:  # noqa: BLE001 - handed to every job of the program
            with self._lock:
                self._entries.pop(key, None)
            entry.set_exception(exc)
            return
        with self._lock:
            if isinstance(outcome, Result) and outcome.status is Status.INFRA_ERROR:
                self._entries.pop(key, None)  # our failure: the next job of the program compiles again
            else:
                self.compiles += 1
        entry.set_result(outcome)
        with self._lock:
            self._trim()

    def _trim(self) -> None:
        """Drop the least recently used finished entries past the byte budget (never one being compiled)."""
        sizes = {key: _size(entry) for key, entry in self._entries.items()}
        total = sum(sizes.values())
        for key in list(self._entries):
            if total <= self.budget or len(self._entries) <= 1:
                return
            if self._entries[key].done():
                total -= sizes[key]
                del self._entries[key]


def _size(entry: Future[Any]) -> int:
    if not entry.done() or entry.exception() is not None:
        return 0
    value = entry.result()
    return value.size if isinstance(value, Artifact) else 1024


class StoreMirror:
    """What one container's store holds (the worker decides): send each artifact once, evict past ``budget``."""

    def __init__(self, budget: int = 128 << 20) -> None:
        self.budget = budget
        self.held: collections.OrderedDict[str, int] = collections.OrderedDict()

    def plan(self, artifact: Artifact) -> tuple[bool, list[str]]:
        """Whether ``artifact`` must be sent, and which keys the container must drop first."""
        if artifact.key in self.held:
            self.held.move_to_end(artifact.key)
            return False, []
        return True, self.make_room(artifact.size)

    def make_room(self, size: int) -> list[str]:
        evict = []
        while self.held and sum(self.held.values()) + size > self.budget:
            key, _ = self.held.popitem(last=False)
            evict.append(key)
        return evict

    def add(self, key: str, size: int) -> None:
        self.held[key] = size
        self.held.move_to_end(key)
