"""What goes into the sandbox (jobs and their limits) and what comes out (results).

Results are data, never trust: a :class:`Result` says what the supervisor
*observed* about a job (how it ended, how long it took, what it printed). Exit
code 0 never means "passed"; deciding that is the caller's job, outside the
sandbox.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

__all__ = ["CallJob", "Job", "Limits", "Result", "RunJob", "Status"]


class Status(str, enum.Enum):
    """How a job ended.

    ``ok``: it exited with code 0 (and, for a call, returned an allowed value).
    ``runtime_error``: non-zero exit, a signal, an exception, or a call that
    returned nothing usable. ``timeout``: it passed its wall-clock or CPU limit.
    ``memory``: it ran out of memory. ``output_limit``: it printed more than
    ``Limits.max_output`` bytes. ``compile_error``: the program of a compiled
    language did not compile (``reason`` holds the compiler's first lines; the
    program never ran). ``infra_error``: the sandbox failed, not the
    program (retried once on a fresh container before it is reported); treat it
    as "could not verify", never as a wrong answer.
    """

    OK = "ok"
    RUNTIME_ERROR = "runtime_error"
    TIMEOUT = "timeout"
    MEMORY = "memory"
    OUTPUT_LIMIT = "output_limit"
    COMPILE_ERROR = "compile_error"
    INFRA_ERROR = "infra_error"


@dataclass(frozen=True)
class Limits:
    """Per-job limits, enforced by the supervisor from outside the job.

    ``timeout``: wall-clock seconds. ``cpu_time``: CPU seconds (``None``: same as
    ``timeout``). ``memory_mb``: the job's data segment (heap and anonymous
    maps); the container's memory cgroup is the backstop. ``keep_output``:
    bytes kept of stdout and of stderr each (the rest is counted and flagged as
    truncated). ``max_output``: stdout and stderr together; past it the job is
    killed with status ``output_limit``. ``file_size_mb``: largest file the job
    may write. ``open_files``: file descriptors. ``max_value_bytes``: encoded
    size of a call's return value.
    """

    timeout: float = 5.0
    cpu_time: float | None = None
    memory_mb: int = 256
    keep_output: int = 64 * 1024
    max_output: int = 1024 * 1024
    file_size_mb: int = 16
    open_files: int = 64
    max_value_bytes: int = 4 * 1024 * 1024

    def __post_init__(self) -> None:
        if self.timeout <= 0:
            raise ValueError(f"Limits.timeout must be positive, got {self.timeout}")
        if self.memory_mb < 16:
            raise ValueError(f"Limits.memory_mb must be at least 16, got {self.memory_mb}")
        if self.keep_output > self.max_output:
            raise ValueError("Limits.keep_output cannot exceed Limits.max_output")
        if self.open_files < 8:
            raise ValueError(f"Limits.open_files must be at least 8, got {self.open_files}")

    @property
    def cpu_seconds(self) -> float:
        """The CPU limit in force: ``cpu_time``, or ``timeout`` when unset."""
        return self.cpu_time if self.cpu_time is not None else self.timeout


@dataclass(frozen=True)
class RunJob:
    """Run ``program`` with ``stdin`` on its standard input.

    ``language`` names a row of :data:`grpo_rewards_sandbox.languages.LANGUAGES`
    (``python``, ``c``, ``cpp``, ``java``, ``javascript``, ``go``, ``rust``).
    Python runs as ``__main__`` in a warm interpreter. A compiled language is
    compiled once per program for the life of the pool (in the sandbox, under
    the language's compile limits); each job then runs the compiled program.
    ``limits`` apply to the run, not to the compile step.
    """

    program: str
    stdin: bytes | str = b""
    limits: Limits | None = None
    language: str = "python"


@dataclass(frozen=True)
class CallJob:
    """Run ``program`` as module ``solution``, then call ``function(*args, **kwargs)`` in the same process.

    ``args`` and ``kwargs`` cross the boundary through the strict codec, and so
    does the return value. ``if __name__ == "__main__":`` blocks do not run.
    """

    program: str
    function: str
    args: Sequence[Any] = ()
    kwargs: Mapping[str, Any] | None = None
    limits: Limits | None = None


Job = RunJob | CallJob


@dataclass(frozen=True)
class Result:
    """What the supervisor observed about one job.

    ``exit_code`` is set when the job exited, ``signal`` when a signal ended it.
    ``wall_time`` and ``cpu_time`` are seconds; ``peak_memory`` is bytes of
    resident memory. ``stdout`` and ``stderr`` hold at most
    ``Limits.keep_output`` bytes each; the ``*_truncated`` flags say whether
    more was printed. ``reason`` explains the status in words. ``attempts`` is 2
    when an infra error was retried on a fresh container. ``extra`` holds backend
    details: the Docker backend sets ``worker`` (the container's name) and
    ``broken`` (an invariant the job broke, after which the container is replaced).

    For a :class:`CallJob`: ``returned`` says whether the function returned a
    value that passed the codec, and ``value`` is that value, rebuilt from exact
    builtins. ``exception`` is the type name of an exception the job reported
    (informational only: the job could lie about it).
    """

    status: Status
    exit_code: int | None = None
    signal: int | None = None
    wall_time: float = 0.0
    cpu_time: float = 0.0
    peak_memory: int = 0
    stdout: bytes = b""
    stderr: bytes = b""
    stdout_truncated: bool = False
    stderr_truncated: bool = False
    reason: str = ""
    attempts: int = 1
    returned: bool = False
    value: Any = None
    exception: str | None = None
    extra: Mapping[str, Any] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        """True when the status is ``ok``. This says the job ran cleanly, not that it was right."""
        return self.status is Status.OK

    @property
    def truncated(self) -> bool:
        """True when either stream was cut to ``Limits.keep_output``."""
        return self.stdout_truncated or self.stderr_truncated

    def stdout_text(self) -> str:
        """stdout decoded as UTF-8 (invalid bytes replaced)."""
        return self.stdout.decode("utf-8", "replace")

    def stderr_text(self) -> str:
        """stderr decoded as UTF-8 (invalid bytes replaced)."""
        return self.stderr.decode("utf-8", "replace")
