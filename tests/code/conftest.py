"""Fixtures of the code reward's tests, and a host-subprocess stand-in for the sandbox.

The stand-in (:class:`LocalGateway`) is for tests of the reward's own logic
(scheduling, budgets, caching). It is a second backend written the way the
gateway module asks: one new :class:`~grpo_rewards_code.gateway.Gateway`
subclass, no edits anywhere else.

It runs jobs as plain ``python3 -I`` subprocesses on this machine with a
timeout: no isolation at all, so only programs written by these tests go
through it. The hack suite and the format tests use the real Docker sandbox.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import Future, ThreadPoolExecutor

import pytest
from grpo_rewards_code import batch
from grpo_rewards_code.batch import CACHE
from grpo_rewards_code.engines import Engines
from grpo_rewards_code.gateway import Gateway, Infra, Job, Limits, Result, Run
from grpo_rewards_sandbox import CodecError, decode, encode

from grpo_rewards import SandboxUnavailable

_CALLER = r"""
import sys, types
sys.path.insert(0, {codec_dir!r})
from codec import encode
module = types.ModuleType("solution")
sys.modules["solution"] = module
exec(compile(open({program!r}).read(), "solution.py", "exec"), module.__dict__)
from codec import decode
args, kwargs = decode(open({args!r}, "rb").read())
value = getattr(module, {function!r})(*args, **(kwargs or {{}}))
data = encode(value)
with open({out!r}, "wb") as handle:
    handle.write(data)
"""


def _codec_dir() -> str:
    import grpo_rewards_sandbox.guest.codec as codec

    return os.path.dirname(codec.__file__)


def _cpu_limit(seconds: float):
    def limit() -> None:
        whole = max(1, int(seconds + 0.999))
        resource.setrlimit(resource.RLIMIT_CPU, (whole, whole + 1))

    return limit


def _run(argv: list[str], stdin: bytes, limits: Limits) -> tuple[str, int | None, bytes, bytes, float]:
    started = time.perf_counter()
    try:
        done = subprocess.run(
            argv, input=stdin, capture_output=True, timeout=limits.wall_seconds, preexec_fn=_cpu_limit(limits.cpu_seconds)
        )
    except subprocess.TimeoutExpired as exc:
        return "timeout", None, exc.stdout or b"", exc.stderr or b"", limits.wall_seconds
    wall = time.perf_counter() - started
    if done.returncode in (-24, -9):  # SIGXCPU, or SIGKILL at the hard CPU limit
        return "timeout", None, done.stdout, done.stderr, wall
    return ("ok" if done.returncode == 0 else "runtime_error"), done.returncode, done.stdout, done.stderr, wall


def run_locally(job: Job) -> Result:
    """Execute ``job`` in a host subprocess; the result has the gateway's shape."""
    with tempfile.TemporaryDirectory() as tmp:
        program = os.path.join(tmp, "program.py")
        with open(program, "w") as handle:
            handle.write(job.program)
        if isinstance(job, Run):
            status, code, out, err, wall = _run([sys.executable, "-I", program], job.stdin.encode(), job.limits)
            return Result(status, stdout=out.decode(), stderr=err.decode(), exit_code=code, wall_time=wall, cpu_time=wall)
        args_file, out_file = os.path.join(tmp, "args"), os.path.join(tmp, "out")
        with open(args_file, "wb") as handle:
            handle.write(encode((tuple(job.args), {})))
        caller = _CALLER.format(codec_dir=_codec_dir(), program=program, args=args_file, function=job.function, out=out_file)
        status, code, out, err, wall = _run([sys.executable, "-I", "-c", caller], b"", job.limits)
        common = {"stdout": out.decode(), "stderr": err.decode(), "exit_code": code, "wall_time": wall, "cpu_time": wall}
        if status != "ok":
            return Result(status, **common)
        try:
            value = decode(open(out_file, "rb").read())
        except (OSError, CodecError):
            return Result("runtime_error", reason="no value returned", **common)
        return Result("ok", returned=True, value=value, **common)


class LocalGateway(Gateway):
    """Runs jobs in host subprocesses (tests only: no isolation); ``handler`` may replace :func:`run_locally`."""

    name = "local-test"

    def __init__(self, size: int, memory_mb: int, handler=run_locally) -> None:
        super().__init__(size, memory_mb)
        self.handler = handler
        self.jobs: list[Job] = []
        self._lock = threading.Lock()
        self._executor: ThreadPoolExecutor | None = None

    @property
    def size(self) -> int:
        return self.requested_size or 2

    @property
    def image(self) -> str:
        return "host-subprocess"

    def start(self) -> None:
        self._executor = self._executor or ThreadPoolExecutor(self.size)

    def submit(self, job: Job) -> Future[Result | Infra]:
        with self._lock:
            self.jobs.append(job)
        assert self._executor is not None
        return self._executor.submit(self.handler, job)

    def close(self) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=True)
            self._executor = None


@pytest.fixture(autouse=True)
def _fresh_cache():
    CACHE.clear()
    yield
    CACHE.clear()


@pytest.fixture(scope="session")
def docker_sandbox():
    """The real sandbox, warm, through the reward's own engines; fails (never skips) without Docker."""
    from grpo_rewards_code.options import CodeOptions
    from grpo_rewards_code.preflight import preflight

    try:
        return preflight(CodeOptions())
    except SandboxUnavailable as exc:
        pytest.fail(f"the code reward's Docker tests need an engine and the sandbox image: {exc}")


@pytest.fixture
def local_sandbox(monkeypatch):
    """The reward's engines with a host-subprocess gateway; yields it (``.jobs`` lists the jobs it ran)."""
    gateway = LocalGateway(0, 512)
    engines = Engines(factory=lambda size, memory_mb: gateway)
    monkeypatch.setattr(batch, "ENGINES", engines)
    yield gateway
    engines.close()
