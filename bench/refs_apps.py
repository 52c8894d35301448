"""APPS / Codeforces shaped stdin/stdout reference rows, with the judge's outputs in the judge's format.

No package ships APPS, so these are written here in its shape: a question, a
solution written the way competitive programmers write them (``t`` test cases
per input, ``sys.stdin.readline``, all of stdin read at once, ``print(*a)``,
trailing spaces, ``exit()`` after the answer, flushing as if interactive,
recursion on a big thread stack, debug prints to stderr), and the official
outputs as a judge stores them: floats with another number of decimals than
the solution prints, big outputs, Windows line endings, no trailing newline,
blank lines where the solution prints none. Expected outputs come from a
separate implementation in this file (``_expect``), never from running the
solution. Problems that accept many answers (special judges) are left out.
"""

# ruff: noqa: E501 - one reference per entry reads best
from __future__ import annotations

import math
import random
from typing import Any

__all__ = ["APPS_MORE"]


def _row(question: str, solution: str, inputs: list[str], outputs: list[str]) -> dict[str, Any]:
    return {"question": question, "solution": solution.strip("\n"), "input_output": {"inputs": inputs, "outputs": outputs}}


_rng = random.Random(20240611)


def _decimal(value: int) -> str:
    """``str(value)`` past Python's 4,300-digit default (the judge's files have no such limit)."""
    import sys

    old = sys.get_int_max_str_digits()
    sys.set_int_max_str_digits(0)
    try:
        return str(value)
    finally:
        sys.set_int_max_str_digits(old)


def _multi(cases: list[str]) -> str:
    return f"{len(cases)}\n" + "".join(cases)


# ----------------------------------------------------------------------------- generated data

_ARR = [_rng.randint(1, 10**9) for _ in range(200000)]
_BIG_IN = f"{len(_ARR)}\n{' '.join(map(str, _ARR))}\n"
_BIG_SORTED = "\n".join(map(str, sorted(_ARR))) + "\n"
_PREFIX = []
_running = 0
for _x in _ARR:
    _running += _x
    _PREFIX.append(_running)
_PREFIX_OUT = " ".join(map(str, _PREFIX)) + "\n"

_SEGS = [(_rng.randint(1, 10**6), _rng.randint(1, 10**6)) for _ in range(2000)]
_POINTS = [(_rng.uniform(-1000, 1000), _rng.uniform(-1000, 1000)) for _ in range(5)]


def _dist_out(points: list[tuple[float, float]]) -> str:
    best = min(math.dist(p, q) for i, p in enumerate(points) for q in points[i + 1 :])
    return f"{best:.10f}\n"


def _lis(a: list[int]) -> int:
    import bisect

    tails: list[int] = []
    for x in a:
        i = bisect.bisect_left(tails, x)
        tails[i : i + 1] = [x]
    return len(tails)


_LIS_A = [_rng.randint(1, 10**6) for _ in range(100000)]


def _primes_upto(n: int) -> list[int]:
    sieve = bytearray([1]) * (n + 1)
    sieve[:2] = b"\x00\x00"
    for i in range(2, int(n**0.5) + 1):
        if sieve[i]:
            sieve[i * i :: i] = bytearray(len(range(i * i, n + 1, i)))
    return [i for i in range(n + 1) if sieve[i]]


_GRID = ["".join(_rng.choice("..#") for _ in range(300)) for _ in range(300)]
_GRID = ["." + row[1:] for row in _GRID[:1]] + _GRID[1:-1] + [_GRID[-1][:-1] + "."]


def _bfs(grid: list[str]) -> int:
    from collections import deque

    h, w = len(grid), len(grid[0])
    dist = [[-1] * w for _ in range(h)]
    dist[0][0] = 0
    q = deque([(0, 0)])
    while q:
        x, y = q.popleft()
        for dx, dy in ((1, 0), (-1, 0), (0, 1), (0, -1)):
            a, b = x + dx, y + dy
            if 0 <= a < h and 0 <= b < w and grid[a][b] == "." and dist[a][b] < 0:
                dist[a][b] = dist[x][y] + 1
                q.append((a, b))
    return dist[h - 1][w - 1]


