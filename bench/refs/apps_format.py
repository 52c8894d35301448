"""APPS / Codeforces shaped stdin/stdout references: output and input formats a judge accepts: floats with other digits, big outputs, Windows line endings, blank lines, trailing spaces, exit() after the answer.

See ``refs/__init__.py``; expected outputs are the judge's, never the solution's.
"""

# ruff: noqa: E501 - one reference per entry reads best
from __future__ import annotations

from typing import Any

from ._rows import apps_row as _row
from .apps_data import BIG_IN, BIG_SORTED, MATRIX, POINTS, PREFIX_OUT, QUERIES, decimal_text, digit_counts, dist_out, hanoi

ROWS: list[dict[str, Any]] = [
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
        [f"{len(POINTS)}\n" + "".join(f"{x:.6f} {y:.6f}\n" for x, y in POINTS)],
        [dist_out([(float(f"{x:.6f}"), float(f"{y:.6f}")) for x, y in POINTS])],
    ),
    _row(
        "Sort 200000 numbers and print them one per line (a big output).",
        "import sys\ndata = sys.stdin.buffer.read().split()\nn = int(data[0])\na = sorted(map(int, data[1:n + 1]))\nsys.stdout.write('\\n'.join(map(str, a)) + '\\n')",
        [BIG_IN],
        [BIG_SORTED],
    ),
    _row(
        "Print the prefix sums of the array on one line (a big output).",
        "from itertools import accumulate\nn = int(input())\nprint(*accumulate(map(int, input().split())))",
        [BIG_IN],
        [PREFIX_OUT],
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
        "Print the primes up to n separated by spaces (the judge's output has a trailing space).",
        "n = int(input())\ns = [True] * (n + 1)\ns[0] = s[1] = False\nfor i in range(2, int(n ** 0.5) + 1):\n    if s[i]:\n        for j in range(i * i, n + 1, i):\n            s[j] = False\nprint(' '.join(str(i) for i in range(n + 1) if s[i]))",
        ["10\n", "30\n"],
        ["2 3 5 7 \n", "2 3 5 7 11 13 17 19 23 29 \n"],
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
        ["1024\n", f"{decimal_text(2**20000)}\n"],
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
        ["4\n" + "".join(" ".join(map(str, r)) + "\n" for r in MATRIX)],
        ["".join(" ".join(str(MATRIX[i][j]) for i in range(4)) + "\n" for j in range(4))],
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
        [f"{len(QUERIES)}\n" + "".join(f"{a} {b}\n" for a, b in QUERIES)],
        ["".join(f"{a % b}\n" for a, b in QUERIES)],
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
        "Print the answer in a single line followed by a blank line (the judge has only the number).",
        "print(int(input()) + 1)\nprint()",
        ["1\n", "41\n"],
        ["2\n", "42\n"],
    ),
    _row(
        "Print the characters of the string in sorted order with no separator.",
        "print(''.join(sorted(input())))",
        ["hello\n", "cba\n"],
        ["ehllo\n", "abc\n"],
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
        "Print the result of the arithmetic expression with Python's integer semantics (a reads as a single line).",
        "a, op, b = input().split()\na, b = int(a), int(b)\nprint(a + b if op == '+' else a - b if op == '-' else a * b)",
        ["2 + 3\n", "10 * -4\n", "7 - 9\n"],
        ["5\n", "-40\n", "-2\n"],
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
        ["3\n1 2\n1 3\n2 3\n", hanoi(16)],
    ),
    _row(
        "Print the count of each digit 0-9 in n! for n up to 1000 (long output line).",
        "import math\nn = int(input())\ns = str(math.factorial(n))\nprint(*[s.count(str(d)) for d in range(10)])",
        ["10\n", "1000\n"],
        [digit_counts(10), digit_counts(1000)],
    ),
    _row(
        "Print the median of the array as a float when n is even (error 1e-6).",
        "n = int(input())\na = sorted(map(int, input().split()))\nif n % 2:\n    print(a[n // 2])\nelse:\n    print((a[n // 2 - 1] + a[n // 2]) / 2)",
        ["3\n3 1 2\n", "4\n1 2 3 4\n"],
        ["2\n", "2.50000000\n"],
    ),
]
