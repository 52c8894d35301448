"""Where training scores its rewards: in this process, in one service shared by the host's ranks, or at a URL.

``reward_service`` (``--reward-service``):

* ``auto`` (default): a shared per-node service when the launcher started
  several ranks on this host (``LOCAL_WORLD_SIZE`` > 1, set by ``torchrun`` and
  ``accelerate launch``), else in-process;
* ``local``: every process scores its own rewards (its own worker pool and sandbox);
* ``node``: the per-node service (:class:`grpo_rewards.serve.node.NodeService`) even for one rank;
* ``http://HOST:PORT`` or ``unix:/PATH``: a ``grpo-rewards serve`` someone started;
  its options must be the ones this run asks for.

The service scores on the run's executor (``--executor``, passed on to a
per-node service). With a service, each reward's ``preflight()`` runs there (the service reports
it in ``GET /health``), not in every rank, so a sandbox reward starts one set
of containers per host.
"""

from __future__ import annotations

import os
from typing import Any

from grpo_rewards import BaseReward, ConfigError, GrpoRewardsError, PluginManager
from grpo_rewards.executors import EXECUTOR_ENV
from grpo_rewards.remote import RemoteRewardFunction, ServiceClient, reward_funcs
from grpo_rewards.serve.scorer import options_json

from .config import TrainConfig

__all__ = ["RewardService", "service_mode"]


def service_mode(config: TrainConfig) -> str:
    """``local``, ``node`` or a URL, for this process (``auto`` resolved from the launcher's environment)."""
    value = config.reward_service.strip()
    if value == "auto":
        return "node" if int(os.environ.get("LOCAL_WORLD_SIZE", "1") or 1) > 1 else "local"
    if value in ("local", "node") or value.startswith(("http://", "https://", "unix:")):
        return value
    raise ConfigError(f"reward_service {value!r}: use auto, local, node, or a URL (http://HOST:PORT, unix:/PATH)")


class RewardService:
    """The service this run scores through (``node`` or a URL), started or reached on first use."""

    def __init__(self, config: TrainConfig, mode: str, manager: PluginManager) -> None:
        self.config = config
        self.mode = mode
        self.manager = manager
        self._health: dict[str, Any] | None = None
        self._node: Any = None

    @property
    def url(self) -> str:
        return self._node.url if self._node is not None else self.mode

    def health(self) -> dict[str, Any]:
        """The service's ``GET /health``, starting the per-node service first if needed."""
        if self._health is None:
            if self.mode == "node":
                from grpo_rewards.serve.node import NodeService

                env = {EXECUTOR_ENV: self.config.executor} if self.config.executor else {}
                self._node = NodeService(self.config.rewards, self.config.reward_options, manager=self.manager, env=env)
                self._health = self._node.ensure()
            else:
                self._health = ServiceClient(self.mode).health(timeout=30.0)
        return self._health

    def probe(self, name: str, reward: BaseReward) -> str | None:
        """Preflight for one reward, as the service ran it; raises :class:`GrpoRewardsError` when it failed there."""
        health = self.health()
        where = f"the grpo-rewards service at {self.url} (pid {health.get('pid')})"
        if self.mode != "node":
            self._check_options(name, reward)
        result = health.get("preflight", {}).get(name)
        if result is None:
            raise ConfigError(f"{where} does not serve reward {name!r} (it serves {', '.join(health.get('rewards', []))})")
        if not result["ok"]:
            raise GrpoRewardsError(f"failed in {where}: {result['message']}")
        return f"{result['message'] or 'ready'} (in {where})"

    def _check_options(self, name: str, reward: BaseReward) -> None:
        served = {r["name"]: r for r in ServiceClient(self.mode).rewards()}
        if name in served and served[name]["options"] != options_json(reward.options):
            raise ConfigError(
                f"the service at {self.mode} scores {name!r} with options {served[name]['options']}, not the "
                f"{options_json(reward.options)} this run asks for: start it with this run's options"
            )

    def reward_funcs(self, abort_after: int | None) -> tuple[list[RemoteRewardFunction], list[float]]:
        self.health()
        if self._node is not None:
            funcs, weights = self._node.reward_funcs(abort_after=abort_after)
            return funcs, weights
        return reward_funcs(self.mode, self.config.rewards, abort_after=abort_after)
