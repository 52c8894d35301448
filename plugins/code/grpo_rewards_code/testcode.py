"""Turning a dataset's test code (assert lists, HumanEval ``check``) into a test program we run.

The dataset's test code is trusted and runs on *our* side. The names it uses
but never defines (``f`` in ``assert f(1) == 2``; ``candidate`` and helpers
such as HumanEval's ``poly``) are served by proxies that send each call into the
sandbox. This module does the static part, once per row:

* splits the tests into numbered units and wraps each in a recorder, so one
  failing test does not stop the others (for HumanEval, each top-level
  statement of ``check`` that asserts or calls the candidate is one test);
* finds the free names: those used as ``name.attr`` that are stdlib modules
  are imported on our side (MBPP tests call ``math.isclose`` relying on the
  solution's imports); every other one is proxied. Helpers the prompt defines
  (:mod:`.helpers`) are part of the program, so they are never free. When an
  assert list calls no free name at all, the function under test is named like
  a builtin (``def sum(...)``): the builtin names every test calls, less those
  that only wrap another one's result, are proxied. A HumanEval entry point
  named like a builtin is proxied where the test names it;
* decides, from the test code alone, whether a proxy can serve the tests. It
  cannot when the test relies on identity (``f(x) is y``) or on attributes of
  the function or of its result (objects rather than values). The model's code
  never influences this decision.
"""

from __future__ import annotations

import ast
import builtins
import sys
from dataclasses import dataclass

from .formats import AssertTests, HumanEvalTests, TestsError

__all__ = ["CANDIDATE", "RECORDER", "TestProgram", "build_program", "check_tests"]

RECORDER = "__grpo__"
CANDIDATE = "__grpo_candidate__"
_INTERNAL = {RECORDER, CANDIDATE}
_BUILTINS = frozenset(dir(builtins))
_NO_IMPORT = frozenset({"antigravity", "this", "turtle", "turtledemo", "tkinter", "idlelib", "webbrowser", "pydoc", "ensurepip"})
_SINGLETONS = (None, True, False, Ellipsis)


@dataclass(frozen=True)
class TestProgram:
    """A row's tests, ready to run.

    Attributes:
        source: the transformed test program (executed with ``__grpo__`` bound to a recorder).
        count: number of tests.
        labels: a short text per test, for details.
        proxied: free names served by the sandbox.
        modules: free names imported from the standard library on our side.
        entry_point: HumanEval's function under test (``check`` gets it as ``candidate``).
        proxy_blocker: why a proxy cannot serve these tests, or ``None``.
        format: ``"asserts"`` or ``"humaneval"``.
        helpers: the prompt's helper source the program starts with (also put before the model's code).
        classes: classes the test code defines at its top level; their instances cross the sandbox by state.
        classes_source: those classes' definitions with the test code's imports, run in the sandbox to rebuild them.
    """

    __test__ = False

    source: str
    count: int
    labels: tuple[str, ...]
    proxied: tuple[str, ...]
    modules: tuple[str, ...]
    entry_point: str | None
    proxy_blocker: str | None
    format: str
    helpers: str = ""
    classes: tuple[str, ...] = ()
    classes_source: str = ""


def _parse(source: str, what: str) -> ast.Module:
    try:
        return ast.parse(source)
    except SyntaxError as exc:
        raise TestsError("bad_tests", f"{what} does not parse: {exc.msg} (line {exc.lineno})") from None


def _call(name: str, *args: ast.expr) -> ast.stmt:
    func = ast.Attribute(ast.Name(RECORDER, ast.Load()), name, ast.Load())
    return ast.Expr(ast.Call(func, list(args), []))


def _wrap(index: int, body: list[ast.stmt]) -> ast.stmt:
    """``try: begin(i); <body>; ok(i) except BaseException as e: fail(i, e)``."""
    number = ast.Constant(index)
    error = "__grpo_error__"
    record = _call("fail", number, ast.Name(error, ast.Load()))
    handler = ast.ExceptHandler(ast.Name("BaseException", ast.Load()), error, [record])
    return ast.Try([_call("begin", number), *body, _call("ok", number)], [handler], [], [])


def _label(nodes: list[ast.stmt]) -> str:
    text = " ".join(ast.unparse(n) for n in nodes).replace("\n", " ")
    return text if len(text) <= 100 else text[:99] + "…"


# ----------------------------------------------------------------------------- names


