# ruff: noqa: E501 - one table row per problem
"""Write each problem's ``problem.json`` (statement and stdin/stdout tests) from seeded inputs.

    .venv/bin/python bench/polyglot/make_tests.py

The expected outputs come from the Python reference (``main.py``), run on the
host. They are then checked by ``bench_polyglot.py``: every reference in every
language must produce them in the sandbox, so a reference that is wrong shows
up as a disagreement. Run again only when a problem changes.
"""

from __future__ import annotations

import json
import random
import string
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent / "problems"


def _words(rng: random.Random, count: int, letters: str = "abcde", longest: int = 5) -> list[str]:
    return ["".join(rng.choice(letters) for _ in range(rng.randint(1, longest))) for _ in range(count)]


def _ints(rng: random.Random, count: int, low: int, high: int) -> str:
    return " ".join(str(rng.randint(low, high)) for _ in range(count))


def _grid(rng: random.Random, rows: int, cols: int, walls: float) -> str:
    cells = [["#" if rng.random() < walls else "." for _ in range(cols)] for _ in range(rows)]
    cells[0][0], cells[rows - 1][cols - 1] = "S", "T"
    return f"{rows} {cols}\n" + "\n".join("".join(row) for row in cells) + "\n"


def _graph(rng: random.Random, n: int, m: int) -> str:
    edges = [f"{rng.randint(1, n)} {rng.randint(1, n)} {rng.randint(1, 1000)}" for _ in range(m)]
    return f"{n} {m}\n" + "\n".join(edges) + "\n"


def _sorted_queries(rng: random.Random, n: int, q: int) -> str:
    xs = sorted(rng.sample(range(-(10**9), 10**9), n))
    queries = [rng.choice(xs) if rng.random() < 0.5 else rng.randint(-(10**9), 10**9) for _ in range(q)]
    return f"{n}\n{' '.join(map(str, xs))}\n{q}\n{' '.join(map(str, queries))}\n"


def _matrix(rng: random.Random, n: int) -> str:
    return f"{n}\n" + "\n".join(_ints(rng, n, -1000, 1000) for _ in range(2 * n)) + "\n"


Inputs = Callable[[random.Random], list[str]]

