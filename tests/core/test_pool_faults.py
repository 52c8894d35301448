"""Property tests: workers killed at random points of the protocol, over thousands of tasks.

Whatever dies when, every item gets exactly one outcome, a value reaches only
the item that produced it, and the run ends. First on the scheduler alone (a
simulated pool, fast enough for many thousands of tasks), then on real worker
processes SIGKILLed from inside and outside.
"""

from __future__ import annotations

import collections
import contextlib
import os
import random
import signal
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pool_jobs import Faulty

from grpo_rewards import Outcome, Task, WorkerPool
from grpo_rewards.pool.messages import Alive, ItemFailed, Ready, Result, SetupFailed
from grpo_rewards.pool.scheduler import Assignment, Scheduler


class Echo:
    def setup(self) -> None:
        return None

    def run(self, state: None, item: object) -> object:
        return item


# ----------------------------------------------------------------------------- the scheduler, driven by a simulated pool


@dataclass
class SimWorker:
    assignment: Assignment | None = None
    alive_sent: bool = False


class SimulatedPool:
    """Plays every worker's side of the protocol; ``step(choice)`` makes one thing happen, chosen by ``choice``."""

    ACTIONS = ("dispatch", "dispatch_fails", "message", "message", "message", "die", "expire", "idle_dies")

    def __init__(self, sizes: list[int], workers: int, rng: random.Random) -> None:
        self.calls: collections.Counter[tuple[int, int]] = collections.Counter()
        self.tasks = [Task(Echo(), [(t, i) for i in range(n)], 1.0) for t, n in enumerate(sizes)]
        self.scheduler = Scheduler(self.tasks, self._seen)
        self.workers = [SimWorker() for _ in range(workers)]
        self.rng = rng
        self.now = 0.0

    def _seen(self, task: int, item: int, outcome: Outcome) -> None:
        self.calls[(task, item)] += 1
        if outcome.ok:
            assert outcome.value == (task, item), f"item {(task, item)} got the value of {outcome.value}"

    def step(self, action: str) -> None:
        self.now += 0.01
        idle = [w for w in self.workers if w.assignment is None]
        busy = [w for w in self.workers if w.assignment is not None]
        if action in ("dispatch", "dispatch_fails") and idle:
            worker = self.rng.choice(idle)
            assignment = self.scheduler.assign(self.now, fresh=not worker.alive_sent)
            if assignment is not None and action == "dispatch_fails":
                self.scheduler.put_back(assignment)  # the pipe was broken; the worker is replaced
                self._replace(worker)
            else:
                worker.assignment = assignment
        elif action == "message" and busy:
            self._message(self.rng.choice(busy))
        elif action == "die" and busy:
            worker = self.rng.choice(busy)
            assert worker.assignment is not None
            self.scheduler.lost(worker.assignment, "killed by signal 9")
            self._replace(worker)
        elif action == "expire" and busy:
            worker = self.rng.choice(busy)
            assert worker.assignment is not None
            self.scheduler.expire(worker.assignment)
            self._replace(worker)
        elif action == "idle_dies" and idle:
            self._replace(self.rng.choice(idle))

    def _replace(self, worker: SimWorker) -> None:
        self.workers[self.workers.index(worker)] = SimWorker()

    def _message(self, worker: SimWorker) -> None:
        """The worker's next message, as the real worker would send it."""
        a = worker.assignment
        assert a is not None
        if not worker.alive_sent:
            worker.alive_sent = True
            self.scheduler.handle(a, Alive(), self.now)
        elif not a.ready:
            if self.rng.random() < 0.05:
                self.scheduler.handle(a, SetupFailed(a.task_id, "crash", "KeyError", None, 0.0), self.now)
                worker.assignment = None  # then Done
            else:
                self.scheduler.handle(a, Ready(a.task_id), self.now)
        elif a.position < len(a.offsets):
            index = a.position
            value = self.tasks[a.task_id].items[a.offsets[index]]
            if self.rng.random() < 0.1:
                message: Result | ItemFailed = ItemFailed(a.task_id, index, "crash", "ValueError", None, 0.0)
            else:
                message = Result(a.task_id, index, value, 0.0)
            self.scheduler.handle(a, message, self.now)
        else:
            worker.assignment = None  # Done

    def drain(self) -> None:
        """No more faults: let every worker finish, as a healthy pool would."""
        for _ in range(100 * (self.scheduler.pending + len(self.workers)) + 100):
            if self.scheduler.finished:
                return
            self.step(self.rng.choice(("dispatch", "message", "message")))


