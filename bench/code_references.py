"""Reference solutions in MBPP (sanitized) and APPS (stdin/stdout) shapes, for ``bench_code.py --suite references``.

No dataset hub is reachable here and no PyPI package ships MBPP or APPS, so
these are written in those datasets' formats, with the cases that a naive
grader gets wrong on real references: functions named like builtins, return
values outside the plain codec (``Counter``, ``defaultdict``, ``deque``,
``OrderedDict``, ``complex``, a ``re.Match`` checked for truth, ``map``
objects), ``math.isclose`` relying on ``test_imports``, in-place changes,
custom classes in the test setup; and for stdin/stdout: blank lines and
trailing spaces in the output, ``exit()`` after printing, deep recursion on a
big thread stack, and CPU-heavy programs (1-2.5 s of CPU).

Each MBPP row is ``{"prompt", "code", "test_imports", "test_list"}`` as the
sanitized split stores it; each APPS row is ``{"question", "solution",
"input_output": {"inputs", "outputs"}}``. :func:`mbpp_rows` and
:func:`apps_rows` turn them, and the rows of ``refs/``, into
rows for ``grpo-rewards check``.
"""

# ruff: noqa: E501 - one reference per entry reads best
from __future__ import annotations

import json
from typing import Any

__all__ = ["APPS", "MBPP", "all_apps", "all_mbpp", "apps_rows", "mbpp_rows"]

