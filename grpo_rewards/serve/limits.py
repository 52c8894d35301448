"""What one service accepts: request sizes, concurrency and shutdown, each with a flag on ``grpo-rewards serve``."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Limits"]


@dataclass(frozen=True)
class Limits:
    """Limits at the edge of the service. Every one protects the host from a hostile or runaway client.

    Attributes:
        max_body_bytes: a request body larger than this is refused with 413 before it is read whole.
        max_rows: completions in one ``POST /score`` (a row, or each completion of a row with a list of
            completions); more is refused with 413 (field ``rows``).
        max_completion_chars: a completion longer than this is not scored: each reward gives it its
            lowest score (``incorrect``), so a policy cannot escape a judgment by writing without end.
        max_concurrent: batches scored at the same time.
        max_queue: batches waiting for a slot; past that the service answers 503 with ``Retry-After``.
        graceful_seconds: on SIGTERM, how long in-flight batches may take to finish before the process exits.
    """

    max_body_bytes: int = 64 * 1024 * 1024
    max_rows: int = 4096
    max_completion_chars: int = 1_000_000
    max_concurrent: int = 4
    max_queue: int = 64
    graceful_seconds: float = 300.0

    def __post_init__(self) -> None:
        for name in ("max_body_bytes", "max_rows", "max_completion_chars", "max_concurrent"):
            if getattr(self, name) < 1:
                raise ValueError(f"{name} must be at least 1, not {getattr(self, name)}")
        if self.max_queue < 0 or self.graceful_seconds < 0:
            raise ValueError("max_queue and graceful_seconds cannot be negative")
