"""Property tests: workers killed at random points of the protocol, over thousands of tasks.

Whatever dies when, every item gets exactly one outcome, a value reaches only
the item that produced it, and the run ends. First on the scheduler alone (a
simulated pool, fast enough for many thousands of tasks), then on real worker
processes SIGKILLed from inside and outside.
"""

from __future__ import annotations

import collections
import concurrent.futures
import contextlib
import functools
import os
import random
import signal
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pool_jobs import Faulty

from grpo_rewards import Outcome, Task, WorkerPool
from grpo_rewards.pool.messages import Alive, ItemFailed, Ready, Result, SetupFailed
from grpo_rewards.pool.scheduler import Assignment, Rota, Scheduler


class Echo:
    def setup(self) -> None:
        return None

    def run(self, state: None, item: object) -> object:
        return item


# ----------------------------------------------------------------------------- the scheduler, driven by a simulated pool


@dataclass
class SimWorker:
    assignment: Assignment | None = None
    run: int | None = None  # the run its assignment belongs to
    alive_sent: bool = False


class SimulatedPool:
    """Plays every worker's side of the protocol for several runs at once, shared through the pool's :class:`Rota`.

    ``step(action)`` makes one thing happen: an idle worker takes the next run's
    work in turn (or the pipe breaks), a busy worker sends its next message,
    dies or passes its deadline, an idle worker dies, or a run is cancelled
    (its caller gave up: its workers are killed, its items need no outcome).
    """

    ACTIONS = ("dispatch", "dispatch_fails", "message", "message", "message", "die", "expire", "idle_dies", "cancel")

    def __init__(self, runs: list[list[int]], workers: int, rng: random.Random) -> None:
        self.calls: collections.Counter[tuple[int, int, int]] = collections.Counter()
        self.tasks = [
            [Task(Echo(), [(r, t, i) for i in range(n)], 1.0) for t, n in enumerate(sizes)] for r, sizes in enumerate(runs)
        ]
        self.schedulers = [Scheduler(tasks, functools.partial(self._seen, r)) for r, tasks in enumerate(self.tasks)]
        self.rota: Rota[int] = Rota()
        for run in range(len(runs)):
            self.rota.add(run)
        self.cancelled: set[int] = set()
        self.workers = [SimWorker() for _ in range(workers)]
        self.rng = rng
        self.now = 0.0

    def _seen(self, run: int, task: int, item: int, outcome: Outcome) -> None:
        assert run not in self.cancelled, f"run {run} got an outcome after it was cancelled"
        self.calls[(run, task, item)] += 1
        if outcome.ok:
            assert outcome.value == (run, task, item), f"item {(run, task, item)} got the value of {outcome.value}"

    def step(self, action: str) -> None:
        self.now += 0.01
        idle = [w for w in self.workers if w.assignment is None]
        busy = [w for w in self.workers if w.assignment is not None]
        if action in ("dispatch", "dispatch_fails") and idle:
            self._dispatch(self.rng.choice(idle), fails=action == "dispatch_fails")
        elif action == "message" and busy:
            self._message(self.rng.choice(busy))
        elif action in ("die", "expire") and busy:
            worker = self.rng.choice(busy)
            assert worker.assignment is not None and worker.run is not None
            if action == "die":
                self.schedulers[worker.run].lost(worker.assignment, "killed by signal 9")
            else:
                self.schedulers[worker.run].expire(worker.assignment)
            self._replace(worker)
        elif action == "idle_dies" and idle:
            self._replace(self.rng.choice(idle))
        elif action == "cancel" and len(self.rota) > 1 and self.rng.random() < 0.2:
            self._cancel(self.rng.choice(self.rota.members))
        self._end_finished()

    def _dispatch(self, worker: SimWorker, *, fails: bool) -> None:
        taken = self.rota.take(lambda run: self.schedulers[run].assign(self.now, fresh=not worker.alive_sent))
        if taken is None:
            return
        run, assignment = taken
        if fails:
            self.schedulers[run].put_back(assignment)  # the pipe was broken; the worker is replaced
            self._replace(worker)
        else:
            worker.assignment, worker.run = assignment, run

    def _cancel(self, run: int) -> None:
        self.rota.remove(run)
        self.cancelled.add(run)
        for worker in self.workers:
            if worker.run == run:
                self._replace(worker)

    def _end_finished(self) -> None:
        for run in [r for r in self.rota.members if self.schedulers[r].finished]:
            self.rota.remove(run)

    def _replace(self, worker: SimWorker) -> None:
        self.workers[self.workers.index(worker)] = SimWorker()

    def _message(self, worker: SimWorker) -> None:
        """The worker's next message, as the real worker would send it."""
        a, run = worker.assignment, worker.run
        assert a is not None and run is not None
        scheduler = self.schedulers[run]
        if not worker.alive_sent:
            worker.alive_sent = True
            scheduler.handle(a, Alive(), self.now)
        elif not a.ready:
            if self.rng.random() < 0.05:
                scheduler.handle(a, SetupFailed(a.task_id, "crash", "KeyError", None, 0.0), self.now)
                worker.assignment = worker.run = None  # then Done
            else:
                scheduler.handle(a, Ready(a.task_id), self.now)
        elif a.position < len(a.offsets):
            index = a.position
            value = self.tasks[run][a.task_id].items[a.offsets[index]]
            if self.rng.random() < 0.1:
                message: Result | ItemFailed = ItemFailed(a.task_id, index, "crash", "ValueError", None, 0.0)
            else:
                message = Result(a.task_id, index, value, 0.0)
            scheduler.handle(a, message, self.now)
        else:
            worker.assignment = worker.run = None  # Done

    def drain(self) -> None:
        """No more faults: let every worker finish, as a healthy pool would."""
        pending = sum(s.pending for s in self.schedulers)
        for _ in range(100 * (pending + len(self.workers)) + 100):
            if not self.rota.members:
                return
            self.step(self.rng.choice(("dispatch", "message", "message")))