MBPP: list[dict[str, Any]] = [
    {
        "prompt": "Write a function to raise a to the power b.",
        "code": "def pow(a, b):\n    result = 1\n    for _ in range(b):\n        result *= a\n    return result",
        "test_imports": [],
        "test_list": ["assert pow(3, 4) == 81", "assert pow(2, 3) == 8", "assert pow(5, 5) == 3125"],
    },
    {
        "prompt": "Write a function to find the maximum of three numbers.",
        "code": "def max(a, b, c):\n    best = a\n    for x in (b, c):\n        if x > best:\n            best = x\n    return best",
        "test_imports": [],
        "test_list": ["assert max(10, 20, 30) == 30", "assert max(55, 47, 39) == 55", "assert max(10, 49, 30) == 49"],
    },
    {
        "prompt": "Write a function to count the frequency of each element of a list.",
        "code": "import collections\ndef freq_count(list1):\n    freq_count = collections.Counter(list1)\n    return freq_count",
        "test_imports": [],
        "test_list": [
            "assert freq_count([10,10,10,10,20,20,20,20,40,40,50,50,30])==({10: 4, 20: 4, 40: 2, 50: 2, 30: 1})",
            "assert freq_count([1,2,3,4,3,2,4,1,3,1,4])==({1:3, 2:2,3:3,4:3})",
            "assert freq_count([5,6,7,4,9,10,4,5,6,7,9,5])==({10:1,5:3,6:2,7:2,4:2,9:2})",
        ],
    },
    {
        "prompt": "Write a function to group a sequence of key-value pairs into a dictionary of lists.",
        "code": "from collections import defaultdict\ndef grouping_dictionary(l):\n    d = defaultdict(list)\n    for k, v in l:\n        d[k].append(v)\n    return d",
        "test_imports": [],
        "test_list": [
            "assert grouping_dictionary([('yellow', 1), ('blue', 2), ('yellow', 3), ('blue', 4), ('red', 1)])== ({'yellow': [1, 3], 'blue': [2, 4], 'red': [1]})",
            "assert grouping_dictionary([('a', 10), ('b', 20)])== ({'a': [10], 'b': [20]})",
            "assert grouping_dictionary([])== ({})",
        ],
    },
    {
        "prompt": "Write a function to rotate a list to the right by k places using a deque.",
        "code": "from collections import deque\ndef rotate_right(xs, k):\n    d = deque(xs)\n    d.rotate(k)\n    return d",
        "test_imports": ["from collections import deque"],
        "test_list": [
            "assert rotate_right([1, 2, 3, 4, 5], 2) == deque([4, 5, 1, 2, 3])",
            "assert list(rotate_right([1, 2, 3], 1)) == [3, 1, 2]",
            "assert rotate_right([], 3) == deque([])",
        ],
    },
    {
        "prompt": "Write a function to sort a dictionary by value, keeping an ordered mapping.",
        "code": "from collections import OrderedDict\ndef sort_by_value(d):\n    return OrderedDict(sorted(d.items(), key=lambda kv: kv[1]))",
        "test_imports": ["from collections import OrderedDict"],
        "test_list": [
            "assert sort_by_value({'a': 3, 'b': 1, 'c': 2}) == OrderedDict([('b', 1), ('c', 2), ('a', 3)])",
            "assert list(sort_by_value({'x': 2, 'y': 1})) == ['y', 'x']",
            "assert sort_by_value({}) == OrderedDict()",
        ],
    },
    {
        "prompt": "Write a function to get the angle of a complex number.",
        "code": "import cmath\ndef angle_complex(a, b):\n    cn = complex(a, b)\n    angle = cmath.phase(a + b)\n    return angle",
        "test_imports": ["import math"],
        "test_list": [
            "assert math.isclose(angle_complex(0,1j), 1.5707963267948966, rel_tol=0.001)",
            "assert math.isclose(angle_complex(2,1j), 0.4636476090008061, rel_tol=0.001)",
            "assert math.isclose(angle_complex(0,2j), 1.5707963267948966, rel_tol=0.001)",
        ],
    },
    {
        "prompt": "Write a function to convert polar coordinates to a complex number.",
        "code": "import cmath\ndef polar_rect(r, theta):\n    return cmath.rect(r, theta)",
        "test_imports": ["import math"],
        "test_list": [
            "assert abs(polar_rect(2, 0) - (2+0j)) < 1e-9",
            "assert abs(polar_rect(1, math.pi / 2) - 1j) < 1e-9",
            "assert polar_rect(0, 1) == 0j",
        ],
    },
    {
        "prompt": "Write a function that matches a string that has an a followed by zero or more b's.",
        "code": "import re\ndef text_match(text):\n    return re.search('ab*?', text)",
        "test_imports": [],
        "test_list": [
            'assert text_match("ac")',
            'assert not text_match("dc")',
            'assert text_match("abba")',
            'assert text_match("xyz") is None',
        ],
    },
    {
        "prompt": "Write a function to find the shared elements from the given two lists.",
        "code": "def similar_elements(test_tup1, test_tup2):\n    res = tuple(set(test_tup1) & set(test_tup2))\n    return (res)",
        "test_imports": [],
        "test_list": [
            "assert set(similar_elements((3, 4, 5, 6),(5, 7, 4, 10))) == set((4, 5))",
            "assert set(similar_elements((1, 2, 3, 4),(5, 4, 3, 7))) == set((3, 4))",
            "assert set(similar_elements((11, 12, 14, 13),(17, 15, 14, 13))) == set((13, 14))",
        ],
    },
    {
        "prompt": "Write a function to add two lists element-wise using map and lambda.",
        "code": "def add_list(nums1, nums2):\n    return map(lambda x, y: x + y, nums1, nums2)",
        "test_imports": [],
        "test_list": [
            "assert list(add_list([1, 2, 3],[4,5,6]))==[5, 7, 9]",
            "assert list(add_list([1,2],[3,4]))==[4,6]",
            "assert list(add_list([10,20],[50,70]))==[60,90]",
        ],
    },
    {
        "prompt": "Write a function to compute the volume of a sphere.",
        "code": "import math\ndef volume_sphere(r):\n    volume = (4 / 3) * math.pi * r * r * r\n    return volume",
        "test_imports": ["import math"],
        "test_list": [
            "assert math.isclose(volume_sphere(10), 4188.790204786391, rel_tol=0.001)",
            "assert math.isclose(volume_sphere(25), 65449.84694978735, rel_tol=0.001)",
            "assert math.isclose(volume_sphere(20), 33510.32163829113, rel_tol=0.001)",
        ],
    },
    {
        "prompt": "Write a function to compute the area of a circle.",
        "code": "import math\ndef area_circle(r):\n    return math.pi * r ** 2",
        "test_imports": [],
        "test_list": [
            "assert math.isclose(area_circle(1), 3.141592653589793)",
            "assert math.isclose(area_circle(2), 12.566370614359172)",
            "assert area_circle(0) == 0",
        ],
    },
    {
        "prompt": "Write a function to sort the given list in place and return nothing.",
        "code": "def sort_in_place(xs):\n    xs.sort()",
        "test_imports": [],
        "test_list": [
            "xs = [3, 1, 2]\nsort_in_place(xs)\nassert xs == [1, 2, 3]",
            "ys = []\nassert sort_in_place(ys) is None and ys == []",
            "zs = ['b', 'a']\nsort_in_place(zs)\nassert zs == ['a', 'b']",
        ],
    },
    {
        "prompt": "Write a function to find the longest chain which can be formed from the given set of pairs.",
        "code": "class Pair(object):\n    def __init__(self, a, b):\n        self.a = a\n        self.b = b\ndef max_chain_length(arr, n):\n    max = 0\n    mcl = [1 for i in range(n)]\n    for i in range(1, n):\n        for j in range(0, i):\n            if (arr[i].a > arr[j].b and mcl[i] < mcl[j] + 1):\n                mcl[i] = mcl[j] + 1\n    for i in range(n):\n        if (max < mcl[i]):\n            max = mcl[i]\n    return max",
        "test_imports": ["class Pair(object):\n    def __init__(self, a, b):\n        self.a = a\n        self.b = b"],
        "test_list": [
            "assert max_chain_length([Pair(5, 24), Pair(15, 25),Pair(27, 40), Pair(50, 60)], 4) == 3",
            "assert max_chain_length([Pair(1, 2), Pair(3, 4),Pair(5, 6), Pair(7, 8)], 4) == 4",
            "assert max_chain_length([Pair(19, 10), Pair(11, 12),Pair(13, 14), Pair(15, 16), Pair(31, 54)], 5) == 5",
        ],
    },
    {
        "prompt": "Write a function to find the n-th Fibonacci number.",
        "code": "def fib(n):\n    a, b = 0, 1\n    for _ in range(n):\n        a, b = b, a + b\n    return a",
        "test_imports": [],
        "test_list": [
            "assert fib(10) == 55",
            "assert fib(1) == 1",
            "assert fib(90) == 2880067194370816120",
            "assert fib(300) == 222232244629420445529739893461909967206666939096499764990979600",
        ],
    },
    {
        "prompt": "Write a function to check whether the given number is even.",
        "code": "def is_even(n):\n    return n % 2 == 0",
        "test_imports": [],
        "test_list": ["assert is_even(2) == True", "assert is_even(3) == False", "assert is_even(0)"],
    },
    {
        "prompt": "Write a function to return the minimum and maximum of a list as a tuple.",
        "code": "def min_max(xs):\n    return (min(xs), max(xs))",
        "test_imports": [],
        "test_list": [
            "assert min_max([3, 1, 2]) == (1, 3)",
            "assert min_max([5]) == (5, 5)",
            "assert min_max([-1, -7]) == (-7, -1)",
        ],
    },
    {
        "prompt": "Write a function to remove all whitespace from a string using regex.",
        "code": "import re\ndef remove_whitespaces(text1):\n    return (re.sub(r'\\s+', '', text1))",
        "test_imports": [],
        "test_list": [
            "assert remove_whitespaces(' Google    Flutter ') == 'GoogleFlutter'",
            "assert remove_whitespaces(' Google    Dart ') == 'GoogleDart'",
            "assert remove_whitespaces(' iOS    Swift ') == 'iOSSwift'",
        ],
    },
    {
        "prompt": "Write a function to flatten a nested list.",
        "code": "def flatten_list(list1):\n    result = []\n    stack = [list(list1)]\n    while stack:\n        c_num = stack.pop()\n        next = c_num.pop()\n        if c_num:\n            stack.append(c_num)\n        if isinstance(next, list):\n            if next:\n                stack.append(list(next))\n        else:\n            result.append(next)\n    result.reverse()\n    return result",
        "test_imports": [],
        "test_list": [
            "assert flatten_list([0, 10, [20, 30], 40, 50, [60, 70, 80], [90, 100, 110, 120]])==[0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110, 120]",
            "assert flatten_list([[10, 20], [40], [30, 56, 25], [10, 20], [33], [40]])==[10, 20, 40, 30, 56, 25, 10, 20, 33, 40]",
            "assert flatten_list([[1,2,3], [4,5,6], [10,11,12], [7,8,9]])==[1, 2, 3, 4, 5, 6, 10, 11, 12, 7, 8, 9]",
        ],
    },
    {
        "prompt": "Write a function to merge two dictionaries.",
        "code": "def merge_dict(d1, d2):\n    d = d1.copy()\n    d.update(d2)\n    return d",
        "test_imports": [],
        "test_list": [
            "assert merge_dict({'a': 100, 'b': 200},{'x': 300, 'y': 200})=={'x': 300, 'y': 200, 'a': 100, 'b': 200}",
            "assert merge_dict({'a':900,'b':900,'d':900},{'a':900,'b':900,'d':900})=={'a':900,'b':900,'d':900}",
            "assert merge_dict({'a':10,'b':20},{'x':30,'y':40})=={'x':30,'y':40,'a':10,'b':20}",
        ],
    },
    {
        "prompt": "Write a function to return the first repeated character, or None.",
        "code": "def first_repeated_char(s):\n    seen = set()\n    for c in s:\n        if c in seen:\n            return c\n        seen.add(c)\n    return None",
        "test_imports": [],
        "test_list": [
            'assert first_repeated_char("abcabc") == "a"',
            'assert first_repeated_char("abc") == None',
            'assert first_repeated_char("123123") == "1"',
        ],
    },
    {
        "prompt": "Write a function that returns the squares of 0..n-1 as a generator.",
        "code": "def squares(n):\n    for i in range(n):\n        yield i * i",
        "test_imports": [],
        "test_list": ["assert list(squares(4)) == [0, 1, 4, 9]", "assert sum(squares(3)) == 5", "assert list(squares(0)) == []"],
    },
    {
        "prompt": "Write a function to compute the sum of digits of a non-negative integer.",
        "code": "def sum_digits(n):\n    return sum(int(c) for c in str(n))",
        "test_imports": [],
        "test_list": ["assert sum_digits(345)==12", "assert sum_digits(12)==3", "assert sum_digits(97)==16"],
    },
    {
        "prompt": "Write a function to find the sum of the keys of a dictionary view.",
        "code": "def keys_of(d):\n    return d.keys()",
        "test_imports": [],
        "test_list": [
            "assert keys_of({'a': 1, 'b': 2}) == {'a', 'b'}",
            "assert sorted(keys_of({2: 0, 1: 0})) == [1, 2]",
            "assert len(keys_of({})) == 0",
        ],
    },
    {
        "prompt": "Write a function to count primes below n (sieve).",
        "code": "def count_primes(n):\n    if n < 3:\n        return 0\n    sieve = bytearray([1]) * n\n    sieve[0] = sieve[1] = 0\n    for i in range(2, int(n ** 0.5) + 1):\n        if sieve[i]:\n            sieve[i * i::i] = bytearray(len(range(i * i, n, i)))\n    return sum(sieve)",
        "test_imports": [],
        "test_list": ["assert count_primes(10) == 4", "assert count_primes(100) == 25", "assert count_primes(2000000) == 148933"],
    },
    {
        "prompt": "Write a function to return a fraction in lowest terms.",
        "code": "from fractions import Fraction\ndef simplify(a, b):\n    return Fraction(a, b)",
        "test_imports": ["from fractions import Fraction"],
        "test_list": [
            "assert simplify(2, 4) == Fraction(1, 2)",
            "assert simplify(3, 9) == Fraction(1, 3)",
            "assert simplify(5, 1) == 5",
        ],
    },
    {
        "prompt": "Write a function to check whether a list is sorted; raise ValueError on an empty list.",
        "code": "def is_sorted(xs):\n    if not xs:\n        raise ValueError('empty')\n    return all(a <= b for a, b in zip(xs, xs[1:]))",
        "test_imports": [],
        "test_list": [
            "assert is_sorted([1, 2, 2, 3])",
            "assert not is_sorted([2, 1])",
            "try:\n    is_sorted([])\nexcept ValueError:\n    pass\nelse:\n    raise AssertionError('no error')",
        ],
    },
]

