"""Per-test results of one sample, and the verdict they make."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from grpo_rewards import Verdict

from .credit import Answer, partial_credit_refused
from .gateway import Infra

__all__ = ["FAILURES_SHOWN", "STATUSES", "SampleOutcome", "TestResult", "printable", "to_verdict"]

#: Per-test statuses. ``skipped``: not run (or not counted) because the sample's
#: time budget was spent or it had timed out ``max_timeouts`` times.
STATUSES = ("ok", "wrong_answer", "runtime_error", "timeout", "memory", "output_limit", "skipped")
FAILURES_SHOWN = 3
_STDERR_CHARS = 1000
# Control characters and bidirectional overrides in text the model controls (its stderr, its
# exception messages, its code) are shown escaped, so they cannot rewrite a terminal running `check`.
_UNPRINTABLE = {c: f"\\x{c:02x}" for c in [*range(0, 9), *range(11, 32), *range(127, 160)]}
_UNPRINTABLE.update({c: f"\\u{c:04x}" for c in [*range(0x200B, 0x2010), *range(0x202A, 0x202F), *range(0x2066, 0x206A)]})


def printable(text: str) -> str:
    """``text`` with control and bidi-override characters escaped (newlines and tabs kept)."""
    return text.translate(_UNPRINTABLE)


@dataclass(frozen=True)
class TestResult:
    """One test: its status (see :data:`STATUSES`) and a short message.

    ``counted`` is False for a test whose result does not depend on the
    function's behaviour (it passes whatever the function returns): it is
    neither a pass nor a failure, and the verdict leaves it out. ``answers``
    are the function's answers during the test (digests, see :mod:`.credit`).
    """

    __test__ = False

    status: str
    message: str = ""
    counted: bool = True
    answers: tuple[Answer, ...] = ()

    @property
    def passed(self) -> bool:
        return self.status == "ok"


@dataclass(frozen=True)
class SampleOutcome:
    """Everything the run found about one sample.

    ``infra`` says why we could not judge it (the verdict
    is then unverifiable). ``trust`` is ``"reduced"`` when the tests ran inside
    the sandbox next to the model's code. ``exec_seconds`` is time spent
    executing in the sandbox, ``compare_seconds`` time spent judging on our side.
    """

    format: str
    results: tuple[TestResult, ...] = ()
    infra: Infra | None = None
    trust: str = "full"
    trust_reason: str = ""
    stderr: str = ""
    executions: int = 0
    exec_seconds: float = 0.0
    compare_seconds: float = 0.0

    @property
    def judged(self) -> bool:
        return self.infra is None

    @property
    def counted(self) -> tuple[TestResult, ...]:
        """The tests that count (see :attr:`TestResult.counted`)."""
        return tuple(r for r in self.results if r.counted)

    @property
    def passed(self) -> int:
        return sum(r.passed for r in self.counted)

    def reduced(self, reason: str) -> SampleOutcome:
        """A copy marked ``trust: reduced`` for ``reason``."""
        return replace(self, trust="reduced", trust_reason=reason)


def _failures(outcome: SampleOutcome, labels: Sequence[str]) -> list[dict[str, Any]]:
    shown = []
    for index, result in enumerate(outcome.results):
        if result.passed or not result.counted:
            continue
        item: dict[str, Any] = {"test": index, "status": result.status, "message": printable(result.message)}
        if index < len(labels):
            item["test_code"] = labels[index]
        shown.append(item)
        if len(shown) == FAILURES_SHOWN:
            break
    return shown


def _details(outcome: SampleOutcome, labels: Sequence[str], cached: bool) -> dict[str, Any]:
    details: dict[str, Any] = {
        "format": outcome.format,
        "passed": outcome.passed,
        "total": len(outcome.counted),
        "trust": outcome.trust,
        "executions": outcome.executions,
        "cached": cached,
    }
    if outcome.trust_reason:
        details["trust_reason"] = outcome.trust_reason
    statuses: dict[str, int] = {}
    for result in outcome.counted:
        statuses[result.status] = statuses.get(result.status, 0) + 1
    details["statuses"] = statuses
    ignored = [i for i, r in enumerate(outcome.results) if not r.counted]
    if ignored:
        details["not_counted"] = ignored
    failures = _failures(outcome, labels)
    if failures:
        details["failures"] = failures
    if outcome.stderr:
        details["stderr"] = printable(outcome.stderr[-_STDERR_CHARS:])
    return details


def _reason(outcome: SampleOutcome) -> str:
    total, passed = len(outcome.counted), outcome.passed
    text = f"{passed}/{total} tests passed"
    first = next(((i, r) for i, r in enumerate(outcome.results) if r.counted and not r.passed), None)
    if first is not None:
        index, result = first
        text += f"; test {index}: {result.status}" + (f" ({result.message})" if result.message else "")
    if outcome.trust == "reduced":
        text += " [trust: reduced]"
    return printable(text)


def to_verdict(
    outcome: SampleOutcome,
    *,
    code: str,
    labels: Sequence[str] = (),
    all_or_nothing: bool = False,
    cached: bool = False,
    visible: Sequence[bool] = (),
) -> Verdict:
    """The verdict for ``outcome``: the fraction of counted tests passed (or 1/0 with ``all_or_nothing``).

    ``visible`` says which tests the prompt shows: partial credit needs a passed
    hidden test and non-trivial answers (:func:`.credit.partial_credit_refused`).
    """
    code = printable(code)
    if outcome.infra is not None:
        return Verdict.unverifiable(outcome.infra.reason, outcome.infra.message, answer=code, format=outcome.format)
    details = _details(outcome, labels, cached)
    if any(visible):
        details["shown_in_prompt"] = [i for i, shown in enumerate(visible) if shown]
    total, passed = len(outcome.counted), outcome.passed
    if not total:
        message = f"none of the row's {len(outcome.results)} test(s) depends on what the function returns"
        return Verdict.unverifiable("no_tests", message, answer=code, **details)
    details["credit"] = "all" if all_or_nothing else "fraction"
    if passed == total:
        return Verdict.correct(_reason(outcome), answer=code, **details)
    if passed == 0 or all_or_nothing:
        return Verdict.incorrect(_reason(outcome), answer=code, **details)
    refused = partial_credit_refused(outcome.results, visible)
    if refused is not None:
        details["partial_refused"] = refused
        return Verdict.incorrect(printable(f"{_reason(outcome)}; no partial credit: {refused}"), answer=code, **details)
    return Verdict.partial(passed / total, _reason(outcome), answer=code, **details)
