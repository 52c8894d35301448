"""Guards for the in-sandbox fallback (``trust: reduced``), where the tests share a process with the model's code.

Stdlib-only and self-contained but for :mod:`.values`, whose source the
fallback program embeds first (see :mod:`.programs`; the line importing it
is left out there).

There the model's code could reach anything in the process, so this is no
defense against code written against this file; that is what ``trust:
reduced`` says. It defeats the hacks that work against any in-process
harness:

* values that lie: what a guarded function returns reaches the tests as exact
  builtin values (:func:`sanitize`); an int, str or list subclass becomes the
  plain value, and any other object is a :class:`Shield` that equals only
  itself, while its attributes, items and calls reach the tests sanitized the
  same way (so tests that read ``f(x).data`` still work). Lists, dicts and
  sets passed to the function are sanitized in place after each call, and an
  argument given back is that same object (``f(xs) is xs`` holds);
* patched builtins and modules: :func:`snapshot` records the builtins and the
  standard modules before the model's code loads, and the restore it returns
  runs before the tests start and after every guarded call.
"""

from __future__ import annotations

import builtins
import collections
import decimal
import fractions
import functools
import hashlib
import importlib
import sys
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from .values import unwrap, wrap  # embedded: values.py comes first

_EXACT = (type(None), bool, int, float, str, bytes, complex)
_STDLIB: tuple[type, ...] = (collections.Counter, collections.OrderedDict, collections.defaultdict, collections.deque)
_STDLIB += (decimal.Decimal, fractions.Fraction, range, type({}.keys()), type({}.values()), type({}.items()))
#: Modules the tests may use that the model's code could patch: loaded before it runs, so they are in the snapshot.
PRELOADED: tuple[str, ...] = ("math", "cmath", "re", "collections", "itertools", "functools", "heapq", "bisect")
PRELOADED += ("operator", "string", "random", "copy", "decimal", "fractions", "statistics", "json")


class Shield:
    """An object the function returned: equal only to itself; attributes, items and calls come out sanitized."""

    __slots__ = ("_grpo_target",)

    def __init__(self, target: Any) -> None:
        object.__setattr__(self, "_grpo_target", target)

    def _target(self) -> Any:
        return object.__getattribute__(self, "_grpo_target")

    def __getattr__(self, name: str) -> Any:
        return sanitize(getattr(self._target(), name))

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return sanitize(self._target()(*args, **kwargs))

    def __iter__(self) -> Iterator[Any]:
        return iter([sanitize(item) for item in self._target()])

    def __len__(self) -> int:
        return len(self._target())

    def __getitem__(self, key: Any) -> Any:
        return sanitize(self._target()[key])

    def __contains__(self, item: Any) -> bool:
        return any(item == value for value in self)

    def __bool__(self) -> bool:
        return bool(self._target())

    def __eq__(self, other: object) -> bool:
        return NotImplemented  # the other side's own __eq__ (a test class's) may compare attributes; else identity

    def __ne__(self, other: object) -> bool:
        return NotImplemented

    __hash__ = object.__hash__

    def __repr__(self) -> str:
        return f"<{type(self._target()).__name__} object returned by the function>"


def _iterator(kind: type) -> bool:
    return getattr(kind, "__next__", None) is not None and getattr(kind, "__iter__", None) is not None


def sanitize(value: Any, depth: int = 0) -> Any:
    """``value`` as exact builtin values, any other object behind a :class:`Shield`."""
    kind = type(value)
    if kind in _EXACT or kind is Shield:
        return value
    if depth > 60:
        return Shield(value)
    depth += 1
    if kind in (list, tuple, set, frozenset):
        return kind(sanitize(item, depth) for item in value)
    if kind is dict:
        return {sanitize(k, depth): sanitize(v, depth) for k, v in value.items()}
    if kind in _STDLIB:
        return unwrap(wrap(value))
    if _iterator(kind):
        return iter([sanitize(item, depth) for item in value])
    return Shield(value)


def _clean(argument: Any) -> None:
    kind = type(argument)
    if kind is list:
        argument[:] = sanitize(argument)
    elif kind is dict or kind is set:
        clean = sanitize(argument)
        argument.clear()
        argument.update(clean)


def snapshot(names: Sequence[str]) -> Callable[[], None]:
    """Record builtins and the loaded standard modules (after importing ``names``); returns the restore."""
    for name in (*PRELOADED, *names):
        try:
            importlib.import_module(name)
        except ImportError:
            pass
    loaded = {n: m for n, m in list(sys.modules.items()) if n.split(".")[0] in sys.stdlib_module_names}
    saved = [(vars(m), dict(vars(m))) for m in [builtins, *loaded.values()] if isinstance(getattr(m, "__dict__", None), dict)]

    def restore() -> None:
        sys.modules.update(loaded)
        for current, before in saved:
            for key in [k for k in current if k not in before]:
                del current[key]
            current.update(before)

    return restore


def _digest(value: Any) -> str:
    text = repr(wrap(value))
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=12).hexdigest()


class Answers:
    """Digests of each call's arguments and answer per test, as :class:`~.credit.Answer` fields (``(given, answer, echo)``)."""

    def __init__(self, recorder: Any) -> None:
        self.recorder = recorder
        self.by_test: dict[int, list[tuple[str, str, bool]]] = {}

    def note(self, given: tuple[str, list[str]], arguments: Sequence[Any], value: Any) -> None:
        """One call: ``given`` is the digest of its arguments and a digest of each, taken before the call."""
        if self.recorder.current is not None:
            answer = _digest(value)
            self.by_test.setdefault(self.recorder.current, []).append((given[0], answer, answer in given[1]))

    def of(self, test: int) -> list[tuple[str, str, bool]]:
        return self.by_test.get(test, [])


def guard(function: Any, restore: Callable[[], None], answers: Answers | None = None) -> Any:
    """``function`` as the tests see it: builtins and modules restored and results sanitized after every call."""
    if not callable(function) or isinstance(function, type):
        return function

    @functools.wraps(function)
    def guarded(*args: Any, **kwargs: Any) -> Any:
        arguments = (*args, *kwargs.values())
        given = (_digest((args, kwargs)), [_digest(a) for a in arguments]) if answers is not None else ("", [])
        try:
            value = function(*args, **kwargs)
        finally:
            restore()
            for argument in arguments:
                _clean(argument)
        if answers is not None:
            answers.note(given, arguments, value)
        if any(value is argument for argument in arguments):
            return value  # the test's own object, cleaned in place: identity tests still hold
        return sanitize(value)

    return guarded