PROBLEMS: dict[str, tuple[str, Inputs]] = {
    "a_plus_b": ("Print a + b for two integers |a|, |b| <= 10^18.",
                 lambda r: ["1 2\n", "-5 5\n", "1000000000000000000 -999999999999999999\n", f"{r.randint(-10**18, 10**18)} {r.randint(-10**18, 10**18)}\n"]),
    "reverse_words": ("Print the words of the line in reverse order, separated by single spaces.",
                      lambda r: ["hello world\n", "one\n", " ".join(_words(r, 50, string.ascii_lowercase, 8)) + "\n"]),
    "fizzbuzz": ("Print 1..n, with Fizz for multiples of 3, Buzz for 5, FizzBuzz for 15.", lambda r: ["1\n", "15\n", "100\n"]),
    "max_subarray": ("n, then n integers (|x| <= 10^9): the largest sum of a non-empty contiguous run.",
                     lambda r: ["1\n-7\n", "5\n-2 1 -3 4 -1\n", "9\n-2 1 -3 4 -1 2 1 -5 4\n", f"20000\n{_ints(r, 20000, -10**9, 10**9)}\n"]),
    "count_primes": ("How many primes are <= n (n <= 10^6)?", lambda r: ["1\n", "2\n", "100\n", "1000000\n"]),
    "gcd_lcm": ("a and b (1 <= a, b <= 10^9): print gcd(a, b) and lcm(a, b).",
                lambda r: ["12 18\n", "7 13\n", "1000000000 999999999\n", f"{r.randint(1, 10**9)} {r.randint(1, 10**9)}\n"]),
    "fib_mod": ("F(n) mod 1,000,000,007 for 0 <= n <= 10^18 (F(0) = 0, F(1) = 1).",
                lambda r: ["0\n", "1\n", "10\n", "1000000000000000000\n", f"{r.randint(0, 10**18)}\n"]),
    "palindrome": ("A line of lower-case letters: YES if it reads the same backwards, else NO.",
                   lambda r: ["abba\n", "abc\n", "a\n", "x" * 500 + "y" + "x" * 500 + "\n"]),
    "sort_numbers": ("n, then n integers: print them in non-decreasing order on one line.",
                     lambda r: ["1\n5\n", "5\n3 -1 2 -1 0\n", f"10000\n{_ints(r, 10000, -10**9, 10**9)}\n"]),
    "binary_search": ("n sorted distinct integers, then q queries: each query's 0-based index, or -1.",
                      lambda r: ["3\n1 3 5\n4\n1 2 5 6\n", _sorted_queries(r, 1000, 1000), _sorted_queries(r, 10000, 10000)]),
    "anagram": ("Two words: YES if one is a rearrangement of the other, else NO.",
                lambda r: ["listen silent\n", "abc abd\n", "a aa\n", "".join(_words(r, 1, longest=300)) * 2 + " " + "x\n"]),
    "matrix_multiply": ("n (<= 60), then two n-by-n integer matrices A and B (|x| <= 1000): print A times B.",
                        lambda r: ["1\n2\n3\n", "2\n1 2\n3 4\n5 6\n7 8\n", _matrix(r, 60)]),
    "lcs": ("Two words (<= 1000 letters each): the length of their longest common subsequence.",
            lambda r: ["abcde ace\n", "abc def\n", "".join(_words(r, 1, "acgt", 1000)) + " " + "".join(_words(r, 1, "acgt", 1000)) + "\n"]),
    "distinct": ("n, then n integers: how many distinct values?", lambda r: ["1\n7\n", "6\n1 2 2 3 3 3\n", f"20000\n{_ints(r, 20000, 1, 10000)}\n"]),
    "brackets": ("A line of ()[]{}: YES if the brackets are balanced and properly nested, else NO.",
                 lambda r: ["()[]{}\n", "([)]\n", "((((\n", "(" * 5000 + ")" * 5000 + "\n", "{[()()]}]\n"]),
    "grid_bfs": ("R and C, then R rows of S (start), T (target), . (free) and # (wall): fewest 4-neighbour steps from S to T, or -1.",
                 lambda r: ["1 2\nST\n", "3 3\nS#.\n.#.\n..T\n", "2 2\nS#\n#T\n", _grid(r, 200, 200, 0.25)]),
    "dijkstra": ("n and m, then m undirected edges u v w (1 <= w <= 1000): the shortest distance from 1 to n, or -1.",
                 lambda r: ["2 1\n1 2 5\n", "3 1\n1 2 4\n", "4 5\n1 2 1\n2 4 5\n1 3 2\n3 4 1\n2 3 1\n", _graph(r, 5000, 20000)]),
    "knapsack": ("n and W, then n items w v: the largest total value of items whose weights sum to at most W.",
                 lambda r: ["1 5\n6 10\n", "3 50\n10 60\n20 100\n30 120\n",
                            "100 10000\n" + "\n".join(f"{r.randint(1, 1000)} {r.randint(1, 10**6)}" for _ in range(100)) + "\n"]),
    "power_mod": ("a, b, m (0 <= a <= 10^9, 0 <= b <= 10^18, 1 <= m <= 10^9): a^b mod m.",
                  lambda r: ["2 10 1000\n", "0 0 7\n", "5 3 1\n", f"{r.randint(0, 10**9)} {r.randint(0, 10**18)} {r.randint(1, 10**9)}\n"]),
    "word_frequency": ("Lower-case words over any number of lines: the most frequent word and its count (ties: the smallest word).",
                       lambda r: ["b a b a c\n", "solo\n", "\n".join(" ".join(_words(r, 20)) for _ in range(500)) + "\n"]),
}  # fmt: skip


def expected(problem: Path, given: str) -> str:
    done = subprocess.run([sys.executable, str(problem / "main.py")], input=given, capture_output=True, text=True, check=True)
    return done.stdout


def main() -> None:
    for name, (statement, inputs) in PROBLEMS.items():
        problem = HERE / name
        tests = [{"input": given, "output": expected(problem, given)} for given in inputs(random.Random(name))]
        (problem / "problem.json").write_text(json.dumps({"name": name, "statement": statement, "tests": tests}) + "\n")
        print(f"{name}: {len(tests)} tests")


if __name__ == "__main__":
    main()
