"""Reading a ``POST /score`` body: the envelope around the rows, checked field by field.

A problem with the envelope (not JSON, no ``rows``, too many rows, an unknown
reward) refuses the whole request with a 4xx whose body names the field:
``{"error": "...", "field": "rows"}``. A problem with one row is not an
envelope problem: that row gets an error record and the others are scored.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ..messages import is_chat
from .limits import Limits

__all__ = ["RequestProblem", "ScoreRequest", "parse_score_request", "too_many_completions"]

_KEYS = ("rows", "rewards")


class RequestProblem(Exception):
    """A request refused as a whole: its HTTP status, the field at fault and what to do."""

    def __init__(self, status: int, field: str, message: str) -> None:
        self.status = status
        self.field = field
        self.message = message
        super().__init__(f"{status} {field}: {message}")

    def to_dict(self) -> dict[str, Any]:
        return {"error": self.message, "field": self.field}


@dataclass(frozen=True)
class ScoreRequest:
    """The rows to score and, optionally, which of the served rewards to score them with."""

    rows: list[Any]
    rewards: list[str] | None = None


def _json(body: bytes) -> Any:
    try:
        return json.loads(body.decode("utf-8"))
    except UnicodeDecodeError:
        raise RequestProblem(400, "body", "the body is not UTF-8 text; send JSON") from None
    except json.JSONDecodeError as exc:
        raise RequestProblem(400, "body", f"invalid JSON at line {exc.lineno} column {exc.colno}: {exc.msg}") from None
    except RecursionError:
        raise RequestProblem(400, "body", "JSON nested too deeply to read: send rows of plain values") from None


def _rewards(value: Any) -> list[str] | None:
    if value is None:
        return None
    if not isinstance(value, list):
        raise RequestProblem(422, "rewards", f"must be a list of reward names, not {type(value).__name__}")
    for index, name in enumerate(value):
        if not isinstance(name, str):
            raise RequestProblem(422, f"rewards[{index}]", f"must be a reward name (a string), not {type(name).__name__}")
        if name in value[:index]:
            raise RequestProblem(422, f"rewards[{index}]", f"reward {name!r} is named twice")
    return list(value)


def parse_score_request(body: bytes, limits: Limits) -> ScoreRequest:
    """``{"rows": [...], "rewards": [...]?}`` as a :class:`ScoreRequest`; raises :class:`RequestProblem`."""
    data = _json(body)
    if not isinstance(data, dict):
        raise RequestProblem(422, "body", f'must be a JSON object {{"rows": [...]}}, not {type(data).__name__}')
    unknown: Sequence[str] = [key for key in data if key not in _KEYS]
    if unknown:
        raise RequestProblem(422, str(unknown[0]), f"unknown field {unknown[0]!r}: a request has {' and '.join(_KEYS)}")
    if "rows" not in data:
        raise RequestProblem(422, "rows", "missing: send the rows to score as a list, each with 'completion'")
    rows = data["rows"]
    if not isinstance(rows, list):
        raise RequestProblem(422, "rows", f"must be a list of rows, not {type(rows).__name__}")
    if len(rows) > limits.max_rows:
        message = f"{len(rows)} rows, over this service's limit of {limits.max_rows}: send smaller batches"
        raise RequestProblem(413, "rows", message)
    count = sum(_completions_in(row) for row in rows)
    if count > limits.max_rows:
        raise too_many_completions(count, limits)  # before millions of rows are made of one row's list
    return ScoreRequest(rows, _rewards(data.get("rewards")))


def too_many_completions(count: int, limits: Limits) -> RequestProblem:
    """The 413 for ``count`` completions over ``limits.max_rows``."""
    message = (
        f"{count} completions (a row with a list of completions counts each), over this "
        f"service's limit of {limits.max_rows}: send smaller batches"
    )
    return RequestProblem(413, "rows", message)


def _completions_in(row: Any) -> int:
    """How many completions the reader will make of ``row``: the length of a list of completions, else 1."""
    if not isinstance(row, dict):
        return 1
    value = row["completion"] if "completion" in row else row.get("completions")
    return len(value) if isinstance(value, list) and value and not is_chat(value) else 1
