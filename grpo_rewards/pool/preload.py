"""Which modules warm workers import before their first task, decided where plugins are loaded.

Loading plugins (:meth:`grpo_rewards.PluginManager.register`) declares the
``Manifest.preload`` of every process-isolated reward with
:func:`declare_preload`. The process-wide pool imports every declared module
in each worker, and the fork server that forks every worker is told to import
them too, so a worker starts with them already in memory. Declaring more
later is never lost: workers started afterwards import them themselves (the
fork server, once running, keeps what it has).
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterable, Sequence
from multiprocessing.context import BaseContext

__all__ = ["declare_preload", "declared_preload", "worker_context"]

_declared: dict[str, None] = {}


def declare_preload(modules: Iterable[str]) -> None:
    """Add ``modules`` to what warm workers import first (idempotent; order kept)."""
    _declared.update(dict.fromkeys(modules))


def declared_preload() -> tuple[str, ...]:
    """Every module declared so far, in the order declared."""
    return tuple(_declared)


def worker_context(preload: Sequence[str]) -> BaseContext:
    """The context workers start from: the fork server (told to import ``preload`` and every declared module), else spawn.

    The fork server starts with the first worker and keeps its imports; later
    calls only matter until then.
    """
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(list(dict.fromkeys(["grpo_rewards.pool.worker", *_declared, *preload])))
    return context
