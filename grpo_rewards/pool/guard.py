"""Workers die with their owner, however the owner dies: a guard process beside each worker.

Under the fork server a worker's parent is the fork server, not the process
that owns the pool, and the fork server lives on while any worker does, so a
parent-death signal set in the worker alone would never fire. Instead each
worker forks a guard into its own process group when it starts. The guard
waits on multiprocessing's *parent sentinel*: a pipe whose write end only the
owner holds, so it reaches end-of-file the moment the owner is gone, SIGKILL
included. The guard then SIGKILLs the worker's whole process group (the worker,
anything its job started, and the guard itself).

The guard is a process, not a thread, because a thread cannot run while the
worker's job holds the GIL in a long C call. It dies with its worker
(``PR_SET_PDEATHSIG`` on Linux; on other systems it notices within a second
that its parent changed), so a worker that retires or is replaced leaves
nothing behind.
"""

from __future__ import annotations

import contextlib
import ctypes
import multiprocessing
import os
import select
import signal
import sys

__all__ = ["start_guard"]

_POLL_SECONDS = 1.0
_PR_SET_PDEATHSIG = 1


def start_guard() -> int | None:
    """Fork the guard of this worker (call after ``setpgid``); its pid, or None when there is no owner to watch."""
    sentinel = getattr(multiprocessing.parent_process(), "sentinel", None)
    if sentinel is None:
        return None
    worker = os.getpid()
    pid = os.fork()
    if pid:
        return pid
    try:  # the guard: nothing here may return into the worker's code
        _guard(sentinel, worker)
    finally:
        os._exit(0)


def _guard(sentinel: int, worker: int) -> None:
    _die_with_parent()
    if os.getppid() != worker:
        return  # the worker is already gone
    _keep_only(sentinel)
    if _owner_gone_first(sentinel, worker):
        with contextlib.suppress(OSError):
            os.killpg(os.getpgid(0), signal.SIGKILL)


def _owner_gone_first(sentinel: int, worker: int) -> bool:
    """Wait until the owner's sentinel reaches EOF (True) or the worker is gone (False)."""
    while os.getppid() == worker:
        readable, _, _ = select.select([sentinel], [], [], _POLL_SECONDS)
        if readable and os.read(sentinel, 1) == b"":
            return True
    return False


def _die_with_parent() -> None:
    """Ask Linux to SIGKILL this process when its parent (the worker) exits; elsewhere the poll notices."""
    if not sys.platform.startswith("linux"):
        return
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)


def _keep_only(sentinel: int) -> None:
    """Close every inherited descriptor but the sentinel (a copy of the worker's pipe would hide its death)."""
    null = os.open(os.devnull, os.O_RDWR)
    for fd in (0, 1, 2):
        os.dup2(null, fd)
    os.closerange(3, sentinel)
    os.closerange(sentinel + 1, os.sysconf("SC_OPEN_MAX") if hasattr(os, "sysconf") else 65536)