class _Names(ast.NodeVisitor):
    """Names bound anywhere, names loaded, and names used as ``name.attr``."""

    def __init__(self) -> None:
        self.bound: set[str] = set()
        self.loaded: set[str] = set()
        self.attribute_bases: set[str] = set()

    def visit_Name(self, node: ast.Name) -> None:
        (self.loaded if isinstance(node.ctx, ast.Load) else self.bound).add(node.id)

    def visit_Attribute(self, node: ast.Attribute) -> None:
        if isinstance(node.value, ast.Name):
            self.attribute_bases.add(node.value.id)
        self.generic_visit(node)

    def _define(self, node: ast.AST, name: str | None) -> None:
        if name:
            self.bound.add(name)
        self.generic_visit(node)

    def visit_FunctionDef(self, node: ast.FunctionDef) -> None:
        self._define(node, node.name)

    visit_AsyncFunctionDef = visit_FunctionDef  # type: ignore[assignment]

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        self._define(node, node.name)

    def visit_arg(self, node: ast.arg) -> None:
        self._define(node, node.arg)

    def visit_alias(self, node: ast.alias) -> None:
        self._define(node, node.asname or node.name.split(".")[0])

    def visit_ExceptHandler(self, node: ast.ExceptHandler) -> None:
        self._define(node, node.name)

    def visit_MatchAs(self, node: ast.MatchAs) -> None:
        self._define(node, node.name)

    def visit_MatchStar(self, node: ast.MatchStar) -> None:
        self._define(node, node.name)

    def visit_MatchMapping(self, node: ast.MatchMapping) -> None:
        self._define(node, node.rest)


def _importable(name: str) -> bool:
    return name in sys.stdlib_module_names and name not in _NO_IMPORT and not name.startswith("_")


def _free_names(tree: ast.AST) -> tuple[list[str], list[str]]:
    names = _Names()
    names.visit(tree)
    free = sorted(names.loaded - names.bound - _BUILTINS - _INTERNAL)
    modules = [n for n in free if n in names.attribute_bases and _importable(n)]
    return [n for n in free if n not in modules], modules


def _called_builtins(node: ast.AST) -> list[ast.Call]:
    return [n for n in ast.walk(node) if isinstance(n, ast.Call) and isinstance(n.func, ast.Name) and n.func.id in _BUILTINS]


def _builtin_targets(tests: list[list[ast.stmt]]) -> list[str]:
    """Builtin names every test calls, less those whose arguments call another of them (``set(f(x))``)."""
    calls = [[c for node in test for c in _called_builtins(node)] for test in tests]
    common = set.intersection(*({c.func.id for c in test} for test in calls)) if calls else set()  # type: ignore[attr-defined]
    wrappers = {
        call.func.id  # type: ignore[attr-defined]
        for test in calls
        for call in test
        if any(inner.func.id in common - {call.func.id} for arg in call.args for inner in _called_builtins(arg))  # type: ignore[attr-defined]
    }
    return sorted(common - wrappers)


# ----------------------------------------------------------------------------- proxy blockers


def _calls_target(node: ast.AST, targets: set[str]) -> bool:
    return any(isinstance(n, ast.Call) and isinstance(n.func, ast.Name) and n.func.id in targets for n in ast.walk(node))


def _is_singleton(node: ast.expr) -> bool:
    return isinstance(node, ast.Constant) and any(node.value is s for s in _SINGLETONS)


def _blocker(tree: ast.AST, targets: set[str]) -> str | None:
    """Why a proxy cannot serve ``tree``, judged from the test code only."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Compare) and any(isinstance(op, (ast.Is, ast.IsNot)) for op in node.ops):
            operands = [node.left, *node.comparators]
            if any(_calls_target(o, targets) for o in operands) and not all(
                _is_singleton(o) or _calls_target(o, targets) for o in operands
            ):
                return f"the test checks identity: {_label([ast.Expr(node)])}"
        if isinstance(node, ast.Attribute):
            base = node.value
            if (isinstance(base, ast.Name) and base.id in targets) or (
                isinstance(base, ast.Call) and isinstance(base.func, ast.Name) and base.func.id in targets
            ):
                return f"the test uses attributes of the function or its result: {_label([ast.Expr(node)])}"
    return None


# ----------------------------------------------------------------------------- building


def _assert_program(tests: AssertTests, helpers: str) -> tuple[ast.Module, list[str], list[list[ast.stmt]]]:
    body: list[ast.stmt] = list(_parse(helpers, "the prompt's helpers").body) if helpers else []
    body += list(_parse(tests.setup, "the test setup").body) if tests.setup.strip() else []
    labels, parsed_tests = [], []
    for index, text in enumerate(tests.asserts):
        parsed = _parse(text, f"test {index}").body
        if not parsed:
            raise TestsError("bad_tests", f"test {index} is empty")
        body.append(_wrap(index, parsed))
        labels.append(_label(parsed))
        parsed_tests.append(parsed)
    return ast.Module(body, []), labels, parsed_tests


_DEFINITIONS = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Import, ast.ImportFrom)


def _asserting_functions(module: ast.Module) -> set[str]:
    """Names of functions anywhere in the test source that assert something (helpers ``check`` calls)."""
    return {
        n.name
        for n in ast.walk(module)
        if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))
        and n.name != "check"
        and any(isinstance(m, ast.Assert) for m in ast.walk(n))
    }


def _is_test_statement(node: ast.stmt, candidate: str, helpers: set[str]) -> bool:
    """A statement of ``check`` that tests: it asserts, uses the candidate, or calls an asserting helper.

    Definitions never count: a ``def`` holding asserts only defines them.
    """
    if isinstance(node, _DEFINITIONS):
        return False
    return any(
        isinstance(n, ast.Assert)
        or (isinstance(n, ast.Name) and (n.id == candidate or n.id in helpers) and isinstance(n.ctx, ast.Load))
        for n in ast.walk(node)
    )


def _runs_check(node: ast.stmt) -> bool:
    return isinstance(node, ast.Expr) and isinstance(node.value, ast.Call) and getattr(node.value.func, "id", None) == "check"


def _check_function(module: ast.Module) -> ast.FunctionDef:
    checks = [n for n in module.body if isinstance(n, ast.FunctionDef) and n.name == "check"]
    if not checks:
        raise TestsError("bad_tests", "the HumanEval test source defines no check(candidate) function")
    check = checks[-1]
    if not check.args.args:
        raise TestsError("bad_tests", "check() must take the candidate function as its first argument")
    return check


def check_tests(tests: HumanEvalTests) -> tuple[str, list[ast.stmt]]:
    """The candidate's parameter name in ``check`` and the statements of ``check`` that are tests (none: one test)."""
    module = _parse(tests.test, "the HumanEval test source")
    check = _check_function(module)
    candidate = check.args.args[0].arg
    helpers = _asserting_functions(module)
    return candidate, [node for node in check.body if _is_test_statement(node, candidate, helpers)]


