"""The code plugin's one door to the sandbox: typed jobs, limits and results, and the backend that runs them.

Nothing else in the plugin imports ``grpo_rewards_sandbox``. Everything above
this module speaks in the plugin's own frozen types:

* :class:`Limits`: CPU seconds, a wall-clock cap, memory and output of one execution;
* :class:`Run` (a program with stdin) and :class:`Call` (a program, then one
  function called with plain arguments): the two kinds of :data:`Job`;
* :class:`Result`: what the backend observed about a job (never a verdict);
* :class:`Infra`: the one shape of "we could not run it" (``sandbox_unavailable``
  or ``infra_error``), resolved in place of a :class:`Result`, never raised.

A :class:`Gateway` is a backend: :meth:`Gateway.submit` takes a job and returns
a future of ``Result | Infra``. :class:`DockerGateway` runs jobs in the Docker
sandbox pool; a second backend (another isolation engine, a remote pool) is a
new subclass registered with :func:`register_backend` and chosen with the
reward's ``backend`` option. Errors of the sandbox library are translated here
into the core's :class:`grpo_rewards.SandboxUnavailable` (raised by
:meth:`Gateway.start`) or into :class:`Infra` (per job), so no module above
this one needs to know the sandbox's exception tree.

The strict codec (exact builtin values only, bounded) is the wire format of
every backend: :func:`encodable` says whether a value can cross it.
"""

from __future__ import annotations

import abc
from collections.abc import Callable, Iterator, Mapping
from concurrent.futures import Future
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from typing import Any, ClassVar, Literal, Union

import grpo_rewards_sandbox as sandbox

from grpo_rewards import SandboxUnavailable, errors

__all__ = [
    "BACKENDS",
    "Call",
    "DockerGateway",
    "Gateway",
    "Infra",
    "Job",
    "Limits",
    "Result",
    "Run",
    "Status",
    "core_errors",
    "encodable",
    "wire_bytes",
    "register_backend",
]

#: How an execution ended (``infra_error`` never appears here: that is an :class:`Infra`).
Status = Literal["ok", "runtime_error", "timeout", "memory", "output_limit"]
STATUSES: tuple[Status, ...] = ("ok", "runtime_error", "timeout", "memory", "output_limit")
#: Output kept from each stream of an execution, and the most it may print.
OUTPUT_BYTES = 1024 * 1024
#: The most a stdin/stdout case may print when its expected output is big (see :func:`output_allowance`).
MAX_OUTPUT_BYTES = 32 * 1024 * 1024


def output_allowance(expected: str) -> int:
    """Output bytes a stdin/stdout case may print: twice its expected output plus slack, at least ``OUTPUT_BYTES``.

    Judges print big answers (200,000 numbers are 2 MB), so a fixed 1 MiB cap
    would fail correct programs; the expected size bounds what a correct
    program needs, and ``MAX_OUTPUT_BYTES`` bounds what any case may cost us.
    """
    wanted = 2 * len(expected.encode("utf-8", "surrogatepass")) + 64 * 1024
    return min(MAX_OUTPUT_BYTES, max(OUTPUT_BYTES, wanted))


@dataclass(frozen=True)
class Limits:
    """Limits of one execution. ``cpu_seconds`` decides a timeout; ``wall_seconds`` is a generous backstop."""

    cpu_seconds: float = 4.0
    wall_seconds: float = 14.0
    memory_mb: int = 512
    output_bytes: int = OUTPUT_BYTES

    def __post_init__(self) -> None:
        if self.cpu_seconds <= 0 or self.wall_seconds <= 0:
            raise ValueError(f"limits must be positive, got cpu={self.cpu_seconds} wall={self.wall_seconds}")


@dataclass(frozen=True)
class Infra:
    """We could not run (or judge) a job: ``reason`` is the verdict's unverifiable reason."""

    reason: str
    message: str


@dataclass(frozen=True)
class Run:
    """Run ``program`` as ``__main__`` with ``stdin``."""

    program: str
    stdin: str
    limits: Limits


@dataclass(frozen=True)
class Call:
    """Run ``program`` as module ``solution``, then call ``function(*args)`` (plain values only)."""

    program: str
    function: str
    args: tuple[Any, ...]
    limits: Limits


Job = Union[Run, Call]  # noqa: UP007 - a runtime alias on Python 3.10


