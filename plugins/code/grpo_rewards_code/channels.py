"""How a proxied call gets its answer in the harness: from the sandbox, or from a mutant of those answers.

:class:`LiveChannel` checks that the arguments can cross (plain values and the
kinds :mod:`.values` carries), asks the parent
(:func:`grpo_rewards.pool.request_parent`) to run the call in the sandbox, and
remembers each reply under the call's encoded arguments. :class:`MutantChannel`
answers the same calls from that memory through :func:`.mutants.mutate`, with
no sandbox at all (see :mod:`.mutants`).

Replies carry wrapped values (:func:`.values.wrap`); each answer is unwrapped
afresh, so a test that changes a returned list in place cannot change what a
later answer holds.
"""

from __future__ import annotations

import builtins
import collections
import time
from typing import Any

from grpo_rewards.pool import request_parent

from .clock import ClockedRecorder
from .gateway import Infra, wire_bytes
from .mutants import mutate, unknown_answer
from .recorder import Abort, RemoteRaised, TestFailed
from .replies import CallFailed, CallRequest, Raised, Reply, Returned
from .values import HostileValue, Opaque, unwrap, wrap

__all__ = ["Channel", "InfraFailed", "LiveChannel", "MutantChannel", "SandboxNeeded"]

_REMOTE_TYPES: dict[str, type[BaseException]] = {}
#: Exceptions that steer our own code (a StopIteration would silently end a `for` loop
#: over map(candidate, ...) in the test); they come back as a plain RemoteRaised instead.
_CONTROL_FLOW = (StopIteration, StopAsyncIteration)
_PLAIN = (type(None), bool, int, float, str, bytes, complex, range)
_CONTAINERS = (list, tuple, set, frozenset, collections.deque)
_MAPPINGS = (dict, collections.Counter, collections.OrderedDict, collections.defaultdict)
_NUMBERS = ("fractions.Fraction", "decimal.Decimal")


