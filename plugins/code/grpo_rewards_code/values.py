"""Values beyond the strict codec: standard containers and numbers, and objects known only by their truth.

Stdlib-only and self-contained: the call program embeds this file's source
(see :mod:`.programs`), and the trusted harness imports it.

The sandbox's codec passes exact builtin values only. :func:`wrap` (run in the
sandbox on what the function returned, and on our side on the arguments)
turns the values below into plain marker tuples ``(MARK, kind, payload)``, and
:func:`unwrap` rebuilds them on the other side as exact objects of the
standard library. Nothing the model wrote ever crosses: only plain payloads.

* NumPy scalars (``numpy.float64`` is a subclass of ``float``) as the plain
  value they hold;
* integers too big for the codec (past :data:`BIG_INT_BITS` bits: ``factorial(1000)``)
  as hexadecimal text;
* ``complex``, ``fractions.Fraction``, ``decimal.Decimal``, ``range``;
* ``collections.Counter``, ``OrderedDict``, ``defaultdict`` (with a builtin
  ``default_factory``; any other factory comes back as ``None``), ``deque``;
* dict views and iterators (a generator, ``map``, ``zip``...): their items,
  rebuilt as a view or an iterator over them;
* instances of the classes the *tests* define (MBPP's ``Pair`` and ``Node`` in
  the test imports), when ``classes`` names them: their ``__dict__``, rebuilt
  as an instance of the other side's own copy of that class (never the
  model's), without calling ``__init__``;
* anything else (a ``re.Match``, an instance of the model's class, a subclass
  of ``int`` with its own ``__eq__``) becomes an :class:`Opaque` object that
  only knows its type name and its truth value, so ``assert candidate(s)`` and
  ``if candidate(s) is None`` are decided on our side without the value, while
  comparing it with anything is False.

:func:`unwrap` also refuses a value holding more than :data:`MAX_COLLISIONS`
distinct numbers (or tuples) that share one hash: test code building a set of
60,000 crafted integers would otherwise stall our side for a minute; and
ranges, integers and Decimals too big for test code to compute on within its
CPU clock (``sum(range(10**18))`` is one C call the clock cannot interrupt).
"""

from __future__ import annotations

import collections
import decimal
import fractions
from collections.abc import Mapping
from typing import Any

MARK = "\x00grpo:value"
MAX_DEPTH = 60
#: Integers longer than this cross as hexadecimal text (the codec refuses integers over 1024 bytes) ...
BIG_INT_BITS = 8000
#: ... up to this many bits (about 300,000 digits); a longer one is refused (``HostileValue``).
MAX_INT_BITS = 1 << 20
#: Longest range and largest Decimal exponent accepted (``int(Decimal("1e999999999"))`` is one long C call).
MAX_RANGE = 10**7
MAX_EXPONENT = 100_000
MAX_COLLISIONS = 32
_SCALARS = (type(None), bool, int, float, str, bytes)
_FACTORIES: dict[str, type] = {
    "int": int,
    "float": float,
    "str": str,
    "list": list,
    "set": set,
    "dict": dict,
    "tuple": tuple,
    "bool": bool,
}
_VIEWS: dict[type, str] = {type({}.keys()): "keys", type({}.values()): "values", type({}.items()): "items"}


class HostileValue(ValueError):
    """A value built to make our own code slow (hash collisions)."""


class Opaque:
    """A value that could not cross: only its type name and truth value (``None``: unknown) are known."""

    __slots__ = ("type_name", "truth")

    def __init__(self, type_name: str, truth: bool | None) -> None:
        self.type_name = type_name
        self.truth = truth

    def __bool__(self) -> bool:
        if self.truth is None:
            raise TypeError(f"the truth value of the function's {self.type_name} object is unknown")
        return self.truth

    def __repr__(self) -> str:
        return f"<{self.type_name} object (only its truth value crossed the sandbox)>"


#: The classes that cross by state: class -> name when wrapping, name -> class when unwrapping.
WrapClasses = Mapping[type, str]
UnwrapClasses = Mapping[str, type]


