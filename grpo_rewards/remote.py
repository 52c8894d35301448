"""TRL reward functions that score through a ``grpo-rewards serve`` service.

::

    from grpo_rewards.remote import reward_funcs

    funcs, weights = reward_funcs("http://127.0.0.1:8000", ["math", "format:0.2"])
    trainer = GRPOTrainer(..., reward_funcs=funcs, args=GRPOConfig(..., reward_weights=weights))

The functions keep the in-process contract (:class:`~grpo_rewards.bridge.BaseRewardFunction`):
one float or ``None`` per completion, ``__name__`` the reward name, metrics,
and a :class:`~grpo_rewards.RewardError` after ``abort_after`` calls in a row
in which every sample was unverifiable. The client owns deadlines and retries:

* a connection refused, a reset, or a 5xx is retried (``retries`` times, with
  backoff) within the call's ``deadline``; a 503 (the service is busy) is
  retried until the deadline;
* a service that stays unreachable makes every sample of that call
  ``unverifiable(service_unavailable)``; no answer by the deadline makes them
  ``unverifiable(service_timeout)``. Never 0: our outage is not the policy's fault;
* a 413 (a batch over the service's ``--max-body-mb`` or ``--max-rows``) is sent
  again in halves; a row that alone is too large gets an error result naming
  the limit to raise (an ``unverifiable(invalid_row)`` verdict), and the others are scored;
* any other 4xx (a reward the service does not serve, a malformed request) is our
  mistake, not an outage, and raises :class:`~grpo_rewards.ConfigError` at once.

``url`` is ``http://HOST:PORT`` or ``unix:/path/to.sock`` (a Unix domain socket).
The client needs httpx (``pip install 'grpo-rewards[serve]'``), not the
reward plugins: those run where the service runs.
"""

from __future__ import annotations

import json
import os
import socket
import time
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, TypeGuard

from .bridge import BaseRewardFunction, BatchRow
from .errors import ConfigError, GrpoRewardsError, ServiceUnavailable
from .selection import parse_reward_spec
from .verdict import Verdict

if TYPE_CHECKING:  # pragma: no cover
    import httpx

__all__ = ["RemoteRewardFunction", "ServiceClient", "parse_service_url", "reward_funcs", "served_weights"]

#: Header naming the calling process to the service (``GET /health`` lists the clients seen).
CLIENT_HEADER = "x-grpo-rewards-client"
_BACKOFF = (0.1, 0.3, 1.0, 2.0)


def parse_service_url(url: str) -> tuple[str, str | None]:
    """``"unix:/run/x.sock"`` -> ``("http://grpo-rewards", "/run/x.sock")``; ``"http://h:1"`` -> ``("http://h:1", None)``."""
    if url.startswith("unix:"):
        path = url[len("unix:") :]
        path = "/" + path.lstrip("/") if path.startswith("//") else path
        if not path:
            raise ConfigError(f"service URL {url!r}: give the socket's path, e.g. unix:/tmp/grpo-rewards.sock")
        return "http://grpo-rewards", path
    if url.startswith(("http://", "https://")):
        return url.rstrip("/"), None
    raise ConfigError(f"service URL {url!r}: expected http://HOST:PORT or unix:/PATH/TO.sock")


def _plain(value: Any) -> Any:
    """JSON for dataset values that are not JSON already (numpy scalars and arrays, tensors, ...)."""
    if hasattr(value, "tolist"):
        return value.tolist()
    if hasattr(value, "item"):
        return value.item()
    return str(value)


def _identity() -> str:
    rank = os.environ.get("RANK") or os.environ.get("LOCAL_RANK")
    return f"pid={os.getpid()}" + (f" rank={rank}" if rank is not None else "")


