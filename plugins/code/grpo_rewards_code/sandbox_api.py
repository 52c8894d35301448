"""The few things this plugin takes from ``grpo_rewards_sandbox``, in one place.

Imported lazily by the modules that need them, so that loading the plugin
(``grpo-rewards rewards``) never imports docker.
"""

from __future__ import annotations

from typing import Any

__all__ = ["encodable"]


def encodable(value: Any) -> str | None:
    """``None`` when ``value`` can cross the sandbox's strict codec, else why not."""
    from grpo_rewards_sandbox import CodecError, encode

    try:
        encode(value)
    except CodecError as exc:
        return str(exc)
    return None