@dataclass(frozen=True)
class Result:
    """What the backend observed about one execution. Exit code 0 never means "passed".

    ``cpu_time`` and ``wall_time`` are seconds. ``returned``/``value``: for a
    :class:`Call`, whether the function returned a value that crossed the codec,
    and that value, rebuilt from exact builtins.
    """

    status: Status
    stdout: str = ""
    stderr: str = ""
    stdout_truncated: bool = False
    exit_code: int | None = None
    signal: int | None = None
    wall_time: float = 0.0
    cpu_time: float = 0.0
    reason: str = ""
    returned: bool = False
    value: Any = None
    extra: Mapping[str, Any] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return self.status == "ok"


Outcome = Union[Result, Infra]  # noqa: UP007


def within_cpu_limit(result: Result, limits: Limits) -> Result:
    """``result``, or a ``timeout`` when it used more CPU than ``limits`` allow.

    Engines enforce CPU limits in whole seconds (``RLIMIT_CPU``); this makes a
    fractional limit exact, whatever the backend.
    """
    if result.status == "ok" and result.cpu_time > limits.cpu_seconds:
        return replace(result, status="timeout", reason=f"CPU time limit of {limits.cpu_seconds:g} s")
    return result


class Gateway(abc.ABC):
    """A backend that runs :data:`Job` s. Thread-safe; :meth:`submit` never raises for one job's failure.

    Subclasses set ``name`` (the ``backend`` option's value) and implement
    :meth:`start`, :meth:`submit`, :attr:`image`, :meth:`ping` and :meth:`close`.
    """

    name: ClassVar[str]

    def __init__(self, size: int, memory_mb: int) -> None:
        self.requested_size = size  # 0: the backend's default
        self.memory_mb = memory_mb

    @property
    @abc.abstractmethod
    def size(self) -> int:
        """How many jobs run at once (known once started)."""

    @property
    @abc.abstractmethod
    def image(self) -> str:
        """What the jobs run on (an image tag): part of every cache key. Known before :meth:`start`."""

    @abc.abstractmethod
    def start(self) -> None:
        """Make the backend ready; raise :class:`grpo_rewards.SandboxUnavailable` saying what to do if it cannot."""

    @abc.abstractmethod
    def submit(self, job: Job) -> Future[Outcome]:
        """Queue ``job``; the future resolves to its :class:`Result`, or to :class:`Infra`, never to an exception."""

    def ping(self) -> str | None:
        """Why the engine does not answer now, or ``None`` when it does (or cannot be asked)."""
        return None

    @abc.abstractmethod
    def close(self) -> None:
        """Release every resource. Safe to call twice."""


BACKENDS: dict[str, type[Gateway]] = {}


def register_backend(cls: type[Gateway]) -> type[Gateway]:
    """Make ``cls`` selectable as ``backend=<cls.name>`` (usable as a class decorator)."""
    BACKENDS[cls.name] = cls
    return cls


def backend_class(name: str) -> type[Gateway]:
    """The registered backend called ``name``; ``ValueError`` naming the known ones otherwise."""
    try:
        return BACKENDS[name]
    except KeyError:
        raise ValueError(f"unknown sandbox backend {name!r}; known: {', '.join(sorted(BACKENDS))}") from None


def encodable(value: Any) -> str | None:
    """``None`` when ``value`` can cross the sandbox's strict codec, else why not."""
    try:
        sandbox.encode(value)
    except sandbox.CodecError as exc:
        return str(exc)
    return None


def wire_bytes(value: Any) -> bytes:
    """``value`` as the strict codec sends it; ``ValueError`` saying why when it cannot cross."""
    try:
        return sandbox.encode(value)
    except sandbox.CodecError as exc:
        raise ValueError(str(exc)) from None


# ----------------------------------------------------------------------------- Docker


@contextmanager
def core_errors() -> Iterator[None]:
    """Re-raise a sandbox library error as the core's error of the same meaning (same message)."""
    try:
        yield
    except sandbox.SandboxUnavailable as exc:
        raise errors.SandboxUnavailable(str(exc)) from exc
    except sandbox.SandboxTimeout as exc:
        raise errors.SandboxTimeout(str(exc)) from exc
    except sandbox.SandboxError as exc:
        raise errors.SandboxError(str(exc)) from exc


def _unavailable(exc: BaseException) -> SandboxUnavailable:
    """The core's error for a sandbox that cannot start, whatever the sandbox library raised."""
    return exc if isinstance(exc, SandboxUnavailable) else SandboxUnavailable(str(exc))


