"""Problems for ``bench_code.py``: 56 small functions with reference solutions and input generators.

Each problem is written once as a function; the benchmark turns it into the
three test formats (HumanEval ``check``, MBPP asserts, stdin/stdout cases) by
running the reference on generated inputs to get the expected values.
"""

# ruff: noqa: E501 - one problem per entry reads best
from __future__ import annotations

import random
import string
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

__all__ = ["PROBLEMS", "Problem"]


@dataclass(frozen=True)
class Problem:
    """A function to write: its name, reference source and a generator of argument tuples."""

    name: str
    source: str
    inputs: Callable[[random.Random], tuple[Any, ...]]


def _word(r: random.Random, low: int = 1, high: int = 7) -> str:
    return "".join(r.choice(string.ascii_lowercase) for _ in range(r.randint(low, high)))


def _words(r: random.Random, n: int = 6) -> list[str]:
    return [_word(r) for _ in range(r.randint(1, n))]


def _ints(r: random.Random, n: int = 10, low: int = -50, high: int = 50) -> list[int]:
    return [r.randint(low, high) for _ in range(r.randint(1, n))]


def _grid(r: random.Random) -> list[list[int]]:
    rows, cols = r.randint(1, 6), r.randint(1, 6)
    return [[r.randint(0, 1) for _ in range(cols)] for _ in range(rows)]


