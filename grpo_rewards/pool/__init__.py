"""A warm pool of killable worker processes. The core owns every timer.

Plugin code that can hang runs here, never behind ``signal.alarm`` in the
caller and never in a thread. Work arrives as :class:`Task` objects: a
picklable :class:`Job` plus a list of items. A worker calls ``job.setup()``
once per task and ``job.run(state, item)`` per item, reporting each result as
it goes. The parent enforces a wall-clock deadline on setup and on every item:

* an item past its deadline gets ``Outcome(failure="timeout")``; its worker
  (with its whole process group) is SIGKILLed and replaced, and the task's
  remaining items go back on the queue for another worker;
* an item that raises gets ``failure="crash"`` (``"memory"`` for MemoryError)
  with the traceback; a worker that dies mid-item gets ``"crash"`` too;
* workers retire after ``max_items_per_worker`` items and run under an
  address-space cap (``memory_limit_mb``);
* workers die with the process that owns the pool, however it dies (SIGKILL
  included): a guard process beside each worker kills its process group.

A job may ask the parent for something mid-item with :func:`request_parent`
(the code reward's test harness runs in a worker and sends each call of the
candidate function to the sandbox this way). The parent answers through the
``on_request`` handler given to :meth:`WorkerPool.run`; a handler may return a
``concurrent.futures.Future`` so many requests are in flight at once.

Several threads may run tasks on one pool at once (TRL awaits a step's async
rewards together, each in a thread): the runs share the workers, each idle
worker taking the next task of the runs in flight in turn, and each run keeps
every guarantee above. One thread of the pool's own talks to the workers;
``on_result`` and ``on_request`` run in the thread that called ``run``.

Workers are forked from multiprocessing's fork server, which imports the
preload modules once, so a new worker costs milliseconds, not an import. The
modules are declared where plugins are loaded (:func:`declare_preload`).

The modules, each with one job:

==============  ================================================================
``tasks``       :class:`Job`, :class:`Task`, :class:`Outcome`, the pool's settings
``messages``    what parent and worker say over the pipe (one dataclass per message)
``worker``      the worker process's loop, and :func:`run_items` (one task's items)
``requests``    :func:`request_parent` in the worker, the request desk in the parent
``scheduler``   the bookkeeping of a run as a state machine, and the rota of runs, without processes
``run``         one run as its caller sees it: the inbox its thread handles (results, requests)
``loop``        the pool's one thread for every run: pipes, deadlines, kills, replacements
``process``     one worker process: start, kill, exit status
``guard``       the guard that kills a worker's process group when the owner dies
``workers``     :class:`WorkerPool`
``preload``     the declared preloads and the fork-server context
``shared``      the process-wide pool (:func:`get_pool`)
==============  ================================================================
"""

from __future__ import annotations

from .loop import PoolClosed
from .preload import declare_preload, declared_preload
from .requests import request_parent
from .shared import current_pool, get_pool, shutdown_pool
from .tasks import Job, OnResult, Outcome, RequestError, Task, default_workers
from .worker import describe_failure, run_items
from .workers import WorkerPool

__all__ = [
    "Job",
    "OnResult",
    "Outcome",
    "PoolClosed",
    "RequestError",
    "Task",
    "WorkerPool",
    "current_pool",
    "declare_preload",
    "declared_preload",
    "default_workers",
    "describe_failure",
    "get_pool",
    "request_parent",
    "run_items",
    "shutdown_pool",
]