def _humaneval_program(tests: HumanEvalTests, prompt_source: str) -> tuple[ast.Module, list[str], str]:
    module = _parse(tests.test, "the HumanEval test source")
    module.body = [n for n in module.body if not _runs_check(n)]  # we call check ourselves
    if prompt_source:
        module.body[:0] = _parse(prompt_source, "the prompt's helpers").body
    check = _check_function(module)
    candidate = check.args.args[0].arg
    helpers = _asserting_functions(module)
    labels: list[str] = []
    body: list[ast.stmt] = []
    for node in check.body:
        if _is_test_statement(node, candidate, helpers):
            body.append(_wrap(len(labels), [node]))
            labels.append(_label([node]))
        else:
            body.append(node)
    run = ast.Expr(ast.Call(ast.Name("check", ast.Load()), [ast.Name(CANDIDATE, ast.Load())], []))
    if labels:
        check.body = body
        module.body.append(run)
    else:  # no top-level assert: the whole check is one test
        module.body.append(_wrap(0, [run]))
        labels = [f"check({tests.entry_point})"]
    return module, labels, candidate


def _names_loaded(tree: ast.AST) -> set[str]:
    return {n.id for n in ast.walk(tree) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load)}


@dataclass
class _Built:
    module: ast.Module
    labels: list[str]
    proxied: list[str]
    modules: list[str]
    candidate: str | None
    helpers: str


def _build(tests: AssertTests | HumanEvalTests, helpers: str) -> _Built:
    """The program's tree, labels, proxied names, imported modules, HumanEval candidate parameter and helpers used."""
    if isinstance(tests, AssertTests):
        module, labels, parsed = _assert_program(tests, helpers)
        proxied, modules = _free_names(module)
        if not proxied and helpers:  # the prompt defines the function under test itself: it is not a helper
            return _build(tests, "")
        return _Built(module, labels, proxied or _builtin_targets(parsed), modules, None, helpers)
    module, labels, candidate = _humaneval_program(tests, helpers)
    proxied, modules = _free_names(module)
    if tests.entry_point in _BUILTINS and tests.entry_point in _names_loaded(module):
        proxied.append(tests.entry_point)
    return _Built(module, labels, proxied, modules, candidate, helpers)


def _test_classes(tests: AssertTests | HumanEvalTests) -> tuple[tuple[str, ...], str]:
    """Classes the test code defines at its top level (MBPP's ``Pair``), and their source with its imports.

    Only definitions and imports go into the sandbox: never a statement of a test.
    """
    source = tests.setup if isinstance(tests, AssertTests) else tests.test
    if "class" not in source:
        return (), ""
    module = _parse(source, "the test code")
    names = tuple(n.name for n in module.body if isinstance(n, ast.ClassDef))
    if not names:
        return (), ""
    kept: list[ast.stmt] = [n for n in module.body if isinstance(n, (ast.Import, ast.ImportFrom, ast.ClassDef))]
    return names, ast.unparse(ast.Module(kept, []))


def build_program(tests: AssertTests | HumanEvalTests, helpers: str = "") -> TestProgram:
    """The test program for ``tests`` (after the prompt's ``helpers``); raises :class:`TestsError` when malformed."""
    built = _build(tests, helpers)
    ast.fix_missing_locations(built.module)
    targets = set(built.proxied) | ({built.candidate} if built.candidate else set())
    source = ast.unparse(built.module)
    compile(source, "<tests>", "exec")  # fail here, not in a worker, if the transformation broke something
    classes, classes_source = _test_classes(tests)
    return TestProgram(
        source=source,
        count=len(built.labels),
        labels=tuple(built.labels),
        proxied=tuple(built.proxied),
        modules=tuple(built.modules),
        entry_point=tests.entry_point if isinstance(tests, HumanEvalTests) else None,
        proxy_blocker=_blocker(built.module, targets),
        format=tests.format,
        helpers=built.helpers,
        classes=classes,
        classes_source=classes_source,
    )
