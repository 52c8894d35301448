"""Several runs on one pool at once: they share the workers, and each keeps every guarantee of a run alone."""

from __future__ import annotations

import asyncio
import concurrent.futures
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from grpo_test_rewards import Meet, MeetOptions
from pool_jobs import Ask, Nap, Rendezvous, SpinAndReport, wait_for

from grpo_rewards import RewardFunction, Task, WorkerPool
from grpo_rewards.executors import LocalExecutor
from grpo_rewards.pool import PoolClosed


@pytest.fixture
def pool():
    with WorkerPool(2, memory_limit_mb=0) as p:
        yield p


def in_thread(call, *args, **kwargs) -> concurrent.futures.Future:
    executor = concurrent.futures.ThreadPoolExecutor(1)
    future = executor.submit(call, *args, **kwargs)
    executor.shutdown(wait=False)
    return future


def gone(pid: int, patience: float = 10.0) -> bool:
    """True once ``pid`` no longer exists (killed processes may take a moment to be reaped)."""
    give_up = time.monotonic() + patience
    while time.monotonic() < give_up:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return True
        time.sleep(0.05)
    return False


def test_two_runs_in_two_threads_run_at_the_same_time(pool, tmp_path):
    """Each run's item waits for the other's: with runs taking turns the first would wait alone."""
    left = in_thread(pool.run, [Task(Rendezvous(str(tmp_path)), [("left", "right")], 300.0)])
    (right,) = pool.run([Task(Rendezvous(str(tmp_path)), [("right", "left")], 300.0)])
    (left_row,) = left.result(timeout=300)
    assert [o.value for o in left_row] == ["met"] and [o.value for o in right] == ["met"]


def test_a_short_run_is_not_held_up_by_a_long_one(pool):
    long_tasks = [Task(Nap(), [0.05], 30.0) for _ in range(40)]
    started, long_seen = threading.Event(), []

    def on_long_result(task: int, item: int, outcome) -> None:
        long_seen.append(task)
        started.set()

    long_run = in_thread(pool.run, long_tasks, on_result=on_long_result)
    assert started.wait(120)
    short = pool.run([Task(Nap(), [0.0], 30.0), Task(Nap(), [0.0], 30.0)])
    seen_when_short_ended = len(long_seen)
    assert [[o.value for o in row] for row in short] == [[0.0], [0.0]]
    assert [len(row) for row in long_run.result(timeout=300)] == [1] * 40
    assert seen_when_short_ended < 40, "the short run waited for the whole long run"


def test_each_run_answers_its_own_requests_in_its_own_thread(pool):
    callers: dict[str, set[int]] = {"a": set(), "b": set()}

    def run(name: str) -> tuple[int, list[list]]:
        def answer(question):
            callers[name].add(threading.get_ident())
            return f"{name} answers {question}"

        def on_result(task, item, outcome):
            callers[name].add(threading.get_ident())

        tasks = [Task(Ask(), [f"q{i}-{j}" for j in range(3)], 30.0) for i in range(6)]
        return threading.get_ident(), pool.run(tasks, on_result=on_result, on_request=answer)

    other = in_thread(run, "b")
    me, mine = run("a")
    them, theirs = other.result(timeout=300)
    assert [[o.value for o in row] for row in mine] == [[f"a answers q{i}-{j}" for j in range(3)] for i in range(6)]
    assert [[o.value for o in row] for row in theirs] == [[f"b answers q{i}-{j}" for j in range(3)] for i in range(6)]
    assert callers == {"a": {me}, "b": {them}}


