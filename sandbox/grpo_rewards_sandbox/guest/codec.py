"""A strict, bounded codec for plain values crossing the sandbox boundary.

Only *exact* builtin values pass: ``None``, ``bool``, ``int``, ``float``
(including ``inf``, ``-inf``, ``nan`` and ``-0.0``), ``str``, ``bytes``,
``list``, ``tuple``, ``dict``, ``set`` and ``frozenset``. Subclasses of any
of them (an ``int`` whose ``__eq__`` always says True), custom classes,
functions and modules are rejected with :class:`CodecError`. Decoding builds
fresh builtin objects only, so a value that comes back from untrusted code can
never carry behaviour of its own. Tuples stay tuples and sets stay sets
(JSON would turn both into lists).

Everything is bounded by :class:`CodecLimits`: encoded size, nesting depth,
number of items, size of integers, and hash collisions inside sets and dict
keys (a crafted set of colliding integers would otherwise cost the decoder
quadratic time).

Wire format: a version byte, then one tagged item. Scalars are a tag plus a
payload; strings, bytes and integers carry a 4-byte big-endian length;
containers carry a 4-byte item count followed by their items (dicts as
key, value pairs). This module is stdlib-only because it also runs inside the
sandbox image.
"""

from __future__ import annotations

import struct
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

__all__ = ["CodecError", "CodecLimits", "decode", "encode"]

VERSION = b"\x01"
_U32 = struct.Struct(">I")
_F64 = struct.Struct(">d")

_NONE, _TRUE, _FALSE = b"N", b"T", b"F"
_INT, _FLOAT, _STR, _BYTES = b"i", b"f", b"s", b"b"
_LIST, _TUPLE, _SET, _FROZENSET, _DICT = b"l", b"t", b"e", b"z", b"d"
_SEQUENCES: dict[type, bytes] = {list: _LIST, tuple: _TUPLE, set: _SET, frozenset: _FROZENSET}


class CodecError(ValueError):
    """A value (or a byte string claiming to hold one) is not allowed through the codec."""


@dataclass(frozen=True)
class CodecLimits:
    """Bounds applied by both :func:`encode` and :func:`decode`.

    ``max_bytes``: encoded size. ``max_depth``: container nesting.
    ``max_items``: every value counted, containers and scalars alike.
    ``max_int_bytes``: magnitude of one integer (1024 bytes is about 2,400 digits).
    ``max_collisions``: equal hashes tolerated among one set's items or one dict's keys.
    """

    max_bytes: int = 16 * 1024 * 1024
    max_depth: int = 64
    max_items: int = 1_000_000
    max_int_bytes: int = 1024
    max_collisions: int = 64


DEFAULT_LIMITS = CodecLimits()


def encode(value: Any, limits: CodecLimits = DEFAULT_LIMITS) -> bytes:
    """Encode ``value``; raise :class:`CodecError` naming the path of anything not allowed."""
    encoder = _Encoder(limits)
    encoder.item(value, 0, "value")
    data = b"".join(encoder.parts)
    if len(data) > limits.max_bytes:
        raise CodecError(f"encoded value is {len(data)} bytes, over the limit of {limits.max_bytes}")
    return data


def decode(data: bytes, limits: CodecLimits = DEFAULT_LIMITS) -> Any:
    """Decode bytes from :func:`encode` into fresh builtin values; raise :class:`CodecError` on anything else."""
    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise CodecError(f"can only decode bytes, not {type(data).__name__}")
    if len(data) > limits.max_bytes:
        raise CodecError(f"encoded value is {len(data)} bytes, over the limit of {limits.max_bytes}")
    decoder = _Decoder(bytes(data), limits)
    value = decoder.value()
    if decoder.pos != len(decoder.data):
        raise CodecError(f"{len(decoder.data) - decoder.pos} trailing bytes after the value")
    return value


class _Encoder:
    def __init__(self, limits: CodecLimits) -> None:
        self.limits = limits
        self.parts: list[bytes] = [VERSION]
        self.items = 0
        self.size = 1

    def emit(self, *chunks: bytes) -> None:
        for chunk in chunks:
            self.size += len(chunk)
            self.parts.append(chunk)
        if self.size > self.limits.max_bytes:
            raise CodecError(f"encoded value passes the limit of {self.limits.max_bytes} bytes")

    def item(self, value: Any, depth: int, path: str) -> None:
        self.items += 1
        if self.items > self.limits.max_items:
            raise CodecError(f"more than {self.limits.max_items} items")
        kind = type(value)
        if value is None:
            self.emit(_NONE)
        elif kind is bool:
            self.emit(_TRUE if value else _FALSE)
        elif kind is int:
            self.emit(_INT, *_sized(_int_bytes(value, self.limits, path)))
        elif kind is float:
            self.emit(_FLOAT, _F64.pack(value))
        elif kind is str:
            self.emit(_STR, *_sized(value.encode("utf-8", "surrogatepass")))
        elif kind is bytes:
            self.emit(_BYTES, *_sized(value))
        elif kind in _SEQUENCES or kind is dict:
            self.container(value, depth, path)
        else:
            raise CodecError(f"{path}: type {_type_name(kind)} is not allowed (only exact builtin values pass)")

    def container(self, value: Any, depth: int, path: str) -> None:
        if depth >= self.limits.max_depth:
            raise CodecError(f"{path}: nested deeper than {self.limits.max_depth}")
        kind = type(value)
        if kind is dict:
            self.emit(_DICT, _U32.pack(len(value)))
            for key, item in value.items():
                self.item(key, depth + 1, f"{path} key {key!r:.40}")
                self.item(item, depth + 1, f"{path}[{key!r:.40}]")
            return
        self.emit(_SEQUENCES[kind], _U32.pack(len(value)))
        for index, item in enumerate(value):
            self.item(item, depth + 1, f"{path}[{index}]")


