"""The worker pool: deadlines, kills, crashes, memory caps, recycling, requests."""

from __future__ import annotations

import concurrent.futures
import os
import signal
import time
from dataclasses import dataclass
from typing import Any

import pytest

from grpo_rewards import Task, WorkerPool
from grpo_rewards.pool import RequestError, request_parent


@dataclass(frozen=True)
class Commands:
    """Runs a command per item: a value, or a way to misbehave."""

    setup_command: str = ""

    def setup(self) -> Any:
        if self.setup_command == "hang":
            while True:
                pass
        if self.setup_command == "crash":
            raise KeyError("setup boom")
        return os.getpid()

    def run(self, pid: int, item: Any) -> Any:
        if item == "hang":
            while True:
                pass
        if item == "crash":
            raise ValueError("boom")
        if item == "exit":
            os._exit(3)
        if item == "memory":
            return len(bytearray(16 * 1024**3))
        if item == "pid":
            return os.getpid()
        if item == "orphan":
            child = os.fork()
            if child == 0:
                time.sleep(3600)
                os._exit(0)
            return child
        if item == "ask":
            return request_parent("question")
        if item == "unpicklable":
            return lambda: None
        return item


@pytest.fixture(scope="module")
def pool():
    with WorkerPool(2, memory_limit_mb=2048) as p:
        yield p


def values(outcomes):
    return [o.value if o.ok else o.failure for o in outcomes]


def test_items_come_back_in_order(pool):
    (out,) = pool.run([Task(Commands(), list(range(50)), 5.0)])
    assert values(out) == list(range(50))


def test_hung_item_times_out_and_the_rest_are_scored(pool):
    kills = pool.kills
    started = time.monotonic()
    (out,) = pool.run([Task(Commands(), [1, "hang", 2, 3], 1.0)])
    elapsed = time.monotonic() - started
    assert values(out) == [1, "timeout", 2, 3]
    assert "1 s" in out[1].message
    assert pool.kills == kills + 1
    assert elapsed < 1.0 + 1.0  # the deadline plus one second, as promised


def test_crash_exit_and_memory_become_outcomes(pool):
    (out,) = pool.run([Task(Commands(), ["crash", "a", "exit", "b", "memory", "c", "unpicklable"], 5.0)])
    assert values(out) == ["crash", "a", "crash", "b", "memory", "c", "crash"]
    assert "ValueError: boom" in out[0].message and "ValueError" in (out[0].traceback or "")
    assert "exited with status 3" in out[2].message
    assert "could not be sent back" in out[6].message


def test_setup_failures_fail_every_item_of_the_task(pool):
    out = pool.run([Task(Commands("crash"), [1, 2], 5.0), Task(Commands("hang"), [3, 4], 0.5), Task(Commands(), [5], 5.0)])
    assert values(out[0]) == ["crash", "crash"] and "setup failed" in out[0][0].message
    assert values(out[1]) == ["timeout", "timeout"]
    assert values(out[2]) == [5]


def test_killed_worker_takes_its_process_group_with_it(pool):
    (out,) = pool.run([Task(Commands(), ["orphan", "hang"], 1.0)])
    child = out[0].value
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        try:
            os.kill(child, 0)
        except ProcessLookupError:
            break
        time.sleep(0.05)
    else:
        pytest.fail(f"process {child} started by the job outlived its killed worker")


def test_a_worker_that_died_while_idle_is_replaced_and_the_next_run_completes():
    """Its pipe is found broken when the next task is sent: the task goes to its replacement (no other worker is busy)."""
    with WorkerPool(1, memory_limit_mb=0) as single:
        (first,) = single.run([Task(Commands(), ["pid"], 30.0)])
        os.kill(first[0].value, signal.SIGKILL)
        single.workers[0].process.join(30)
        waiting = concurrent.futures.ThreadPoolExecutor(1)
        (after,) = waiting.submit(single.run, [Task(Commands(), ["pid"], 30.0)]).result(timeout=120)
        waiting.shutdown()
    assert after[0].ok and after[0].value != first[0].value


def test_workers_retire_after_max_items():
    with WorkerPool(1, max_items_per_worker=3) as small:
        (out,) = small.run([Task(Commands(), ["pid"] * 3, 5.0)])
        (again,) = small.run([Task(Commands(), ["pid"], 5.0)])
    assert len(set(values(out))) == 1
    assert again[0].value != out[0].value


def test_jobs_can_ask_the_parent(pool):
    executor = concurrent.futures.ThreadPoolExecutor(2)

    def answer(question):
        return executor.submit(lambda: f"answer to {question}")

    (out,) = pool.run([Task(Commands(), ["ask", "ask"], 5.0)], on_request=answer)
    assert values(out) == ["answer to question"] * 2
    (out,) = pool.run([Task(Commands(), ["ask"], 5.0)], on_request=lambda q: 1 / 0)
    assert out[0].failure == "crash" and RequestError.__name__ in out[0].message


def test_progress_callback_sees_every_item(pool):
    seen = []
    pool.run([Task(Commands(), [1, 2, "crash"], 5.0), Task(Commands(), [3], 5.0)], on_result=lambda t, i, o: seen.append((t, i)))
    assert sorted(seen) == [(0, 0), (0, 1), (0, 2), (1, 0)]


def test_loading_plugins_declares_the_preloads_of_process_rewards():
    import grpo_rewards
    from grpo_rewards import Manifest, PluginManager, Reward, Verdict
    from grpo_rewards.pool import declared_preload

    class Heavy(Reward):
        name = "heavy"
        manifest = Manifest(preload=("json", "grpo_test_rewards"))

        def score(self, sample, prepared):
            return Verdict.correct()

    class Light(Heavy):
        name = "light"
        manifest = Manifest(preload=("this_is_never_preloaded",), isolation="inline")

    class Plugin:
        @grpo_rewards.hookimpl
        def register_rewards(self, register):
            register(Heavy)
            register(Light)

    PluginManager().register(Plugin(), name="preload-plugin")
    declared = declared_preload()
    assert {"json", "grpo_test_rewards"} <= set(declared) and "this_is_never_preloaded" not in declared


def test_inline_runner_runs_the_same_tasks_in_this_process():
    from grpo_rewards.runners import InlineRunner

    seen = []
    out = InlineRunner().run(
        [Task(Commands(), ["pid", "crash", 7], 5.0), Task(Commands("crash"), [1, 2], 5.0)],
        on_result=lambda t, i, o: seen.append((t, i)),
    )
    assert values(out[0]) == [os.getpid(), "crash", 7] and "ValueError: boom" in out[0][1].message
    assert values(out[1]) == ["crash", "crash"] and "setup failed: KeyError" in out[1][0].message
    assert seen == [(0, 0), (0, 1), (0, 2), (1, 0), (1, 1)]
