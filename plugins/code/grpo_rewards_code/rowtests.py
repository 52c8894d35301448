"""The tests of a row, ready to run: parsed once per distinct row (and prompt helpers), then reused."""

from __future__ import annotations

import functools
import hashlib
import json
from collections.abc import Mapping
from typing import Any

from .credit import visible_tests
from .formats import AssertTests, HumanEvalTests, StdioTests, TestSpec, read_tests, spec_fingerprint
from .helpers import prompt_helpers
from .options import CodeOptions
from .testcode import TestProgram, build_program

__all__ = ["RowTests", "read_sample_tests", "shown_in_prompt"]

#: A row's tests: stdio cases or a test program, their fingerprint (for cache keys) and a label per test.
RowTests = tuple[StdioTests | TestProgram, str, tuple[str, ...]]

_SPECS: dict[str, TestSpec] = {}
_SPECS_KEPT = 4096


def _columns_key(row: Mapping[str, Any], options: CodeOptions) -> str:
    names = (options.tests_column, options.setup_column, options.test_column, options.entry_point_column)
    return json.dumps([options.format, names, [row.get(n) for n in names]], sort_keys=True, default=repr)


def _spec(row: Mapping[str, Any], options: CodeOptions) -> TestSpec:
    key = _columns_key(row, options)
    spec = _SPECS.get(key)
    if spec is None:
        spec = read_tests(
            row,
            format=options.format,
            tests_column=options.tests_column,
            setup_column=options.setup_column,
            test_column=options.test_column,
            entry_point_column=options.entry_point_column,
        )
        if len(_SPECS) >= _SPECS_KEPT:
            _SPECS.clear()
        _SPECS[key] = spec
    return spec


@functools.lru_cache(maxsize=1024)
def _helpers(prompt: str, entry_point: str | None) -> str:
    return prompt_helpers(prompt, frozenset({entry_point} if entry_point else ()))[0]


@functools.lru_cache(maxsize=4096)
def _program(spec: AssertTests | HumanEvalTests, helpers: str) -> RowTests:
    program = build_program(spec, helpers)
    fingerprint = spec_fingerprint(spec) + hashlib.sha256(program.helpers.encode("utf-8", "surrogatepass")).hexdigest()[:16]
    return program, fingerprint, program.labels


@functools.lru_cache(maxsize=1024)
def _visible(spec: TestSpec, prompt: str) -> tuple[bool, ...]:
    return visible_tests(spec, prompt)


def shown_in_prompt(row: Mapping[str, Any], options: CodeOptions, prompt: str) -> tuple[bool, ...]:
    """For each test of ``row``, whether ``prompt`` shows it (see :mod:`.credit`); raises ``TestsError``."""
    return _visible(_spec(row, options), prompt) if prompt else ()


def read_sample_tests(row: Mapping[str, Any], options: CodeOptions, prompt: str = "") -> RowTests:
    """The tests of ``row`` asked with ``prompt`` (whose helpers the tests may call); raises ``TestsError``."""
    spec = _spec(row, options)
    if isinstance(spec, StdioTests):
        return spec, spec_fingerprint(spec), tuple(f"case {i}" for i in range(len(spec.cases)))
    entry = spec.entry_point if isinstance(spec, HumanEvalTests) else None
    return _program(spec, _helpers(prompt, entry) if prompt else "")
