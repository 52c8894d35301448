"""The two row shapes: MBPP sanitized's and APPS's."""

from __future__ import annotations

from typing import Any


def mbpp_row(prompt: str, code: str, tests: list[str], imports: list[str] | None = None) -> dict[str, Any]:
    """``{"prompt", "code", "test_imports", "test_list"}`` as the sanitized split stores a problem."""
    return {"prompt": prompt, "code": code.strip("\n"), "test_imports": imports or [], "test_list": tests}


def apps_row(question: str, solution: str, inputs: list[str], outputs: list[str]) -> dict[str, Any]:
    """``{"question", "solution", "input_output": {"inputs", "outputs"}}`` as APPS stores a problem."""
    return {"question": question, "solution": solution.strip("\n"), "input_output": {"inputs": inputs, "outputs": outputs}}
