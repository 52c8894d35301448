"""The few things this plugin takes from ``grpo_rewards_sandbox``, in one place, and the error boundary.

Imported lazily by the modules that need them, so that loading the plugin
(``grpo-rewards rewards``) never imports docker. The sandbox is standalone and
raises its own errors (``grpo_rewards_sandbox.errors``); :func:`core_errors`
turns them into the core's, so the rest of the plugin (and the trainer's
preflight) only ever sees ``grpo_rewards.SandboxUnavailable`` and friends.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

__all__ = ["core_errors", "encodable"]


def encodable(value: Any) -> str | None:
    """``None`` when ``value`` can cross the sandbox's strict codec, else why not."""
    from grpo_rewards_sandbox import CodecError, encode

    try:
        encode(value)
    except CodecError as exc:
        return str(exc)
    return None


@contextmanager
def core_errors() -> Iterator[None]:
    """Re-raise a sandbox error as the core's error of the same meaning (same message)."""
    import grpo_rewards_sandbox as sandbox

    from grpo_rewards import errors

    try:
        yield
    except sandbox.SandboxUnavailable as exc:
        raise errors.SandboxUnavailable(str(exc)) from exc
    except sandbox.SandboxTimeout as exc:
        raise errors.SandboxTimeout(str(exc)) from exc
    except sandbox.SandboxError as exc:
        raise errors.SandboxError(str(exc)) from exc
