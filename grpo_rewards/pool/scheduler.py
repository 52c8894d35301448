"""The bookkeeping of pool runs, without processes, pipes or clocks: state machines tests can drive directly.

The :class:`Scheduler` holds the queue of items still to run, every item's
outcome, and the deadline of each assignment (a task's items sent to one
worker). The run's loop (:mod:`grpo_rewards.pool.run`) feeds it what
happens, with the time it happened:

* :meth:`Scheduler.assign` when a worker is idle, :meth:`Scheduler.put_back`
  when the items could not be sent to it, :meth:`Scheduler.fail_all` when
  they cannot be sent anywhere;
* :meth:`Scheduler.handle` for each message from the worker;
* :meth:`Scheduler.expire` when the assignment passed its deadline, and
  :meth:`Scheduler.lost` when its worker died. Both put the items not yet
  run back on the queue, for another worker (a worker lost before its
  task's setup returned gets its whole task put back, once).

Several runs share one pool at once (callers in several threads): each has
its own :class:`Scheduler`, and a :class:`Rota` hands each idle worker to
the next run in turn that has work queued, so no run waits for another to end.
"""

from __future__ import annotations

import collections
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from .messages import Alive, ItemFailed, Ready, Result, SetupFailed
from .tasks import OnResult, Outcome, Task

__all__ = ["SPAWN_GRACE", "Assignment", "Rota", "Scheduler"]

M = TypeVar("M")
A = TypeVar("A")

SPAWN_GRACE = 30.0  # seconds a fresh worker may take to import before its first task times out


@dataclass
class Assignment:
    """Items of one task sent to one worker, and how far that worker got."""

    task_id: int
    offsets: list[int]  # positions in the task of the items sent, in the order sent
    position: int = 0  # index into offsets of the item running now
    ready: bool = False  # setup has returned
    deadline: float = 0.0

    @property
    def running(self) -> int | None:
        """The offset of the item running now, or None when every item has reported."""
        return self.offsets[self.position] if self.position < len(self.offsets) else None


