"""The next problem a base model goes on to write after answering, with its own answer ``n``.

A base model prompted with few-shot examples often does not stop after its answer: it writes
a new "Problem:" (or "Question:") and solves that too. Only the first answer counts. Each
filler here is a small, correct problem built so that its answer is the integer ``n`` asked for
(the corpus uses that to put the gold in the wrong place).
"""

from __future__ import annotations

import random
from collections.abc import Callable

Filler = Callable[[int, random.Random], tuple[str, str]]


def _linear(n: int, rng: random.Random) -> tuple[str, str]:
    a, b = rng.randint(2, 9), rng.randint(1, 20)
    c = a * n + b
    q = f"If ${a}x + {b} = {c}$, what is the value of $x$?"
    s = f"Subtracting {b} from both sides gives ${a}x = {c - b}$. Dividing by {a}, we get $x = {n}$."
    return q, s


def _stickers(n: int, rng: random.Random) -> tuple[str, str]:
    k = rng.randint(3, 19)
    q = f"Lena had {n + k} stickers. She gave {k} of them to her brother. How many stickers does Lena have now?"
    s = f"Lena has ${n + k} - {k} = {n}$ stickers left."
    return q, s


def _square(n: int, rng: random.Random) -> tuple[str, str]:
    q = f"The perimeter of a square is ${4 * n}$ centimeters. What is the length of one side, in centimeters?"
    s = f"A square has four equal sides, so each side is $\\frac{{{4 * n}}}{{4}} = {n}$ centimeters."
    return q, s


def _train(n: int, rng: random.Random) -> tuple[str, str]:
    h = rng.randint(2, 6)
    q = f"A train travels {h * n} miles in {h} hours at a constant speed. How many miles does it travel in one hour?"
    s = f"The speed is ${h * n} \\div {h} = {n}$ miles per hour, so it travels {n} miles in one hour."
    return q, s


def _sum(n: int, rng: random.Random) -> tuple[str, str]:
    a = rng.randint(1, 40)
    q = f"The sum of two numbers is ${n + a}$, and one of them is ${a}$. What is the other number?"
    s = f"The other number is ${n + a} - {a} = {n}$."
    return q, s


POSITIVE: tuple[Filler, ...] = (_linear, _stickers, _square, _train, _sum)


def pick(n: int, rng: random.Random) -> tuple[str, str]:
    pool = POSITIVE if n > 0 else (_linear, _sum)
    return rng.choice(pool)(n, rng)


def minerva_next(n: int, rng: random.Random) -> str:
    q, s = pick(n, rng)
    return f"\n\nProblem:\n{q}\n\nSolution:\n{s}\nFinal Answer: The final answer is ${n}$. I hope it is correct."


def fewshot_next(n: int, rng: random.Random) -> str:
    q, s = pick(n, rng)
    s = s.replace("$", "").replace("\\frac{", "(").replace("}{", ")/(").replace("}", ")")
    end = rng.choice([f"The answer is {n}.", f"#### {n}"])
    return f"\n\nQuestion: {q.replace('$', '')}\nAnswer: {s} {end}"