class ServiceClient:
    """Calls one service: ``POST /score`` with deadlines and retries, ``GET /rewards``, ``GET /health``.

    Args:
        url: ``http://HOST:PORT`` or ``unix:/PATH``.
        deadline: seconds one :meth:`score` call may take in all, retries included.
        retries: extra attempts after a connection failure or a 5xx.
        connect_timeout: seconds to wait for a connection.
        max_rows: rows per request; larger batches are sent in several requests.
    """

    def __init__(
        self, url: str, *, deadline: float = 300.0, retries: int = 3, connect_timeout: float = 5.0, max_rows: int = 1024
    ) -> None:
        self.url = url
        self.base_url, self.uds = parse_service_url(url)
        self.deadline = deadline
        self.retries = retries
        self.connect_timeout = connect_timeout
        self.max_rows = max_rows
        self._http: httpx.Client | None = None
        self._pid = 0

    def __getstate__(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in ("url", "deadline", "retries", "connect_timeout", "max_rows")}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(state.pop("url"), **state)  # type: ignore[misc]

    def __repr__(self) -> str:
        return f"ServiceClient({self.url!r})"

    def _client(self) -> httpx.Client:
        """One connection pool per process (a forked child makes its own)."""
        if self._http is None or self._pid != os.getpid():
            import httpx

            # TCP_NODELAY: a request's headers and body go out as two writes, and Nagle's algorithm would hold
            # the second until the server's delayed ACK (40 ms a request); Unix sockets have no such delay.
            nodelay = [(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)]
            transport = httpx.HTTPTransport(uds=self.uds) if self.uds else httpx.HTTPTransport(socket_options=nodelay)
            headers = {CLIENT_HEADER: _identity(), "content-type": "application/json"}
            self._http = httpx.Client(base_url=self.base_url, transport=transport, headers=headers, trust_env=False)
            self._pid = os.getpid()
        return self._http

    def close(self) -> None:
        if self._http is not None and self._pid == os.getpid():
            self._http.close()
        self._http = None

    # -- calls ---------------------------------------------------------------------

    def get(self, path: str, *, timeout: float = 10.0) -> dict[str, Any]:
        """``GET path`` once; raises :class:`ServiceUnavailable` when there is no answer."""
        import httpx

        try:
            response = self._client().get(path, timeout=timeout)
        except httpx.HTTPError as exc:
            raise ServiceUnavailable(f"no answer from the grpo-rewards service at {self.url}: {exc}") from None
        if response.status_code != 200:
            raise ServiceUnavailable(f"the service at {self.url} answered {path} with HTTP {response.status_code}")
        try:
            data = response.json()
        except ValueError:
            data = None
        if not isinstance(data, dict):
            raise ServiceUnavailable(
                f"{self.url} answered {path} with something other than a JSON object: is a grpo-rewards service "
                "listening there, or another program on its port or socket?"
            )
        return data

    def health(self, *, timeout: float = 5.0) -> dict[str, Any]:
        return self.get("/health", timeout=timeout)

    def rewards(self) -> list[dict[str, Any]]:
        """The rewards the service serves, as ``GET /rewards`` lists them."""
        return list(self.get("/rewards")["rewards"])

    def score(self, rows: Sequence[Mapping[str, Any]], rewards: Sequence[str] | None = None) -> list[dict[str, Any]]:
        """Results in the ``check --output`` shape, in order: one per row, and one per completion of a row
        with a list of completions (with ``completion_index``); ``line`` is the row's 1-based place in ``rows``.

        Raises :class:`ServiceUnavailable` (reason ``service_unavailable`` or
        ``service_timeout``) and :class:`ConfigError` for a request the service refuses.
        """
        ends = time.monotonic() + self.deadline
        names = list(rewards) if rewards else None
        results: list[dict[str, Any]] = []
        for start in range(0, len(rows), self.max_rows):
            results += self._score_span(rows, start, min(start + self.max_rows, len(rows)), names, ends)
        return results

    def _score_span(
        self, rows: Sequence[Mapping[str, Any]], start: int, stop: int, rewards: list[str] | None, ends: float
    ) -> list[dict[str, Any]]:
        """Results of ``rows[start:stop]``, numbered in ``rows``; a span the service finds too large (413) is
        sent in halves, so long completions (or text JSON escapes to 6-12 bytes a character) never fail a batch."""
        body = json.dumps({"rows": list(rows[start:stop]), "rewards": rewards}, default=_plain)
        try:
            answered = self._post(body.encode(), stop - start, ends)
        except _TooLarge as exc:
            if stop - start == 1:
                return [_too_large(start + 1, exc)]
            middle = (start + stop) // 2
            return self._score_span(rows, start, middle, rewards, ends) + self._score_span(rows, middle, stop, rewards, ends)
        return [{**result, "line": result["line"] + start} for result in answered]

    def score_each(self, rows: Sequence[Mapping[str, Any]], rewards: Sequence[str] | None = None) -> list[dict[str, Any]]:
        """Exactly one result per row, in order, for rows of one completion each (what reward functions send).

        A row the service read as a list of completions gets an error result
        naming its field, as :func:`grpo_rewards.data.row_from_record` refuses it.
        """
        by_line: dict[int, list[dict[str, Any]]] = {}
        for result in self.score(rows, rewards):
            by_line.setdefault(result["line"], []).append(result)
        return [_only(by_line[line], line) for line in range(1, len(rows) + 1)]

    def _post(self, body: bytes, count: int, ends: float) -> list[dict[str, Any]]:
        import httpx

        failures = 0
        while True:
            remaining = ends - time.monotonic()
            if remaining <= 0:
                raise ServiceUnavailable(
                    f"the service at {self.url} gave no answer within the {self.deadline:g}s deadline", reason="service_timeout"
                )
            timeout = httpx.Timeout(remaining, connect=min(self.connect_timeout, remaining))
            try:
                response = self._client().post("/score", content=body, timeout=timeout)
            except (httpx.ReadTimeout, httpx.WriteTimeout, httpx.PoolTimeout):
                continue  # the deadline check above reports it
            except httpx.TransportError as exc:
                failures = self._failed(failures, f"cannot reach the service at {self.url}: {type(exc).__name__}: {exc}")
                continue
            if response.status_code == 503:
                time.sleep(min(_retry_after(response), max(0.0, ends - time.monotonic())))
                continue
            if response.status_code >= 500:
                failures = self._failed(failures, f"the service at {self.url} failed: HTTP {response.status_code}")
                continue
            return self._results(response, count)

    def _failed(self, failures: int, message: str) -> int:
        if failures >= self.retries:
            raise ServiceUnavailable(f"{message} (after {failures + 1} attempts)")
        time.sleep(_BACKOFF[min(failures, len(_BACKOFF) - 1)])
        return failures + 1

    def _results(self, response: httpx.Response, count: int) -> list[dict[str, Any]]:
        try:
            data = response.json()
        except ValueError:
            data = None
        if response.status_code != 200:
            problem = data if isinstance(data, dict) else {"error": response.text[:500]}
            if response.status_code == 413:
                raise _TooLarge(str(problem.get("field")), str(problem.get("error")))
            raise ConfigError(
                f"the service at {self.url} refused the request (HTTP {response.status_code}, field "
                f"{problem.get('field')!r}): {problem.get('error')}"
            )
        results = data.get("results") if isinstance(data, dict) else None
        if not _covers(results, count):
            raise ServiceUnavailable(f"the service at {self.url} answered with a malformed body for {count} rows")
        return results


