"""Values beyond the codec (containers, numbers, truth-only objects) and the mutants built from them."""

from __future__ import annotations

import collections
import decimal
import fractions
import re

import pytest
from grpo_rewards_code.gateway import wire_bytes
from grpo_rewards_code.mutants import SENTINEL, mutate
from grpo_rewards_code.values import MAX_COLLISIONS, HostileValue, Opaque, unwrap, wrap

ROUND_TRIP = [
    1 + 2j,
    [complex(0, -1), 3],
    collections.Counter("abracadabra"),
    collections.OrderedDict([("b", 1), ("a", 2)]),
    collections.defaultdict(list, {"x": [1]}),
    collections.deque([1, 2, 3], maxlen=5),
    fractions.Fraction(3, 7),
    decimal.Decimal("1.10"),
    range(2, 20, 3),
    {"nested": (collections.Counter([1, 1]), {frozenset({1 + 1j})})},
]


@pytest.mark.parametrize("value", ROUND_TRIP, ids=lambda v: type(v).__name__)
def test_round_trip_is_exact_and_crosses_the_codec(value):
    wrapped = wrap(value)
    wire_bytes(wrapped)  # plain builtins only
    back = unwrap(wrapped)
    assert back == value and type(back) is type(value)


def test_defaultdict_keeps_a_builtin_factory_only():
    assert unwrap(wrap(collections.defaultdict(int))).default_factory is int
    assert unwrap(wrap(collections.defaultdict(lambda: 0))).default_factory is None
    assert unwrap(wrap(collections.deque([1], maxlen=3))).maxlen == 3


def test_views_and_iterators_come_back_as_views_and_iterators():
    assert unwrap(wrap({"a": 1, "b": 2}.keys())) == {"a", "b"}
    assert list(unwrap(wrap(x * x for x in range(4)))) == [0, 1, 4, 9]
    assert list(unwrap(wrap(map(str, [1, 2])))) == ["1", "2"]


def test_other_objects_keep_only_their_truth_value():
    match = unwrap(wrap(re.match("a", "abc")))
    assert type(match) is Opaque and bool(match) is True and match is not None
    assert match != match.truth and match != "a"

    class Always:
        def __eq__(self, other):
            return True

        def __bool__(self):
            raise ValueError("no truth")

    always = unwrap(wrap(Always()))
    assert always != 1 and always != always.truth
    with pytest.raises(TypeError, match="unknown"):
        bool(always)


def test_subclasses_of_builtins_do_not_survive():
    class Sneaky(int):
        def __eq__(self, other):
            return True

        __hash__ = int.__hash__

    back = unwrap(wrap([Sneaky(3)]))
    assert type(back[0]) is Opaque and back[0] != 3


def test_a_hash_flood_is_refused_and_ordinary_duplicates_are_not():
    modulus = (1 << 61) - 1  # CPython's int hash modulus: these all hash to 7
    unwrap(wrap([7 + modulus * i for i in range(MAX_COLLISIONS)]))
    unwrap(wrap([7] * 60_000 + [-1, -2]))  # equal values and the usual -1/-2 collision are fine
    with pytest.raises(HostileValue):
        unwrap(wrap([7 + modulus * i for i in range(60_000)]))
    with pytest.raises(HostileValue):
        unwrap(wrap([(7 + modulus * i,) for i in range(100)]))


def test_unwrap_gives_fresh_objects_each_time():
    wrapped = wrap([[1], {"a": [2]}])
    first = unwrap(wrapped)
    first[0].append(9)
    assert unwrap(wrapped) == [[1], {"a": [2]}]


@pytest.mark.parametrize(
    "value",
    [
        None,
        True,
        False,
        0,
        5,
        -1.5,
        float("nan"),
        2j,
        "",
        "ab",
        b"x",
        [],
        [1],
        (),
        (1,),
        set(),
        {1},
        {},
        {"a": 1},
        collections.Counter("aab"),
        collections.deque([1]),
        range(3),
        fractions.Fraction(1, 2),
        decimal.Decimal("2.5"),
        Opaque("re.Match", True),
    ],  # fmt: skip
    ids=repr,
)
def test_both_mutants_differ_from_the_value_and_agree_with_themselves(value):
    for variant in (0, 1):
        mutated = mutate(value, variant)
        assert mutated != value or (isinstance(value, float) and value != value and mutated == 0.0)
        assert mutate(value, variant) == mutated or type(mutated) is Opaque


def test_mutants_flip_truth_and_never_change_the_original():
    assert mutate(True, 0) is False and mutate(None, 0) and not mutate(None, 1) and mutate(None, 1) is not None
    assert bool(mutate(Opaque("re.Match", True), 0)) is False
    original = [1, 2]
    assert mutate(original, 0) == [1, 2, SENTINEL] and mutate(original, 1) == [] and original == [1, 2]
