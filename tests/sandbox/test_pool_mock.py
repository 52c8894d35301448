"""Pool logic (dispatch, retries, recycling, async) over the mock backend; the Docker tests cover the real one."""

from __future__ import annotations

import asyncio
import threading

import pytest
from grpo_rewards_sandbox import (
    CallJob,
    Limits,
    MockBackend,
    Result,
    RunJob,
    SandboxError,
    SandboxPool,
    SandboxUnavailable,
    Status,
    WorkerLost,
)


def echo(job, limits):
    if isinstance(job, CallJob):
        return Result(Status.OK, exit_code=0, returned=True, value=(job.function, tuple(job.args)))
    stdin = job.stdin.encode() if isinstance(job.stdin, str) else job.stdin
    return Result(Status.OK, exit_code=0, stdout=stdin, extra={"thread": threading.current_thread().name})


def test_run_call_and_map_keep_order():
    with SandboxPool(2, backend=MockBackend(echo)) as pool:
        assert pool.run("p", stdin="abc").stdout == b"abc"
        assert pool.call("p", "f", [1, 2]).value == ("f", (1, 2))
        results = pool.map([RunJob("p", str(i)) for i in range(50)])
    assert [r.stdout for r in results] == [str(i).encode() for i in range(50)]


def test_batch_spreads_over_every_worker():
    gate = threading.Barrier(3, timeout=10)

    def wait_for_all(job, limits):
        gate.wait()  # only passes once three jobs run at the same time
        return echo(job, limits)

    with SandboxPool(3, backend=MockBackend(wait_for_all), spares=0) as pool:
        results = pool.map([RunJob("p", "x")] * 3)
    assert len({r.extra["thread"] for r in results}) == 3


def test_async_api():
    async def main(pool):
        one = await pool.arun("p", stdin="a")
        two = await pool.acall("p", "g", (3,))
        many = await pool.amap([RunJob("p", "b"), RunJob("p", "c")])
        return one, two, many

    with SandboxPool(2, backend=MockBackend(echo)) as pool:
        one, two, many = asyncio.run(main(pool))
    assert one.stdout == b"a" and two.value == ("g", (3,)) and [m.stdout for m in many] == [b"b", b"c"]


def test_infra_error_is_retried_once_on_a_fresh_worker():
    calls = []

    def flaky(job, limits):
        calls.append(job.stdin)
        if len(calls) == 1:
            raise WorkerLost("container vanished")
        return echo(job, limits)

    backend = MockBackend(flaky)
    with SandboxPool(1, backend=backend, spares=0) as pool:
        result = pool.run("p", stdin="x")
    assert result.status is Status.OK and result.attempts == 2
    assert backend.started == 2


def test_infra_error_twice_is_reported_not_raised():
    def broken(job, limits):
        raise WorkerLost("supervisor died")

    with SandboxPool(1, backend=MockBackend(broken), spares=0) as pool:
        result = pool.run("p")
        assert pool.stats().infra_retries == 1
    assert result.status is Status.INFRA_ERROR and result.attempts == 2
    assert "supervisor died" in result.reason


def test_workers_are_recycled_after_n_jobs():
    backend = MockBackend(echo)
    with SandboxPool(1, backend=backend, recycle_after=3, spares=0) as pool:
        pool.map([RunJob("p")] * 7)
        stats = pool.stats()
    assert stats.jobs == 7 and stats.workers_retired == 2


def test_unavailable_backend_fails_the_job_with_the_message():
    class Down(MockBackend):
        def start_worker(self):
            raise SandboxUnavailable("no Docker engine answers; run ensure-docker.sh")

    with pytest.raises(SandboxUnavailable, match="ensure-docker"):
        SandboxPool(1, backend=Down(echo)).start()


def test_job_limits_above_the_pool_are_refused():
    with SandboxPool(1, backend=MockBackend(echo), limits=Limits(memory_mb=128)) as pool:
        with pytest.raises(ValueError, match="memory_mb"):
            pool.run("p", limits=Limits(memory_mb=512))


def test_submit_outside_the_context_manager_says_how_to_use_it():
    with pytest.raises(SandboxError, match="with SandboxPool"):
        SandboxPool(1, backend=MockBackend(echo)).submit(RunJob("p"))


def test_all_lists_exactly_the_public_names():
    import inspect

    import grpo_rewards_sandbox

    public = {name for name, value in vars(grpo_rewards_sandbox).items() if not name.startswith("_")}
    assert set(grpo_rewards_sandbox.__all__) == {
        name for name in public if not inspect.ismodule(vars(grpo_rewards_sandbox)[name])
    }