def _pairs(mapping: Any, depth: int, classes: WrapClasses | None) -> list[tuple[Any, Any]]:
    return [(wrap(k, depth, classes), wrap(v, depth, classes)) for k, v in mapping.items()]


def _object(value: Any, name: str, depth: int, classes: WrapClasses) -> Any:
    state = getattr(value, "__dict__", None)
    if type(state) is not dict:
        return _opaque(value)
    return (MARK, "object", (name, [(k, wrap(v, depth, classes)) for k, v in state.items() if type(k) is str]))


def _type_name(kind: type) -> str:
    module = getattr(kind, "__module__", "")
    return kind.__qualname__ if module == "builtins" else f"{module}.{kind.__qualname__}"


def _opaque(value: Any) -> tuple[str, str, tuple[str, bool | None]]:
    try:
        truth = bool(value)
    except Exception:  # noqa: BLE001 - an object whose __bool__ raises has no known truth value
        truth = None
    return (MARK, "opaque", (_type_name(type(value)), truth))


_NUMPY_ITEMS = (bool, int, float, complex, str, bytes)


def _numpy_scalar(kind: type, value: Any) -> bool:
    """A NumPy scalar (``numpy.float64``, ``numpy.int64``, ``numpy.bool_``): it crosses as the plain value it holds."""
    return getattr(kind, "__module__", "") == "numpy" and kind.__name__ != "ndarray" and getattr(value, "ndim", None) == 0


def _special(value: Any, kind: type, depth: int, classes: WrapClasses | None) -> Any:
    if kind is complex:
        return (MARK, "complex", (value.real, value.imag))
    if kind is fractions.Fraction:
        return (MARK, "Fraction", (value.numerator, value.denominator))
    if kind is decimal.Decimal:
        return (MARK, "Decimal", str(value))
    if kind is range:
        return (MARK, "range", (value.start, value.stop, value.step))
    if kind is collections.Counter or kind is collections.OrderedDict:
        return (MARK, kind.__name__, _pairs(value, depth, classes))
    if kind is collections.defaultdict:
        factory = getattr(value.default_factory, "__name__", None)
        return (MARK, "defaultdict", (factory if factory in _FACTORIES else None, _pairs(value, depth, classes)))
    if kind is collections.deque:
        return (MARK, "deque", ([wrap(v, depth, classes) for v in value], value.maxlen))
    if kind in _VIEWS:
        return (MARK, _VIEWS[kind], [wrap(v, depth, classes) for v in value])
    if getattr(kind, "__next__", None) is not None and getattr(kind, "__iter__", None) is not None:
        return (MARK, "iterator", [wrap(v, depth, classes) for v in value])
    if _numpy_scalar(kind, value):
        item = value.item()
        if type(item) in _NUMPY_ITEMS:
            return wrap(item, depth, classes)
    if classes is not None and kind in classes:
        return _object(value, classes[kind], depth, classes)
    return _opaque(value)


def wrap(value: Any, depth: int = 0, classes: WrapClasses | None = None) -> Any:
    """``value`` as plain builtins (marker tuples for the kinds in the module docstring)."""
    kind = type(value)
    if kind is int and value.bit_length() > BIG_INT_BITS:
        return (MARK, "int", format(value, "x"))
    if kind in _SCALARS or depth > MAX_DEPTH:
        return value
    depth += 1
    if kind is list or kind is tuple:
        return kind(wrap(v, depth, classes) for v in value)
    if kind is set or kind is frozenset:
        return kind(wrap(v, depth, classes) for v in value)
    if kind is dict:
        return {wrap(k, depth, classes): wrap(v, depth, classes) for k, v in value.items()}
    return _special(value, kind, depth, classes)


class _Hashes:
    """Counts distinct hashable numbers and tuples per hash value, refusing floods."""

    def __init__(self) -> None:
        self.buckets: dict[int, list[Any]] = {}

    def add(self, value: Any) -> None:
        try:
            key = hash(value)
        except TypeError:
            return
        bucket = self.buckets.setdefault(key, [])
        for seen in bucket:
            if seen == value:
                return
        bucket.append(value)
        if len(bucket) > MAX_COLLISIONS:
            raise HostileValue(f"the value holds more than {MAX_COLLISIONS} distinct items with one hash")


