"""When per-test credit is earned: not by copying the prompt's examples, not by a function that ignores its input.

With per-test credit (assert lists and stdin/stdout cases by default) a
program that does not solve the task could still collect part of the reward:

* a **stub or a constant** (``pass``, ``return False``, ``print("NO")``)
  passes every test whose expected answer happens to be that constant, and
  an **echo** (``return xs``, printing the input back) every test whose input
  is already the answer;
* a **lookup table** of the examples shown in the prompt (the statement's
  sample input, or the asserts MBPP prompts show) passes those tests only.

So a sample that did not pass every counted test earns its partial credit
only when at least one passed test is *hidden* (not shown in the prompt), and
when its answers to the hidden tests are not trivial: not one and the same
answer for two or more different inputs, and not always one of its own
arguments given back. Otherwise it scores 0, with the reason. A
sample that passes every counted test scores 1 as before, so a correct program
never loses anything, and a row whose tests are all in the prompt is in effect
all-or-nothing.

The answers are recorded while the tests run (:class:`Answer`: digests, never
values) and stored with each test's result, so the guard is decided on our
side after the run, for whatever prompt asked for the sample.
"""

from __future__ import annotations

import ast
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from .formats import AssertTests, HumanEvalTests, StdioTests, TestsError, TestSpec
from .testcode import check_tests

__all__ = ["Answer", "digest", "partial_credit_refused", "stdio_answer", "visible_tests"]


@dataclass(frozen=True)
class Answer:
    """One answer of the function (or one run of a program): digests of what it was given and what it gave.

    ``echo`` is True when the answer equals one of the arguments as they were
    passed (or the program printed its input back).
    """

    given: str
    answer: str
    echo: bool


def digest(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=12).hexdigest()


def _text_digest(text: str) -> str:
    return digest(text.encode("utf-8", "surrogatepass"))


def _tokens(text: str) -> str:
    return " ".join(text.split())


def stdio_answer(stdin: str, stdout: str) -> Answer:
    """The answer of one stdin/stdout run that ended normally (its output compared as tokens)."""
    given, answer = _tokens(stdin), _tokens(stdout)
    return Answer(_text_digest(given), _text_digest(answer), given == answer)


def _squeezed(text: str) -> str:
    return "".join(text.split())


def _assert_shown(test: str, prompt: str) -> bool:
    body = _squeezed(test)
    body = body[len("assert") :] if body.startswith("assert") else body
    return bool(body) and body in prompt


def _case_shown(given: str, expected: str, prompt: str) -> bool:
    return f" {_tokens(given)} " in prompt and f" {_tokens(expected)} " in prompt


def _example_shown(test: ast.stmt, candidate: str, entry_point: str, prompt: str) -> bool:
    """``assert candidate(ARGS) == VALUE`` where the docstring shows ``entry_point(ARGS)`` and ``VALUE``."""
    if not isinstance(test, ast.Assert) or not isinstance(test.test, ast.Compare) or len(test.test.ops) != 1:
        return False
    call, value = test.test.left, test.test.comparators[0]
    if not isinstance(test.test.ops[0], ast.Eq) or not isinstance(call, ast.Call) or getattr(call.func, "id", None) != candidate:
        return False
    shown = [_squeezed(ast.unparse(node)).replace('"', "'") for node in (call, value)]
    shown[0] = entry_point + shown[0][len(candidate) :]
    return all(text in prompt for text in shown)


def visible_tests(spec: TestSpec, prompt: str) -> tuple[bool, ...]:
    """For each test of ``spec``, whether the prompt shows it (see the module docstring).

    A stdin/stdout case is shown when its input and its output both appear as
    whole-token sequences; an assert when its text (whitespace aside) does; a
    HumanEval ``assert candidate(ARGS) == VALUE`` when the prompt shows
    ``entry_point(ARGS)`` and ``VALUE`` (a docstring example).
    """
    if isinstance(spec, StdioTests):
        padded = f" {_tokens(prompt)} "
        return tuple(_case_shown(c.input, c.output, padded) for c in spec.cases)
    squeezed = _squeezed(prompt)
    if isinstance(spec, AssertTests):
        return tuple(_assert_shown(t, squeezed) for t in spec.asserts)
    assert isinstance(spec, HumanEvalTests)
    try:
        candidate, tests = check_tests(spec)
    except TestsError:
        return ()
    quoted = squeezed.replace('"', "'")
    return tuple(_example_shown(t, candidate, spec.entry_point, quoted) for t in tests)


def _trivial(answers: Sequence[Answer]) -> str | None:
    if len({a.given for a in answers}) < 2:
        return None
    if len({a.answer for a in answers}) == 1:
        return "it gave the same answer for every hidden test's input"
    if all(a.echo for a in answers):
        return "it only gave back what it was given"
    return None


def partial_credit_refused(results: Sequence[Any], visible: Sequence[bool]) -> str | None:
    """Why a sample that passed some but not all counted ``results`` earns nothing, or ``None`` (see the module docstring).

    ``results`` are :class:`~.outcome.TestResult` objects; ``visible`` says which tests the prompt shows.
    """
    hidden = [r for i, r in enumerate(results) if r.counted and not (i < len(visible) and visible[i])]
    if not any(r.passed for r in hidden):
        return "the only tests passed are examples shown in the prompt"
    reason = _trivial([a for r in hidden for a in r.answers])
    return f"a function that does not depend on its input earns no partial credit: {reason}" if reason else None
