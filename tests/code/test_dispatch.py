"""The dispatcher's order: harness calls first, then fallbacks, then stdio; within a kind the least-served sample first.

The pool is a stand-in that only records what it was handed and lets the test
finish each job: the dispatcher's order is the unit under test, not the sandbox.
"""

from __future__ import annotations

from concurrent.futures import Future

from grpo_rewards_code.dispatch import CALL, FALLBACK, STDIO, Dispatcher


class HeldPool:
    """Hands back a future per job; the test decides when each one finishes."""

    def __init__(self) -> None:
        self.started: list[str] = []
        self.futures: dict[str, Future[str]] = {}

    def submit(self, job: str) -> Future[str]:
        if job == "broken":
            raise RuntimeError("the pool refused the job")
        self.started.append(job)
        self.futures[job] = Future()
        return self.futures[job]

    def finish(self, job: str) -> None:
        self.futures[job].set_result(job)


def test_calls_of_the_least_served_sample_go_first_then_fallbacks_then_stdio():
    pool = HeldPool()
    dispatcher = Dispatcher(pool, capacity=1)
    done: list[str] = []

    def record(future):
        done.append(future.result())

    dispatcher.submit("first", CALL, record)  # takes the one slot
    dispatcher.submit("stdio case", STDIO, record)
    dispatcher.submit("fallback", FALLBACK, record)
    dispatcher.submit("call of a sleeper (40 s spent)", CALL, record, share=40.0)
    dispatcher.submit("call of a quick sample (0.3 s spent)", CALL, record, share=0.3)
    dispatcher.submit("another quick call (0.3 s spent)", CALL, record, share=0.3)
    assert pool.started == ["first"]
    for _ in range(6):
        pool.finish(pool.started[-1])
    dispatcher.wait()
    assert pool.started == [
        "first",
        "call of a quick sample (0.3 s spent)",
        "another quick call (0.3 s spent)",  # equal shares: the older first
        "call of a sleeper (40 s spent)",
        "fallback",
        "stdio case",
    ]
    assert done == pool.started


def test_a_job_whose_sample_stopped_is_not_run_and_a_refused_job_reports_its_error():
    pool = HeldPool()
    dispatcher = Dispatcher(pool, capacity=2)
    seen: list[object] = []

    def record(future):
        seen.append(None if future is None else type(future.exception()).__name__)

    dispatcher.submit("skipped", CALL, record, should_run=lambda: False)
    dispatcher.submit("broken", CALL, record)
    dispatcher.wait()
    assert pool.started == []
    assert seen == [None, "RuntimeError"]
    assert dispatcher.submitted == 1  # the refused job was handed to the pool; the stopped one never was
