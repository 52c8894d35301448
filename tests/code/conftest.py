"""Fixtures of the code reward's tests, and a host-subprocess stand-in for the sandbox.

The stand-in is for tests of the reward's own logic (scheduling, budgets, caching).

It runs jobs as plain ``python3 -I`` subprocesses on this machine with a
timeout: no isolation at all, so only programs written by these tests go
through it. The hack suite and the format tests use the real Docker sandbox.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time

import pytest
from grpo_rewards_code import batch
from grpo_rewards_code.batch import CACHE
from grpo_rewards_code.engines import Engines
from grpo_rewards_sandbox import CallJob, CodecError, Limits, MockBackend, Result, RunJob, Status, decode

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


def _status(code: int) -> Status:
    return Status.OK if code == 0 else Status.RUNTIME_ERROR


def _run(argv: list[str], stdin: bytes, limits: Limits) -> tuple[Status, int | None, bytes, bytes, float]:
    started = time.perf_counter()
    try:
        done = subprocess.run(argv, input=stdin, capture_output=True, timeout=limits.timeout)
    except subprocess.TimeoutExpired as exc:
        return Status.TIMEOUT, None, exc.stdout or b"", exc.stderr or b"", limits.timeout
    return _status(done.returncode), done.returncode, done.stdout, done.stderr, time.perf_counter() - started


def run_locally(job: RunJob | CallJob, limits: Limits) -> Result:
    """Execute ``job`` in a host subprocess; the result has the sandbox's shape."""
    limits = job.limits or limits
    with tempfile.TemporaryDirectory() as tmp:
        program = os.path.join(tmp, "program.py")
        with open(program, "w") as handle:
            handle.write(job.program)
        if isinstance(job, RunJob):
            stdin = job.stdin.encode() if isinstance(job.stdin, str) else job.stdin
            status, code, out, err, wall = _run([sys.executable, "-I", program], stdin, limits)
            return Result(status, exit_code=code, stdout=out, stderr=err, wall_time=wall)
        from grpo_rewards_sandbox import encode

        args_file, out_file = os.path.join(tmp, "args"), os.path.join(tmp, "out")
        with open(args_file, "wb") as handle:
            handle.write(encode((tuple(job.args), dict(job.kwargs or {}))))
        caller = _CALLER.format(codec_dir=_codec_dir(), program=program, args=args_file, function=job.function, out=out_file)
        status, code, out, err, wall = _run([sys.executable, "-I", "-c", caller], b"", limits)
        if status is not Status.OK:
            return Result(status, exit_code=code, stdout=out, stderr=err, wall_time=wall)
        try:
            value = decode(open(out_file, "rb").read())
        except (OSError, CodecError):
            return Result(Status.RUNTIME_ERROR, exit_code=code, stderr=err, wall_time=wall, reason="no value returned")
        return Result(Status.OK, exit_code=0, stdout=out, stderr=err, wall_time=wall, returned=True, value=value)


class Counting:
    """Wraps a job handler and counts the jobs it ran."""

    def __init__(self, handler):
        self.handler = handler
        self.jobs: list[RunJob | CallJob] = []

    def __call__(self, job, limits):
        self.jobs.append(job)
        return self.handler(job, limits)


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
    """The reward's engines with a host-subprocess backend; yields the job counter."""
    counter = Counting(run_locally)
    engines = Engines(backend=MockBackend(counter))
    monkeypatch.setattr(batch, "ENGINES", engines)
    yield counter
    engines.close()