_YES_NO = "t = int(input())\nfor _ in range(t):\n    n = int(input())\n    print('YES' if n % 2 == 0 and n > 2 else 'NO')"
_SIEVE = (
    "import sys\ndef main():\n    data = sys.stdin.read().split()\n    n = int(data[0])\n    sieve = [True] * (n + 1)\n    sieve[0] = sieve[1] = False\n"
    "    i = 2\n    while i * i <= n:\n        if sieve[i]:\n            for j in range(i * i, n + 1, i):\n                sieve[j] = False\n        i += 1\n"
    "    print(sum(sieve))\nmain()"
)
_DP = (
    "n = int(input())\nways = [0] * (n + 1)\nways[0] = 1\nfor coin in range(1, 60):\n    for v in range(coin, n + 1):\n"
    "        ways[v] = (ways[v] + ways[v - coin]) % 1000000007\nprint(ways[n])"
)
_RECURSION = (
    "import sys, threading\nsys.setrecursionlimit(1 << 20)\nthreading.stack_size(1 << 27)\n"
    "def depth(n):\n    return 0 if n == 0 else 1 + depth(n - 1)\n"
    "def main():\n    print(depth(int(input())))\nthreading.Thread(target=main).start()"
)


def _coins(n: int) -> int:
    ways = [0] * (n + 1)
    ways[0] = 1
    for coin in range(1, 60):
        for v in range(coin, n + 1):
            ways[v] = (ways[v] + ways[v - coin]) % 1000000007
    return ways[n]


