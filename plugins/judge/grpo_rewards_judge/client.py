"""One judge request over OpenAI-compatible chat completions: retries, back-off and a deadline.

:func:`complete` never raises for the endpoint's behaviour. It returns a
:class:`Reply` (the judge answered), a :class:`Malformed` (it answered, but not
with a chat completion) or an :class:`Unreachable` (no answer: refused, timed
out, 429/5xx after every retry, or a 4xx that retrying cannot fix).

The deadline (``Endpoint.timeout``) covers one judgment from its first attempt
to its last: attempts, back-off and ``Retry-After`` waits. Waiting for a
concurrency slot or a rate-limit start is not counted.
"""

from __future__ import annotations

import asyncio
import os
import time
import traceback
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from .limits import Breaker, RequestLimiter

if TYPE_CHECKING:
    import httpx

__all__ = ["Answer", "Crashed", "Endpoint", "Malformed", "Reply", "Unreachable", "complete", "describe", "first_model"]

RETRY_STATUS = frozenset({408, 409, 425, 429, 500, 502, 503, 504})
_BODY_SHOWN = 2000


@dataclass(frozen=True)
class Endpoint:
    """Where and how to ask. ``headers`` holds the API key and is kept out of ``repr``."""

    base_url: str
    model: str
    temperature: float = 0.0
    max_tokens: int = 512
    timeout: float = 30.0
    retries: int = 2
    backoff: float = 0.5
    headers: dict[str, str] = field(default_factory=dict, repr=False)

    @property
    def url(self) -> str:
        return self.base_url.rstrip("/") + "/chat/completions"


@dataclass(frozen=True)
class Reply:
    """The judge's text and what it cost."""

    text: str
    tokens_in: int = 0
    tokens_out: int = 0
    finish_reason: str | None = None
    attempts: int = 1
    seconds: float = 0.0


@dataclass(frozen=True)
class Malformed:
    """The endpoint answered 200 with something that is not a chat completion."""

    message: str
    body: str
    attempts: int = 1
    seconds: float = 0.0


@dataclass(frozen=True)
class Unreachable:
    """No answer from the judge; the message says what happened."""

    message: str
    attempts: int = 0
    seconds: float = 0.0


@dataclass(frozen=True)
class Crashed:
    """Our own code failed on this request (a bug): reported as ``unverifiable(crash)`` with the traceback."""

    message: str
    traceback: str


#: Everything :func:`complete` can return.
Answer = Reply | Malformed | Unreachable | Crashed


@dataclass(frozen=True)
class _Failed:
    message: str
    retryable: bool
    retry_after: float | None = None


def describe(exc: BaseException) -> str:
    """The most specific words for a transport error (``Connection refused`` rather than httpx's summary)."""
    cause: BaseException | None = exc
    while cause is not None:
        if isinstance(cause, OSError) and (cause.errno or cause.strerror):
            return os.strerror(cause.errno) if cause.errno else str(cause.strerror)
        cause = cause.__cause__ or cause.__context__
    return str(exc) or type(exc).__name__


def _payload(endpoint: Endpoint, messages: list[dict[str, str]]) -> dict[str, Any]:
    return {
        "model": endpoint.model,
        "messages": messages,
        "temperature": endpoint.temperature,
        "max_tokens": endpoint.max_tokens,
        "stream": False,
    }


def _retry_after(response: httpx.Response) -> float | None:
    value = response.headers.get("retry-after")
    try:
        return max(0.0, float(value)) if value is not None else None
    except ValueError:
        return None  # an HTTP date: fall back to our own back-off


def _reply(response: httpx.Response) -> Reply | Malformed:
    try:
        body = response.json()
        choice = body["choices"][0]
        text = choice["message"].get("content") or ""
        usage = body.get("usage") or {}
        if not isinstance(text, str):
            raise TypeError("content is not text")
        return Reply(
            text,
            tokens_in=int(usage.get("prompt_tokens") or 0),
            tokens_out=int(usage.get("completion_tokens") or 0),
            finish_reason=choice.get("finish_reason"),
        )
    except (ValueError, TypeError, KeyError, IndexError, AttributeError) as exc:
        return Malformed(f"the endpoint's 200 reply is not a chat completion ({type(exc).__name__})", response.text[:_BODY_SHOWN])