_P = Problem
PROBLEMS: list[Problem] = [
    _P("add_digits", "def add_digits(n):\n    return sum(int(c) for c in str(n))", lambda r: (r.randint(0, 10**9),)),
    _P("reverse_words", "def reverse_words(s):\n    return ' '.join(reversed(s.split()))", lambda r: (" ".join(_words(r)),)),
    _P(
        "is_prime",
        "def is_prime(n):\n    if n < 2:\n        return False\n    i = 2\n    while i * i <= n:\n        if n % i == 0:\n"
        "            return False\n        i += 1\n    return True",
        lambda r: (r.randint(0, 5000),),
    ),
    _P(
        "fib",
        "def fib(n):\n    a, b = 0, 1\n    for _ in range(n):\n        a, b = b, a + b\n    return a",
        lambda r: (r.randint(0, 90),),
    ),
    _P(
        "gcd",
        "def gcd(a, b):\n    while b:\n        a, b = b, a % b\n    return abs(a)",
        lambda r: (r.randint(0, 10**6), r.randint(0, 10**6)),
    ),
    _P(
        "lcm",
        "def lcm(a, b):\n    from math import gcd\n    return a * b // gcd(a, b) if a and b else 0",
        lambda r: (r.randint(0, 999), r.randint(0, 999)),
    ),
    _P("count_vowels", "def count_vowels(s):\n    return sum(c in 'aeiou' for c in s.lower())", lambda r: (_word(r, 0, 20),)),
    _P(
        "is_palindrome",
        "def is_palindrome(s):\n    t = [c.lower() for c in s if c.isalnum()]\n    return t == t[::-1]",
        lambda r: (r.choice(["abba", "Racecar", "no lemon, no melon", _word(r)]),),
    ),
    _P(
        "max_subarray",
        "def max_subarray(xs):\n    best = cur = xs[0]\n    for x in xs[1:]:\n        cur = max(x, cur + x)\n"
        "        best = max(best, cur)\n    return best",
        lambda r: (_ints(r),),
    ),
    _P(
        "pair_count",
        "def pair_count(xs, t):\n    return sum(1 for i in range(len(xs)) for j in range(i + 1, len(xs)) if xs[i] + xs[j] == t)",
        lambda r: (_ints(r, 12, -5, 5), r.randint(-5, 5)),
    ),
    _P(
        "run_length",
        "def run_length(s):\n    out = []\n    for c in s:\n        if out and out[-1][0] == c:\n"
        "            out[-1] = (c, out[-1][1] + 1)\n        else:\n            out.append((c, 1))\n    return out",
        lambda r: ("".join(r.choice("aab") for _ in range(r.randint(0, 12))),),
    ),
    _P(
        "rotate",
        "def rotate(xs, k):\n    if not xs:\n        return []\n    k %= len(xs)\n    return xs[-k:] + xs[:-k]",
        lambda r: (_ints(r), r.randint(0, 20)),
    ),
    _P(
        "flatten",
        "def flatten(xss):\n    return [x for xs in xss for x in xs]",
        lambda r: ([_ints(r, 4) for _ in range(r.randint(0, 4))],),
    ),
    _P(
        "dedup",
        "def dedup(xs):\n    seen = set()\n    return [x for x in xs if not (x in seen or seen.add(x))]",
        lambda r: (_ints(r, 12, 0, 5),),
    ),
    _P(
        "word_freq",
        "def word_freq(s):\n    out = {}\n    for w in s.split():\n        out[w] = out.get(w, 0) + 1\n    return out",
        lambda r: (" ".join(r.choice(["a", "b", "cat", "dog"]) for _ in range(r.randint(0, 9))),),
    ),
    _P("transpose", "def transpose(m):\n    return [list(row) for row in zip(*m)]", lambda r: (_grid(r),)),
    _P("binary", "def binary(n):\n    return bin(n)[2:]", lambda r: (r.randint(0, 10**6),)),
    _P(
        "roman",
        "def roman(n):\n    vals = [(1000, 'M'), (900, 'CM'), (500, 'D'), (400, 'CD'), (100, 'C'), (90, 'XC'), (50, 'L'),\n"
        "            (40, 'XL'), (10, 'X'), (9, 'IX'), (5, 'V'), (4, 'IV'), (1, 'I')]\n    out = ''\n    for v, s in vals:\n"
        "        while n >= v:\n            out += s\n            n -= v\n    return out",
        lambda r: (r.randint(1, 3999),),
    ),
    _P(
        "caesar",
        "def caesar(s, k):\n    return ''.join(chr((ord(c) - 97 + k) % 26 + 97) if c.islower() else c for c in s)",
        lambda r: (" ".join(_words(r)), r.randint(0, 30)),
    ),
    _P(
        "collatz_len",
        "def collatz_len(n):\n    steps = 0\n    while n != 1:\n        n = n // 2 if n % 2 == 0 else 3 * n + 1\n"
        "        steps += 1\n    return steps",
        lambda r: (r.randint(1, 10**4),),
    ),
    _P(
        "digits_product",
        "def digits_product(n):\n    p = 1\n    for c in str(n):\n        p *= int(c)\n    return p",
        lambda r: (r.randint(0, 10**8),),
    ),
    _P(
        "second_largest",
        "def second_largest(xs):\n    s = sorted(set(xs))\n    return s[-2] if len(s) > 1 else None",
        lambda r: (_ints(r, 8, 0, 6),),
    ),
    _P(
        "merge_sorted",
        "def merge_sorted(a, b):\n    out, i, j = [], 0, 0\n    while i < len(a) and j < len(b):\n"
        "        if a[i] <= b[j]:\n            out.append(a[i]); i += 1\n        else:\n            out.append(b[j]); j += 1\n"
        "    return out + a[i:] + b[j:]",
        lambda r: (sorted(_ints(r)), sorted(_ints(r))),
    ),
    _P(
        "anagrams",
        "def anagrams(a, b):\n    return sorted(a) == sorted(b)",
        lambda r: (lambda w: (w, r.choice(["".join(r.sample(w, len(w))), _word(r)])))(_word(r)),
    ),
    _P(
        "balanced",
        "def balanced(s):\n    depth = 0\n    for c in s:\n        depth += 1 if c == '(' else -1\n        if depth < 0:\n"
        "            return False\n    return depth == 0",
        lambda r: ("".join(r.choice("()") for _ in range(r.randint(0, 10))),),
    ),
    _P(
        "pascal_row",
        "def pascal_row(n):\n    row = [1]\n    for _ in range(n):\n        row = [1] + [a + b for a, b in zip(row, row[1:])] + [1]\n"
        "    return row",
        lambda r: (r.randint(0, 20),),
    ),
    _P(
        "primes_below",
        "def primes_below(n):\n    return [p for p in range(2, n) if all(p % d for d in range(2, int(p ** 0.5) + 1))]",
        lambda r: (r.randint(0, 200),),
    ),
    _P(
        "factorize",
        "def factorize(n):\n    out, d = [], 2\n    while d * d <= n:\n        while n % d == 0:\n            out.append(d)\n"
        "            n //= d\n        d += 1\n    if n > 1:\n        out.append(n)\n    return out",
        lambda r: (r.randint(2, 10**6),),
    ),
    _P(
        "median",
        "def median(xs):\n    s = sorted(xs)\n    m = len(s) // 2\n    return float(s[m]) if len(s) % 2 else (s[m - 1] + s[m]) / 2",
        lambda r: (_ints(r),),
    ),
    _P(
        "mean_std",
        "def mean_std(xs):\n    m = sum(xs) / len(xs)\n    return (round(m, 6), round((sum((x - m) ** 2 for x in xs) / len(xs)) ** 0.5, 6))",
        lambda r: (_ints(r),),
    ),
    _P(
        "chunk",
        "def chunk(xs, k):\n    return [xs[i:i + k] for i in range(0, len(xs), k)]",
        lambda r: (_ints(r), r.randint(1, 4)),
    ),
    _P(
        "interleave",
        "def interleave(a, b):\n    out = []\n    for i in range(max(len(a), len(b))):\n        out += a[i:i + 1] + b[i:i + 1]\n"
        "    return out",
        lambda r: (_ints(r, 5), _ints(r, 5)),
    ),
    _P(
        "camel_to_snake",
        "def camel_to_snake(s):\n    return ''.join('_' + c.lower() if c.isupper() else c for c in s).lstrip('_')",
        lambda r: ("".join(w.capitalize() for w in _words(r, 4)),),
    ),
    _P(
        "snake_to_camel",
        "def snake_to_camel(s):\n    head, *rest = s.split('_')\n    return head + ''.join(w.capitalize() for w in rest)",
        lambda r: ("_".join(_words(r, 4)),),
    ),
    _P(
        "count_islands",
        "def count_islands(grid):\n    seen = set()\n    def fill(i, j):\n        stack = [(i, j)]\n        while stack:\n"
        "            a, b = stack.pop()\n            if (a, b) in seen or not (0 <= a < len(grid) and 0 <= b < len(grid[0])) or not grid[a][b]:\n"
        "                continue\n            seen.add((a, b))\n            stack += [(a + 1, b), (a - 1, b), (a, b + 1), (a, b - 1)]\n"
        "    count = 0\n    for i in range(len(grid)):\n        for j in range(len(grid[0])):\n            if grid[i][j] and (i, j) not in seen:\n"
        "                fill(i, j)\n                count += 1\n    return count",
        lambda r: (_grid(r),),
    ),
    _P("min_max", "def min_max(xs):\n    return (min(xs), max(xs))", lambda r: (_ints(r),)),
    _P(
        "cumulative",
        "def cumulative(xs):\n    out, total = [], 0\n    for x in xs:\n        total += x\n        out.append(total)\n    return out",
        lambda r: (_ints(r),),
    ),
    _P("sort_by_len", "def sort_by_len(words):\n    return sorted(words, key=len)", lambda r: (_words(r, 8),)),
    _P(
        "common_prefix",
        "def common_prefix(words):\n    if not words:\n        return ''\n    p = words[0]\n    for w in words[1:]:\n"
        "        while not w.startswith(p):\n            p = p[:-1]\n    return p",
        lambda r: ([r.choice(["pre", "pro"]) + _word(r, 0, 3) for _ in range(3)],),
    ),
    _P(
        "hamming",
        "def hamming(a, b):\n    return sum(x != y for x, y in zip(a, b))",
        lambda r: (lambda n: (_word(r, n, n), _word(r, n, n)))(r.randint(0, 9)),
    ),
    _P(
        "is_armstrong",
        "def is_armstrong(n):\n    s = str(n)\n    return n == sum(int(c) ** len(s) for c in s)",
        lambda r: (r.choice([153, 370, 371, 9474, r.randint(0, 10**5)]),),
    ),
    _P(
        "squares_up_to",
        "def squares_up_to(n):\n    out, i = [], 1\n    while i * i <= n:\n        out.append(i * i)\n        i += 1\n    return out",
        lambda r: (r.randint(0, 500),),
    ),
    _P(
        "sum_multiples",
        "def sum_multiples(n, a, b):\n    return sum(x for x in range(n) if x % a == 0 or x % b == 0)",
        lambda r: (r.randint(0, 2000), r.randint(1, 9), r.randint(1, 9)),
    ),
    _P(
        "triangle_type",
        "def triangle_type(a, b, c):\n    x, y, z = sorted((a, b, c))\n    if x + y <= z:\n        return 'invalid'\n"
        "    if x == z:\n        return 'equilateral'\n    return 'isosceles' if x == y or y == z else 'scalene'",
        lambda r: tuple(r.randint(1, 6) for _ in range(3)),
    ),
    _P("count_bits", "def count_bits(n):\n    return bin(n).count('1')", lambda r: (r.randint(0, 2**40),)),
    _P(
        "digit_sort",
        "def digit_sort(n):\n    return int(''.join(sorted(str(n), reverse=True)))",
        lambda r: (r.randint(0, 10**9),),
    ),
    _P("diag_sum", "def diag_sum(m):\n    return sum(m[i][i] for i in range(min(len(m), len(m[0]))))", lambda r: (_grid(r),)),
    _P(
        "first_unique",
        "def first_unique(s):\n    for c in s:\n        if s.count(c) == 1:\n            return c\n    return ''",
        lambda r: ("".join(r.choice("abcab") for _ in range(r.randint(0, 9))),),
    ),
    _P("zip_dict", "def zip_dict(keys, values):\n    return dict(zip(keys, values))", lambda r: (_words(r), _ints(r))),
    _P(
        "kth_smallest",
        "def kth_smallest(xs, k):\n    return sorted(xs)[k - 1]",
        lambda r: (lambda xs: (xs, r.randint(1, len(xs))))(_ints(r)),
    ),
    _P(
        "compress",
        "def compress(s):\n    out = ''\n    i = 0\n    while i < len(s):\n        j = i\n        while j < len(s) and s[j] == s[i]:\n"
        "            j += 1\n        out += s[i] + str(j - i)\n        i = j\n    return out",
        lambda r: ("".join(r.choice("xxy") for _ in range(r.randint(0, 12))),),
    ),
    _P("gray_code", "def gray_code(n):\n    return [i ^ (i >> 1) for i in range(2 ** n)]", lambda r: (r.randint(0, 6),)),
    _P(
        "pair_sums",
        "def pair_sums(xs):\n    return {a + b for i, a in enumerate(xs) for b in xs[i + 1:]}",
        lambda r: (_ints(r, 7, 0, 9),),
    ),
    _P(
        "histogram",
        "def histogram(xs):\n    out = {}\n    for x in xs:\n        out[x] = out.get(x, 0) + 1\n    return dict(sorted(out.items()))",
        lambda r: (_ints(r, 12, 0, 4),),
    ),
    _P(
        "leap_year",
        "def leap_year(y):\n    return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)",
        lambda r: (r.choice([1900, 2000, 2024, r.randint(1, 3000)]),),
    ),
    _P(
        "days_in_month",
        "def days_in_month(y, m):\n    if m == 2:\n        return 29 if y % 4 == 0 and (y % 100 != 0 or y % 400 == 0) else 28\n"
        "    return 30 if m in (4, 6, 9, 11) else 31",
        lambda r: (r.randint(1800, 2200), r.randint(1, 12)),
    ),
]