@settings(max_examples=300, deadline=None, derandomize=True, database=None)
@given(
    sizes=st.lists(st.integers(0, 12), min_size=1, max_size=40),
    workers=st.integers(1, 4),
    seed=st.integers(0, 2**32 - 1),
    faults=st.lists(st.sampled_from(SimulatedPool.ACTIONS), max_size=400),
)
def test_scheduler_gives_every_item_exactly_one_outcome_whatever_dies_when(sizes, workers, seed, faults):
    pool = SimulatedPool(sizes, workers, random.Random(seed))
    for action in faults:
        pool.step(action)
    pool.drain()
    assert pool.scheduler.finished, "the run never ended"
    expected = {(t, i) for t, n in enumerate(sizes) for i in range(n)}
    assert set(pool.calls) == expected and all(count == 1 for count in pool.calls.values())
    assert [len(row) for row in pool.scheduler.outcomes()] == sizes


# ----------------------------------------------------------------------------- real workers, really killed

_ITEM_ACTIONS = ["ok"] * 14 + ["crash", "exit", "die_soon", "die_soon", "die_soon", "hang"]
_SETUP_ACTIONS = ["ok"] * 12 + ["crash", "exit"]


@contextlib.contextmanager
def must_end_within(seconds: int) -> Iterator[None]:
    """Fail (instead of hanging the suite) when the block runs longer than ``seconds``."""

    def expired(signum: int, frame: object) -> None:
        raise AssertionError(f"the pool run did not end within {seconds} s")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def _tasks(draw_tasks: list[tuple[str, list[tuple[str, float]]]]) -> list[Task]:
    tasks, key = [], 0
    for setup, items in draw_tasks:
        keyed = []
        for action, delay in items:
            keyed.append((key, action, delay))
            key += 1
        timeout = 0.5 if any(a == "hang" for _, a, _ in keyed) else 10.0
        tasks.append(Task(Faulty(setup), keyed, timeout))
    return tasks


def _allowed(task: Task, item: tuple[int, str, float], outcome: Outcome) -> bool:
    key, action, _ = item
    if outcome.ok:
        return outcome.value == key and action in ("ok", "die_soon") and task.job.setup_action == "ok"  # type: ignore[attr-defined]
    return outcome.failure in ("crash", "timeout")


@pytest.mark.slow
@settings(
    max_examples=40,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(
    drawn=st.lists(
        st.tuples(
            st.sampled_from(_SETUP_ACTIONS),
            st.lists(st.tuples(st.sampled_from(_ITEM_ACTIONS), st.floats(0.0, 0.004)), max_size=6),
        ),
        min_size=30,
        max_size=80,
    ),
    kill_at=st.sets(st.integers(0, 300), max_size=25),
    max_items=st.integers(1, 40),
)
def test_real_workers_killed_anywhere_still_give_one_outcome_per_item(drawn, kill_at, max_items):
    tasks = _tasks(drawn)
    calls: collections.Counter[tuple[int, int]] = collections.Counter()
    with WorkerPool(2, max_items_per_worker=max_items, memory_limit_mb=0) as pool:

        def on_result(task: int, item: int, outcome: Outcome) -> None:
            calls[(task, item)] += 1
            if sum(calls.values()) in kill_at:  # a kill from outside: the worker that just reported, or another
                running = [w for w in pool.workers if w.assignment is not None and w.assignment.task_id == task]
                victim = (running or pool.workers)[len(calls) % len(running or pool.workers)].process.pid
                if victim is not None:
                    with contextlib.suppress(ProcessLookupError):  # it died by itself already
                        os.kill(victim, signal.SIGKILL)

        with must_end_within(300):
            outcomes = pool.run(tasks, on_result=on_result)
    assert [len(row) for row in outcomes] == [len(t.items) for t in tasks]
    expected = {(t, i) for t, task in enumerate(tasks) for i in range(len(task.items))}
    assert set(calls) == expected and all(count == 1 for count in calls.values())
    for task, row in zip(tasks, outcomes, strict=True):
        for item, outcome in zip(task.items, row, strict=True):
            assert _allowed(task, item, outcome), (item, outcome)