def _instance(payload: Any, depth: int, hashes: _Hashes, classes: UnwrapClasses | None) -> Any:
    name, state = payload
    cls = classes.get(name) if classes is not None and type(name) is str else None
    if cls is None:
        raise ValueError(f"no class {str(name)[:80]!r} crosses here")
    instance: Any = object.__new__(cls)
    for key, item in state:
        if type(key) is not str:
            raise ValueError("an attribute name must be a string")
        instance.__dict__[key] = unwrap(item, depth, hashes, classes)
    return instance


def _rebuild(kind: str, payload: Any, depth: int, hashes: _Hashes, classes: UnwrapClasses | None) -> Any:
    def items(seq: Any) -> list[Any]:
        return [unwrap(v, depth, hashes, classes) for v in seq]

    def pairs(seq: Any) -> list[tuple[Any, Any]]:
        return [(unwrap(k, depth, hashes, classes), unwrap(v, depth, hashes, classes)) for k, v in seq]

    if kind == "int":
        if type(payload) is not str or len(payload) > MAX_INT_BITS // 4 + 1:
            raise HostileValue(f"an integer of more than {MAX_INT_BITS} bits")
        return int(payload, 16)
    if kind == "complex":
        return complex(*payload)
    if kind == "Fraction":
        return fractions.Fraction(*payload)
    if kind == "Decimal":
        number = decimal.Decimal(payload)
        if number.is_finite() and abs(number.adjusted()) > MAX_EXPONENT:
            raise HostileValue(f"a Decimal with an exponent past {MAX_EXPONENT}")
        return number
    if kind == "range":
        span = range(*payload)
        if len(span) > MAX_RANGE:
            raise HostileValue(f"a range of more than {MAX_RANGE} numbers")
        return span
    if kind == "Counter":
        return collections.Counter(dict(pairs(payload)))
    if kind == "OrderedDict":
        return collections.OrderedDict(pairs(payload))
    if kind == "defaultdict":
        return collections.defaultdict(_FACTORIES.get(payload[0]), pairs(payload[1]))
    if kind == "deque":
        return collections.deque(items(payload[0]), payload[1])
    if kind == "keys":
        return dict.fromkeys(items(payload)).keys()
    if kind == "values":
        return dict(enumerate(items(payload))).values()
    if kind == "items":
        return dict(pairs(payload)).items()
    if kind == "iterator":
        return iter(items(payload))
    if kind == "opaque":
        return Opaque(str(payload[0])[:200], payload[1] if type(payload[1]) is bool else None)
    if kind == "object":
        return _instance(payload, depth, hashes, classes)
    raise ValueError(f"unknown value kind {kind!r}")


def unwrap(value: Any, depth: int = 0, hashes: _Hashes | None = None, classes: UnwrapClasses | None = None) -> Any:
    """Rebuild what :func:`wrap` made; fresh objects every time. Raises ``HostileValue`` on a hash flood."""
    hashes = _Hashes() if hashes is None else hashes
    kind = type(value)
    if kind in _SCALARS or depth > MAX_DEPTH:
        if kind is int or kind is float:
            hashes.add(value)
        return value
    depth += 1
    if kind is tuple and len(value) == 3 and value[0] == MARK and type(value[1]) is str:
        rebuilt = _rebuild(value[1], value[2], depth, hashes, classes)
        if type(rebuilt) is complex or type(rebuilt) is int:
            hashes.add(rebuilt)
        return rebuilt
    if kind is list or kind is tuple or kind is set or kind is frozenset:
        rebuilt = kind(unwrap(v, depth, hashes, classes) for v in value)
        if kind is tuple:
            hashes.add(rebuilt)
        return rebuilt
    if kind is dict:
        return {unwrap(k, depth, hashes, classes): unwrap(v, depth, hashes, classes) for k, v in value.items()}
    return value