def test_an_interrupted_run_kills_its_workers_and_the_other_run_completes(pool, tmp_path):
    """Ctrl-C while this thread waits: its worker (and the worker's child) are killed; the other thread's run goes on."""
    other = in_thread(pool.run, [Task(Nap(), [0.01] * 5, 30.0) for _ in range(10)])

    def interrupt_once_running() -> None:
        if wait_for(tmp_path / "0", patience=120):
            os.kill(os.getpid(), signal.SIGINT)

    threading.Thread(target=interrupt_once_running, daemon=True).start()
    with pytest.raises(KeyboardInterrupt):
        pool.run([Task(SpinAndReport(str(tmp_path)), [0], 600.0)])
    worker, child = map(int, (tmp_path / "0").read_text().split())
    assert gone(worker) and gone(child)
    assert [[o.value for o in row] for row in other.result(timeout=300)] == [[0.01] * 5] * 10
    (after,) = pool.run([Task(Nap(), [0.0], 30.0)])
    assert after[0].value == 0.0


_INTERRUPTED_ELSEWHERE = """
import signal, sys, threading
from pathlib import Path
sys.path.insert(0, sys.argv[2])
from pool_jobs import SpinAndReport, wait_for
from grpo_rewards import Task, WorkerPool

def interrupt_from_this_thread():
    if wait_for(Path(sys.argv[1]) / "0", patience=120):
        signal.pthread_kill(threading.get_ident(), signal.SIGINT)  # delivered here, not to the main thread

with WorkerPool(1, memory_limit_mb=0) as pool:
    threading.Thread(target=interrupt_from_this_thread, daemon=True).start()
    try:
        pool.run([Task(SpinAndReport(sys.argv[1]), [0], 3600.0)])
    except KeyboardInterrupt:
        print("interrupted")
"""


def test_ctrl_c_taken_by_another_thread_still_interrupts_the_waiting_run(tmp_path):
    """The kernel may hand a process's SIGINT to any of its threads; the run waiting in the main thread must still end.

    The spinning item would run for an hour: without the interrupt this run does not end before the
    subprocess's generous limit.
    """
    support = str(Path(__file__).resolve().parents[1] / "support")
    done = subprocess.run(
        [sys.executable, "-c", _INTERRUPTED_ELSEWHERE, str(tmp_path), support], capture_output=True, text=True, timeout=300
    )
    assert done.stdout.strip() == "interrupted", done.stderr
    worker, child = map(int, (tmp_path / "0").read_text().split())
    assert gone(worker) and gone(child)


def test_a_failing_callback_fails_only_its_own_run(pool):
    def explode(task, item, outcome):
        raise ValueError("progress bar broke")

    other = in_thread(pool.run, [Task(Nap(), [0.01] * 3, 30.0) for _ in range(10)])
    with pytest.raises(ValueError, match="progress bar broke"):
        pool.run([Task(Nap(), [0.0], 30.0)], on_result=explode)
    assert [len(row) for row in other.result(timeout=300)] == [3] * 10


def test_closing_the_pool_fails_the_runs_in_flight(tmp_path):
    pool = WorkerPool(1, memory_limit_mb=0)
    stuck = in_thread(pool.run, [Task(SpinAndReport(str(tmp_path)), [0], 600.0)])
    assert wait_for(tmp_path / "0", patience=120)
    pool.close()
    with pytest.raises(PoolClosed, match="closed while this run was in flight"):
        stuck.result(timeout=60)
    worker, _ = map(int, (tmp_path / "0").read_text().split())
    assert gone(worker)
    with pytest.raises(PoolClosed):
        pool.run([Task(Nap(), [0.0], 5.0)])


def test_async_reward_functions_on_the_pool_score_at_the_same_time(pool, tmp_path):
    """The TRL path: two pool rewards awaited together (as GRPOTrainer gathers a step's async rewards)."""
    executor = LocalExecutor(pool)
    left = RewardFunction(Meet(MeetOptions("left", "right")), executor=executor).as_async()
    right = RewardFunction(Meet(MeetOptions("right", "left")), executor=executor).as_async()
    batch = {"prompts": ["p"], "completions": ["0"], "folder": [str(tmp_path)]}  # one worker each, of the two

    async def step():
        return await asyncio.gather(left(**batch), right(**batch))

    assert asyncio.run(step()) == [[1.0], [1.0]]
    assert sorted(p.name for p in Path(tmp_path).iterdir()) == ["left-0", "right-0"]