def _sized(payload: bytes) -> tuple[bytes, bytes]:
    return _U32.pack(len(payload)), payload


def _int_bytes(value: int, limits: CodecLimits, path: str) -> bytes:
    size = (value.bit_length() + 8) // 8
    if size > limits.max_int_bytes:
        raise CodecError(f"{path}: integer of {size} bytes is over the limit of {limits.max_int_bytes}")
    return value.to_bytes(size, "big", signed=True)


def _type_name(kind: type) -> str:
    module = getattr(kind, "__module__", "?")
    return kind.__qualname__ if module == "builtins" else f"{module}.{kind.__qualname__}"


class _Decoder:
    def __init__(self, data: bytes, limits: CodecLimits) -> None:
        self.data = data
        self.limits = limits
        self.pos = 0
        self.items = 0

    def value(self) -> Any:
        if self.take(1) != VERSION:
            raise CodecError("not an encoded value (unknown version byte)")
        return self.item(0)

    def take(self, size: int) -> bytes:
        end = self.pos + size
        if end > len(self.data):
            raise CodecError("encoded value ends too early")
        chunk = self.data[self.pos : end]
        self.pos = end
        return chunk

    def length(self) -> int:
        (size,) = _U32.unpack(self.take(4))
        return int(size)

    def item(self, depth: int) -> Any:
        self.items += 1
        if self.items > self.limits.max_items:
            raise CodecError(f"more than {self.limits.max_items} items")
        tag = self.take(1)
        if tag in _SCALARS:
            return _SCALARS[tag](self)
        if tag in _CONTAINERS:
            if depth >= self.limits.max_depth:
                raise CodecError(f"nested deeper than {self.limits.max_depth}")
            return _CONTAINERS[tag](self, depth + 1)
        raise CodecError(f"unknown tag {tag!r} at byte {self.pos - 1}")

    def integer(self) -> int:
        size = self.length()
        if size > self.limits.max_int_bytes:
            raise CodecError(f"integer of {size} bytes is over the limit of {self.limits.max_int_bytes}")
        return int.from_bytes(self.take(size), "big", signed=True)

    def text(self) -> str:
        try:
            return self.take(self.length()).decode("utf-8", "surrogatepass")
        except UnicodeDecodeError as exc:
            raise CodecError(f"string is not valid UTF-8: {exc}") from None

    def count(self) -> int:
        count = self.length()
        if count > len(self.data) - self.pos:  # every item takes at least one byte
            raise CodecError(f"container claims {count} items but the data is shorter")
        return count

    def sequence(self, depth: int) -> list[Any]:
        return [self.item(depth) for _ in range(self.count())]

    def hashed(self, depth: int, kind: type) -> set[Any] | frozenset[Any]:
        items = self.sequence(depth)
        _check_hashes(items, self.limits, kind.__name__)
        result: set[Any] | frozenset[Any] = kind(items)
        if len(result) != len(items):
            raise CodecError(f"{kind.__name__} holds duplicate items")
        return result

    def mapping(self, depth: int) -> dict[Any, Any]:
        pairs = [(self.item(depth), self.item(depth)) for _ in range(self.count())]
        _check_hashes([key for key, _ in pairs], self.limits, "dict key")
        result = dict(pairs)
        if len(result) != len(pairs):
            raise CodecError("dict holds duplicate keys")
        return result


def _check_hashes(items: list[Any], limits: CodecLimits, what: str) -> None:
    try:
        distinct = len({hash(item) for item in items})
    except TypeError as exc:
        raise CodecError(f"{what} is unhashable: {exc}") from None
    if len(items) - distinct > limits.max_collisions:
        raise CodecError(f"{what}s share too many hash values ({len(items) - distinct} collisions)")


_SCALARS: dict[bytes, Callable[[_Decoder], Any]] = {
    _NONE: lambda d: None,
    _TRUE: lambda d: True,
    _FALSE: lambda d: False,
    _INT: _Decoder.integer,
    _FLOAT: lambda d: _F64.unpack(d.take(8))[0],
    _STR: _Decoder.text,
    _BYTES: lambda d: d.take(d.length()),
}
_CONTAINERS: dict[bytes, Callable[[_Decoder, int], Any]] = {
    _LIST: _Decoder.sequence,
    _TUPLE: lambda d, depth: tuple(d.sequence(depth)),
    _SET: lambda d, depth: d.hashed(depth, set),
    _FROZENSET: lambda d, depth: d.hashed(depth, frozenset),
    _DICT: _Decoder.mapping,
}
