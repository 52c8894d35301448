"""Reward functions by dotted path, for the TRL command line::

    trl grpo --model_name_or_path Qwen/Qwen2.5-0.5B-Instruct --dataset_name DATA \\
        --reward_funcs grpo_rewards.trl.math grpo_rewards.trl.format --reward_weights 1.0 0.2 ...

``grpo_rewards.trl.NAME`` is the installed reward ``NAME`` as a TRL reward
function (the same :class:`~grpo_rewards.RewardFunction` that
:func:`grpo_rewards.reward_funcs` returns: ``None`` for unverifiable, metrics,
and a stop after three batches without signal). ``grpo-rewards integrations trl``
lists the names. TRL takes the weights from ``--reward_weights``, in the order
of ``--reward_funcs``. Settings come from the environment, since the TRL
command line has no place for them:

=============================  =============================================================
``GRPO_REWARDS_OPTIONS``       reward options: JSON (``{"math": {"mode": "strict"}}``) or
                               flags (``math.mode=strict math.timeout=5``)
``GRPO_REWARDS_SERVICE``       score through ``grpo-rewards serve`` at this URL
                               (``http://HOST:PORT``, ``unix:/PATH``), or ``node``: one service
                               per host shared by the ranks of ``accelerate launch``
``GRPO_REWARDS_REWARDS``       with ``node``: every reward the run uses (``math,format``), so
                               the ranks' functions share one service
=============================  =============================================================
"""

from __future__ import annotations

import json
import os
import shlex
import threading
from typing import TYPE_CHECKING, Any

from .bridge import BaseRewardFunction, reward_funcs
from .errors import ConfigError
from .selection import parse_option_flags

if TYPE_CHECKING:  # pragma: no cover
    from .serve.node import NodeService

__all__: list[str] = []  # the attributes are the installed rewards: grpo_rewards.trl.math, ...

OPTIONS_ENV = "GRPO_REWARDS_OPTIONS"
SERVICE_ENV = "GRPO_REWARDS_SERVICE"
REWARDS_ENV = "GRPO_REWARDS_REWARDS"

_functions: dict[str, BaseRewardFunction] = {}
_lock = threading.Lock()


def _options() -> dict[str, dict[str, Any]]:
    text = os.environ.get(OPTIONS_ENV, "").strip()
    if not text:
        return {}
    if text.startswith("{"):
        try:
            loaded = json.loads(text)
        except json.JSONDecodeError as exc:
            raise ConfigError(f"{OPTIONS_ENV} is not JSON: {exc}") from None
        return {str(k): dict(v) for k, v in loaded.items()}
    return {k: dict(v) for k, v in parse_option_flags(shlex.split(text)).items()}


def _node(name: str, options: dict[str, dict[str, Any]]) -> BaseRewardFunction:
    from .serve.node import NodeService

    names = [n.strip() for n in os.environ.get(REWARDS_ENV, name).split(",") if n.strip()]
    if name not in names:
        raise ConfigError(f"{REWARDS_ENV}={','.join(names)} does not list {name!r}, which --reward_funcs asks for")
    service = _nodes.get(tuple(names)) or _nodes.setdefault(tuple(names), NodeService(names, options))
    funcs, _ = service.reward_funcs()
    return next(f for f in funcs if f.__name__ == name)


_nodes: dict[tuple[str, ...], NodeService] = {}


def _build(name: str) -> BaseRewardFunction:
    options = _options()
    service = os.environ.get(SERVICE_ENV, "").strip()
    if service == "node":
        return _node(name, options)
    if service:
        if options:
            raise ConfigError(f"{OPTIONS_ENV} cannot change a running service's options: start the service with them")
        from .remote import reward_funcs as remote_funcs

        (func,), _ = remote_funcs(service, [name])
        return func
    from .plugins import load_plugins

    manager = load_plugins()
    unknown = sorted(set(options) - {r.name for r in manager.registry})
    if unknown:
        raise ConfigError(f"{OPTIONS_ENV} sets options for {', '.join(unknown)}, which is not an installed reward")
    (local,), _ = reward_funcs([name], {k: v for k, v in options.items() if k == name}, manager=manager)
    return local


def __getattr__(name: str) -> BaseRewardFunction:
    """``grpo_rewards.trl.NAME``: the reward function for the installed reward ``NAME``, built once per process."""
    if name.startswith("__"):
        raise AttributeError(name)
    with _lock:
        if name not in _functions:
            try:
                _functions[name] = _build(name)
            except ConfigError as exc:
                raise AttributeError(f"grpo_rewards.trl.{name}: {exc}") from exc
        return _functions[name]