class SandboxNeeded(Abort):
    """The test passes something a proxy cannot carry: run the tests in the sandbox instead."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class InfraFailed(Abort):
    def __init__(self, infra: Infra) -> None:
        super().__init__(infra.message)
        self.infra = infra


def remote_exception(type_name: Any, message: Any) -> BaseException:
    """The exception to raise in the test for one the function raised (a builtin type as itself)."""
    text = message if isinstance(message, str) else ""
    base = getattr(builtins, type_name, None) if isinstance(type_name, str) else None
    if isinstance(base, type) and issubclass(base, Exception) and not issubclass(base, _CONTROL_FLOW):
        cls = _REMOTE_TYPES.get(type_name)
        if cls is None:
            try:
                cls = _REMOTE_TYPES[type_name] = type(type_name, (base, RemoteRaised), {})
            except TypeError:  # an incompatible layout; fall through to the generic marker
                cls = None
        if cls is not None:
            try:
                return cls(text)
            except Exception:  # noqa: BLE001 - e.g. UnicodeDecodeError needs five arguments
                pass
    return RemoteRaised(f"{str(type_name)[:80]}: {text}")


def _type_name(kind: type) -> str:
    return kind.__qualname__ if kind.__module__ == "builtins" else f"{kind.__module__}.{kind.__qualname__}"


def foreign_type(value: Any, depth: int = 0) -> str | None:
    """The name of the first value a proxy cannot carry (a callable, an object), if any.

    Decides the in-sandbox fallback, so it looks at types only: sizes, which the
    model's earlier return values could inflate, never send a test there.
    """
    kind = type(value)
    if kind in _PLAIN or _type_name(kind) in _NUMBERS or depth > 64:
        return None
    items: Any
    if kind in _MAPPINGS:
        items = [*value.keys(), *value.values()]
    elif kind in _CONTAINERS:
        items = value
    else:
        return _type_name(kind)
    for item in items:
        found = foreign_type(item, depth + 1)
        if found is not None:
            return found
    return None


def _holds_opaque(value: Any, depth: int = 0) -> bool:
    if type(value) is Opaque:
        return True
    if depth > 64 or type(value) not in (*_CONTAINERS, *_MAPPINGS):
        return False
    items = [*value.keys(), *value.values()] if isinstance(value, dict) else value
    return any(_holds_opaque(item, depth + 1) for item in items)


def _mutable(value: Any) -> bool:
    return type(value) in (list, dict, set)


def _copy_back(original: Any, after: Any) -> None:
    if type(original) is not type(after):
        return
    if type(original) is list:
        original[:] = after
    elif type(original) in (dict, set):
        original.clear()
        original.update(after)


class Channel:
    """Answers proxied calls; subclasses say where answers come from."""

    def __init__(self, recorder: ClockedRecorder, memory: dict[bytes, Reply]) -> None:
        self.recorder = recorder
        self.memory = memory
        self.calls = 0
        self.waited = 0.0

    def fail(self, status: str, message: str) -> TestFailed:
        self.recorder.force(status, message)
        return TestFailed(status, message)

    def key(self, name: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> tuple[bytes, tuple[Any, ...]]:
        """The call's memory key and its wrapped arguments; fails the test when they cannot cross."""
        if _holds_opaque((args, kwargs)):
            raise self.fail("runtime_error", f"{name}() was given an object the function returned, which cannot go back")
        foreign = foreign_type((args, kwargs))
        if foreign is not None:
            raise SandboxNeeded(f"{name}() was called with a {foreign}, which cannot cross into the sandbox")
        wrapped = (wrap(args), wrap(kwargs))
        try:
            return wire_bytes((name, wrapped)), wrapped
        except ValueError as problem:  # plain values, but too big: the function's earlier results may have grown them
            raise self.fail("runtime_error", f"the arguments of {name}() are too large for the sandbox: {problem}") from None

    def value(self, wrapped: Any) -> Any:
        try:
            return unwrap(wrapped)
        except HostileValue as exc:
            raise self.fail("runtime_error", f"the function's value was refused: {exc}") from None

    def call(self, name: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> Any:
        raise NotImplementedError


class LiveChannel(Channel):
    """Calls go to the sandbox through the parent; replies are remembered for the mutants."""

    def __init__(self, sample: str, recorder: ClockedRecorder, memory: dict[bytes, Reply]) -> None:
        super().__init__(recorder, memory)
        self.sample = sample

    def call(self, name: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> Any:
        key, (wrapped_args, wrapped_kwargs) = self.key(name, args, kwargs)
        want = any(_mutable(a) for a in args) or any(_mutable(v) for v in kwargs.values())
        left = self.recorder.pause()  # our CPU clock stops while the sandbox runs the call
        started = time.perf_counter()
        reply = request_parent(CallRequest(self.sample, name, wrapped_args, wrapped_kwargs, want))
        self.calls += 1
        self.waited += time.perf_counter() - started
        self.recorder.resume(left)
        self.memory.setdefault(key, reply)
        return self._answer(reply, args, kwargs)

    def _answer(self, reply: Reply, args: tuple[Any, ...], kwargs: dict[str, Any]) -> Any:
        if isinstance(reply, Returned):
            value = self.value(reply.value)
            if type(reply.args_after) is tuple and len(reply.args_after) == len(args):
                for original, after in zip(args, self.value(reply.args_after), strict=True):
                    _copy_back(original, after)
            if type(reply.kwargs_after) is dict:
                after_kwargs = self.value(reply.kwargs_after)
                for name, original in kwargs.items():
                    _copy_back(original, after_kwargs.get(name))
            return value
        if isinstance(reply, Raised):
            raise remote_exception(reply.type_name, reply.message)
        if isinstance(reply, CallFailed):
            raise self.fail(reply.status, reply.message)
        raise InfraFailed(reply)


class MutantChannel(Channel):
    """Answers from the live run's memory, every value mutated (``variant``: see :mod:`.mutants`)."""

    def __init__(self, recorder: ClockedRecorder, memory: dict[bytes, Reply], variant: int) -> None:
        super().__init__(recorder, memory)
        self.variant = variant

    def call(self, name: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> Any:
        key, _ = self.key(name, args, kwargs)
        self.calls += 1
        reply = self.memory.get(key)
        if isinstance(reply, CallFailed):
            raise self.fail(reply.status, reply.message)
        if not isinstance(reply, Returned):  # never seen, or it raised: a mutant returns instead
            return unknown_answer(self.variant)
        if type(reply.args_after) is tuple and len(reply.args_after) == len(args):
            for original, after in zip(args, self.value(reply.args_after), strict=True):
                if _mutable(original):
                    _copy_back(original, mutate(after, self.variant))
        return mutate(self.value(reply.value), self.variant)
