"""Gold answers written in other notations, rewritten as the LaTeX the comparer reads.

* Python or plain text: ``3**(1/3)`` -> ``3^{(1/3)}``, ``sqrt(5) + 2`` -> ``\\sqrt{5} + 2``,
  ``exp(2)`` -> ``e^{2}``, ``pi/2`` -> ``\\pi/2``, ``2*x`` -> ``2 \\cdot x``, ``oo`` -> ``\\infty``;
* a list of solutions written as equations: ``x = \\frac13, x = \\frac{-2\\pm\\sqrt{7}}{3}``
  -> ``\\frac13, \\frac{-2+\\sqrt{7}}{3}, \\frac{-2-\\sqrt{7}}{3}``;
* a function value or definition: ``F(4,2) = 9`` -> ``9``, ``f(x) = 3x - 2`` -> ``3x - 2``.

Pure string work, linear in the gold.
"""

from __future__ import annotations

import re

from .latex import split_top_level

__all__ = ["from_python", "function_value", "matrix_cells", "rewrite", "solution_list"]

_PY_HINT = re.compile(r"\*\*|\b(?:sqrt|exp|log|ln|sin|cos|tan|atan|asin|acos|abs)\s*\(|\bpi\b|\boo\b|(?<=[\w)])\s*\*\s*(?=[\w(])")
_PY_NAMES = {"pi": "\\pi ", "oo": "\\infty ", "log": "\\ln", "ln": "\\ln", "sin": "\\sin", "cos": "\\cos", "tan": "\\tan"}
_NAME = re.compile(r"[A-Za-z_]\w*")


def _closing(text: str, open_at: int) -> int:
    """Index of the ``)`` matching the ``(`` at ``open_at`` (or -1)."""
    depth = 0
    for i in range(open_at, len(text)):
        if text[i] == "(":
            depth += 1
        elif text[i] == ")":
            depth -= 1
            if depth == 0:
                return i
    return -1


def from_python(text: str) -> str:
    """``text`` rewritten from Python/plain notation to LaTeX; unchanged when it is not Python-like."""
    if "\\" in text or not _PY_HINT.search(text):
        return text
    out: list[str] = []
    i = 0
    while i < len(text):
        if text.startswith("**", i):
            i += 2
            if i < len(text) and text[i] == "(":
                close = _closing(text, i)
                if close < 0:
                    return text
                out.append("^{" + from_python(text[i + 1 : close]) + "}")
                i = close + 1
            else:
                token = re.match(r"\s*-?[\w.]+", text[i:])
                if token is None:
                    return text
                out.append("^{" + token.group(0).strip() + "}")
                i += token.end()
            continue
        name = _NAME.match(text, i)
        if name:
            word = name.group(0)
            after = name.end()
            if word in ("sqrt", "exp", "abs") and after < len(text) and text[after] == "(":
                close = _closing(text, after)
                if close < 0:
                    return text
                inner = from_python(text[after + 1 : close])
                out.append({"sqrt": f"\\sqrt{{{inner}}}", "exp": f"e^{{{inner}}}", "abs": f"\\left|{inner}\\right|"}[word])
                i = close + 1
                continue
            out.append(_PY_NAMES.get(word, word))
            i = after
            continue
        if text[i] == "*":
            out.append(" \\cdot ")
            i += 1
            continue
        out.append(text[i])
        i += 1
    return "".join(out).strip()


_EQUATION = re.compile(r"^\s*([A-Za-z](?:_\{?\w+\}?)?)\s*=\s*([^=]+?)\s*$")
_OR_AND = re.compile(r"\\text\{\s*(?:or|and)\s*\}|\s(?:or|and)\s|\\quad|;")


def solution_list(span: str) -> str | None:
    """``x = 1, x = -2`` (or ``x=1 \\text{ or } x=-2``): the values, with ``\\pm`` expanded; None otherwise."""
    parts = split_top_level(_OR_AND.sub(",", span))
    if len(parts) < 2:
        return None
    values: list[str] = []
    variables = set()
    for part in parts:
        match = _EQUATION.match(part)
        if match is None:
            return None
        variables.add(match.group(1))
        value = match.group(2)
        if value.count("\\pm") == 1:
            values += [value.replace("\\pm", "+"), value.replace("\\pm", "-")]
        else:
            values.append(value)
    return ", ".join(values) if len(variables) == 1 else None


_FUNCTION = re.compile(r"^\s*[A-Za-z]\w*\s*(?:\\left)?\(\s*[^()=]*\s*(?:\\right)?\)\s*=\s*([^=]+?)\s*$")


def function_value(span: str) -> str | None:
    """``F(4,2) = 9`` -> ``9``; ``f(x) = 3x - 2`` -> ``3x - 2``; None when ``span`` is not of that form."""
    match = _FUNCTION.match(span)
    return match.group(1) if match else None


_NESTED_LIST = re.compile(r"^\[\s*\[(.*)\]\s*\]$", re.DOTALL)
_ARRAY = re.compile(r"^\(?\s*\\begin\{array\}\{[^{}]*\}(.*)\\end\{array\}\s*\)?$", re.DOTALL)


def matrix(span: str) -> str | None:
    """``[[1, 2], [3, 4]]`` or ``\\begin{array}{cc}1&2\\\\3&4\\end{array}`` as a ``pmatrix``; None otherwise."""
    nested = _NESTED_LIST.match(span)
    if nested:
        rows = re.split(r"\]\s*,\s*\[", nested.group(1))
        return (
            "\\begin{pmatrix}" + " \\\\ ".join(" & ".join(c.strip() for c in row.split(",")) for row in rows) + "\\end{pmatrix}"
        )
    array = _ARRAY.match(span)
    if array:
        return "\\begin{pmatrix}" + array.group(1) + "\\end{pmatrix}"
    return None


def rewrite(span: str) -> str:
    """A normalised span in the notation the comparer reads best (see the module docstring); unchanged if none applies."""
    span = from_python(span)
    return solution_list(span) or function_value(span) or matrix(span) or span


_MATRIX = re.compile(r"^\\begin\{([pbB]?matrix)\}(.*)\\end\{\1\}$", re.DOTALL)


def matrix_cells(span: str) -> tuple[tuple[str, ...], ...] | None:
    """The cells of a ``pmatrix``/``bmatrix``/``matrix`` (never ``vmatrix``: that is a determinant), row by row."""
    match = _MATRIX.match(span.strip())
    if match is None or "\\begin" in match.group(2):
        return None
    rows = [row for row in re.split(r"\\\\", match.group(2)) if row.strip()]
    cells = tuple(tuple(cell.strip() for cell in row.split("&")) for row in rows)
    return cells if cells and all(all(cell for cell in row) for row in cells) else None
