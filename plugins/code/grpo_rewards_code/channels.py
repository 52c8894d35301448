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
from collections.abc import Mapping
from typing import Any

from grpo_rewards.pool import request_parent

from .clock import ClockedRecorder
from .credit import Answer, digest
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
_VIEWS: tuple[type, ...] = (type({}.keys()), type({}.values()), type({}.items()))


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


def foreign_type(
    value: Any, classes: Mapping[type, str] | None = None, depth: int = 0, seen: set[int] | None = None
) -> str | None:
    """The name of the first value a proxy cannot carry (a callable, an object), if any.

    Instances of the test code's own ``classes`` cross by state unless they
    form a cycle; iterators cross as their items, dict views as theirs. So
    nothing the function returns can send a test there when the test passes it
    back (a generator, a view). Decides the in-sandbox fallback, so it looks at
    types only: sizes, which the model's earlier return values could inflate,
    never send a test there.
    """
    kind = type(value)
    if kind in _PLAIN or _type_name(kind) in _NUMBERS or depth > 64:
        return None
    if getattr(kind, "__next__", None) is not None and getattr(kind, "__iter__", None) is not None:
        return None  # not walked: that would consume it; wrap() sends its items
    items: Any
    if kind in _MAPPINGS:
        items = [*value.keys(), *value.values()]
    elif kind in _CONTAINERS or kind in _VIEWS:
        items = list(value)
    elif classes is not None and kind in classes and type(getattr(value, "__dict__", None)) is dict:
        seen = set() if seen is None else seen
        if id(value) in seen:
            return f"{_type_name(kind)} that refers back to itself"
        seen.add(id(value))
        items = list(value.__dict__.values())
    else:
        return _type_name(kind)
    for item in items:
        found = foreign_type(item, classes, depth + 1, seen)
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


def _copy_back(original: Any, after: Any) -> None:
    if type(original) is not type(after):
        return
    if type(original) is list:
        original[:] = after
    elif type(original) in (dict, set):
        original.clear()
        original.update(after)
    elif type(getattr(original, "__dict__", None)) is dict:  # an instance of the test code's classes
        original.__dict__.clear()
        original.__dict__.update(after.__dict__)


class Channel:
    """Answers proxied calls; subclasses say where answers come from."""

    def __init__(self, recorder: ClockedRecorder, memory: dict[bytes, Reply]) -> None:
        self.recorder = recorder
        self.memory = memory
        self.calls = 0
        self.waited = 0.0
        self.namespace: dict[str, Any] = {}
        self.class_names: tuple[str, ...] = ()

    def bind(self, namespace: dict[str, Any], class_names: tuple[str, ...]) -> None:
        """The test program's namespace, where the test code's ``class_names`` are defined as it runs."""
        self.namespace, self.class_names = namespace, class_names

    def classes(self) -> dict[str, type]:
        """The test code's classes defined so far, by name."""
        found = {name: self.namespace.get(name) for name in self.class_names}
        return {name: cls for name, cls in found.items() if isinstance(cls, type)}

    def mutable(self, value: Any) -> bool:
        """Whether the function may change ``value`` in place (so it is sent back after the call)."""
        return type(value) in (list, dict, set) or type(value) in self.classes().values()

    def fail(self, status: str, message: str) -> TestFailed:
        self.recorder.force(status, message)
        return TestFailed(status, message)

    def key(self, name: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> tuple[bytes, tuple[Any, ...]]:
        """The call's memory key and its wrapped arguments; fails the test when they cannot cross."""
        if _holds_opaque((args, kwargs)):
            raise self.fail("runtime_error", f"{name}() was given an object the function returned, which cannot go back")
        classes = {cls: name for name, cls in self.classes().items()}
        foreign = foreign_type((args, kwargs), classes)
        if foreign is not None:
            raise SandboxNeeded(f"{name}() was called with a {foreign}, which cannot cross into the sandbox")
        wrapped = (wrap(args, classes=classes), wrap(kwargs, classes=classes))
        try:
            return wire_bytes((name, wrapped)), wrapped
        except ValueError as problem:  # plain values, but too big: the function's earlier results may have grown them
            raise self.fail("runtime_error", f"the arguments of {name}() are too large for the sandbox: {problem}") from None

    def value(self, wrapped: Any) -> Any:
        try:
            return unwrap(wrapped, classes=self.classes())
        except HostileValue as exc:
            raise self.fail("runtime_error", f"the function's value was refused: {exc}") from None

    def call(self, name: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> Any:
        raise NotImplementedError


def _answer_of(key: bytes, args: tuple[Any, ...], kwargs: dict[str, Any], reply: Returned) -> tuple[Answer | None, int]:
    """Digests of one returned call (see :mod:`.credit`; ``None`` when its value cannot be encoded again) and its size.

    The answer is the value, and the arguments after the call when the function changed them in place.
    """
    changed = reply.args_after is not None and (reply.args_after != args or reply.kwargs_after != kwargs)
    try:
        returned = wire_bytes((reply.value,))
        answer = wire_bytes((reply.value, reply.args_after, reply.kwargs_after)) if changed else returned
        given = [wire_bytes((v,)) for v in (*args, *kwargs.values())]  # an echo gives back an argument as it came
    except (ValueError, RecursionError):
        return None, 0
    return Answer(digest(key), digest(answer), returned in given), len(answer)


#: The most a sample's answers may add up to (the harness keeps them all for the mutants).
MAX_ANSWER_BYTES = 64 * 1024 * 1024


class LiveChannel(Channel):
    """Calls go to the sandbox through the parent; replies are remembered for the mutants.

    ``answers`` holds, per test, the digests of each call the function answered (:mod:`.credit`).
    Once the answers kept add up to :data:`MAX_ANSWER_BYTES`, every further call fails its test.
    """

    def __init__(self, sample: str, recorder: ClockedRecorder, memory: dict[bytes, Reply]) -> None:
        super().__init__(recorder, memory)
        self.sample = sample
        self.answers: dict[int, list[Answer]] = {}
        self.kept = 0

    def _note(self, key: bytes, args: tuple[Any, ...], kwargs: dict[str, Any], reply: Reply) -> None:
        if not isinstance(reply, Returned):
            return
        answer, size = _answer_of(key, args, kwargs, reply)
        self.kept += size
        test = self.recorder.current
        if answer is not None and test is not None:
            self.answers.setdefault(test, []).append(answer)

    def call(self, name: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> Any:
        if self.kept > MAX_ANSWER_BYTES:
            raise self.fail("output_limit", f"the function's answers so far add up to more than {MAX_ANSWER_BYTES >> 20} MiB")
        key, (wrapped_args, wrapped_kwargs) = self.key(name, args, kwargs)
        want = any(self.mutable(a) for a in (*args, *kwargs.values()))
        left = self.recorder.pause()  # our CPU clock stops while the sandbox runs the call
        started = time.perf_counter()
        reply = request_parent(CallRequest(self.sample, name, wrapped_args, wrapped_kwargs, want))
        self.calls += 1
        self.waited += time.perf_counter() - started
        self.recorder.resume(left)
        self.memory.setdefault(key, reply)
        self._note(key, wrapped_args, wrapped_kwargs, reply)
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
                if self.mutable(original):
                    _copy_back(original, mutate(after, self.variant))
        return mutate(self.value(reply.value), self.variant)