def _fact_mod(n: int) -> int:
    r = 1
    for i in range(2, n + 1):
        r = r * i % 1000000007
    return r


def _primes(n: int) -> int:
    sieve = bytearray([1]) * (n + 1)
    sieve[0:2] = b"\x00\x00"
    for i in range(2, int(n**0.5) + 1):
        if sieve[i]:
            sieve[i * i :: i] = bytearray(len(range(i * i, n + 1, i)))
    return sum(sieve)


APPS: list[dict[str, Any]] = [
    {
        "question": "Sum two integers.",
        "solution": "a, b = map(int, input().split())\nprint(a + b)",
        "input_output": {"inputs": ["1 2\n", "-5 5\n", "1000000000 1000000000\n"], "outputs": ["3\n", "0\n", "2000000000\n"]},
    },
    {
        "question": "For each test, print YES if n splits into two positive even parts.",
        "solution": _YES_NO,
        "input_output": {"inputs": ["3\n8\n5\n2\n", "1\n4\n"], "outputs": ["YES\nNO\nNO\n", "YES\n"]},
    },
    {
        "question": "Print the numbers 1..n on one line separated by spaces.",
        "solution": "n = int(input())\nfor i in range(1, n + 1):\n    print(i, end=' ')\nprint()",
        "input_output": {"inputs": ["3\n", "1\n"], "outputs": ["1 2 3\n", "1\n"]},
    },
    {
        "question": "Print each answer followed by a blank line.",
        "solution": "t = int(input())\nfor _ in range(t):\n    s = input()\n    print(s[::-1])\n    print()",
        "input_output": {"inputs": ["2\nabc\nxy\n"], "outputs": ["cba\nyx\n"]},
    },
    {
        "question": "Print n and stop.",
        "solution": "import sys\nn = int(input())\nprint(n)\nsys.exit(0)\nprint('unreachable')",
        "input_output": {"inputs": ["7\n"], "outputs": ["7\n"]},
    },
    {
        "question": "Print the maximum, then exit.",
        "solution": "xs = list(map(int, input().split()))\nprint(max(xs))\nexit()",
        "input_output": {"inputs": ["1 5 3\n", "-2 -9\n"], "outputs": ["5\n", "-2\n"]},
    },
    {
        "question": "Print the average with 6 decimals.",
        "solution": "xs = list(map(int, input().split()))\nprint('%.6f' % (sum(xs) / len(xs)))",
        "input_output": {"inputs": ["1 2\n", "1 1 2\n"], "outputs": ["1.500000\n", "1.333333\n"]},
    },
    {
        "question": "Print the matrix transposed, rows on lines.",
        "solution": "r, c = map(int, input().split())\nm = [input().split() for _ in range(r)]\nfor j in range(c):\n    print(' '.join(m[i][j] for i in range(r)))",
        "input_output": {"inputs": ["2 3\n1 2 3\n4 5 6\n"], "outputs": ["1 4\n2 5\n3 6\n"]},
    },
    {
        "question": "Count the primes up to n (n up to 3*10^6).",
        "solution": _SIEVE,
        "input_output": {
            "inputs": [f"{n}\n" for n in (10, 1000000, 3000000)],
            "outputs": [f"{_primes(n)}\n" for n in (10, 1000000, 3000000)],
        },
    },
    {
        "question": "Number of ways to pay n with coins 1..59, modulo 1e9+7.",
        "solution": _DP,
        "input_output": {
            "inputs": [f"{n}\n" for n in (5, 20000, 40000)],
            "outputs": [f"{_coins(n)}\n" for n in (5, 20000, 40000)],
        },
    },
    {
        "question": "Depth of a chain of n nested calls (deep recursion).",
        "solution": _RECURSION,
        "input_output": {"inputs": ["10\n", "200000\n"], "outputs": ["10\n", "200000\n"]},
    },
    {
        "question": "Read all numbers and print their sorted order, one per line.",
        "solution": "import sys\nnums = sorted(map(int, sys.stdin.read().split()))\nsys.stdout.write('\\n'.join(map(str, nums)) + '\\n')",
        "input_output": {"inputs": ["3\n1\n2\n", "5 4\n"], "outputs": ["1\n2\n3\n", "4\n5\n"]},
    },
    {
        "question": "Print the string in upper case with trailing spaces kept.",
        "solution": "s = input()\nprint(s.upper() + '   ')",
        "input_output": {"inputs": ["abc\n"], "outputs": ["ABC\n"]},
    },
    {
        "question": "Print the grid with '#' for walls.",
        "solution": "h, w = map(int, input().split())\nfor i in range(h):\n    print(''.join('#' if (i + j) % 2 else '.' for j in range(w)))",
        "input_output": {"inputs": ["2 3\n", "1 1\n"], "outputs": [".#.\n#.#\n", ".\n"]},
    },
    {
        "question": "Print the answers of many queries, one per line (fast output).",
        "solution": "import sys\ninput = sys.stdin.readline\nq = int(input())\nout = []\nfor _ in range(q):\n    a, b = map(int, input().split())\n    out.append(str(a * b))\nprint('\\n'.join(out))",
        "input_output": {"inputs": ["3\n1 2\n3 4\n5 6\n"], "outputs": ["2\n12\n30\n"]},
    },
    {
        "question": "Print Yes/No with the checker's exact case.",
        "solution": "n = int(input())\nprint('Yes' if n > 0 else 'No')",
        "input_output": {"inputs": ["5\n", "-1\n"], "outputs": ["Yes\n", "No\n"]},
    },
    {
        "question": "Shortest path lengths on a grid graph (BFS) from the corner.",
        "solution": "from collections import deque\nn = int(input())\ndist = [[-1] * n for _ in range(n)]\ndist[0][0] = 0\nq = deque([(0, 0)])\nwhile q:\n    x, y = q.popleft()\n    for dx, dy in ((1, 0), (0, 1)):\n        a, b = x + dx, y + dy\n        if a < n and b < n and dist[a][b] < 0:\n            dist[a][b] = dist[x][y] + 1\n            q.append((a, b))\nprint(dist[n - 1][n - 1])",
        "input_output": {"inputs": ["3\n", "700\n"], "outputs": ["4\n", "1398\n"]},
    },
    {
        "question": "Print the words in reverse order.",
        "solution": "print(*reversed(input().split()))",
        "input_output": {"inputs": ["a  b   c\n", "one\n"], "outputs": ["c b a\n", "one\n"]},
    },
    {
        "question": "Print the sum of each test case, with an empty line between test cases.",
        "solution": "t = int(input())\nfor i in range(t):\n    input()\n    print(sum(map(int, input().split())))\n    if i + 1 < t:\n        print()",
        "input_output": {"inputs": ["2\n\n1 2\n\n3 4\n"], "outputs": ["3\n7\n"]},
    },
    {
        "question": "Print n! modulo 1e9+7 for n up to 2*10^6.",
        "solution": "n = int(input())\nr = 1\nfor i in range(2, n + 1):\n    r = r * i % 1000000007\nprint(r)",
        "input_output": {"inputs": ["5\n", "2000000\n"], "outputs": ["120\n", f"{_fact_mod(2000000)}\n"]},
    },
]


def all_mbpp() -> list[dict[str, Any]]:
    """Every MBPP-shaped reference: these and ``refs.MBPP_MORE``."""
    from refs import MBPP_MORE

    return MBPP + MBPP_MORE


def all_apps() -> list[dict[str, Any]]:
    """Every APPS-shaped reference: these and ``refs.APPS_MORE``."""
    from refs import APPS_MORE

    return APPS + APPS_MORE


def mbpp_rows() -> list[dict[str, Any]]:
    """MBPP sanitized rows as ``check`` reads them: the reference fenced, ``tests`` and ``test_setup``."""
    return [
        {
            "prompt": r["prompt"],
            "completion": f"```python\n{r['code']}\n```",
            "tests": r["test_list"],
            "test_setup": "\n".join(r["test_imports"]),
        }
        for r in all_mbpp()
    ]


def apps_rows() -> list[dict[str, Any]]:
    """APPS rows as ``check`` reads them: the solution fenced, the cases as a JSON string (APPS stores them so)."""
    return [
        {"prompt": r["question"], "completion": f"```python\n{r['solution']}\n```", "tests": json.dumps(r["input_output"])}
        for r in all_apps()
    ]
