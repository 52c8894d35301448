"""The long-lived executors the reward uses: a sandbox gateway and the trusted harness pool.

Both start on first use and stay warm across batches (a GRPO run scores
hundreds of them); they stop at interpreter exit. A gateway that failed (the
Docker daemon went away) is dropped, so the next batch checks again instead of
reusing a broken one. Which backend runs the jobs is the ``backend`` option
(see :mod:`.gateway`); tests hand in a factory of their own.
"""

from __future__ import annotations

import atexit
import threading

from grpo_rewards import WorkerPool

from .gateway import Gateway, GatewayFactory, backend_class

__all__ = ["ENGINES", "Engines"]


class Engines:
    """A gateway and a harness pool, created lazily and shared by every ``code`` reward of the process.

    ``factory`` builds the gateway from ``(size, memory_mb)``; ``None`` uses the
    backend the options name.
    """

    def __init__(self, factory: GatewayFactory | None = None) -> None:
        self.factory = factory
        self._lock = threading.RLock()
        self._gateway: Gateway | None = None
        self._config: tuple[str, int, int] | None = None
        self._harness: WorkerPool | None = None

    def _build(self, backend: str, size: int, memory_mb: int) -> Gateway:
        if self.factory is not None:
            return self.factory(size, memory_mb)
        return backend_class(backend)(size, memory_mb)

    def gateway(self, backend: str, size: int, memory_mb: int) -> Gateway:
        """The started gateway (``size`` 0: the backend's default); raises ``SandboxUnavailable``."""
        with self._lock:
            config = (backend, size, memory_mb)
            if self._gateway is not None and self._config == config:
                return self._gateway
            self.reset_gateway()
            gateway = self._build(backend, size, memory_mb)
            gateway.start()
            self._gateway, self._config = gateway, config
            return gateway

    def harness(self, size: int) -> WorkerPool:
        """The harness pool with ``size`` workers."""
        with self._lock:
            if self._harness is None or self._harness._closed or self._harness.size != size:
                if self._harness is not None:
                    self._harness.close()
                self._harness = WorkerPool(size, preload=("grpo_rewards_code.harness",), max_items_per_worker=500)
            return self._harness

    def image(self, backend: str, size: int, memory_mb: int) -> str:
        """The image results come from (for cache keys), known before the gateway starts."""
        with self._lock:
            if self._gateway is not None and self._config == (backend, size, memory_mb):
                return self._gateway.image
            return self._build(backend, size, memory_mb).image

    def engine_down(self) -> str | None:
        """Why the gateway's engine does not answer now, or ``None`` when it does (or cannot be asked)."""
        gateway = self._gateway
        return None if gateway is None else gateway.ping()

    def reset_gateway(self) -> None:
        """Drop the gateway (after a failure); the next call starts a fresh one."""
        with self._lock:
            gateway, self._gateway, self._config = self._gateway, None, None
        if gateway is not None:
            gateway.close()

    def close(self) -> None:
        """Stop the gateway and the harness pool."""
        self.reset_gateway()
        with self._lock:
            harness, self._harness = self._harness, None
        if harness is not None:
            harness.close()


ENGINES = Engines()
atexit.register(ENGINES.close)