class _TooLarge(Exception):
    """The service refused a request as too large (413): the field at fault and its message."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


def _too_large(line: int, exc: _TooLarge) -> dict[str, Any]:
    """The error result of a row that alone is more than the service accepts."""
    message = (
        f"request:{line}: this row alone is over the service's limit ({exc}); start the service with a larger "
        f"{'--max-rows' if exc.field == 'rows' else '--max-body-mb'}"
    )
    return {"line": line, "error": message, "field": exc.field, "rewards": {}}


def _covers(results: Any, count: int) -> TypeGuard[list[dict[str, Any]]]:
    """True when ``results`` are records of rows 1..count, in order, every row at least once."""
    if not isinstance(results, list) or not all(isinstance(r, dict) and type(r.get("line")) is int for r in results):
        return False
    lines = [r["line"] for r in results]
    return lines == sorted(lines) and set(lines) == set(range(1, count + 1))


def _only(results: list[dict[str, Any]], line: int) -> dict[str, Any]:
    if len(results) == 1 and "completion_index" not in results[0]:
        return results[0]
    message = f"request:{line}: holds a list of completions; give one completion per row here"
    return {"line": line, "error": message, "field": "completion", "rewards": {}}


def _retry_after(response: httpx.Response) -> float:
    try:
        return max(0.05, min(10.0, float(response.headers.get("retry-after", "1"))))
    except ValueError:
        return 1.0


class RemoteRewardFunction(BaseRewardFunction):
    """One served reward as a TRL reward function. Build these with :func:`reward_funcs`.

    ``reconnect()``, when given, is called before the first call that follows a
    failed one (a per-node service starts again there, see :mod:`grpo_rewards.serve.node`).
    """

    def __init__(
        self,
        name: str,
        client: ServiceClient,
        *,
        weight: float = 1.0,
        plugin: str | None = None,
        abort_after: int | None = 3,
        reconnect: Callable[[], None] | None = None,
    ) -> None:
        super().__init__(name, plugin=plugin, weight=weight, abort_after=abort_after)
        self.client = client
        self.reconnect = reconnect
        self._down = False

    def __getstate__(self) -> dict[str, Any]:
        keys = ("client", "weight", "plugin", "abort_after", "reconnect")
        return {"name": self.__name__, **{k: getattr(self, k) for k in keys}}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(state.pop("name"), state.pop("client"), **state)  # type: ignore[misc]

    def __repr__(self) -> str:
        return f"RemoteRewardFunction({self.__name__!r}, weight={self.weight}, url={self.client.url!r})"

    def verdicts(
        self,
        prompts: Sequence[Any] | None,
        completions: Sequence[Any],
        completion_ids: Sequence[Any] | None,
        columns: Mapping[str, Any],
    ) -> list[Verdict]:
        rows = [_wire_row(r) for r in self.batch(prompts, completions, completion_ids, columns)]
        try:
            if self._down and self.reconnect is not None:
                self.reconnect()
            results = self.client.score_each(rows, [self.__name__])
        except ServiceUnavailable as exc:
            self._down = True
            return [Verdict.unverifiable(exc.reason, str(exc), service=self.client.url)] * len(rows)
        except GrpoRewardsError as exc:
            if not self._down:
                raise
            return [Verdict.unverifiable("service_unavailable", str(exc), service=self.client.url)] * len(rows)
        self._down = False
        return [self._verdict(result) for result in results]

    def _verdict(self, result: Mapping[str, Any]) -> Verdict:
        if "error" in result:
            return Verdict.unverifiable("invalid_row", str(result["error"]), field=result.get("field"))
        try:
            return Verdict.from_dict(result["rewards"][self.__name__])
        except (KeyError, TypeError, ValueError) as exc:
            message = f"the service's answer has no valid verdict for {self.__name__!r}: {exc!r}"
            return Verdict.unverifiable("service_unavailable", message, service=self.client.url)


def _wire_row(row: BatchRow) -> dict[str, Any]:
    record: dict[str, Any] = {**row.row, "prompt": row.prompt, "completion": row.completion}
    if row.completion_ids is not None:
        record["completion_ids"] = row.completion_ids
    return record


def served_weights(specs: Sequence[str], served: Mapping[str, Mapping[str, Any]], url: str) -> list[tuple[str, float]]:
    """``(name, weight)`` for each spec: its own weight if it has one, else the one the service at ``url`` serves it with.

    Raises :class:`ConfigError` for a reward not in ``served`` (``GET /rewards`` by name).
    """
    chosen = []
    for spec in specs:
        name, weight = parse_reward_spec(spec)
        if name not in served:
            raise ConfigError(f"reward {name!r} is not served by {url} (served: {', '.join(served) or 'none'})")
        chosen.append((name, weight if ":" in spec else float(served[name]["weight"])))
    return chosen


def reward_funcs(
    url: str,
    rewards: Sequence[str] | None = None,
    *,
    deadline: float = 300.0,
    retries: int = 3,
    abort_after: int | None = 3,
    reconnect: Callable[[], None] | None = None,
    client: ServiceClient | None = None,
) -> tuple[list[RemoteRewardFunction], list[float]]:
    """Reward functions and weights for ``trl.GRPOTrainer`` that score through the service at ``url``.

    Args:
        url: ``http://HOST:PORT`` or ``unix:/PATH``.
        rewards: served rewards by name, optionally with a weight (``"format:0.2"``); a name
            without one gets the weight the service was started with. Default: every served reward.
        deadline: seconds each call may take, retries included.
        retries: extra attempts after a connection failure or a 5xx.
        abort_after: see :class:`~grpo_rewards.bridge.BaseRewardFunction`.
        reconnect: called before a call that follows a failed one.

    Raises:
        ServiceUnavailable: the service does not answer now (asked for its rewards).
        ConfigError: a named reward is not served there.
    """
    client = client or ServiceClient(url, deadline=deadline, retries=retries)
    served = {r["name"]: r for r in client.rewards()}
    chosen = served_weights(rewards if rewards is not None else list(served), served, url)
    funcs = [
        RemoteRewardFunction(
            name, client, weight=weight, plugin=served[name].get("plugin"), abort_after=abort_after, reconnect=reconnect
        )
        for name, weight in chosen
    ]
    return funcs, [weight for _, weight in chosen]
