"""One worker process as the parent sees it: start it, kill it (with its process group), and what it is running."""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import time
import types
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from multiprocessing.context import BaseContext
from multiprocessing.process import BaseProcess
from typing import TYPE_CHECKING

from .scheduler import Assignment
from .worker import worker_main

if TYPE_CHECKING:  # pragma: no cover
    from .run import PoolRun

__all__ = ["WorkerProcess"]


@dataclass
class WorkerProcess:
    """A live worker, its end of the pipe, the assignment it is running (None: idle) and the run it belongs to."""

    process: BaseProcess
    conn: Connection
    started: float = field(default_factory=time.monotonic)
    assignment: Assignment | None = None
    owner: PoolRun | None = None
    fresh: bool = True  # not yet heard from: it may still be importing its preloads

    @classmethod
    def start(cls, context: BaseContext, preload: Sequence[str], memory_limit_mb: int, max_items: int) -> WorkerProcess:
        """Start a worker that imports ``preload``, caps its memory and retires after ``max_items`` items."""
        parent_conn, child_conn = context.Pipe(duplex=True)
        process = context.Process(  # type: ignore[attr-defined]  # every concrete context has Process
            target=worker_main,
            args=(child_conn, tuple(preload), memory_limit_mb, max_items),
            daemon=True,
            name="grpo-rewards-worker",
        )
        with _main_module_hidden():
            process.start()
        child_conn.close()
        return cls(process, parent_conn)

    def kill(self) -> None:
        """SIGKILL the worker and everything in its process group, then reap it."""
        pid = self.process.pid
        if pid is not None:
            with contextlib.suppress(OSError):  # gone already, or not ours to signal
                os.killpg(pid, signal.SIGKILL)
            with contextlib.suppress(OSError):
                os.kill(pid, signal.SIGKILL)
        self.conn.close()
        self.process.join(timeout=5)

    def release(self) -> None:
        """Let a worker that is exiting by itself (retiring) go."""
        self.conn.close()
        self.process.join(timeout=5)

    def exit_description(self) -> str:
        """How the process ended, for a crash message (it is reaped first)."""
        self.process.join(timeout=1)
        code = self.process.exitcode
        return f"killed by signal {-code}" if code is not None and code < 0 else f"exited with status {code}"


@contextlib.contextmanager
def _main_module_hidden() -> Iterator[None]:
    """Start a worker without telling it the caller's ``__main__``.

    multiprocessing would otherwise re-run the caller's script in every worker
    (a training script without an ``if __name__ == "__main__":`` guard would
    train again, or fork workers of its own, in each one). Workers need only
    importable modules; a reward defined in ``__main__`` fails its task with a
    message saying so.
    """
    main = sys.modules.get("__main__")
    sys.modules["__main__"] = types.ModuleType("__main__")
    try:
        yield
    finally:
        if main is not None:
            sys.modules["__main__"] = main
