"""The strict codec: exact builtins round-trip exactly; everything else is refused."""

from __future__ import annotations

import math
import struct

import pytest
from grpo_rewards_sandbox import CodecError, CodecLimits, decode, encode

ROUND_TRIP = [
    None,
    True,
    False,
    0,
    -1,
    2**200,
    -(2**200),
    1.5,
    -0.0,
    float("inf"),
    float("-inf"),
    "",
    "héllo ✓",
    "\ud800 lone surrogate",
    b"",
    b"\x00\xff",
    [],
    (),
    (1,),
    [1, (2, 3), {"a": [4]}],
    {1: "a", "b": (2.5, None), (1, 2): b"x", frozenset({1}): 0},
    {1, 2, (3, 4)},
    frozenset({"x", frozenset({1})}),
    set(),
    {"nested": [[[[[]]]]]},
]


@pytest.mark.parametrize("value", ROUND_TRIP, ids=repr)
def test_exact_builtins_round_trip_with_types_kept(value):
    back = decode(encode(value))
    assert back == value
    assert _shape(back) == _shape(value)


def _shape(value):
    """The exact type tree of a value (so (1,) and [1], or 1 and True, differ)."""
    if isinstance(value, dict):
        return ("dict", sorted((repr(_shape(k)), repr(_shape(v))) for k, v in value.items()))
    if isinstance(value, (list, tuple)):
        return (type(value).__name__, [_shape(v) for v in value])
    if isinstance(value, (set, frozenset)):
        return (type(value).__name__, sorted(repr(_shape(v)) for v in value))
    return (type(value).__name__, repr(value))


def test_nan_and_negative_zero_survive_bit_for_bit():
    assert math.isnan(decode(encode(float("nan"))))
    assert math.copysign(1.0, decode(encode(-0.0))) == -1.0


def test_tuples_stay_tuples_and_bools_stay_bools():
    back = decode(encode([(1, 2), True, 1]))
    assert type(back[0]) is tuple
    assert back[1] is True
    assert type(back[2]) is int


class AlwaysEqual:
    def __eq__(self, other):
        return True


class SneakyInt(int):
    def __eq__(self, other):
        return True


class SneakyStr(str):
    pass


class SneakyList(list):
    pass


class SneakyDict(dict):
    pass


class SneakyFloat(float):
    pass


@pytest.mark.parametrize(
    "value",
    [
        AlwaysEqual(),
        SneakyInt(3),
        SneakyStr("a"),
        SneakyList([1]),
        SneakyDict(),
        SneakyFloat(1.0),
        [1, SneakyInt(2)],
        {"k": AlwaysEqual()},
        {SneakyStr("k"): 1},
        (1, object()),
        len,
        math,
        1j,
        bytearray(b"x"),
        range(3),
    ],
    ids=lambda v: type(v).__name__,
)
def test_subclasses_and_custom_objects_are_refused(value):
    with pytest.raises(CodecError, match="not allowed"):
        encode(value)


def test_error_names_where_the_bad_value_sits():
    with pytest.raises(CodecError, match=r"value\[1\]\['k'\]"):
        encode([0, {"k": AlwaysEqual()}])


def test_self_referencing_list_is_refused_by_depth():
    loop: list = []
    loop.append(loop)
    with pytest.raises(CodecError, match="deeper"):
        encode(loop)


def test_size_depth_items_and_int_limits():
    with pytest.raises(CodecError, match="deeper"):
        encode([[[1]]], CodecLimits(max_depth=2))
    with pytest.raises(CodecError, match="items"):
        encode(list(range(10)), CodecLimits(max_items=5))
    with pytest.raises(CodecError, match="bytes"):
        encode("x" * 100, CodecLimits(max_bytes=50))
    with pytest.raises(CodecError, match="integer"):
        encode(2**10000)


def test_decoder_applies_the_same_limits():
    data = encode([[[1]]])
    with pytest.raises(CodecError, match="deeper"):
        decode(data, CodecLimits(max_depth=2))
    with pytest.raises(CodecError, match="items"):
        decode(encode(list(range(10))), CodecLimits(max_items=5))


def _frame(tag: bytes, *payload: bytes) -> bytes:
    return b"\x01" + tag + b"".join(payload)


def _u32(n: int) -> bytes:
    return struct.pack(">I", n)


@pytest.mark.parametrize(
    "data, message",
    [
        (b"", "ends too early"),
        (b"\x02N", "version"),
        (_frame(b"Q"), "unknown tag"),
        (_frame(b"N") + b"junk", "trailing"),
        (_frame(b"s", _u32(5), b"ab"), "ends too early"),
        (_frame(b"s", _u32(1), b"\xff"), "UTF-8"),
        (_frame(b"l", _u32(2**31)), "claims"),
        (_frame(b"e", _u32(2), b"N", b"N"), "duplicate"),
        (_frame(b"d", _u32(2), b"T", b"N", b"T", b"N"), "duplicate keys"),
        (_frame(b"e", _u32(1), b"l", _u32(0)), "unhashable"),
        (_frame(b"i", _u32(5000)), "integer"),
    ],
)
def test_malformed_bytes_are_refused(data, message):
    with pytest.raises(CodecError, match=message):
        decode(data)


def test_decode_refuses_non_bytes():
    with pytest.raises(CodecError, match="bytes"):
        decode("not bytes")  # type: ignore[arg-type]


def test_colliding_hashes_in_a_set_are_refused_before_building_it():
    modulus = 2**61 - 1  # CPython hashes ints modulo this prime, so these all share one hash
    colliding = {k * modulus for k in range(1, 200)}
    assert len({hash(x) for x in colliding}) == 1
    data = encode(colliding, CodecLimits(max_int_bytes=64))
    with pytest.raises(CodecError, match="collisions"):
        decode(data, CodecLimits(max_int_bytes=64))
    with pytest.raises(CodecError, match="collisions"):
        decode(encode(dict.fromkeys(colliding, 0)), CodecLimits(max_int_bytes=64))


def test_decoded_values_are_fresh_builtins():
    back = decode(encode({"a": [1, 2]}))
    assert type(back) is dict and type(back["a"]) is list
    assert all(type(x) is int for x in back["a"])