async def _attempt(
    http: httpx.AsyncClient, endpoint: Endpoint, payload: dict[str, Any], remaining: float
) -> Reply | Malformed | _Failed:
    import httpx

    try:
        response = await asyncio.wait_for(
            http.post(endpoint.url, json=payload, headers=endpoint.headers, timeout=httpx.Timeout(remaining)), remaining
        )
    except (asyncio.TimeoutError, httpx.TimeoutException):
        return _Failed(f"no reply from {endpoint.base_url} within {endpoint.timeout:g} s", retryable=True)
    except httpx.HTTPError as exc:
        return _Failed(f"cannot reach {endpoint.base_url}: {describe(exc)}", retryable=True)
    if response.status_code == 200:
        return _reply(response)
    if response.status_code in RETRY_STATUS:
        return _Failed(f"HTTP {response.status_code} from {endpoint.base_url}", True, _retry_after(response))
    detail = " ".join(response.text.split())[:200]
    return _Failed(f"HTTP {response.status_code} from {endpoint.base_url}: {detail}", retryable=False)


async def _attempts(
    http: httpx.AsyncClient, endpoint: Endpoint, breaker: Breaker, limiter: RequestLimiter, payload: dict[str, Any]
) -> Reply | Malformed | Unreachable:
    spent, last, attempts = 0.0, "", 0
    while attempts <= endpoint.retries:
        if not breaker.allows():
            message = f"not sent: {endpoint.base_url} failed {breaker.failures} judgments in a row; it is tried again"
            return Unreachable(f"{message} {breaker.cooldown:g} s after the last failure", attempts, spent)
        await limiter.pace()
        started = time.monotonic()
        outcome = await _attempt(http, endpoint, payload, endpoint.timeout - spent)
        spent += time.monotonic() - started
        attempts += 1
        if not isinstance(outcome, _Failed):
            breaker.succeeded()
            return replace(outcome, attempts=attempts, seconds=spent)
        last = outcome.message
        if not outcome.retryable:
            return Unreachable(last, attempts, spent)
        delay = outcome.retry_after if outcome.retry_after is not None else endpoint.backoff * 2 ** (attempts - 1)
        if attempts > endpoint.retries or spent + delay >= endpoint.timeout:
            break
        await asyncio.sleep(delay)
        spent += delay
    breaker.failed()
    return Unreachable(f"{last} ({attempts} attempt(s) in {spent:.1f} s)", attempts, spent)


async def complete(
    http: httpx.AsyncClient, endpoint: Endpoint, limiter: RequestLimiter, breaker: Breaker, messages: list[dict[str, str]]
) -> Answer:
    """Ask the judge once (with retries); never raises: a bug of ours comes back as :class:`Crashed`."""
    try:
        async with limiter.slot():
            return await _attempts(http, endpoint, breaker, limiter, _payload(endpoint, messages))
    except Exception as exc:  # noqa: BLE001 - one request's failure is that request's verdict, not the batch's
        return Crashed(f"{type(exc).__name__}: {exc}", traceback.format_exc())


async def first_model(http: httpx.AsyncClient, base_url: str, headers: dict[str, str], timeout: float) -> str | Unreachable:
    """The first model ``GET {base_url}/models`` lists (how the judge picks a model when none is named)."""
    import httpx

    url = base_url.rstrip("/") + "/models"
    try:
        response = await asyncio.wait_for(http.get(url, headers=headers, timeout=httpx.Timeout(timeout)), timeout)
        response.raise_for_status()
        return str(response.json()["data"][0]["id"])
    except (asyncio.TimeoutError, httpx.TimeoutException):
        return Unreachable(f"no reply from {url} within {timeout:g} s")
    except httpx.HTTPStatusError as exc:
        return Unreachable(f"{url} answered HTTP {exc.response.status_code} when asked for its models; set judge.model")
    except httpx.HTTPError as exc:
        return Unreachable(f"cannot reach {url}: {describe(exc)}")
    except (ValueError, KeyError, IndexError, TypeError):
        return Unreachable(f"{url} lists no model; set judge.model")
