"""Reaching the Ray cluster, the executor's settings, and the names its actors go by.

Ray is reached the Ray way: a process that already called ``ray.init()`` is
used as it is; otherwise ``ray.init()`` connects to ``$RAY_ADDRESS`` (or, with
none set, finds or starts a local Ray instance, as Ray always does), without
streaming the cluster's logs to this process (they stay in Ray's log folder,
``/tmp/ray/session_latest/logs``; failures reach the verdicts anyway).

Actors live in the ``grpo_rewards`` namespace under names that carry the
package version, so every driver of one version (every training rank, every
``check``) finds the same actor on each node, and a cluster shared by two
versions never mixes them.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any

from ...errors import ConfigError

__all__ = [
    "NAMESPACE",
    "SANDBOX_RESOURCE",
    "RaySettings",
    "actor_name",
    "connect",
]

NAMESPACE = "grpo_rewards"
#: The custom resource a node declares to run sandbox rewards: how many sandbox jobs it may run at once.
SANDBOX_RESOURCE = "grpo_sandbox"
#: The sandbox library's pool size; a node actor sets it to the node's sandbox slots.
SANDBOX_SIZE_ENV = "GRPO_REWARDS_SANDBOX_WORKERS"

WORKERS_ENV = "GRPO_REWARDS_RAY_WORKERS"
IDLE_ENV = "GRPO_REWARDS_RAY_IDLE_SECONDS"
READY_ENV = "GRPO_REWARDS_RAY_READY_SECONDS"


def _number(name: str, default: float) -> float:
    value = os.environ.get(name, "").strip()
    try:
        number = float(value) if value else default
    except ValueError:
        number = -1.0
    if number < 0:
        raise ConfigError(f"${name} must be a number of at least 0, got {value!r}")
    return number


@dataclass(frozen=True)
class RaySettings:
    """What the Ray executor reads from the environment.

    Attributes:
        workers: worker processes per node actor (``$GRPO_REWARDS_RAY_WORKERS``;
            0: as many as the node has CPUs in Ray's accounting).
        idle_seconds: a node actor unused this long closes its pools and exits
            (``$GRPO_REWARDS_RAY_IDLE_SECONDS``, default 900; 0: never).
        ready_seconds: how long a new node actor may take to start before the
            batch goes on without it (``$GRPO_REWARDS_RAY_READY_SECONDS``, default 120).
        refresh_seconds: how often the list of nodes is read again (and after every loss).
        slack_seconds: added to a share's worst-case time before the driver stops waiting for it.
    """

    workers: int = 0
    idle_seconds: float = 900.0
    ready_seconds: float = 120.0
    refresh_seconds: float = 5.0
    slack_seconds: float = 60.0

    @classmethod
    def from_env(cls) -> RaySettings:
        return cls(
            workers=int(_number(WORKERS_ENV, 0)),
            idle_seconds=_number(IDLE_ENV, 900.0),
            ready_seconds=_number(READY_ENV, 120.0),
        )


def actor_name(kind: str) -> str:
    """The name of one of our actors (``node-<id>``, ``limits``) for this version of grpo-rewards."""
    from ... import __version__

    return f"grpo_rewards-{__version__}-{kind}"


def connect() -> Any:
    """The ``ray`` module, connected: as initialised, else by ``ray.init()`` (``$RAY_ADDRESS``); ConfigError when it cannot."""
    import ray

    if ray.is_initialized():
        return ray
    address = os.environ.get("RAY_ADDRESS")
    where = f"RAY_ADDRESS={address}" if address else "no RAY_ADDRESS set, so ray.init() looked for a local cluster"
    try:
        # The actors' and raylets' output stays in Ray's log files: a driver's stdout may be a JSON report (`check`).
        ray.init(address=address or None, ignore_reinit_error=True, log_to_driver=False)
    except Exception as exc:  # noqa: BLE001 - whatever Ray raised, the user needs the address and what to do
        raise ConfigError(
            f"the ray executor could not reach a Ray cluster ({where}): {type(exc).__name__}: {exc}. "
            "Start one (`ray start --head`) and set RAY_ADDRESS, or call ray.init() before scoring"
        ) from None
    return ray
