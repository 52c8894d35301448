"""APPS / Codeforces shaped stdin/stdout references: algorithms as contestants write them: multiple test cases, fast input, recursion on a big stack, CPU-heavy loops.

See ``refs/__init__.py``; expected outputs are the judge's, never the solution's.
"""

# ruff: noqa: E501 - one reference per entry reads best
from __future__ import annotations

import math
from typing import Any

from ._rows import apps_row as _row
from .apps_data import FENWICK, GRID, LIS_A, PARENTS, SEGS, STRS, TREE_N, bfs, coins_dp, lis, multi, tree_depth

ROWS: list[dict[str, Any]] = [
    _row(
        "Given t test cases, each with n and an array a, print the sum of the array.",
        "import sys\ninput = sys.stdin.readline\nfor _ in range(int(input())):\n    n = int(input())\n    a = list(map(int, input().split()))\n    print(sum(a))",
        ["3\n3\n1 2 3\n1\n5\n2\n-1 1\n", "1\n4\n1000000000 1000000000 1000000000 1000000000\n"],
        ["6\n5\n0\n", "4000000000\n"],
    ),
    _row(
        "Print the longest increasing subsequence length of 100000 numbers.",
        "import sys\nfrom bisect import bisect_left\ndef main():\n    data = sys.stdin.read().split()\n    n = int(data[0])\n    tails = []\n    for x in map(int, data[1:n + 1]):\n        i = bisect_left(tails, x)\n        if i == len(tails):\n            tails.append(x)\n        else:\n            tails[i] = x\n    print(len(tails))\nif __name__ == '__main__':\n    main()",
        [f"{len(LIS_A)}\n{' '.join(map(str, LIS_A))}\n"],
        [f"{lis(LIS_A)}\n"],
    ),
    _row(
        "Shortest path in a 300x300 grid maze from the top-left to the bottom-right (-1 if none).",
        "from collections import deque\nimport sys\ninput = sys.stdin.readline\nh, w = map(int, input().split())\ng = [input().strip() for _ in range(h)]\nd = [[-1] * w for _ in range(h)]\nd[0][0] = 0\nq = deque([(0, 0)])\nwhile q:\n    x, y = q.popleft()\n    for dx, dy in ((1, 0), (-1, 0), (0, 1), (0, -1)):\n        nx, ny = x + dx, y + dy\n        if 0 <= nx < h and 0 <= ny < w and g[nx][ny] == '.' and d[nx][ny] == -1:\n            d[nx][ny] = d[x][y] + 1\n            q.append((nx, ny))\nprint(d[h - 1][w - 1])",
        ["300 300\n" + "\n".join(GRID) + "\n"],
        [f"{bfs(GRID)}\n"],
    ),
    _row(
        "Depth of a rooted tree of 100000 nodes given by parents, by recursive DFS on a big thread stack.",
        "import sys, threading\nsys.setrecursionlimit(1 << 25)\nthreading.stack_size(1 << 27)\ndef main():\n    n = int(sys.stdin.readline())\n    par = list(map(int, sys.stdin.readline().split()))\n    ch = [[] for _ in range(n + 1)]\n    for i, p in enumerate(par, 2):\n        ch[p].append(i)\n    def dfs(v):\n        best = 0\n        for c in ch[v]:\n            best = max(best, dfs(c) + 1)\n        return best\n    print(dfs(1))\nt = threading.Thread(target=main)\nt.start()\nt.join()",
        [f"{TREE_N}\n{' '.join(map(str, PARENTS))}\n"],
        [f"{tree_depth()}\n"],
    ),
    _row(
        "Print the n-th Fibonacci number modulo 10^9+7 with fast doubling (n up to 10^18).",
        "import sys\nMOD = 10**9 + 7\ndef fib(n):\n    if n == 0:\n        return (0, 1)\n    a, b = fib(n >> 1)\n    c = a * ((2 * b - a) % MOD) % MOD\n    d = (a * a + b * b) % MOD\n    return (d, (c + d) % MOD) if n & 1 else (c, d)\nfor line in sys.stdin:\n    if line.strip():\n        print(fib(int(line))[0])",
        ["10\n100\n", "1000000000000000000\n"],
        ["55\n687995182\n", "209783453\n"],
    ),
    _row(
        "Print the number of segments containing each of the query points (2000 segments, sweep).",
        "import sys\nfrom bisect import bisect_right, bisect_left\ndata = sys.stdin.read().split()\nn = int(data[0])\nL = sorted(min(int(data[1 + 2 * i]), int(data[2 + 2 * i])) for i in range(n))\nR = sorted(max(int(data[1 + 2 * i]), int(data[2 + 2 * i])) for i in range(n))\nq = int(data[1 + 2 * n])\nout = []\nfor k in range(q):\n    x = int(data[2 + 2 * n + k])\n    out.append(bisect_right(L, x) - bisect_left(R, x))\nprint('\\n'.join(map(str, out)))",
        [f"{len(SEGS)}\n" + "".join(f"{a} {b}\n" for a, b in SEGS) + "3\n1\n500000\n1000000\n"],
        ["".join(f"{sum(min(a, b) <= x <= max(a, b) for a, b in SEGS)}\n" for x in (1, 500000, 1000000))],
    ),
    _row(
        "Print Yes if the string is a palindrome and No otherwise, for t strings.",
        "for _ in range(int(input())):\n    s = input().strip()\n    print('Yes' if s == s[::-1] else 'No')",
        [multi([s + "\n" for s in STRS])],
        ["".join(("Yes" if s == s[::-1] else "No") + "\n" for s in STRS)],
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
        "Print the minimum number of coins for each amount (dp, amounts up to 10^5).",
        "import sys\ndef main():\n    coins = [1, 5, 7, 11]\n    data = sys.stdin.read().split()\n    q = int(data[0])\n    xs = list(map(int, data[1:1 + q]))\n    m = max(xs)\n    INF = float('inf')\n    dp = [0] + [INF] * m\n    for v in range(1, m + 1):\n        best = INF\n        for c in coins:\n            if c <= v and dp[v - c] + 1 < best:\n                best = dp[v - c] + 1\n        dp[v] = best\n    print('\\n'.join(str(dp[x]) for x in xs))\nmain()",
        ["3\n1\n12\n100000\n"],
        [coins_dp([1, 12, 100000])],
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
        "Print the number of test cases answered, using a while loop over t.",
        "t = int(input())\nwhile t:\n    t -= 1\n    x, y = map(int, input().split())\n    print(max(x, y), min(x, y))",
        ["2\n1 2\n5 3\n"],
        ["2 1\n5 3\n"],
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
        "Print the string with every word capitalised, keeping the spacing.",
        "s = input()\nprint(' '.join(w.capitalize() for w in s.split(' ')))",
        ["hello   world\n", "a b\n"],
        ["Hello   World\n", "A B\n"],
    ),
    _row(
        "Answer range-sum queries with a Fenwick tree (100000 updates and queries).",
        "import sys\ndef main():\n    data = sys.stdin.buffer.read().split()\n    n, q = int(data[0]), int(data[1])\n    tree = [0] * (n + 1)\n    out = []\n    pos = 2\n    for _ in range(q):\n        t, a, b = data[pos], int(data[pos + 1]), int(data[pos + 2])\n        pos += 3\n        if t == b'1':\n            i = a\n            while i <= n:\n                tree[i] += b\n                i += i & -i\n        else:\n            s = 0\n            i = b\n            while i > 0:\n                s += tree[i]\n                i -= i & -i\n            i = a - 1\n            while i > 0:\n                s -= tree[i]\n                i -= i & -i\n            out.append(s)\n    sys.stdout.write('\\n'.join(map(str, out)) + '\\n')\nmain()",
        [FENWICK[0]],
        [FENWICK[1]],
    ),
]