class Scheduler:
    """Which items wait, which are out, and what came back, for one run of ``tasks``."""

    def __init__(self, tasks: Sequence[Task], on_result: OnResult | None = None, *, spawn_grace: float = SPAWN_GRACE) -> None:
        self.tasks = tasks
        self.on_result = on_result
        self.spawn_grace = spawn_grace
        self.results: list[list[Outcome | None]] = [[None] * len(t.items) for t in tasks]
        self.pending = sum(len(t.items) for t in tasks)
        self._setup_retried: set[int] = set()  # tasks whose worker died once before setup returned
        self.queue: collections.deque[tuple[int, list[int]]] = collections.deque(
            (i, list(range(len(t.items)))) for i, t in enumerate(tasks) if t.items
        )

    @property
    def finished(self) -> bool:
        """Every item has an outcome."""
        return self.pending == 0

    def outcomes(self) -> list[list[Outcome]]:
        """One outcome per item of every task, in order (items without one are left out)."""
        return [[o for o in row if o is not None] for row in self.results]

    # -- giving out work ---------------------------------------------------------

    def assign(self, now: float, *, fresh: bool) -> Assignment | None:
        """The next items for an idle worker, or None when the queue is empty.

        A ``fresh`` worker may still be importing, so its deadline gets the
        spawn grace until it says it is alive.
        """
        if not self.queue:
            return None
        task_id, offsets = self.queue.popleft()
        deadline = now + self.tasks[task_id].timeout + (self.spawn_grace if fresh else 0.0)
        return Assignment(task_id, offsets, deadline=deadline)

    def job_and_items(self, assignment: Assignment) -> tuple[Any, list[Any]]:
        """What to send to the worker for ``assignment``."""
        task = self.tasks[assignment.task_id]
        return task.job, [task.items[o] for o in assignment.offsets]

    def put_back(self, assignment: Assignment) -> None:
        """The items never reached the worker: they go first in the queue."""
        self.queue.appendleft((assignment.task_id, assignment.offsets))

    def fail_all(self, assignment: Assignment, outcome: Outcome) -> None:
        """Every item of ``assignment`` ends with ``outcome``."""
        for offset in assignment.offsets:
            self._record(assignment.task_id, offset, outcome)

    # -- what workers say --------------------------------------------------------

    def handle(self, assignment: Assignment, message: Alive | Ready | Result | ItemFailed | SetupFailed, now: float) -> None:
        """Record what the worker running ``assignment`` said at ``now``; every message restarts the deadline."""
        timeout = self.tasks[assignment.task_id].timeout
        if isinstance(message, Ready):
            assignment.ready = True
        elif isinstance(message, (Result, ItemFailed)):
            self._record(assignment.task_id, assignment.offsets[message.index], message.outcome())
            assignment.position = message.index + 1
        elif isinstance(message, SetupFailed):
            self.fail_all(assignment, message.outcome())
        assignment.deadline = now + timeout

    def expire(self, assignment: Assignment) -> None:
        """``assignment`` passed its deadline (its worker is killed): the item running times out, the rest go back."""
        timeout = self.tasks[assignment.task_id].timeout
        if not assignment.ready:
            self.fail_all(
                assignment, Outcome(failure="timeout", message=f"setup took longer than {timeout:g} s", seconds=timeout)
            )
            return
        self._end_running(assignment, Outcome(failure="timeout", message=f"took longer than {timeout:g} s", seconds=timeout))

    def lost(self, assignment: Assignment, how: str) -> None:
        """The worker running ``assignment`` died (``how``: "exited with status 3", ...).

        Before setup returned, nothing tells a worker that died while idle
        (its task never ran) from a setup that killed it: the items go back
        once for another worker, and fail the second time.
        """
        outcome = Outcome(failure="crash", message=f"worker process {how}")
        if not assignment.ready:
            if assignment.task_id not in self._setup_retried:
                self._setup_retried.add(assignment.task_id)
                self.put_back(assignment)
                return
            self.fail_all(assignment, outcome)
            return
        self._end_running(assignment, outcome)

    # -- bookkeeping -------------------------------------------------------------

    def _end_running(self, assignment: Assignment, outcome: Outcome) -> None:
        running = assignment.running
        if running is None:
            return  # every item had reported; only the worker's closing Done was missing
        self._record(assignment.task_id, running, outcome)
        rest = assignment.offsets[assignment.position + 1 :]
        if rest:
            self.queue.appendleft((assignment.task_id, rest))

    def _record(self, task_id: int, offset: int, outcome: Outcome) -> None:
        if self.results[task_id][offset] is None:
            self.results[task_id][offset] = outcome
            self.pending -= 1
            if self.on_result is not None:
                self.on_result(task_id, offset, outcome)


class Rota(Generic[M]):
    """Members taking turns: each :meth:`take` asks them round-robin, starting after the last one served."""

    def __init__(self) -> None:
        self.members: list[M] = []
        self._next = 0

    def __len__(self) -> int:
        return len(self.members)

    def add(self, member: M) -> None:
        """``member`` joins at the end of the round (it is asked last in the current one)."""
        self.members.append(member)

    def remove(self, member: M) -> None:
        """``member`` leaves; the turn stays with whoever was next."""
        index = self.members.index(member)
        del self.members[index]
        if index < self._next:
            self._next -= 1
        if self._next >= len(self.members):
            self._next = 0

    def take(self, give: Callable[[M], A | None]) -> tuple[M, A] | None:
        """The first member in turn for which ``give(member)`` is not None, with what it gave; None when none gives."""
        count = len(self.members)
        for step in range(count):
            index = (self._next + step) % count
            member = self.members[index]
            given = give(member)
            if given is not None:
                self._next = (index + 1) % count
                return member, given
        return None
