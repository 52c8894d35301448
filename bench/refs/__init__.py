"""MBPP (sanitized) and APPS shaped reference solutions, with tests in those datasets' shapes.

No package ships MBPP or APPS, and no dataset hub is reachable here, so these
are written in their shapes and styles, with the cases that a naive grader
gets wrong on real references.

MBPP rows (``mbpp_*.py``) are ``{"prompt", "code", "test_imports",
"test_list"}``: references as MBPP's contributors wrote them (imports at the
top, helper functions, recursion, builtin names such as ``sum`` and
``remove``, generators and ``map`` objects the tests wrap in ``list()``), tests
in the real style (``assert remove_Occ("hello","l") == "heo"``, ``set(...)`` on
both sides, ``math.isclose``, rounded floats, tuples vs lists, truthiness of
``re`` objects, classes from the test imports).

APPS rows (``apps_*.py``) are ``{"question", "solution", "input_output":
{"inputs", "outputs"}}``: solutions as competitive programmers write them, and
the judge's outputs in the judge's format (``apps_data.py`` computes them with
its own implementations). Problems that accept many answers (special judges)
are left out.

Every reference passes its own tests when run plainly (``bench_references.py``
checks that first: MBPP in one namespace, APPS as a host ``python3`` under a
careful checker).
"""

from __future__ import annotations

from typing import Any

from . import apps_algorithms, apps_format, mbpp_mappings, mbpp_numbers, mbpp_sequences, mbpp_text

__all__ = ["APPS_MORE", "MBPP_MORE"]

MBPP_MORE: list[dict[str, Any]] = mbpp_text.ROWS + mbpp_numbers.ROWS + mbpp_sequences.ROWS + mbpp_mappings.ROWS
APPS_MORE: list[dict[str, Any]] = apps_format.ROWS + apps_algorithms.ROWS