def _infra(exc: BaseException) -> Infra:
    if isinstance(exc, (SandboxUnavailable, sandbox.SandboxUnavailable)):
        return Infra("sandbox_unavailable", str(exc))
    return Infra("infra_error", f"the sandbox failed: {type(exc).__name__}: {exc}")


def _result(raw: sandbox.Result) -> Outcome:
    status = str(raw.status.value)
    if status not in STATUSES:
        return Infra("infra_error", raw.reason or "the sandbox failed to run the program (after one retry)")
    return Result(
        status=status,
        stdout=raw.stdout_text(),
        stderr=raw.stderr_text(),
        stdout_truncated=raw.stdout_truncated,
        exit_code=raw.exit_code,
        signal=raw.signal,
        wall_time=raw.wall_time,
        cpu_time=raw.cpu_time,
        reason=raw.reason,
        returned=raw.returned,
        value=raw.value,
        extra=raw.extra,
    )


@register_backend
class DockerGateway(Gateway):
    """Jobs run in :class:`grpo_rewards_sandbox.SandboxPool`: warm, hardened Docker containers.

    ``sandbox_backend`` replaces the sandbox's own Docker backend (its
    :class:`~grpo_rewards_sandbox.MockBackend` in hermetic tests).
    """

    name = "docker"

    def __init__(self, size: int, memory_mb: int, *, sandbox_backend: sandbox.Backend | None = None) -> None:
        super().__init__(size, memory_mb)
        self._backend = sandbox_backend
        self._pool: sandbox.SandboxPool | None = None

    @property
    def size(self) -> int:
        return self._pool.size if self._pool is not None else (self.requested_size or sandbox.default_size())

    @property
    def image(self) -> str:
        if self._backend is not None:
            return self._backend.image
        from grpo_rewards_sandbox.image_build import default_image

        return default_image()

    def start(self) -> None:
        if self._pool is not None:
            return
        limits = sandbox.Limits(memory_mb=self.memory_mb, keep_output=MAX_OUTPUT_BYTES, max_output=MAX_OUTPUT_BYTES)
        pool = sandbox.SandboxPool(self.requested_size or None, limits=limits, backend=self._backend)
        try:
            with core_errors():
                pool.start()
        except Exception as exc:
            _close_quietly(pool)
            raise _unavailable(exc) from exc
        self._pool = pool

    def submit(self, job: Job) -> Future[Outcome]:
        out: Future[Outcome] = Future()
        try:
            if self._pool is None:
                raise SandboxUnavailable("the Docker sandbox gateway was not started")
            inner = self._pool.submit(self._job(job))
        except Exception as exc:  # noqa: BLE001 - a pool that cannot take jobs is infra, never the model's
            out.set_result(_infra(exc))
            return out
        inner.add_done_callback(lambda done: out.set_result(self._outcome(done, job.limits)))
        return out

    def ping(self) -> str | None:
        if self._pool is None:
            return None
        try:
            self._pool.ping()
        except Exception as exc:  # noqa: BLE001 - any failure to answer means "down"
            return str(exc)
        return None

    def close(self) -> None:
        pool, self._pool = self._pool, None
        if pool is not None:
            _close_quietly(pool)

    @staticmethod
    def _limits(limits: Limits) -> sandbox.Limits:
        return sandbox.Limits(
            timeout=limits.wall_seconds,
            cpu_time=limits.cpu_seconds,
            memory_mb=limits.memory_mb,
            keep_output=limits.output_bytes,
            max_output=limits.output_bytes,
        )

    def _job(self, job: Job) -> sandbox.Job:
        if isinstance(job, Run):
            return sandbox.RunJob(job.program, job.stdin, self._limits(job.limits))
        return sandbox.CallJob(job.program, job.function, job.args, None, self._limits(job.limits))

    @staticmethod
    def _outcome(done: Future[sandbox.Result], limits: Limits) -> Outcome:
        try:
            outcome = _result(done.result())
        except Exception as exc:  # noqa: BLE001 - any error of the sandbox library is infra, never the model's
            return _infra(exc)
        return within_cpu_limit(outcome, limits) if isinstance(outcome, Result) else outcome


def _close_quietly(pool: sandbox.SandboxPool) -> None:
    try:
        pool.close()
    except Exception:  # noqa: BLE001 - closing a pool whose engine is gone may fail; nothing to keep
        pass


#: Builds a (not yet started) gateway from (size, memory_mb); the engines call it.
GatewayFactory = Callable[[int, int], Gateway]
