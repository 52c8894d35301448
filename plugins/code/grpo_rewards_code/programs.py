"""The programs we send into the sandbox around the model's code.

Nothing here decides a verdict: whatever runs in the sandbox can lie, so its
answers are plain values that our side interprets.

* :func:`call_program`: defines ``__grpo_call__(name, args, kwargs, want_args)``,
  which runs the model's code in a fresh namespace (``__name__`` is
  ``"solution"``, so ``if __name__ == "__main__":`` blocks do not run), calls
  ``name`` and returns ``("ok", value, args, kwargs)`` (the arguments only when
  asked, so our side can copy back in-place mutations) or
  ``("raised", type_name, message)`` for an ``Exception``. Arguments arrive
  and values leave through :mod:`.values` (``Counter``, ``complex``... as
  plain marker tuples; other objects as their truth value only).
  ``SystemExit``, ``KeyboardInterrupt`` and the like are not caught: the job
  then returns nothing and the call fails.
* :func:`fallback_program`: for tests a proxy cannot serve, runs the model's
  code *and* the test program in one process and returns per-test results.
  The model can tamper with that, which is why such verdicts say
  ``trust: reduced``.
* :func:`run_program`: a stdin/stdout program as the model wrote it.

Every program lifts Python's 4,300-digit limit on converting integers to text
(:data:`UNLIMITED_INTS`): the judges that APPS and MBPP come from ran Pythons
without it, and a correct ``print(2 ** 20000)`` must not fail here. The CPU
limit bounds what a huge conversion can cost.
"""

from __future__ import annotations

import ast
import functools
import importlib.resources

from .extract import parse_bounded
from .testcode import CANDIDATE, RECORDER, TestProgram

__all__ = ["CALL_FUNCTION", "FALLBACK_FUNCTION", "UNLIMITED_INTS", "call_program", "fallback_program", "run_program"]

CALL_FUNCTION = "__grpo_call__"
FALLBACK_FUNCTION = "__grpo_fallback__"
#: One line, binding no name: no limit on int/str conversions (Python 3.11+ has one).
UNLIMITED_INTS = 'getattr(__import__("sys"), "set_int_max_str_digits", lambda digits: None)(0)\n'

_CALL = """{values}

{unlimited}
_GRPO_SOURCE = {source!r}
_GRPO_TEST_CLASSES = {{"__name__": "tests"}}
if {classes_source!r}:
    exec(compile({classes_source!r}, "tests.py", "exec"), _GRPO_TEST_CLASSES)
_GRPO_BY_NAME = {{name: _GRPO_TEST_CLASSES[name] for name in {classes!r}}}
_GRPO_BY_TYPE = {{cls: name for name, cls in _GRPO_BY_NAME.items()}}


def __grpo_call__(name, args, kwargs, want_args):
    args, kwargs = unwrap(args, classes=_GRPO_BY_NAME), unwrap(kwargs, classes=_GRPO_BY_NAME)
    namespace = {{"__name__": "solution"}}
    exec(compile(_GRPO_SOURCE, "solution.py", "exec"), namespace)
    function = namespace[name]
    try:
        value = function(*args, **kwargs)
    except Exception as exc:
        try:
            message = str(exc)[:500]
        except Exception:
            message = ""
        return ("raised", type(exc).__name__, message)
    if want_args:
        return ("ok", wrap(value, classes=_GRPO_BY_TYPE), wrap(args, classes=_GRPO_BY_TYPE), wrap(kwargs, classes=_GRPO_BY_TYPE))
    return ("ok", wrap(value, classes=_GRPO_BY_TYPE), None, None)
"""

_FALLBACK = """{unlimited}
{values}
{shield}
{recorder}

_GRPO_SOURCE = {source!r}
_GRPO_TESTS = {tests!r}


def __grpo_fallback__():
    recorder = Recorder({count})
    answers = Answers(recorder)
    restore = snapshot({modules!r})
    solution = {{"__name__": "solution"}}
    try:
        exec(compile(_GRPO_SOURCE, "solution.py", "exec"), solution)
    except BaseException as exc:
        return [("runtime_error", "the solution failed to load: " + describe(exc))] * {count}
    finally:
        restore()
    namespace = {{"__name__": "tests", "__builtins__": builtins, {recorder_name!r}: recorder}}
    namespace.update({{name: guard(solution[name], restore, answers) for name in {proxied!r} if name in solution}})
    if {entry!r}:
        namespace[{candidate_name!r}] = guard(solution.get({entry!r}), restore, answers)
    for module in {modules!r}:
        try:
            namespace[module] = importlib.import_module(module)
        except ImportError:
            pass
    error = None
    try:
        exec(compile(_GRPO_TESTS, "tests.py", "exec"), namespace)
    except BaseException as exc:
        error = exc
    return [(*result, answers.of(i)) for i, result in enumerate(recorder.finish(error))]
"""


#: Ends the lines of an embedded module that import what the program defines before it.
_EMBEDDED = "# embedded: values.py comes first"


@functools.lru_cache(maxsize=8)
def _module_source(name: str, *, keep_future: bool = False) -> str:
    """A module of ours as text to embed; its ``__future__`` import only where it stays at the top of the program."""
    text = importlib.resources.files(__package__).joinpath(name).read_text(encoding="utf-8")
    text = "".join(line for line in text.splitlines(keepends=True) if not line.rstrip().endswith(_EMBEDDED))
    return text if keep_future else text.replace("from __future__ import annotations\n", "")


def call_program(source: str, program: TestProgram | None = None) -> str:
    """The call trampoline around the model's ``source`` (see the module docstring).

    ``program``'s own classes (:attr:`~.testcode.TestProgram.classes`) are defined there too, from the
    test code's source, so their instances cross by state.
    """
    return _CALL.format(
        values=_module_source("values.py", keep_future=True),
        unlimited=UNLIMITED_INTS,
        source=source,
        classes_source=program.classes_source if program else "",
        classes=tuple(program.classes) if program else (),
    )


def run_program(source: str) -> str:
    """The model's stdin/stdout program, with :data:`UNLIMITED_INTS` first (after any ``__future__`` imports).

    Never raises: a program we cannot parse is sent as it is (it fails on its own).
    """
    if "__future__" not in source:
        return UNLIMITED_INTS + source
    module = parse_bounded(source)
    if module is None:
        return source
    futures = [n for n in module.body if isinstance(n, ast.ImportFrom) and n.module == "__future__"]
    lines = source.splitlines(keepends=True)
    end = max((n.end_lineno or n.lineno for n in futures), default=0)
    head = "".join(lines[:end])
    if head and not head.endswith(("\n", "\r")):
        head += "\n"
    return head + UNLIMITED_INTS + "".join(lines[end:])


def fallback_program(source: str, program: TestProgram) -> str:
    """The in-sandbox test run of ``program`` against the model's ``source``."""
    return _FALLBACK.format(
        unlimited=UNLIMITED_INTS,
        values=_module_source("values.py"),
        shield=_module_source("shield.py"),
        recorder=_module_source("recorder.py"),
        proxied=tuple(program.proxied),
        source=source,
        tests=program.source,
        count=program.count,
        recorder_name=RECORDER,
        candidate_name=CANDIDATE,
        entry=program.entry_point or "",
        modules=tuple(program.modules),
    )
