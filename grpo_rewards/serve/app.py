"""The HTTP face of a :class:`~grpo_rewards.serve.scorer.Scorer`: a FastAPI app with three routes.

==================  ==============================================================
``POST /score``     ``{"rows": [...], "rewards": [...]?}`` -> ``{"results": [...], "rewards": [...], "bad_rows": N}``;
                    one result per completion, in order, in the ``check --output`` shape
``GET /rewards``    the served rewards: name, weight, plugin, columns, range, timeout, options
``GET /health``     ``status`` (``ok``, or ``degraded`` when a reward's preflight failed), the pid,
                    the selection's fingerprint, batches in flight and queued, the worker pool,
                    the clients seen
==================  ==============================================================

Refusals name the field: 400 (not JSON), 413 (body or rows over the limit),
422 (a missing or wrong field, a reward not served), 503 with ``Retry-After``
(every scoring slot and queue place taken). Scoring runs in threads, at most
``max_concurrent`` batches at once. This module imports FastAPI: import it only to serve.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import time
from collections.abc import AsyncIterator, Callable
from typing import Any

from fastapi import FastAPI, Request, Response

from ..output import encode_json
from ..pool import current_pool, shutdown_pool
from ..remote import CLIENT_HEADER
from .envelope import RequestProblem, parse_score_request
from .scorer import Scorer, UnknownReward

__all__ = ["CLIENT_HEADER", "Busy", "Gate", "ServiceState", "create_app"]

_MAX_CLIENTS = 256


class Busy(Exception):
    """Every scoring slot and every queue place is taken."""


class Gate:
    """At most ``concurrent`` batches scoring and ``queue`` waiting; anything more is :class:`Busy` at once."""

    def __init__(self, concurrent: int, queue: int) -> None:
        self.concurrent = concurrent
        self.capacity = concurrent + queue
        self.active = 0
        self.waiting = 0
        self._semaphore: asyncio.Semaphore | None = None

    @contextlib.asynccontextmanager
    async def slot(self) -> AsyncIterator[None]:
        if self.active + self.waiting >= self.capacity:
            raise Busy
        if self._semaphore is None:
            self._semaphore = asyncio.Semaphore(self.concurrent)
        self.waiting += 1
        try:
            await self._semaphore.acquire()
        finally:
            self.waiting -= 1
        self.active += 1
        try:
            yield
        finally:
            self.active -= 1
            self._semaphore.release()


class ServiceState:
    """What ``GET /health`` reports, kept by the routes."""

    def __init__(self, scorer: Scorer) -> None:
        self.scorer = scorer
        self.gate = Gate(scorer.limits.max_concurrent, scorer.limits.max_queue)
        self.started = time.time()
        self.ready = False
        self.batches = 0
        self.rows = 0
        self.refused = 0
        self.clients: dict[str, float] = {}

    def saw(self, client: str | None) -> None:
        if client and (client in self.clients or len(self.clients) < _MAX_CLIENTS):
            self.clients[client[:200]] = time.time()

    def health(self) -> dict[str, Any]:
        pool = current_pool()
        failed = [name for name, p in self.scorer.preflight.items() if not p.ok]
        return {
            "status": "starting" if not self.ready else ("degraded" if failed else "ok"),
            "pid": os.getpid(),
            "fingerprint": self.scorer.fingerprint,
            "rewards": self.scorer.names,
            "preflight": {name: p.to_dict() for name, p in self.scorer.preflight.items()},
            "in_flight": self.gate.active,
            "queued": self.gate.waiting,
            "batches": self.batches,
            "rows": self.rows,
            "refused": self.refused,
            "pool": None if pool is None else {"workers": pool.size, "pids": [w.process.pid for w in pool.workers]},
            "clients": sorted(self.clients),
            "uptime_seconds": round(time.time() - self.started, 3),
        }


def _json_response(payload: Any, status: int = 200, headers: dict[str, str] | None = None) -> Response:
    """``payload`` encoded as ``check --output`` encodes its lines: any string a completion holds survives."""
    return Response(encode_json(payload), status_code=status, media_type="application/json", headers=headers)


async def _read_body(request: Request, limit: int) -> bytes:
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise RequestProblem(413, "body", f"{declared} bytes, over this service's limit of {limit}: send smaller batches")
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise RequestProblem(413, "body", f"more than {limit} bytes, over this service's limit: send smaller batches")
        chunks.append(chunk)
    return b"".join(chunks)


def create_app(scorer: Scorer, *, prepare: bool = True, on_ready: Callable[[], None] | None = None) -> FastAPI:
    """The app. With ``prepare``, start-up runs every reward's preflight and warms the worker pool first.

    ``on_ready()`` is called once start-up is done (``serve --ready-file`` writes its file there).
    Shutdown stops the process-wide worker pool after the last in-flight batch.
    """
    state = ServiceState(scorer)

    @contextlib.asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        if prepare:
            await asyncio.to_thread(scorer.run_preflight)
            await asyncio.to_thread(scorer.warm)
        state.ready = True
        if on_ready is not None:
            on_ready()
        yield
        await asyncio.to_thread(shutdown_pool)

    app = FastAPI(title="grpo-rewards", summary="Verdicts for GRPO completions", lifespan=lifespan)
    app.state.service = state

    @app.get("/health")
    async def health() -> Response:
        return _json_response(state.health())

    @app.get("/rewards")
    async def rewards() -> Response:
        return _json_response({"rewards": scorer.describe(), "fingerprint": scorer.fingerprint})

    @app.post("/score")
    async def score(request: Request) -> Response:
        state.saw(request.headers.get(CLIENT_HEADER))
        try:
            parsed = parse_score_request(await _read_body(request, scorer.limits.max_body_bytes), scorer.limits)
            scorer.chosen(parsed.rewards)
            async with state.gate.slot():
                result = await asyncio.to_thread(scorer.score, parsed.rows, parsed.rewards)
        except RequestProblem as problem:
            state.refused += 1
            return _json_response(problem.to_dict(), problem.status)
        except UnknownReward as exc:
            state.refused += 1
            return _json_response({"error": str(exc), "field": exc.field}, 422)
        except Busy:
            state.refused += 1
            limits = scorer.limits
            message = f"busy: {limits.max_concurrent} batches scoring and {limits.max_queue} waiting; retry shortly"
            return _json_response({"error": message, "field": None}, 503, {"Retry-After": "1"})
        state.batches += 1
        state.rows += len(parsed.rows)
        return _json_response(result)

    return app
