"""The three test formats, read from a row's columns.

1. **stdin/stdout** (APPS, CodeContests): column ``tests`` holds a list of
   ``{"input": str, "output": str}``. The program reads stdin and prints.
2. **assert list** (MBPP): column ``tests`` holds a list of source strings such
   as ``"assert f(1) == 2"``; optional column ``test_setup`` holds source run
   before them (imports, helpers).
3. **HumanEval**: column ``test`` holds source defining ``check(candidate)``;
   column ``entry_point`` names the function under test.

Column names come from :class:`~grpo_rewards_code.options.CodeOptions`. A
column holding a JSON string is decoded first (datasets often store lists that
way). ``format="auto"`` picks HumanEval when both of its columns are present,
else reads ``tests`` and tells the two list formats apart by their items.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal, Union

__all__ = [
    "AssertTests",
    "FormatName",
    "HumanEvalTests",
    "StdioCase",
    "StdioTests",
    "TestSpec",
    "TestsError",
    "read_tests",
    "spec_fingerprint",
]

FormatName = Literal["auto", "stdio", "asserts", "humaneval"]


class TestsError(Exception):
    """A row's tests are missing (``reason="no_tests"``) or malformed (``reason="bad_tests"``)."""

    __test__ = False  # not a pytest class

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason


@dataclass(frozen=True)
class StdioCase:
    """One stdin/stdout case. Only ``input`` ever enters the sandbox."""

    input: str
    output: str


@dataclass(frozen=True)
class StdioTests:
    """stdin/stdout cases, run one program execution each."""

    cases: tuple[StdioCase, ...]
    format: str = "stdio"


@dataclass(frozen=True)
class AssertTests:
    """MBPP-style assert statements, each one test, run after ``setup`` on our side."""

    asserts: tuple[str, ...]
    setup: str = ""
    format: str = "asserts"


@dataclass(frozen=True)
class HumanEvalTests:
    """A ``check(candidate)`` source and the name of the function under test."""

    test: str
    entry_point: str
    format: str = "humaneval"


TestSpec = Union[StdioTests, AssertTests, HumanEvalTests]  # noqa: UP007 - a runtime alias on Python 3.10


def spec_fingerprint(spec: TestSpec) -> str:
    """A stable hash of everything in ``spec`` (part of the result cache key)."""
    text = json.dumps([spec.format, _plain(spec)], sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode()).hexdigest()


def _plain(spec: TestSpec) -> Any:
    if isinstance(spec, StdioTests):
        return [[c.input, c.output] for c in spec.cases]
    if isinstance(spec, AssertTests):
        return [list(spec.asserts), spec.setup]
    return [spec.test, spec.entry_point]


def _decoded(value: Any, column: str) -> Any:
    if isinstance(value, str) and value.strip()[:1] in ("[", "{"):
        try:
            return json.loads(value)
        except json.JSONDecodeError as exc:
            raise TestsError("bad_tests", f"column {column!r} looks like JSON but does not parse: {exc}") from None
    return value


def _text(value: Any, column: str, what: str) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return "\n".join(value) + ("\n" if value else "")
    raise TestsError("bad_tests", f"column {column!r}: {what} must be a string, got {type(value).__name__}")


def _stdio(items: list[Any], column: str) -> StdioTests:
    cases = []
    for index, item in enumerate(items):
        if not isinstance(item, Mapping) or "input" not in item or "output" not in item:
            raise TestsError("bad_tests", f"column {column!r} item {index}: expected {{'input': ..., 'output': ...}}")
        where = f"item {index}"
        cases.append(StdioCase(_text(item["input"], column, f"{where} input"), _text(item["output"], column, f"{where} output")))
    return StdioTests(tuple(cases))


def _asserts(items: list[Any], setup: Any, column: str, setup_column: str) -> AssertTests:
    setup_text = "" if setup is None else _text(_decoded(setup, setup_column), setup_column, "the setup")
    return AssertTests(tuple(items), setup_text)


def _from_list(row: Mapping[str, Any], column: str, setup_column: str, want: FormatName) -> TestSpec:
    items = _decoded(row.get(column), column)
    if items is None or items == [] or items == "":
        raise TestsError("no_tests", f"column {column!r} is empty")
    if isinstance(items, Mapping) and "inputs" in items and "outputs" in items:  # APPS stores two parallel lists
        if items.get("fn_name"):  # APPS's call-based problems: arguments and return values, not stdin and stdout
            message = (
                f"column {column!r} holds APPS call-based cases (fn_name={str(items['fn_name'])[:60]!r}): their inputs"
                " are arguments, not stdin; write them as an assert list (tests: ['assert f(...) == ...'])"
            )
            raise TestsError("bad_tests", message)
        items = [{"input": i, "output": o} for i, o in zip(items["inputs"], items["outputs"], strict=False)]
    if not isinstance(items, list):
        raise TestsError("bad_tests", f"column {column!r} must hold a list of tests, got {type(items).__name__}")
    if all(isinstance(item, str) for item in items) and want != "stdio":
        return _asserts(items, row.get(setup_column), column, setup_column)
    if all(isinstance(item, Mapping) for item in items) and want != "asserts":
        return _stdio(items, column)
    objects = "{'input', 'output'} objects"
    expected = {"stdio": objects, "asserts": "assert strings"}.get(want, f"assert strings or {objects}")
    raise TestsError("bad_tests", f"column {column!r} must hold a list of {expected}")


def _humaneval(row: Mapping[str, Any], test_column: str, entry_column: str) -> HumanEvalTests:
    test, entry = row.get(test_column), row.get(entry_column)
    if not test:
        raise TestsError("no_tests", f"column {test_column!r} is empty")
    if not isinstance(test, str):
        raise TestsError("bad_tests", f"column {test_column!r} must hold source text, got {type(test).__name__}")
    if not isinstance(entry, str) or not entry.isidentifier():
        raise TestsError("bad_tests", f"column {entry_column!r} must name the function under test, got {entry!r}")
    return HumanEvalTests(test, entry)


def read_tests(
    row: Mapping[str, Any],
    *,
    format: FormatName = "auto",
    tests_column: str = "tests",
    setup_column: str = "test_setup",
    test_column: str = "test",
    entry_point_column: str = "entry_point",
) -> TestSpec:
    """The tests of ``row``; raises :class:`TestsError` naming the column at fault."""
    if format == "humaneval" or (format == "auto" and row.get(test_column) and entry_point_column in row):
        return _humaneval(row, test_column, entry_point_column)
    if tests_column not in row:
        looked = f"{tests_column!r}" if format != "auto" else f"{tests_column!r}, or {test_column!r} with {entry_point_column!r}"
        raise TestsError("no_tests", f"the row has no tests (looked for column {looked})")
    return _from_list(row, tests_column, setup_column, format)
