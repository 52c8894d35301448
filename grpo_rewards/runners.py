"""Runners: what runs the tasks a scoring strategy produces.

A strategy (:mod:`grpo_rewards.strategies`) turns a batch into picklable
:class:`~grpo_rewards.Task` objects and names where they run; a runner runs
them and reports one :class:`~grpo_rewards.Outcome` per item:

* :class:`~grpo_rewards.WorkerPool` (``isolation="process"``): warm, killable
  worker processes with a hard deadline per item;
* :class:`InlineRunner` (``isolation="inline"``): the caller's process, the
  same job protocol, loop and outcomes, no deadlines.

Anything with the same ``size`` and ``run`` can run the same tasks elsewhere
(an executor that ships them to another machine, say).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from .pool import OnResult, Outcome, Task, run_items
from .pool.messages import ItemFailed, Result, SetupFailed, WorkerMessage

__all__ = ["InlineRunner", "Runner"]


class Runner(Protocol):
    """Runs tasks; one :class:`Outcome` per item, in order. Never raises for a failing item."""

    @property
    def size(self) -> int:
        """How many items it runs at once (strategies cut work into about twice as many tasks)."""
        ...

    def run(self, tasks: Sequence[Task], *, on_result: OnResult | None = None) -> list[list[Outcome]]: ...


class InlineRunner:
    """Runs tasks one after another in the caller's process.

    Each task goes through the pool workers' own loop (:func:`~grpo_rewards.pool.run_items`):
    ``job.setup()`` once, ``job.run(state, item)`` per item, an exception
    becoming a ``crash`` (``memory`` for MemoryError) outcome with its
    traceback. Nothing enforces a deadline.
    """

    size = 1

    def run(self, tasks: Sequence[Task], *, on_result: OnResult | None = None) -> list[list[Outcome]]:
        return [_run_task(index, task, on_result) for index, task in enumerate(tasks)]


def _run_task(task_index: int, task: Task, on_result: OnResult | None) -> list[Outcome]:
    outcomes: list[Outcome] = []

    def send(message: WorkerMessage) -> None:
        if isinstance(message, SetupFailed):
            arrived = [message.outcome()] * len(task.items)
        elif isinstance(message, (Result, ItemFailed)):
            arrived = [message.outcome()]
        else:
            return
        for outcome in arrived:
            if on_result is not None:
                on_result(task_index, len(outcomes), outcome)
            outcomes.append(outcome)

    run_items(task_index, task.job, task.items, send, catch=Exception)
    return outcomes
