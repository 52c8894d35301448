"""The messages between the trusted harness and the runner: a call request and its reply.

The harness (in a worker of ours) sends a :class:`CallRequest` when test code
calls a proxied function; the runner has the sandbox run it and answers with
one :data:`Reply`:

* :class:`Returned`: the function returned ``value``; ``args_after`` and
  ``kwargs_after`` hold its (mutable) arguments after the call, to copy back
  in-place changes, when they were asked for;
* :class:`Raised`: the function raised; a builtin exception type is re-raised
  in the test as itself;
* :class:`CallFailed`: timeout, memory, output limit, a runtime error with no
  value, or ``skipped`` (the sample's budget is spent): the test fails,
  whatever its code does;
* :class:`~.gateway.Infra`: the sandbox failed; the whole sample stops.

Frozen dataclasses, picklable (they cross the core's worker-pool channel).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Union

from .gateway import Infra

__all__ = ["CallFailed", "CallRequest", "Infra", "Raised", "Reply", "Returned"]


@dataclass(frozen=True)
class CallRequest:
    """Run ``name(*args, **kwargs)`` of sample ``sample``'s program; ``want_args``: send the arguments back."""

    sample: str
    name: str
    args: tuple[Any, ...]
    kwargs: dict[str, Any]
    want_args: bool


@dataclass(frozen=True)
class Returned:
    value: Any
    args_after: tuple[Any, ...] | None = None
    kwargs_after: dict[str, Any] | None = None


@dataclass(frozen=True)
class Raised:
    type_name: str
    message: str


@dataclass(frozen=True)
class CallFailed:
    status: str
    message: str


Reply = Union[Returned, Raised, CallFailed, Infra]  # noqa: UP007 - a runtime alias on Python 3.10
