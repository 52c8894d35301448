"""Reading sandbox results on our side: a stdio case's test result, a proxied call's reply.

Nothing the sandbox reports is trusted beyond its status and the plain values
it carries: exit code 0 never means "passed", and a call's value is a plain
value to be checked by our own test code.
"""

from __future__ import annotations

from concurrent.futures import Future
from typing import Any

from .compare import compare_output
from .formats import StdioCase
from .outcome import TestResult

__all__ = ["InfraFailure", "call_reply", "failure_message", "result_of", "stdio_test"]

_FAILED_STATUSES = {"runtime_error", "timeout", "memory", "output_limit"}


class InfraFailure(Exception):
    """The sandbox could not run a job: ``reason`` is ``sandbox_unavailable`` or ``infra_error``."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason
        self.message = message


def result_of(future: Future[Any]) -> Any:
    """The sandbox result in ``future``; raises :class:`InfraFailure` for anything that is our failure."""
    from grpo_rewards import SandboxUnavailable

    from .sandbox_api import core_errors

    try:
        with core_errors():
            result = future.result()
    except SandboxUnavailable as exc:
        raise InfraFailure("sandbox_unavailable", str(exc)) from None
    except Exception as exc:  # noqa: BLE001 - any other error of the sandbox library is infra, never the model's
        raise InfraFailure("infra_error", f"the sandbox failed: {type(exc).__name__}: {exc}") from None
    if _status(result) == "infra_error":
        raise InfraFailure("infra_error", result.reason or "the sandbox failed to run the program (after one retry)")
    return result


def _status(result: Any) -> str:
    return str(getattr(result.status, "value", result.status))


def _last_line(text: str) -> str:
    lines = [line for line in text.strip().splitlines() if line.strip()]
    return lines[-1][:200] if lines else ""


def failure_message(result: Any, limit: float) -> str:
    """A short message for a job that did not end cleanly."""
    status = _status(result)
    if status == "timeout":
        return f"ran past the {limit:.3g} s limit"
    if status == "memory":
        return "ran out of memory"
    if status == "output_limit":
        return "printed more than the output limit"
    how = f"exit code {result.exit_code}" if result.exit_code is not None else ""
    if result.signal is not None:
        how = f"killed by signal {result.signal}"
    detail = _last_line(result.stderr_text()) or result.reason
    return ", ".join(p for p in (how, detail) if p) or "runtime error"


def stdio_test(result: Any, case: StdioCase, limit: float, *, ignore_case: bool, float_tolerance: float) -> TestResult:
    """The test result of a stdio case from its (non-infra) sandbox result."""
    status = _status(result)
    if status != "ok":
        return TestResult(status if status in _FAILED_STATUSES else "runtime_error", failure_message(result, limit))
    if result.stdout_truncated:
        return TestResult("output_limit", "printed more output than is kept for comparison")
    comparison = compare_output(result.stdout_text(), case.output, ignore_case=ignore_case, float_tolerance=float_tolerance)
    return TestResult("ok") if comparison.ok else TestResult("wrong_answer", comparison.reason)


def call_reply(result: Any, limit: float) -> tuple[Any, ...]:
    """The reply a harness proxy gets for a (non-infra) call result; see :mod:`.harness`."""
    status = _status(result)
    if status != "ok":
        return ("failed", status if status in _FAILED_STATUSES else "runtime_error", failure_message(result, limit))
    value = result.value if result.returned else None
    if type(value) is tuple and len(value) == 4 and value[0] == "ok":
        return ("value", value[1], value[2], value[3])
    if type(value) is tuple and len(value) == 3 and value[0] == "raised":
        return ("raised", value[1], value[2])
    return ("failed", "runtime_error", "the call returned no usable value")
