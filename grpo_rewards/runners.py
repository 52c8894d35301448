"""Runners: what runs the tasks a scoring strategy produces.

A strategy (:mod:`grpo_rewards.strategies`) turns a batch into picklable
:class:`~grpo_rewards.Task` objects and names where they run; a runner runs
them and reports one :class:`~grpo_rewards.Outcome` per item:

* :class:`~grpo_rewards.WorkerPool` (``isolation="process"``): warm, killable
  worker processes with a hard deadline per item;
* :class:`InlineRunner` (``isolation="inline"``): the caller's process, the
  same job protocol and outcomes, no deadlines.

Anything with the same ``size`` and ``run`` can run the same tasks elsewhere
(an executor that ships them to another machine, say).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from typing import Protocol

from .pool import Outcome, Task, describe_failure

__all__ = ["InlineRunner", "OnResult", "Runner"]

#: ``on_result(task_index, item_index, outcome)``, called as each item's outcome is known.
OnResult = Callable[[int, int, Outcome], None]


class Runner(Protocol):
    """Runs tasks; one :class:`Outcome` per item, in order. Never raises for a failing item."""

    @property
    def size(self) -> int:
        """How many items it runs at once (strategies cut work into about twice as many tasks)."""
        ...

    def run(self, tasks: Sequence[Task], *, on_result: OnResult | None = None) -> list[list[Outcome]]: ...


class InlineRunner:
    """Runs tasks one after another in the caller's process.

    ``job.setup()`` once per task, ``job.run(state, item)`` per item, exactly
    as a pool worker does; an exception becomes a ``crash`` (``memory`` for
    MemoryError) outcome with its traceback. Nothing enforces a deadline.
    """

    size = 1

    def run(self, tasks: Sequence[Task], *, on_result: OnResult | None = None) -> list[list[Outcome]]:
        results = []
        for task_index, task in enumerate(tasks):
            outcomes = _run_task(task)
            for item_index, outcome in enumerate(outcomes):
                if on_result is not None:
                    on_result(task_index, item_index, outcome)
            results.append(outcomes)
        return results


def _run_task(task: Task) -> list[Outcome]:
    started = time.perf_counter()
    try:
        state = task.job.setup()
    except Exception as exc:  # noqa: BLE001 - a failing reward is data, not a crash of the batch
        failure, message, tb = describe_failure(exc)
        seconds = time.perf_counter() - started
        return [Outcome(failure=failure, message=f"setup failed: {message}", traceback=tb, seconds=seconds)] * len(task.items)
    outcomes = []
    for item in task.items:
        started = time.perf_counter()
        try:
            value = task.job.run(state, item)
        except Exception as exc:  # noqa: BLE001
            failure, message, tb = describe_failure(exc)
            outcomes.append(Outcome(failure=failure, message=message, traceback=tb, seconds=time.perf_counter() - started))
            continue
        outcomes.append(Outcome(value=value, seconds=time.perf_counter() - started))
    return outcomes
