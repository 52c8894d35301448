"""The worker process: import the preloads, then run tasks until told to stop or it is time to retire.

:func:`run_items` is the one loop that runs a task (``setup`` once, ``run``
per item, every failure reported with its traceback); the pool's workers and
:class:`~grpo_rewards.runners.InlineRunner` both use it.
"""

from __future__ import annotations

import os
import pickle
import resource
import signal
import time
import traceback
from collections.abc import Callable, Sequence
from multiprocessing.connection import Connection
from typing import Any

from . import requests
from .guard import start_guard
from .messages import Alive, Done, ItemFailed, Ready, Result, RunTask, SetupFailed, Stop, WorkerMessage
from .tasks import Job

__all__ = ["describe_failure", "run_items", "worker_main"]

_LOAD_HINT = " (define rewards and jobs in an importable module, not in __main__)"


def describe_failure(exc: BaseException) -> tuple[str, str, str]:
    """The failure kind of ``exc`` (``memory`` or ``crash``), a one-line message and its traceback."""
    kind = "memory" if isinstance(exc, MemoryError) else "crash"
    message = f"{type(exc).__name__}: {exc}".strip().rstrip(":")
    return kind, message, "".join(traceback.format_exception(exc))


def run_items(
    task_id: int,
    job: Job,
    items: Sequence[Any],
    send: Callable[[WorkerMessage], None],
    *,
    catch: type[BaseException] = BaseException,
) -> int:
    """Run ``job`` on ``items``, sending Ready (or SetupFailed), then a Result or ItemFailed per item; returns items run.

    ``catch`` is what counts as the job's failure: everything in a worker
    (SystemExit from plugin code is a crash too), ``Exception`` in the caller's process.
    """
    started = time.perf_counter()
    try:
        state = job.setup()
    except catch as exc:
        kind, message, tb = describe_failure(exc)
        send(SetupFailed(task_id, kind, message, tb, time.perf_counter() - started))
        return 0
    send(Ready(task_id))
    for index, item in enumerate(items):
        started = time.perf_counter()
        try:
            value = job.run(state, item)
        except catch as exc:
            kind, message, tb = describe_failure(exc)
            send(ItemFailed(task_id, index, kind, message, tb, time.perf_counter() - started))
            continue
        send(Result(task_id, index, value, time.perf_counter() - started))
    return len(items)


def _init_worker(preload: Sequence[str], memory_limit_mb: int) -> None:
    os.setpgid(0, 0)  # our own process group, so a kill reaches anything the job started
    start_guard()  # ... and so does the owner's death, however it dies
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    if memory_limit_mb > 0:
        limit = memory_limit_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    for module in preload:
        try:
            __import__(module)
        except Exception:  # noqa: BLE001 - the job that needs it reports the import error with a traceback
            pass


def _sender(conn: Connection) -> Callable[[WorkerMessage], None]:
    """``conn.send``, except that a result that cannot be pickled is sent back as that item's failure."""

    def send(message: WorkerMessage) -> None:
        try:
            conn.send(message)
        except Exception as exc:  # noqa: BLE001 - an unpicklable result is the job's fault, not ours
            if not isinstance(message, Result):
                raise
            kind, text, tb = describe_failure(exc)
            failure = f"result could not be sent back: {text}"
            conn.send(ItemFailed(message.task_id, message.index, kind, failure, tb, message.seconds))

    return send


def _run_task(send: Callable[[WorkerMessage], None], message: RunTask) -> int:
    try:
        job, items = pickle.loads(message.payload)
    except BaseException as exc:  # noqa: BLE001 - e.g. a reward class defined in __main__
        _, text, tb = describe_failure(exc)
        send(SetupFailed(message.task_id, "crash", f"the worker could not load the task: {text}{_LOAD_HINT}", tb, 0.0))
        return 0
    requests.set_task(message.task_id)
    try:
        return run_items(message.task_id, job, items, send)
    finally:
        requests.set_task(None)


def worker_main(conn: Connection, preload: Sequence[str], memory_limit_mb: int, max_items: int) -> None:
    """The worker's main loop (the target of every pool process)."""
    _init_worker(preload, memory_limit_mb)
    requests.bind(conn)
    send = _sender(conn)
    conn.send(Alive())
    done = 0
    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError):
            return
        if isinstance(message, Stop) or not isinstance(message, RunTask):
            return
        done += _run_task(send, message)
        retiring = done >= max_items
        conn.send(Done(message.task_id, retiring))
        if retiring:
            return
