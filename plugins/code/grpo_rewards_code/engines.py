"""The long-lived executors the reward uses: the sandbox pool and the trusted harness pool.

Both start on first use and stay warm across batches (a GRPO run scores
hundreds of them); they stop at interpreter exit. A sandbox pool that failed
(the Docker daemon went away) is dropped, so the next batch checks again
instead of reusing a broken pool.
"""

from __future__ import annotations

import atexit
import threading
from typing import Any

from grpo_rewards import WorkerPool

__all__ = ["ENGINES", "Engines", "OUTPUT_BYTES"]

#: Output kept from each stream of an execution, and the most it may print.
OUTPUT_BYTES = 1024 * 1024


class Engines:
    """A sandbox pool and a harness pool, created lazily and shared by every ``code`` reward of the process."""

    def __init__(self, backend: Any = None) -> None:
        self.backend = backend  # a sandbox Backend for tests (None: the real Docker backend)
        self._lock = threading.RLock()
        self._sandbox: Any = None
        self._sandbox_config: tuple[int, int] | None = None
        self._harness: WorkerPool | None = None

    def sandbox(self, size: int, memory_mb: int) -> Any:
        """The started sandbox pool (``size`` 0: the sandbox's default); raises ``SandboxUnavailable``."""
        from grpo_rewards_sandbox import Limits, SandboxPool

        from .sandbox_api import core_errors

        with self._lock:
            if self._sandbox is not None and self._sandbox_config == (size, memory_mb):
                return self._sandbox
            self.reset_sandbox()
            limits = Limits(memory_mb=memory_mb, keep_output=OUTPUT_BYTES, max_output=OUTPUT_BYTES)
            pool = SandboxPool(size or None, limits=limits, backend=self.backend)
            try:
                with core_errors():
                    pool.start()
            except BaseException:
                _close_quietly(pool)
                raise
            self._sandbox, self._sandbox_config = pool, (size, memory_mb)
            return pool

    def harness(self, size: int) -> WorkerPool:
        """The harness pool with ``size`` workers."""
        with self._lock:
            if self._harness is None or self._harness._closed or self._harness.size != size:
                if self._harness is not None:
                    self._harness.close()
                self._harness = WorkerPool(size, preload=("grpo_rewards_code.harness",), max_items_per_worker=500)
            return self._harness

    def image(self) -> str:
        """The sandbox image results come from (for cache keys), known before the pool starts."""
        if self._sandbox is not None:
            return self._sandbox.image
        if self.backend is not None:
            return self.backend.image
        from grpo_rewards_sandbox.image_build import default_image

        return default_image()

    def engine_down(self) -> str | None:
        """Why the sandbox's engine does not answer now, or ``None`` when it does (or cannot be asked)."""
        from grpo_rewards import SandboxUnavailable

        from .sandbox_api import core_errors

        if self._sandbox is None:
            return None
        try:
            with core_errors():
                self._sandbox.ping()
        except SandboxUnavailable as exc:
            return str(exc)
        return None

    def reset_sandbox(self) -> None:
        """Drop the sandbox pool (after a failure); the next call starts a fresh one."""
        with self._lock:
            pool, self._sandbox, self._sandbox_config = self._sandbox, None, None
        if pool is not None:
            _close_quietly(pool)

    def close(self) -> None:
        """Stop both pools."""
        self.reset_sandbox()
        with self._lock:
            harness, self._harness = self._harness, None
        if harness is not None:
            harness.close()


def _close_quietly(pool: Any) -> None:
    try:
        pool.close()
    except Exception:  # noqa: BLE001 - closing a pool whose engine is gone may fail; nothing to keep
        pass


ENGINES = Engines()
atexit.register(ENGINES.close)