@settings(max_examples=300, deadline=None, derandomize=True, database=None)
@given(
    runs=st.lists(st.lists(st.integers(0, 12), min_size=1, max_size=20), min_size=1, max_size=4),
    workers=st.integers(1, 4),
    seed=st.integers(0, 2**32 - 1),
    faults=st.lists(st.sampled_from(SimulatedPool.ACTIONS), max_size=400),
)
def test_runs_sharing_workers_give_every_item_exactly_one_outcome_whatever_dies_when(runs, workers, seed, faults):
    pool = SimulatedPool(runs, workers, random.Random(seed))
    for action in faults:
        pool.step(action)
    pool.drain()
    assert not pool.rota.members, "a run never ended"
    kept = [r for r in range(len(runs)) if r not in pool.cancelled]
    expected = {(r, t, i) for r in kept for t, n in enumerate(runs[r]) for i in range(n)}
    assert {key for key in pool.calls if key[0] in kept} == expected
    assert all(count == 1 for count in pool.calls.values())
    for r in kept:
        assert [len(row) for row in pool.schedulers[r].outcomes()] == runs[r]


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


def _tasks(draw_tasks: list[tuple[str, list[tuple[str, float]]]], first_key: int = 0) -> list[Task]:
    tasks, key = [], first_key
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


def _real_workers(max_examples: int) -> Any:
    """Hypothesis settings for the tests on real processes: few examples, derandomized, no deadline."""
    return settings(
        max_examples=max_examples,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )


#: One drawn task: its setup's action and its items' (action, delay).
_DRAWN_TASK = st.tuples(
    st.sampled_from(_SETUP_ACTIONS),
    st.lists(st.tuples(st.sampled_from(_ITEM_ACTIONS), st.floats(0.0, 0.004)), max_size=6),
)


def _assert_allowed(tasks: list[Task], outcomes: list[list[Outcome]], *where: Any) -> None:
    assert [len(row) for row in outcomes] == [len(t.items) for t in tasks]
    for task, row in zip(tasks, outcomes, strict=True):
        for item, outcome in zip(task.items, row, strict=True):
            assert _allowed(task, item, outcome), (*where, item, outcome)  # a value only ever from its own item


@pytest.mark.slow
@_real_workers(40)
@given(
    drawn=st.lists(_DRAWN_TASK, min_size=30, max_size=80),
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
    expected = {(t, i) for t, task in enumerate(tasks) for i in range(len(task.items))}
    assert set(calls) == expected and all(count == 1 for count in calls.values())
    _assert_allowed(tasks, outcomes)


@pytest.mark.slow
@_real_workers(15)
@given(
    drawn=st.lists(st.lists(_DRAWN_TASK, min_size=5, max_size=30), min_size=2, max_size=4),
    kill_at=st.sets(st.integers(0, 200), max_size=20),
    max_items=st.integers(1, 40),
)
def test_concurrent_runs_with_workers_killed_anywhere_each_give_one_outcome_per_item(drawn, kill_at, max_items):
    """Several threads run on one pool at once; kills from outside hit whichever worker, of whichever run."""
    runs = [_tasks(draw, first_key=1_000_000 * r) for r, draw in enumerate(drawn)]
    calls: collections.Counter[tuple[int, int, int]] = collections.Counter()
    lock = threading.Lock()
    with WorkerPool(2, max_items_per_worker=max_items, memory_limit_mb=0) as pool:

        def on_result(run: int, task: int, item: int, outcome: Outcome) -> None:
            with lock:
                calls[(run, task, item)] += 1
                count = sum(calls.values())
            if count in kill_at:
                workers = list(pool.workers)
                victim = workers[count % len(workers)].process.pid
                if victim is not None:
                    with contextlib.suppress(ProcessLookupError):
                        os.kill(victim, signal.SIGKILL)

        with must_end_within(300), concurrent.futures.ThreadPoolExecutor(len(runs)) as threads:
            futures = [threads.submit(pool.run, tasks, on_result=functools.partial(on_result, r)) for r, tasks in enumerate(runs)]
            results = [f.result() for f in futures]
    for r, (tasks, outcomes) in enumerate(zip(runs, results, strict=True)):
        _assert_allowed(tasks, outcomes, r)
    expected = {(r, t, i) for r, tasks in enumerate(runs) for t, task in enumerate(tasks) for i in range(len(task.items))}
    assert set(calls) == expected and all(count == 1 for count in calls.values())
