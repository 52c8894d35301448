"""Reading sandbox results on our side: a stdio case's test result, a proxied call's reply.

Nothing the sandbox reports is trusted beyond its status and the plain values
it carries: exit code 0 never means "passed", and a call's value is a plain
value to be checked by our own test code.
"""

from __future__ import annotations

from .compare import CompareMode, compare_output
from .formats import StdioCase
from .gateway import Limits, Result
from .outcome import TestResult
from .replies import CallFailed, Raised, Reply, Returned

__all__ = ["call_reply", "failure_message", "stdio_test"]


def _last_line(text: str) -> str:
    lines = [line for line in text.strip().splitlines() if line.strip()]
    return lines[-1][:200] if lines else ""


def failure_message(result: Result, limits: Limits) -> str:
    """A short message for a job that did not end cleanly."""
    if result.status == "timeout":
        if "CPU" in result.reason:
            return f"used more than {limits.cpu_seconds:.3g} s of CPU time"
        return f"ran past the wall-clock cap of {limits.wall_seconds:.3g} s"
    if result.status == "memory":
        return "ran out of memory"
    if result.status == "output_limit":
        return "printed more than the output limit"
    how = f"exit code {result.exit_code}" if result.exit_code is not None else ""
    if result.signal is not None:
        how = f"killed by signal {result.signal}"
    detail = _last_line(result.stderr) or result.reason
    return ", ".join(p for p in (how, detail) if p) or "runtime error"


def stdio_test(
    result: Result, case: StdioCase, limits: Limits, *, mode: CompareMode, ignore_case: bool, tolerance: float
) -> TestResult:
    """The test result of a stdio case from its sandbox result."""
    if not result.ok:
        return TestResult(result.status, failure_message(result, limits))
    if result.stdout_truncated:
        return TestResult("output_limit", "printed more output than is kept for comparison")
    comparison = compare_output(result.stdout, case.output, mode=mode, ignore_case=ignore_case, float_tolerance=tolerance)
    return TestResult("ok") if comparison.ok else TestResult("wrong_answer", comparison.reason)


def call_reply(result: Result, limits: Limits) -> Reply:
    """The reply a harness proxy gets for a call's sandbox result; see :mod:`.replies`."""
    if not result.ok:
        return CallFailed(result.status, failure_message(result, limits))
    value = result.value if result.returned else None
    if type(value) is tuple and len(value) == 4 and value[0] == "ok":
        return Returned(value[1], value[2], value[3])
    if type(value) is tuple and len(value) == 3 and value[0] == "raised" and type(value[1]) is str and type(value[2]) is str:
        return Raised(value[1], value[2])
    return CallFailed("runtime_error", "the call returned no usable value")