_TREE_N = 100000
_PARENTS = [_rng.randint(max(1, i - 3), i - 1) for i in range(2, _TREE_N + 1)]


def _tree_depth() -> int:
    depth = [0] * (_TREE_N + 1)
    for child, parent in enumerate(_PARENTS, start=2):
        depth[child] = depth[parent] + 1
    return max(depth)


_STRS = ["".join(_rng.choice("ab") for _ in range(_rng.randint(1, 12))) for _ in range(6)]
_QUERIES = [(_rng.randint(1, 10**18), _rng.randint(1, 10**18)) for _ in range(5)]
_MATRIX = [[_rng.randint(-9, 9) for _ in range(4)] for _ in range(4)]

APPS_MORE: list[dict[str, Any]] = [
    _row(
        "Given t test cases, each with n and an array a, print the sum of the array.",
        "import sys\ninput = sys.stdin.readline\nfor _ in range(int(input())):\n    n = int(input())\n    a = list(map(int, input().split()))\n    print(sum(a))",
        ["3\n3\n1 2 3\n1\n5\n2\n-1 1\n", "1\n4\n1000000000 1000000000 1000000000 1000000000\n"],
        ["6\n5\n0\n", "4000000000\n"],
    ),
    _row(
        "Print the array sorted in non-decreasing order, space separated.",
        "n = int(input())\na = sorted(map(int, input().split()))\nprint(*a)",
        ["5\n5 3 1 4 2\n", "1\n7\n"],
        ["1 2 3 4 5\n", "7\n"],
    ),
    _row(
        "Print the elements in reverse order (the solution leaves a trailing space).",
        "n = int(input())\na = input().split()\nfor x in reversed(a):\n    print(x, end=' ')",
        ["4\n1 2 3 4\n", "2\n9 8\n"],
        ["4 3 2 1\n", "8 9\n"],
    ),
    _row(
        "Print the average of the numbers. Answers within 1e-6 absolute or relative error are accepted.",
        "n = int(input())\na = list(map(int, input().split()))\nprint(sum(a) / n)",
        ["3\n1 2 2\n", "2\n1 2\n", "4\n1 1 1 1\n"],
        ["1.666666666667\n", "1.500000000000\n", "1.000000000000\n"],
    ),
    _row(
        "Print the area of a circle of radius r, with at least 6 correct digits.",
        "import math\nr = int(input())\nprint('%.9f' % (math.pi * r * r))",
        ["1\n", "10\n", "1000\n"],
        ["3.141592653590\n", "314.159265358979\n", "3141592.653589793\n"],
    ),
    _row(
        "Print the closest distance between two of the given points (absolute or relative error 1e-6).",
        "import math\nn = int(input())\np = [tuple(map(float, input().split())) for _ in range(n)]\nbest = float('inf')\nfor i in range(n):\n    for j in range(i + 1, n):\n        best = min(best, math.hypot(p[i][0] - p[j][0], p[i][1] - p[j][1]))\nprint(best)",
        [f"{len(_POINTS)}\n" + "".join(f"{x:.6f} {y:.6f}\n" for x, y in _POINTS)],
        [_dist_out([(float(f"{x:.6f}"), float(f"{y:.6f}")) for x, y in _POINTS])],
    ),
    _row(
        "Sort 200000 numbers and print them one per line (a big output).",
        "import sys\ndata = sys.stdin.buffer.read().split()\nn = int(data[0])\na = sorted(map(int, data[1:n + 1]))\nsys.stdout.write('\\n'.join(map(str, a)) + '\\n')",
        [_BIG_IN],
        [_BIG_SORTED],
    ),
    _row(
        "Print the prefix sums of the array on one line (a big output).",
        "from itertools import accumulate\nn = int(input())\nprint(*accumulate(map(int, input().split())))",
        [_BIG_IN],
        [_PREFIX_OUT],
    ),
    _row(
        "Read numbers until the end of input and print their sum (Windows line endings in the input).",
        "import sys\nprint(sum(int(x) for x in sys.stdin.read().split()))",
        ["1 2\r\n3 4\r\n", "10\r\n"],
        ["10\r\n", "10\r\n"],
    ),
    _row(
        "Reverse each line of the input (Windows line endings).",
        "n = int(input())\nfor _ in range(n):\n    s = input()\n    print(s[::-1])",
        ["2\r\nabc\r\nxy\r\n"],
        ["cba\r\nyx\r\n"],
    ),
    _row(
        "Print the length of the string read with sys.stdin.readline (Windows line endings).",
        "import sys\ns = sys.stdin.readline().strip()\nprint(len(s))",
        ["hello\r\n", "a\r\n"],
        ["5\n", "1\n"],
    ),
    _row(
        "Print a+b; the input has no trailing newline.",
        "a, b = map(int, input().split())\nprint(a + b)",
        ["3 4", "-7 7"],
        ["7", "0"],
    ),
    _row(
        "Print n; the input ends with extra blank lines.",
        "n = int(input())\nprint(n * n)",
        ["12\n\n\n", "3\n\n"],
        ["144\n", "9\n"],
    ),
    _row(
        "Each test case is separated by a blank line; print the maximum of each.",
        "t = int(input())\nfor _ in range(t):\n    line = input()\n    while not line.strip():\n        line = input()\n    n = int(line)\n    print(max(map(int, input().split())))",
        ["3\n\n2\n1 5\n\n3\n-1 -2 -3\n\n1\n0\n"],
        ["5\n-1\n0\n"],
    ),
    _row(
        "For each query print YES if n is prime, else NO (the solution flushes like an interactive one).",
        "import sys\ndef is_prime(n):\n    if n < 2:\n        return False\n    i = 2\n    while i * i <= n:\n        if n % i == 0:\n            return False\n        i += 1\n    return True\nq = int(input())\nfor _ in range(q):\n    print('YES' if is_prime(int(input())) else 'NO', flush=True)",
        ["4\n2\n4\n97\n1\n", "1\n1000003\n"],
        ["YES\nNO\nYES\nNO\n", "YES\n"],
    ),
    _row(
        "Print the answer and stop early with exit().",
        "n = int(input())\nif n == 0:\n    print(0)\n    exit()\nprint(1 + (n - 1) // 2)",
        ["0\n", "5\n", "6\n"],
        ["0\n", "3\n", "3\n"],
    ),
    _row(
        "Print the answer from a function that ends the program with sys.exit().",
        "import sys\ndef solve():\n    n = int(sys.stdin.readline())\n    print(n % 7)\n    sys.exit()\nsolve()",
        ["100\n", "6\n"],
        ["2\n", "6\n"],
    ),
    _row(
        "Print the longest increasing subsequence length of 100000 numbers.",
        "import sys\nfrom bisect import bisect_left\ndef main():\n    data = sys.stdin.read().split()\n    n = int(data[0])\n    tails = []\n    for x in map(int, data[1:n + 1]):\n        i = bisect_left(tails, x)\n        if i == len(tails):\n            tails.append(x)\n        else:\n            tails[i] = x\n    print(len(tails))\nif __name__ == '__main__':\n    main()",
        [f"{len(_LIS_A)}\n{' '.join(map(str, _LIS_A))}\n"],
        [f"{_lis(_LIS_A)}\n"],
    ),
    _row(
        "Print the primes up to n separated by spaces (the judge's output has a trailing space).",
        "n = int(input())\ns = [True] * (n + 1)\ns[0] = s[1] = False\nfor i in range(2, int(n ** 0.5) + 1):\n    if s[i]:\n        for j in range(i * i, n + 1, i):\n            s[j] = False\nprint(' '.join(str(i) for i in range(n + 1) if s[i]))",
        ["10\n", "30\n"],
        ["2 3 5 7 \n", "2 3 5 7 11 13 17 19 23 29 \n"],
    ),
    _row(
        "Shortest path in a 300x300 grid maze from the top-left to the bottom-right (-1 if none).",
        "from collections import deque\nimport sys\ninput = sys.stdin.readline\nh, w = map(int, input().split())\ng = [input().strip() for _ in range(h)]\nd = [[-1] * w for _ in range(h)]\nd[0][0] = 0\nq = deque([(0, 0)])\nwhile q:\n    x, y = q.popleft()\n    for dx, dy in ((1, 0), (-1, 0), (0, 1), (0, -1)):\n        nx, ny = x + dx, y + dy\n        if 0 <= nx < h and 0 <= ny < w and g[nx][ny] == '.' and d[nx][ny] == -1:\n            d[nx][ny] = d[x][y] + 1\n            q.append((nx, ny))\nprint(d[h - 1][w - 1])",
        ["300 300\n" + "\n".join(_GRID) + "\n"],
        [f"{_bfs(_GRID)}\n"],
    ),
    _row(
        "Depth of a rooted tree of 100000 nodes given by parents, by recursive DFS on a big thread stack.",
        "import sys, threading\nsys.setrecursionlimit(1 << 25)\nthreading.stack_size(1 << 27)\ndef main():\n    n = int(sys.stdin.readline())\n    par = list(map(int, sys.stdin.readline().split()))\n    ch = [[] for _ in range(n + 1)]\n    for i, p in enumerate(par, 2):\n        ch[p].append(i)\n    def dfs(v):\n        best = 0\n        for c in ch[v]:\n            best = max(best, dfs(c) + 1)\n        return best\n    print(dfs(1))\nt = threading.Thread(target=main)\nt.start()\nt.join()",
        [f"{_TREE_N}\n{' '.join(map(str, _PARENTS))}\n"],
        [f"{_tree_depth()}\n"],
    ),
    _row(
        "Count distinct values (the solution prints debug output to stderr).",
        "import sys\nn = int(input())\na = list(map(int, input().split()))\nprint('debug:', a, file=sys.stderr)\nprint(len(set(a)))",
        ["5\n1 2 2 3 3\n", "3\n7 7 7\n"],
        ["3\n", "1\n"],
    ),
    _row(
        "Print 2 to the power n exactly (n up to 20000: a number of thousands of digits).",
        "n = int(input())\nprint(2 ** n)",
        ["10\n", "20000\n"],
        ["1024\n", f"{_decimal(2**20000)}\n"],
    ),
    _row(
        "Print the n-th Fibonacci number modulo 10^9+7 with fast doubling (n up to 10^18).",
        "import sys\nMOD = 10**9 + 7\ndef fib(n):\n    if n == 0:\n        return (0, 1)\n    a, b = fib(n >> 1)\n    c = a * ((2 * b - a) % MOD) % MOD\n    d = (a * a + b * b) % MOD\n    return (d, (c + d) % MOD) if n & 1 else (c, d)\nfor line in sys.stdin:\n    if line.strip():\n        print(fib(int(line))[0])",
        ["10\n100\n", "1000000000000000000\n"],
        ["55\n687995182\n", "209783453\n"],
    ),
    _row(
        "Read lines until EOF with a try/except around input() and echo them upper-cased.",
        "while True:\n    try:\n        s = input()\n    except EOFError:\n        break\n    print(s.upper())",
        ["ab\ncd\n", "x"],
        ["AB\nCD\n", "X\n"],
    ),
    _row(
        "Print a matrix, each row on its own line, numbers separated by one space (the solution pads with a trailing space).",
        "n = int(input())\nm = [list(map(int, input().split())) for _ in range(n)]\nfor row in zip(*m):\n    for x in row:\n        print(x, end=' ')\n    print()",
        ["4\n" + "".join(" ".join(map(str, r)) + "\n" for r in _MATRIX)],
        ["".join(" ".join(str(_MATRIX[i][j]) for i in range(4)) + "\n" for j in range(4))],
    ),
    _row(
        "For each test case print the answer, with the official output separating test cases by blank lines.",
        "t = int(input())\nfor _ in range(t):\n    a, b = map(int, input().split())\n    print(a * b)",
        ["3\n2 3\n4 5\n6 7\n"],
        ["6\n\n20\n\n42\n"],
    ),
    _row(
        "Print the answer of each query on its own line using stdout.write and a final join without a newline.",
        "from sys import stdin, stdout\nq = int(stdin.readline())\nres = []\nfor _ in range(q):\n    a, b = map(int, stdin.readline().split())\n    res.append(str(a % b))\nstdout.write('\\n'.join(res))",
        [f"{len(_QUERIES)}\n" + "".join(f"{a} {b}\n" for a, b in _QUERIES)],
        ["".join(f"{a % b}\n" for a, b in _QUERIES)],
    ),
    _row(
        "Print the number of segments containing each of the query points (2000 segments, sweep).",
        "import sys\nfrom bisect import bisect_right, bisect_left\ndata = sys.stdin.read().split()\nn = int(data[0])\nL = sorted(min(int(data[1 + 2 * i]), int(data[2 + 2 * i])) for i in range(n))\nR = sorted(max(int(data[1 + 2 * i]), int(data[2 + 2 * i])) for i in range(n))\nq = int(data[1 + 2 * n])\nout = []\nfor k in range(q):\n    x = int(data[2 + 2 * n + k])\n    out.append(bisect_right(L, x) - bisect_left(R, x))\nprint('\\n'.join(map(str, out)))",
        [f"{len(_SEGS)}\n" + "".join(f"{a} {b}\n" for a, b in _SEGS) + "3\n1\n500000\n1000000\n"],
        ["".join(f"{sum(min(a, b) <= x <= max(a, b) for a, b in _SEGS)}\n" for x in (1, 500000, 1000000))],
    ),
    _row(
        "Print Yes if the string is a palindrome and No otherwise, for t strings.",
        "for _ in range(int(input())):\n    s = input().strip()\n    print('Yes' if s == s[::-1] else 'No')",
        [_multi([s + "\n" for s in _STRS])],
        ["".join(("Yes" if s == s[::-1] else "No") + "\n" for s in _STRS)],
    ),
    _row(
        "Print the greatest common divisor and least common multiple.",
        "from math import gcd\na, b = map(int, input().split())\ng = gcd(a, b)\nprint(g, a // g * b)",
        ["12 18\n", "7 13\n", "1000000007 998244353\n"],
        ["6 36\n", "1 91\n", f"1 {1000000007 * 998244353}\n"],
    ),
    _row(
        "Compute the probability as a reduced fraction p/q.",
        "from fractions import Fraction\na, b = map(int, input().split())\nf = Fraction(a, b)\nprint(f'{f.numerator}/{f.denominator}')",
        ["2 4\n", "3 9\n", "5 5\n"],
        ["1/2\n", "1/3\n", "1/1\n"],
    ),
    _row(
        "Print the expected number of rolls, with absolute or relative error 1e-6 (the judge prints 12 digits).",
        "n = int(input())\nprint(sum(n / i for i in range(1, n + 1)))",
        ["1\n", "2\n", "6\n", "100\n"],
        [f"{sum(n / i for i in range(1, n + 1)):.12f}\n" for n in (1, 2, 6, 100)],
    ),
    _row(
        "Print the roots of a x^2 + b x + c = 0 in increasing order, 6 decimals are enough.",
        "import math\na, b, c = map(float, input().split())\nd = math.sqrt(b * b - 4 * a * c)\nr = sorted([(-b - d) / (2 * a), (-b + d) / (2 * a)])\nprint('{:.6f} {:.6f}'.format(*r))",
        ["1 -3 2\n", "1 0 -2\n"],
        ["1.0000000000 2.0000000000\n", "-1.4142135624 1.4142135624\n"],
    ),
    _row(
        "Print the minimum number of coins for each amount (dp, amounts up to 10^5).",
        "import sys\ndef main():\n    coins = [1, 5, 7, 11]\n    data = sys.stdin.read().split()\n    q = int(data[0])\n    xs = list(map(int, data[1:1 + q]))\n    m = max(xs)\n    INF = float('inf')\n    dp = [0] + [INF] * m\n    for v in range(1, m + 1):\n        best = INF\n        for c in coins:\n            if c <= v and dp[v - c] + 1 < best:\n                best = dp[v - c] + 1\n        dp[v] = best\n    print('\\n'.join(str(dp[x]) for x in xs))\nmain()",
        ["3\n1\n12\n100000\n"],
        [None],  # filled below
    ),
    _row(
        "Print the k-th smallest element using a heap.",
        "import heapq\nn, k = map(int, input().split())\na = list(map(int, input().split()))\nprint(heapq.nsmallest(k, a)[-1])",
        ["5 2\n5 4 3 2 1\n", "3 3\n1 1 1\n"],
        ["2\n", "1\n"],
    ),
    _row(
        "Print the number of inversions of the permutation (merge sort).",
        "import sys\nsys.setrecursionlimit(10000)\ndef sort(a):\n    if len(a) <= 1:\n        return a, 0\n    m = len(a) // 2\n    l, x = sort(a[:m])\n    r, y = sort(a[m:])\n    res, i, j, inv = [], 0, 0, x + y\n    while i < len(l) and j < len(r):\n        if l[i] <= r[j]:\n            res.append(l[i]); i += 1\n        else:\n            res.append(r[j]); j += 1; inv += len(l) - i\n    res += l[i:] + r[j:]\n    return res, inv\nn = int(input())\nprint(sort(list(map(int, input().split())))[1])",
        ["5\n2 3 1 5 4\n", "3\n3 2 1\n"],
        ["3\n", "3\n"],
    ),
    _row(
        "Print each word with its count, in order of first appearance.",
        "from collections import OrderedDict\nn = int(input())\nd = OrderedDict()\nfor _ in range(n):\n    w = input().strip()\n    d[w] = d.get(w, 0) + 1\nprint(len(d))\nprint(*d.values())",
        ["4\nbcdef\nabcdefg\nbcde\nbcdef\n"],
        ["3\n2 1 1\n"],
    ),
    _row(
        "Output the character counts of a string in alphabetical order as 'c:k' tokens.",
        "from collections import Counter\ns = input()\nc = Counter(s)\nprint(' '.join(f'{k}:{c[k]}' for k in sorted(c)))",
        ["banana\n", "zz\n"],
        ["a:3 b:1 n:2\n", "z:2\n"],
    ),
    _row(
        "Print n lines, the i-th holding i stars (the judge strips nothing; the solution rstrips).",
        "n = int(input())\nfor i in range(1, n + 1):\n    print(('*' * i).rstrip())",
        ["3\n"],
        ["*\n**\n***\n"],
    ),
    _row(
        "Print the sum of digits of a number with up to 10^5 digits.",
        "s = input().strip()\nprint(sum(map(int, s)))",
        ["9" * 100000 + "\n", "0\n"],
        [f"{9 * 100000}\n", "0\n"],
    ),
    _row(
        "Simulate a stack: push x, pop, and print the top after each query (-1 if empty).",
        "import sys\ninput = sys.stdin.readline\nq = int(input())\nst = []\nout = []\nfor _ in range(q):\n    p = input().split()\n    if p[0] == 'push':\n        st.append(int(p[1]))\n    elif st:\n        st.pop()\n    out.append(st[-1] if st else -1)\nprint(*out, sep='\\n')",
        ["5\npush 1\npush 2\npop\npop\npop\n"],
        ["1\n2\n1\n-1\n-1\n"],
    ),
    _row(
        "Compute binomial coefficients C(n, k) modulo 10^9+7 for many queries (precomputed factorials).",
        "import sys\nMOD = 10**9 + 7\nN = 2 * 10**5 + 1\nf = [1] * N\nfor i in range(1, N):\n    f[i] = f[i - 1] * i % MOD\ninv = [1] * N\ninv[N - 1] = pow(f[N - 1], MOD - 2, MOD)\nfor i in range(N - 1, 0, -1):\n    inv[i - 1] = inv[i] * i % MOD\ndata = sys.stdin.read().split()\nq = int(data[0])\nfor i in range(q):\n    n, k = int(data[1 + 2 * i]), int(data[2 + 2 * i])\n    print(f[n] * inv[k] % MOD * inv[n - k] % MOD if 0 <= k <= n else 0)",
        ["3\n5 2\n10 0\n200000 100000\n"],
        [f"10\n1\n{math.comb(200000, 100000) % (10**9 + 7)}\n"],
    ),
    _row(
        "Print the answer in a single line followed by a blank line (the judge has only the number).",
        "print(int(input()) + 1)\nprint()",
        ["1\n", "41\n"],
        ["2\n", "42\n"],
    ),
    _row(
        "Print YES or NO: can the array be split into two parts with equal sums?",
        "def solve():\n    n = int(input())\n    a = list(map(int, input().split()))\n    s = sum(a)\n    if s % 2:\n        return 'NO'\n    cur = 0\n    for x in a[:-1]:\n        cur += x\n        if cur * 2 == s:\n            return 'YES'\n    return 'NO'\nfor _ in range(int(input())):\n    print(solve())",
        ["3\n4\n1 2 3 0\n2\n1 2\n3\n2 2 4\n"],
        ["YES\nNO\nYES\n"],
    ),
    _row(
        "Print the integer square root of n (n up to 10^36).",
        "from math import isqrt\nprint(isqrt(int(input())))",
        ["16\n", "999999999999999999999999999999999999\n"],
        ["4\n", f"{math.isqrt(999999999999999999999999999999999999)}\n"],
    ),
    _row(
        "Print the characters of the string in sorted order with no separator.",
        "print(''.join(sorted(input())))",
        ["hello\n", "cba\n"],
        ["ehllo\n", "abc\n"],
    ),
    _row(
        "Print the number of test cases answered, using a while loop over t.",
        "t = int(input())\nwhile t:\n    t -= 1\n    x, y = map(int, input().split())\n    print(max(x, y), min(x, y))",
        ["2\n1 2\n5 3\n"],
        ["2 1\n5 3\n"],
    ),
    _row(
        "Print the angle between the hour and minute hands (degrees, error 1e-6), read as HH:MM.",
        "h, m = map(int, input().split(':'))\na = abs(30 * (h % 12) + 0.5 * m - 6 * m)\nprint(min(a, 360 - a))",
        ["03:00\n", "12:30\n", "09:45\n"],
        ["90.000000\n", "165.000000\n", "22.500000\n"],
    ),
    _row(
        "Print the answer using print with sep and end arguments.",
        "a = list(map(int, input().split()))\nprint(*a, sep=', ', end='.\\n')",
        ["1 2 3\n"],
        ["1, 2, 3.\n"],
    ),
    _row(
        "Print the number in binary without leading zeros.",
        "print(bin(int(input()))[2:])",
        ["5\n", "1024\n"],
        ["101\n", "10000000000\n"],
    ),
    _row(
        "Determine the winner of the game for each test case (First or Second).",
        "import sys\nfor line in sys.stdin.read().split()[1:]:\n    print('First' if int(line) % 4 else 'Second')",
        ["4\n1\n4\n7\n8\n"],
        ["First\nSecond\nFirst\nSecond\n"],
    ),
    _row(
        "Print the result of the arithmetic expression with Python's integer semantics (a reads as a single line).",
        "a, op, b = input().split()\na, b = int(a), int(b)\nprint(a + b if op == '+' else a - b if op == '-' else a * b)",
        ["2 + 3\n", "10 * -4\n", "7 - 9\n"],
        ["5\n", "-40\n", "-2\n"],
    ),
    _row(
        "Print the number of days between two dates.",
        "from datetime import date\ny1, m1, d1 = map(int, input().split())\ny2, m2, d2 = map(int, input().split())\nprint(abs((date(y2, m2, d2) - date(y1, m1, d1)).days))",
        ["2020 1 1\n2020 12 31\n", "1900 3 1\n2000 3 1\n"],
        ["365\n", "36525\n"],
    ),
    _row(
        "Sum the numbers of a 1000x1000 table read with sys.stdin.buffer (CPU heavy reading).",
        "import sys\nprint(sum(map(int, sys.stdin.buffer.read().split()[2:])))",
        ["1000 1000\n" + ("1 " * 1000 + "\n") * 1000],
        ["1000000\n"],
    ),
    _row(
        "Print the two numbers in one line, a float average after them (judge uses 4 decimals).",
        "a, b = map(int, input().split())\nprint(a, b, (a + b) / 2)",
        ["1 2\n", "3 3\n"],
        ["1 2 1.5000\n", "3 3 3.0000\n"],
    ),
    _row(
        "Print the sequence of moves of the Tower of Hanoi with n disks (2^n - 1 lines).",
        "def hanoi(n, a, b, c, out):\n    if n == 0:\n        return\n    hanoi(n - 1, a, c, b, out)\n    out.append(f'{a} {c}')\n    hanoi(n - 1, b, a, c, out)\nn = int(input())\nout = []\nhanoi(n, 1, 2, 3, out)\nprint(len(out))\nprint('\\n'.join(out))",
        ["2\n", "16\n"],
        ["3\n1 2\n1 3\n2 3\n", None],  # filled below
    ),
    _row(
        "Print the string with every word capitalised, keeping the spacing.",
        "s = input()\nprint(' '.join(w.capitalize() for w in s.split(' ')))",
        ["hello   world\n", "a b\n"],
        ["Hello   World\n", "A B\n"],
    ),
    _row(
        "Print the count of each digit 0-9 in n! for n up to 1000 (long output line).",
        "import math\nn = int(input())\ns = str(math.factorial(n))\nprint(*[s.count(str(d)) for d in range(10)])",
        ["10\n", "1000\n"],
        [None, None],  # filled below
    ),
    _row(
        "Print the median of the array as a float when n is even (error 1e-6).",
        "n = int(input())\na = sorted(map(int, input().split()))\nif n % 2:\n    print(a[n // 2])\nelse:\n    print((a[n // 2 - 1] + a[n // 2]) / 2)",
        ["3\n3 1 2\n", "4\n1 2 3 4\n"],
        ["2\n", "2.50000000\n"],
    ),
    _row(
        "Answer range-sum queries with a Fenwick tree (100000 updates and queries).",
        "import sys\ndef main():\n    data = sys.stdin.buffer.read().split()\n    n, q = int(data[0]), int(data[1])\n    tree = [0] * (n + 1)\n    out = []\n    pos = 2\n    for _ in range(q):\n        t, a, b = data[pos], int(data[pos + 1]), int(data[pos + 2])\n        pos += 3\n        if t == b'1':\n            i = a\n            while i <= n:\n                tree[i] += b\n                i += i & -i\n        else:\n            s = 0\n            i = b\n            while i > 0:\n                s += tree[i]\n                i -= i & -i\n            i = a - 1\n            while i > 0:\n                s -= tree[i]\n                i -= i & -i\n            out.append(s)\n    sys.stdout.write('\\n'.join(map(str, out)) + '\\n')\nmain()",
        [None],  # filled below
        [None],
    ),
]


