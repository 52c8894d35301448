"""The judge's event loop for this process: HTTP clients, limiters and breakers that outlive one batch.

The judge scores inline, in the caller's process (the trainer or ``check``),
so that one connection pool, one concurrency limit, one rate limit and one
cache serve every batch. Its requests run on one asyncio loop in a background
thread, started on first use; the caller's thread only waits for results. No
reward code runs on that thread, only socket I/O with deadlines, so nothing
there can hang past a deadline. After a fork, the child starts its own loop.
"""

from __future__ import annotations

import asyncio
import atexit
import os
import threading
from collections.abc import Coroutine, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

from .limits import Breaker, RequestLimiter, make_limiter

if TYPE_CHECKING:
    import httpx

__all__ = ["Runtime", "get_runtime", "reset_runtime"]

T = TypeVar("T")


class Runtime:
    """One event loop thread, and per endpoint its HTTP client, limiter, breaker and model name."""

    def __init__(self) -> None:
        self.pid = os.getpid()
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, name="grpo-rewards-judge-io", daemon=True)
        self._thread.start()
        self._clients: dict[str, httpx.AsyncClient] = {}
        self._limiters: dict[tuple[str, int, float], RequestLimiter] = {}
        self._breakers: dict[str, Breaker] = {}
        self.models: dict[str, str] = {}

    def run(self, coroutine: Coroutine[Any, Any, T]) -> T:
        """Run ``coroutine`` on the loop and wait for it (its own deadlines bound it)."""
        return asyncio.run_coroutine_threadsafe(coroutine, self._loop).result()

    def run_all(self, coroutines: Sequence[Coroutine[Any, Any, T]], limit: float) -> list[T | None]:
        """Run ``coroutines`` concurrently; any still running after ``limit`` seconds is cancelled (None)."""
        return self.run(self.gather(list(coroutines), limit))

    async def gather(self, coroutines: list[Coroutine[Any, Any, T]], limit: float) -> list[T | None]:
        """On the loop: run ``coroutines`` concurrently; those still running after ``limit`` seconds are cancelled (None)."""
        tasks = [asyncio.ensure_future(c) for c in coroutines]
        if not tasks:
            return []
        _, pending = await asyncio.wait(tasks, timeout=limit)
        for task in pending:
            task.cancel()
        for task in tasks:
            if task not in pending and task.exception() is not None:
                raise task.exception()  # type: ignore[misc]  # a bug of ours: the core reports it as a crash
        return [None if task in pending else task.result() for task in tasks]

    # The accessors below run on the loop thread (from coroutines).

    def client(self, base_url: str, max_connections: int) -> httpx.AsyncClient:
        import httpx

        client = self._clients.get(base_url)
        if client is None:
            limits = httpx.Limits(max_connections=max(max_connections, 1), max_keepalive_connections=max(max_connections, 1))
            client = self._clients[base_url] = httpx.AsyncClient(limits=limits)
        return client

    def limiter(self, base_url: str, max_concurrency: int, requests_per_second: float) -> RequestLimiter:
        key = (base_url, max_concurrency, requests_per_second)
        if key not in self._limiters:
            self._limiters[key] = make_limiter(base_url, max_concurrency, requests_per_second)
        return self._limiters[key]

    def breaker(self, base_url: str) -> Breaker:
        return self._breakers.setdefault(base_url, Breaker())

    def close(self) -> None:
        """Close every client and stop the loop."""
        if not self._loop.is_running():
            return

        async def close_clients() -> None:
            for client in self._clients.values():
                await client.aclose()

        try:
            self.run(close_clients())
        finally:
            self._loop.call_soon_threadsafe(self._loop.stop)
            self._thread.join(timeout=5)


_runtime: Runtime | None = None
_lock = threading.Lock()


def get_runtime() -> Runtime:
    """This process's runtime, started on first use (and again in a forked child)."""
    global _runtime
    with _lock:
        if _runtime is None or _runtime.pid != os.getpid():
            _runtime = Runtime()
        return _runtime


def reset_runtime() -> None:
    """Close the runtime: connections, limiters, breakers and model names start afresh on next use."""
    global _runtime
    with _lock:
        runtime, _runtime = _runtime, None
    if runtime is not None and runtime.pid == os.getpid():
        runtime.close()


atexit.register(reset_runtime)
