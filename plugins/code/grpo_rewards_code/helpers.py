"""Helpers the prompt defines, which the tests must run as the prompt wrote them.

HumanEval prompts define helpers next to the function to write (``poly`` beside
``find_zero``, ``encode_cyclic`` beside ``decode_cyclic``) and the tests call
them. They are part of the trusted problem, so the test program gets the
prompt's own definitions: a model that redefines ``encode_cyclic`` next to a
stub changes only its own program, never what the tests compute.

A prompt's top-level imports, assignments, classes and functions are taken,
except the function under test and stubs (a body of only a docstring, ``pass``
or ``...``). A prompt that is not Python itself contributes its fenced Python
blocks. The prompt is dataset text but it reaches us through the caller, so
parsing is bounded like the extractor's (:data:`~.extract.MAX_PARSED_CHARS`,
any parser failure means "no helpers").
"""

from __future__ import annotations

import ast

from .extract import fenced_blocks, parse_bounded

__all__ = ["after_helpers", "prompt_helpers"]

_TAKEN = (ast.Import, ast.ImportFrom, ast.Assign, ast.AnnAssign, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)


def _is_stub(node: ast.stmt) -> bool:
    if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
        return False
    for statement in node.body:
        if isinstance(statement, ast.Pass):
            continue
        if isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Constant):
            continue  # a docstring, or a bare `...`
        return False
    return True


def _modules(prompt: str) -> list[ast.Module]:
    whole = parse_bounded(prompt)
    if whole is not None:
        return [whole]
    blocks = [b.text for b in fenced_blocks(prompt) if b.language in ("", "python", "py", "python3")]
    return [m for m in map(parse_bounded, blocks) if m is not None]


def _name(node: ast.stmt) -> str | None:
    return getattr(node, "name", None)


def prompt_helpers(prompt: str, exclude: frozenset[str] = frozenset()) -> tuple[str, frozenset[str]]:
    """The prompt's helper source, and the function names it defines (never a name in ``exclude``)."""
    kept: list[ast.stmt] = []
    for module in _modules(prompt):
        kept += [n for n in module.body if isinstance(n, _TAKEN) and not _is_stub(n) and _name(n) not in exclude]
    functions = frozenset(n.name for n in kept if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)))
    if not functions:
        return "", frozenset()
    try:
        return ast.unparse(ast.Module(kept, [])) + "\n", functions
    except (RecursionError, ValueError):
        return "", frozenset()


def after_helpers(code: str, helpers: str) -> str:
    """The model's program after the prompt's helpers, as HumanEval runs prompt + completion.

    A program with ``from __future__`` imports must come first in its file, so it is left as it is.
    """
    if not helpers or "from __future__" in code:
        return code
    return helpers + "\n" + code