def _coins_dp(xs: list[int]) -> str:
    coins = [1, 5, 7, 11]
    m = max(xs)
    dp = [0] + [10**9] * m
    for v in range(1, m + 1):
        dp[v] = min(dp[v - c] + 1 for c in coins if c <= v)
    return "".join(f"{dp[x]}\n" for x in xs)


def _hanoi(n: int) -> str:
    moves: list[str] = []

    def go(k: int, a: int, b: int, c: int) -> None:
        if k:
            go(k - 1, a, c, b)
            moves.append(f"{a} {c}")
            go(k - 1, b, a, c)

    go(n, 1, 2, 3)
    return f"{len(moves)}\n" + "\n".join(moves) + "\n"


def _digit_counts(n: int) -> str:
    s = str(math.factorial(n))
    return " ".join(str(s.count(str(d))) for d in range(10)) + "\n"


def _fenwick() -> tuple[str, str]:
    n, q = 100000, 100000
    values = [0] * (n + 1)
    lines, out = [], []
    total = 0
    for _ in range(q):
        if _rng.random() < 0.5:
            i, v = _rng.randint(1, n), _rng.randint(-1000, 1000)
            values[i] += v
            total += v
            lines.append(f"1 {i} {v}")
        else:
            a = _rng.randint(1, n)
            b = _rng.randint(a, min(n, a + 50))
            lines.append(f"2 {a} {b}")
            out.append(sum(values[a : b + 1]))
    return f"{n} {q}\n" + "\n".join(lines) + "\n", "\n".join(map(str, out)) + "\n"


def _fill() -> None:
    def case(start: str) -> dict[str, list[Any]]:
        return next(r["input_output"] for r in APPS_MORE if r["question"].startswith(start))

    case("Print the minimum number of coins")["outputs"] = [_coins_dp([1, 12, 100000])]
    case("Print the sequence of moves of the Tower")["outputs"][1] = _hanoi(16)
    case("Print the count of each digit")["outputs"] = [_digit_counts(10), _digit_counts(1000)]
    fenwick = case("Answer range-sum queries")
    fenwick["inputs"], fenwick["outputs"] = (list(pair) for pair in zip(_fenwick()))


_fill()
