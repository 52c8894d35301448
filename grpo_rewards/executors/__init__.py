"""Where scoring work runs: the executor seam between scoring and the processes that do the work.

:func:`grpo_rewards.score_samples` checks columns and forms groups; an
executor scores the groups and hands back one verdict per sample, in order.
Nothing above this seam knows which executor runs:

=========  ==================================================================
``local``  this process: the killable worker pool, or inline (the default)
``ray``    a Ray cluster: one long-lived actor per node owns a local worker
           pool (and, on nodes that declare ``grpo_sandbox``, the sandbox
           pool); batches split by group over the nodes (``docs/cluster.md``)
=========  ==================================================================

Choose with ``GRPO_REWARDS_EXECUTOR=local|ray``, ``reward_funcs(...,
executor="ray")``, or ``--executor`` on ``check`` and ``train``. The core
imports Ray only when the ``ray`` executor is chosen.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Sequence
from typing import Protocol, runtime_checkable

from ..errors import ConfigError
from ..reward import BaseReward, Group
from ..verdict import Verdict
from .local import LocalExecutor, OnVerdict

__all__ = ["EXECUTOR_ENV", "EXECUTORS", "Executor", "LocalExecutor", "executor_name", "get_executor"]

EXECUTOR_ENV = "GRPO_REWARDS_EXECUTOR"
#: The executors there are, by name.
EXECUTORS = ("local", "ray")


@runtime_checkable
class Executor(Protocol):
    """Scores groups somewhere. Never raises for a failing sample: failures are verdicts."""

    name: str

    def start(self) -> str:
        """Connect (or check there is nothing to connect to); a one-line status. Raises ConfigError saying what to do."""
        ...

    def score_groups(
        self, reward: BaseReward, groups: Sequence[Group], *, plugin: str | None = None, on_verdict: OnVerdict | None = None
    ) -> list[list[Verdict]]:
        """One list of verdicts per group, one verdict per sample, in order."""
        ...

    def preflight(self, reward: BaseReward, *, plugin: str | None = None) -> str | None:
        """Run the reward's preflight where the reward will run; its status line, or None."""
        ...


_executors: dict[str, Executor] = {}
_lock = threading.Lock()


def executor_name(choice: str | Executor | None = None) -> str:
    """The executor's name: ``choice``, else ``$GRPO_REWARDS_EXECUTOR``, else ``local``; ConfigError for an unknown one."""
    if isinstance(choice, Executor):
        return choice.name
    name = (choice or os.environ.get(EXECUTOR_ENV) or "local").strip().lower()
    if name not in EXECUTORS:
        source = "executor" if choice else f"${EXECUTOR_ENV}"
        raise ConfigError(f"{source} {name!r} is unknown: use {' or '.join(EXECUTORS)}")
    return name


def _build(name: str) -> Executor:
    if name == "local":
        return LocalExecutor()
    try:
        from .ray import RayExecutor
    except ImportError as exc:
        raise ConfigError(
            f"the ray executor needs Ray, which is not importable here ({exc}): pip install 'grpo-rewards[ray]', "
            f"or choose the local executor (unset {EXECUTOR_ENV}, or --executor local)"
        ) from None
    return RayExecutor()


def get_executor(choice: str | Executor | None = None) -> Executor:
    """The executor to score with: ``choice`` if it is one, else the process-wide one of that name (:func:`executor_name`)."""
    if isinstance(choice, Executor):
        return choice
    name = executor_name(choice)
    with _lock:
        if name not in _executors:
            _executors[name] = _build(name)
        return _executors[name]
