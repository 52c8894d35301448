"""The ``ray`` executor: one long-lived actor per Ray node, each owning that node's worker pool and sandbox pool.

Imported only when the ray executor is chosen (it imports Ray). The modules:

==============  ==================================================================
``executor``    :class:`RayExecutor`: split a batch by group, collect, retry lost shares once
``fleet``       the driver's node actors: one per alive node, replaced when a node returns
``node``        :class:`NodeScorer`, the actor: a local pool with the plugins' preloads
``split``       whole groups in proportion to free capacity
``limiter``     the cluster's rate limits (:mod:`grpo_rewards.limits`) in one named actor
``connection``  reaching Ray, the settings, the actors' names
==============  ==================================================================

See ``docs/cluster.md`` for a cluster recipe.
"""

from __future__ import annotations

import ray as _ray  # noqa: F401 - fail here, with ImportError, when Ray is not installed

from .connection import NAMESPACE, SANDBOX_RESOURCE, RaySettings
from .executor import RayExecutor, RayReport, no_sandbox_node

__all__ = ["NAMESPACE", "SANDBOX_RESOURCE", "RayExecutor", "RayReport", "RaySettings", "no_sandbox_node"]
