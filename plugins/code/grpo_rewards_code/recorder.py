"""The recorder that wrapped tests report to (``__grpo__`` in the test program).

Stdlib-only and self-contained: the in-sandbox fallback embeds this file's
source in the program it sends, and the trusted harness imports it.

A test's status is ``ok``; ``wrong_answer`` (an assertion failed, or the test
code raised on the function's result); ``runtime_error`` (the function raised);
or a status the proxy set because the call itself failed (``timeout``,
``memory``, ``output_limit``, ``runtime_error``, ``skipped``). A failure the
proxy set sticks even when the test code swallows the exception.
"""

from __future__ import annotations

__all__ = ["Abort", "RemoteRaised", "Recorder", "TestFailed"]


class Abort(BaseException):  # noqa: N818 - control flow, not an error
    """Stop the whole test program now (the sample needs another route, or infra failed)."""


class TestFailed(BaseException):  # noqa: N818
    """A call of the function failed in a way that fails the test whatever the test code does."""

    __test__ = False

    def __init__(self, status: str, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


class RemoteRaised(Exception):  # noqa: N818
    """Marker base of exceptions re-raised on our side because the function raised them."""


class Recorder:
    """Per-test results, filled in as the wrapped tests run."""

    def __init__(self, count: int) -> None:
        self.results: list[tuple[str, str] | None] = [None] * count
        self.forced: dict[int, tuple[str, str]] = {}
        self.current: int | None = None

    def begin(self, index: int) -> None:
        self.current = index

    def force(self, status: str, message: str) -> None:
        """Fail the current test with ``status`` (first failure wins), whatever the test code does next."""
        if self.current is not None:
            self.forced.setdefault(self.current, (status, message))

    def ok(self, index: int) -> None:
        self.results[index] = self.forced.get(index, ("ok", ""))
        self.current = None

    def fail(self, index: int, error: BaseException) -> None:
        if isinstance(error, Abort):
            raise error
        self.results[index] = self.forced.get(index) or classify(error)
        self.current = None

    def finish(self, error: BaseException | None) -> list[tuple[str, str]]:
        """Results of every test; tests that never ran fail with ``error`` (the program stopped early)."""
        message = "the test program stopped before this test" if error is None else f"not run: {describe(error)}"
        return [r if r is not None else self.forced.get(i, ("wrong_answer", message)) for i, r in enumerate(self.results)]


def describe(error: BaseException) -> str:
    """``"ValueError: message"``, clipped."""
    text = f"{type(error).__name__}: {error}".strip().rstrip(":")
    return text if len(text) <= 300 else text[:299] + "…"


def classify(error: BaseException) -> tuple[str, str]:
    """The status and message of a test that raised ``error``."""
    if isinstance(error, TestFailed):
        return error.status, error.message
    if isinstance(error, RemoteRaised):
        shown = str(error) if type(error) is RemoteRaised else describe(error)
        return "runtime_error", f"the function raised {shown}"
    if isinstance(error, AssertionError):
        return "wrong_answer", "assertion failed" + (f": {error}" if str(error) else "")
    return "wrong_answer", f"the test raised {describe(error)}"
