"""The process-wide pool: one warm pool per process, started on first use and stopped at exit."""

from __future__ import annotations

import atexit
import threading
from collections.abc import Sequence

from .preload import declared_preload
from .workers import WorkerPool

__all__ = ["current_pool", "get_pool", "shutdown_pool"]

_pool: WorkerPool | None = None
_lock = threading.Lock()


def get_pool(preload: Sequence[str] = ()) -> WorkerPool:
    """The process-wide pool, started on first use (importing every declared preload and ``preload``) and stopped at exit.

    A pool already running keeps its workers; modules in ``preload`` that it
    lacks are imported by each worker on its first task instead.
    """
    global _pool
    with _lock:
        if _pool is None or _pool.closed:
            _pool = WorkerPool(preload=(*declared_preload(), *preload))
            atexit.register(shutdown_pool)
        return _pool


def current_pool() -> WorkerPool | None:
    """The process-wide pool if one is running, without starting one (for health reports)."""
    with _lock:
        return _pool if _pool is not None and not _pool.closed else None


def shutdown_pool() -> None:
    """Stop the process-wide pool, if one runs."""
    global _pool
    with _lock:
        if _pool is not None:
            _pool.close()
            _pool = None
