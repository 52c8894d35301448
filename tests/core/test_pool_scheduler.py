"""The pool's bookkeeping as a state machine: no processes, no pipes, time given by the test."""

from __future__ import annotations

from grpo_rewards import Task
from grpo_rewards.pool.messages import Alive, ItemFailed, Ready, Result, SetupFailed
from grpo_rewards.pool.scheduler import Rota, Scheduler


class Job:
    def setup(self) -> None:
        return None

    def run(self, state: None, item: object) -> object:
        return item


def scheduler(*sizes: int, timeout: float = 2.0) -> tuple[Scheduler, list[tuple[int, int]]]:
    seen: list[tuple[int, int]] = []
    tasks = [Task(Job(), list(range(n)), timeout) for n in sizes]
    return Scheduler(tasks, lambda t, i, o: seen.append((t, i)), spawn_grace=30.0), seen


def test_a_task_runs_to_completion_and_reports_in_order():
    s, seen = scheduler(3)
    a = s.assign(100.0, fresh=False)
    assert a is not None and (a.task_id, a.offsets, a.deadline) == (0, [0, 1, 2], 102.0)
    assert s.assign(100.0, fresh=False) is None  # nothing else queued
    s.handle(a, Ready(0), 100.5)
    for index in range(3):
        s.handle(a, Result(0, index, f"v{index}", 0.1), 101.0 + index)
    assert a.deadline == 105.0  # every message restarts the clock
    assert s.finished and seen == [(0, 0), (0, 1), (0, 2)]
    assert [o.value for o in s.outcomes()[0]] == ["v0", "v1", "v2"]


def test_a_fresh_worker_gets_the_spawn_grace_until_it_is_alive():
    s, _ = scheduler(1)
    a = s.assign(0.0, fresh=True)
    assert a is not None and a.deadline == 32.0
    s.handle(a, Alive(), 10.0)
    assert a.deadline == 12.0


def test_an_expired_item_times_out_and_the_rest_go_back_first_in_line():
    s, _ = scheduler(4, 1)
    a = s.assign(0.0, fresh=False)
    assert a is not None
    s.handle(a, Ready(0), 0.1)
    s.handle(a, Result(0, 0, "ok", 0.1), 0.2)
    s.expire(a)
    outcome = s.results[0][1]
    assert outcome is not None and (outcome.failure, outcome.message) == ("timeout", "took longer than 2 s")
    again = s.assign(5.0, fresh=False)
    assert again is not None and (again.task_id, again.offsets) == (0, [2, 3])
    assert s.pending == 3  # items 2, 3 of task 0 and the whole of task 1


def test_setup_that_expires_or_fails_fails_every_item():
    s, _ = scheduler(2, 2)
    first, second = s.assign(0.0, fresh=False), s.assign(0.0, fresh=False)
    assert first is not None and second is not None
    s.expire(first)
    s.handle(second, SetupFailed(1, "crash", "KeyError: 'x'", "tb", 0.1), 0.2)
    assert [o.failure for row in s.outcomes() for o in row] == ["timeout"] * 2 + ["crash"] * 2
    assert s.outcomes()[0][0].message == "setup took longer than 2 s"
    assert s.outcomes()[1][0].message == "setup failed: KeyError: 'x'"
    assert s.finished


def test_a_worker_that_dies_mid_item_crashes_that_item_only():
    s, _ = scheduler(3)
    a = s.assign(0.0, fresh=False)
    assert a is not None
    s.handle(a, Ready(0), 0.0)
    s.handle(a, ItemFailed(0, 0, "memory", "MemoryError", None, 0.1), 0.1)
    s.lost(a, "killed by signal 9")
    assert [o.failure for o in s.outcomes()[0]] == ["memory", "crash"]
    assert s.outcomes()[0][1].message == "worker process killed by signal 9"
    rest = s.assign(1.0, fresh=False)
    assert rest is not None and rest.offsets == [2]


def test_a_worker_lost_after_its_last_result_loses_nothing():
    """Dying (or stalling) between the last result and Done must not touch an item past the end."""
    for end in ("lost", "expire"):
        s, seen = scheduler(2)
        a = s.assign(0.0, fresh=False)
        assert a is not None
        s.handle(a, Ready(0), 0.0)
        s.handle(a, Result(0, 0, "a", 0.1), 0.1)
        s.handle(a, Result(0, 1, "b", 0.1), 0.2)
        if end == "lost":
            s.lost(a, "exited with status 0")
        else:
            s.expire(a)
        assert [o.value for o in s.outcomes()[0]] == ["a", "b"] and len(seen) == 2
        assert s.finished and s.assign(1.0, fresh=False) is None


def test_items_that_could_not_be_sent_go_back_or_fail():
    s, _ = scheduler(2, 1)
    a = s.assign(0.0, fresh=False)
    assert a is not None
    s.put_back(a)
    again = s.assign(0.0, fresh=False)
    assert again is not None and (again.task_id, again.offsets) == (0, [0, 1])
    job, items = s.job_and_items(again)
    assert isinstance(job, Job) and items == [0, 1]


def test_a_worker_lost_before_setup_returned_gets_its_task_back_once():
    """It may have died while idle (the task never ran), or its setup killed it: one more try, then crash."""
    s, seen = scheduler(2)
    a = s.assign(0.0, fresh=False)
    assert a is not None
    s.lost(a, "killed by signal 9")
    assert seen == [] and s.pending == 2
    again = s.assign(1.0, fresh=False)
    assert again is not None and again.offsets == [0, 1]
    s.lost(again, "exited with status 5")
    assert [o.failure for o in s.outcomes()[0]] == ["crash", "crash"] and s.finished
    assert s.outcomes()[0][0].message == "worker process exited with status 5"


def test_the_rota_serves_runs_in_turn_and_skips_those_with_nothing_queued():
    first, second, third = scheduler(1, 1, 1)[0], scheduler(1)[0], scheduler(2, 1)[0]
    rota: Rota[Scheduler] = Rota()
    for s in (first, second, third):
        rota.add(s)

    def take() -> Scheduler | None:
        taken = rota.take(lambda s: s.assign(0.0, fresh=False))
        return None if taken is None else taken[0]

    assert [take() for _ in range(4)] == [first, second, third, first]  # second has nothing left after one
    assert [take() for _ in range(3)] == [third, first, None]


def test_a_run_leaving_the_rota_passes_its_turn_on():
    runs = [scheduler(1, 1, 1)[0] for _ in range(3)]
    rota: Rota[Scheduler] = Rota()
    for s in runs:
        rota.add(s)
    assert rota.take(lambda s: s.assign(0.0, fresh=False)) is not None  # runs[0] served; runs[1] is next
    rota.remove(runs[0])
    taken = rota.take(lambda s: s.assign(0.0, fresh=False))
    assert taken is not None and taken[0] is runs[1]
    rota.remove(runs[2])  # it was next: the turn wraps to runs[1]
    taken = rota.take(lambda s: s.assign(0.0, fresh=False) if s is runs[1] else None)
    assert taken is not None and taken[0] is runs[1] and len(rota) == 1
