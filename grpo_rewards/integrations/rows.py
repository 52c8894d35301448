"""Scoring rows for engine adapters: one selection of rewards, in this process or through a service.

An adapter (verl, ...) turns its engine's arguments into rows (``prompt``,
``completion``, columns) and asks a :class:`RowScorer` for one verdict per
reward per row. In this process the rewards are scored by
:func:`~grpo_rewards.score_samples` (the worker pool, the sandbox), exactly
as ``check`` and the TRL bridge score them; with ``service`` they are scored by
a ``grpo-rewards serve`` service (:mod:`grpo_rewards.remote`). Either way an
outage is an ``unverifiable`` verdict, never a score.

Scorers are cached per selection, so a reward function called once per sample
builds its rewards once per process. :class:`Coalescer` gathers concurrent
async calls into one batch.
"""

from __future__ import annotations

import asyncio
import json
import threading
from collections.abc import Mapping, Sequence
from typing import Any

from ..data import row_from_record
from ..errors import ConfigError, ServiceUnavailable
from ..plugins import load_plugins
from ..remote import ServiceClient, served_weights
from ..scoring import score_samples
from ..selection import select_rewards
from ..verdict import Verdict

__all__ = ["Coalescer", "RowScorer", "scorer_for"]

Verdicts = dict[str, Verdict]


class RowScorer:
    """Scores rows with the rewards of ``specs`` (``NAME[:WEIGHT]``); ``service`` scores them remotely."""

    def __init__(
        self, specs: Sequence[str], options: Mapping[str, Mapping[str, Any]] | None = None, *, service: str | None = None
    ) -> None:
        self.specs = list(specs)
        self.service = service
        if service is not None:
            if options:
                raise ConfigError(f"options are set where the service at {service} is started, not by its clients")
            self.client: ServiceClient | None = ServiceClient(service)
            self.weights = dict(served_weights(specs, {r["name"]: r for r in self.client.rewards()}, service))
            self.selection = None
        else:
            self.selection = select_rewards(load_plugins().registry, specs, options)
            self.selection.raise_for_errors()
            self.weights = {s.name: s.weight for s in self.selection.rewards}
            self.client = None

    @property
    def names(self) -> list[str]:
        return list(self.weights)

    def score(self, rows: Sequence[Mapping[str, Any]]) -> list[Verdicts]:
        """One ``{reward: verdict}`` per row, in order."""
        if not rows:
            return []
        return self._remote(rows) if self.client is not None else self._local(rows)

    def _local(self, rows: Sequence[Mapping[str, Any]]) -> list[Verdicts]:
        assert self.selection is not None
        samples = [row_from_record(row, path="batch", line=i).sample() for i, row in enumerate(rows, start=1)]
        out: list[Verdicts] = [{} for _ in rows]
        for selected in self.selection.rewards:
            for verdicts, verdict in zip(out, score_samples(selected.reward, samples, plugin=selected.plugin), strict=True):
                verdicts[selected.name] = verdict
        return out

    def _remote(self, rows: Sequence[Mapping[str, Any]]) -> list[Verdicts]:
        assert self.client is not None
        try:
            results = self.client.score_each(rows, self.names)
        except ServiceUnavailable as exc:
            down = Verdict.unverifiable(exc.reason, str(exc), service=self.client.url)
            return [dict.fromkeys(self.names, down) for _ in rows]
        return [_from_result(result, self.names) for result in results]


def _from_result(result: Mapping[str, Any], names: Sequence[str]) -> Verdicts:
    if "error" in result:
        bad = Verdict.unverifiable("invalid_row", str(result["error"]), field=result.get("field"))
        return dict.fromkeys(names, bad)
    out: Verdicts = {}
    for name in names:
        try:
            out[name] = Verdict.from_dict(result["rewards"][name])
        except (KeyError, TypeError, ValueError) as exc:
            out[name] = Verdict.unverifiable("service_unavailable", f"no valid verdict for {name!r} in the answer: {exc!r}")
    return out


_cache: dict[str, RowScorer] = {}
_cache_lock = threading.Lock()


def scorer_for(specs: Sequence[str], options: Mapping[str, Mapping[str, Any]] | None, service: str | None) -> RowScorer:
    """The process's scorer for this selection, built on first use (raises :class:`ConfigError` for a bad one)."""
    key = json.dumps([list(specs), options or {}, service], sort_keys=True, default=repr)
    with _cache_lock:
        scorer = _cache.get(key)
        if scorer is None:
            scorer = _cache[key] = RowScorer(specs, options, service=service)
        return scorer


class Coalescer:
    """Async calls that arrive within ``window`` seconds are scored as one batch (in a thread).

    An engine that awaits one coroutine per sample (verl's reward loop) would
    otherwise pay for a whole scoring round trip per sample.
    """

    def __init__(self, scorer: RowScorer, window: float = 0.005, max_rows: int = 1024) -> None:
        self.scorer = scorer
        self.window = window
        self.max_rows = max_rows
        self._pending: list[tuple[Mapping[str, Any], asyncio.Future[Verdicts]]] = []
        self._timer: asyncio.TimerHandle | None = None

    async def score(self, row: Mapping[str, Any]) -> Verdicts:
        loop = asyncio.get_running_loop()
        future: asyncio.Future[Verdicts] = loop.create_future()
        self._pending.append((row, future))
        if len(self._pending) >= self.max_rows:
            self._flush()
        elif self._timer is None:
            self._timer = loop.call_later(self.window, self._flush)
        return await future

    def _flush(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None
        batch, self._pending = self._pending, []
        if batch:
            asyncio.ensure_future(self._run(batch))

    async def _run(self, batch: list[tuple[Mapping[str, Any], asyncio.Future[Verdicts]]]) -> None:
        try:
            results = await asyncio.to_thread(self.scorer.score, [row for row, _ in batch])
        except Exception as exc:  # noqa: BLE001 - every waiting call gets the error, none hangs
            for _, future in batch:
                if not future.done():
                    future.set_exception(exc)
            return
        for (_, future), verdicts in zip(batch, results, strict=True):
            if not future.done():
                future.set_result(verdicts)
