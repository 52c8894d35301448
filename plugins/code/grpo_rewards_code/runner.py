"""Running a batch of distinct samples over the sandbox pool and the trusted harness pool.

* stdio samples: one sandbox execution per case, compared on our side;
* assert and HumanEval samples: the test program runs in a harness worker
  (:mod:`.harness`); each call of the model's function becomes a sandbox call;
* samples whose tests a proxy cannot serve run in the sandbox with their tests
  (``trust: reduced``).

Each execution is limited in CPU time (``test_timeout``), with a generous
wall-clock cap, so a busy host does not fail a correct program. Each sample
has a budget: ``budget`` CPU seconds summed over its executions, and
``wall_budget`` wall seconds as a backstop against programs that sleep. Every
test runs, even after one timed out, unless ``max_timeouts`` says otherwise or
the budget is spent; the tests after a stop are ``skipped`` and fail. For stdio
samples the stop is applied in test order after the run, so the verdict does
not depend on which case finished first.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import Future
from dataclasses import dataclass, replace

from grpo_rewards import Outcome, Task, WorkerPool

from .compare import CompareMode
from .credit import Answer, stdio_answer
from .dispatch import CALL, FALLBACK, STDIO, Dispatcher
from .formats import StdioCase, StdioTests
from .gateway import Call, Infra, Limits, Result, Run, output_allowance
from .harness import HarnessJob, HarnessReport
from .judging import call_reply, failure_message, stdio_test
from .outcome import STATUSES, SampleOutcome, TestResult
from .programs import CALL_FUNCTION, FALLBACK_FUNCTION, call_program, fallback_program, run_program
from .replies import CallFailed, CallRequest, Reply
from .testcode import TestProgram

__all__ = ["RunSettings", "Runner", "Work"]

_STDERR_KEPT = 2000
#: The harness worker's deadline is this many times the sample's wall-clock budget, plus 30 s.
HARNESS_DEADLINE_FACTOR = 5.0


@dataclass(frozen=True)
class Work:
    """One distinct sample to run: its cache key, the model's code and its tests."""

    key: str
    code: str
    spec: StdioTests | TestProgram
    format: str


@dataclass(frozen=True)
class RunSettings:
    """Limits of one run. ``limits`` is what every execution starts from."""

    budget: float
    wall_budget: float
    max_timeouts: int
    compare: CompareMode
    ignore_case: bool
    float_tolerance: float
    fallback: bool
    limits: Limits

    def stop_reason(self, cpu: float, wall: float, timeouts: int) -> str | None:
        """Why a sample that spent ``cpu``/``wall`` seconds and timed out ``timeouts`` times must stop."""
        if self.max_timeouts and timeouts >= self.max_timeouts:
            return f"not run: the sample already timed out {timeouts} time(s)"
        if cpu >= self.budget:
            return f"not run: the sample's budget of {self.budget:g} CPU seconds is spent"
        if wall >= self.wall_budget:
            return f"not run: the sample's wall-clock budget of {self.wall_budget:g} s is spent"
        return None

    def overspent(self, cpu: float, wall: float) -> str | None:
        """Why a test during which the sample's budget ran out fails, if it did."""
        if cpu > self.budget:
            return f"the sample's budget of {self.budget:g} CPU seconds ran out during this test"
        if wall > self.wall_budget:
            return f"the sample's wall-clock budget of {self.wall_budget:g} s ran out during this test"
        return None

    def limits_left(self, cpu: float, wall: float) -> Limits:
        """The limits of the next execution of a sample that spent ``cpu``/``wall`` seconds."""
        return replace(
            self.limits,
            cpu_seconds=max(0.05, min(self.limits.cpu_seconds, self.budget - cpu)),
            wall_seconds=max(0.05, min(self.limits.wall_seconds, self.wall_budget - wall)),
        )


class _Sample:
    """Budget, counters and infra state of one sample while it runs (thread-safe)."""

    def __init__(self, work: Work, settings: RunSettings) -> None:
        self.work = work
        self.settings = settings
        self.lock = threading.Lock()
        self.spent = 0.0
        self.wall = 0.0
        self.timeouts = 0
        self.executions = 0
        self.stderr = ""
        self.infra: Infra | None = None
        self.raw: list[tuple[Result, Limits] | None] = []

    def stop_reason(self) -> str | None:
        with self.lock:
            if self.infra is not None:
                return "not run: the sandbox failed"
            return self.settings.stop_reason(self.spent, self.wall, self.timeouts)

    def running(self) -> bool:
        return self.stop_reason() is None

    def spent_wall(self) -> float:
        with self.lock:
            return self.wall

    def limits(self) -> Limits:
        with self.lock:
            return self.settings.limits_left(self.spent, self.wall)

    def record(self, result: Result) -> str | None:
        """Count ``result``; says so when the sample's budget ran out during it."""
        with self.lock:
            self.executions += 1
            self.spent += result.cpu_time
            self.wall += result.wall_time
            self.timeouts += result.status == "timeout"
            if result.status != "ok" and not self.stderr:
                self.stderr = result.stderr[-_STDERR_KEPT:]
            return self.settings.overspent(self.spent, self.wall)

    def fail_infra(self, infra: Infra) -> None:
        with self.lock:
            if self.infra is None:
                self.infra = infra

    def outcome(self, results: Sequence[TestResult], *, compare_seconds: float = 0.0) -> SampleOutcome:
        if self.infra is not None:
            return SampleOutcome(self.work.format, infra=self.infra, executions=self.executions)
        return SampleOutcome(
            self.work.format,
            tuple(results),
            stderr=self.stderr,
            executions=self.executions,
            exec_seconds=self.wall,
            compare_seconds=compare_seconds,
        )


class Runner:
    """Runs :class:`Work` items; one instance per batch.

    Args:
        dispatcher: feeds the sandbox gateway (see :mod:`.dispatch`).
        harness: returns the trusted harness pool (started on first need).
        settings: budget, limits and comparison options.
    """

    def __init__(self, dispatcher: Dispatcher, harness: Callable[[], WorkerPool], settings: RunSettings) -> None:
        self.dispatcher = dispatcher
        self.harness = harness
        self.settings = settings
        self.samples: dict[str, _Sample] = {}
        self.outcomes: dict[str, SampleOutcome] = {}
        self._lock = threading.Lock()

    def run(self, works: Sequence[Work]) -> dict[str, SampleOutcome]:
        """Run every work item; returns an outcome per key."""
        proxied: list[Work] = []
        for work in works:
            self.samples[work.key] = _Sample(work, self.settings)
            if isinstance(work.spec, StdioTests):
                self._start_stdio(work)
            elif work.spec.proxy_blocker is not None:
                self._start_fallback(work, work.spec.proxy_blocker)
            else:
                proxied.append(work)
        if proxied:
            self._run_harness(proxied)
        self.dispatcher.wait()
        for work in works:
            if isinstance(work.spec, StdioTests):
                self._set(work.key, self._stdio_outcome(self.samples[work.key]))
        return self.outcomes

    def _set(self, key: str, outcome: SampleOutcome) -> None:
        with self._lock:
            self.outcomes[key] = outcome

    # -- stdio -----------------------------------------------------------------------------

    def _start_stdio(self, work: Work) -> None:
        sample = self.samples[work.key]
        assert isinstance(work.spec, StdioTests)
        sample.raw = [None] * len(work.spec.cases)
        program = run_program(work.code)
        for index, case in enumerate(work.spec.cases):
            limits = replace(sample.limits(), output_bytes=output_allowance(case.output))

            def done(future: Future[Result | Infra] | None, index: int = index, limits: Limits = limits) -> None:
                if future is None:
                    return
                result = future.result()
                if isinstance(result, Infra):
                    sample.fail_infra(result)
                    return
                sample.record(result)
                sample.raw[index] = (result, limits)

            self.dispatcher.submit(Run(program, case.input, limits), STDIO, done, sample.running)

    def _stdio_outcome(self, sample: _Sample) -> SampleOutcome:
        started = time.perf_counter()
        cases = sample.work.spec.cases  # type: ignore[union-attr]
        results: list[TestResult] = []
        cpu, wall, timeouts, stop = 0.0, 0.0, 0, None
        for case, raw in zip(cases, sample.raw, strict=True):
            if stop is not None or raw is None:
                results.append(TestResult("skipped", stop or "not run"))
                continue
            result, limits = raw
            test = self._stdio_test(result, case, limits)
            if result.ok and not result.stdout_truncated:
                test = replace(test, answers=(stdio_answer(case.input, result.stdout),))
            cpu, wall = cpu + result.cpu_time, wall + result.wall_time
            over = self.settings.overspent(cpu, wall)
            if over is not None and test.status != "timeout":
                test = TestResult("timeout", over)
            results.append(test)
            timeouts += test.status == "timeout"
            stop = self.settings.stop_reason(cpu, wall, timeouts)
        return sample.outcome(results, compare_seconds=time.perf_counter() - started)

    def _stdio_test(self, result: Result, case: StdioCase, limits: Limits) -> TestResult:
        settings = self.settings
        return stdio_test(
            result, case, limits, mode=settings.compare, ignore_case=settings.ignore_case, tolerance=settings.float_tolerance
        )

    # -- harness ---------------------------------------------------------------------------

    def _run_harness(self, works: Sequence[Work]) -> None:
        # The deadline only catches a harness stuck in one C call: its own CPU is clocked per test, and its waits
        # are for sandbox calls queued behind the whole batch (HumanEval/53 makes 105 calls one after another).
        backstop = self.settings.wall_budget * HARNESS_DEADLINE_FACTOR + 30.0
        cpu = self.settings.limits.cpu_seconds
        tasks = [Task(HarnessJob(w.spec, w.key, cpu), [None], backstop) for w in works]  # type: ignore[arg-type]
        programs = {w.key: call_program(w.code, w.spec) for w in works}  # type: ignore[arg-type]

        def on_request(request: CallRequest) -> Future[Reply]:
            return self._call(request, programs[request.sample])

        def on_result(task_index: int, _: int, outcome: Outcome) -> None:
            self._harness_done(works[task_index], outcome)

        self.harness().run(tasks, on_result=on_result, on_request=on_request)

    def _call(self, request: CallRequest, program: str) -> Future[Reply]:
        sample = self.samples[request.sample]
        reply: Future[Reply] = Future()
        limits = sample.limits()

        def done(future: Future[Result | Infra] | None) -> None:
            if future is None:
                reply.set_result(CallFailed("skipped", sample.stop_reason() or "not run"))
                return
            result = future.result()
            if isinstance(result, Infra):
                sample.fail_infra(result)
                reply.set_result(result)
                return
            over = sample.record(result)
            reply.set_result(CallFailed("timeout", over) if over and result.ok else call_reply(result, limits))

        arguments = (request.name, request.args, request.kwargs, request.want_args)
        self.dispatcher.submit(Call(program, CALL_FUNCTION, arguments, limits), CALL, done, sample.running, sample.spent_wall())
        return reply

    def _harness_done(self, work: Work, outcome: Outcome) -> None:
        sample = self.samples[work.key]
        if not outcome.ok:
            message = f"the trusted test program failed on our side: {outcome.message}"
            self._set(work.key, SampleOutcome(work.format, infra=Infra(outcome.failure or "crash", message)))
            return
        report: HarnessReport = outcome.value
        if report.needs_sandbox is not None:
            self._start_fallback(work, report.needs_sandbox)
            return
        if report.infra is not None:
            self._set(work.key, SampleOutcome(work.format, infra=report.infra, executions=sample.executions))
            return
        results = [TestResult(status, message, counted, answers) for status, message, counted, answers in report.results]
        self._set(work.key, sample.outcome(results, compare_seconds=max(0.0, report.seconds - report.waited)))

    # -- in-sandbox fallback ----------------------------------------------------------------

    def _start_fallback(self, work: Work, why: str) -> None:
        if not self.settings.fallback:
            message = f"a proxy cannot serve these tests ({why}) and the fallback option is off"
            self._set(work.key, SampleOutcome(work.format, infra=Infra("proxy_unsupported", message)))
            return
        sample = self.samples[work.key]
        program: TestProgram = work.spec  # type: ignore[assignment]
        with sample.lock:
            sample.spent = sample.wall = sample.timeouts = 0  # the proxied attempt stopped early: the full budget again
        limits = replace(self.settings.limits, cpu_seconds=self.settings.budget, wall_seconds=self.settings.wall_budget)

        def done(future: Future[Result | Infra] | None) -> None:
            assert future is not None  # fallbacks have no should_run check
            result = future.result()
            if isinstance(result, Infra):
                sample.fail_infra(result)
                self._set(work.key, sample.outcome([]))
                return
            sample.record(result)
            results = _fallback_results(result, program.count, limits)
            self._set(work.key, sample.outcome(results).reduced(why))

        job = Call(fallback_program(work.code, program), FALLBACK_FUNCTION, (), limits)
        self.dispatcher.submit(job, FALLBACK, done)


def _fallback_results(result: Result, count: int, limits: Limits) -> list[TestResult]:
    if not result.ok:
        return [TestResult(result.status, failure_message(result, limits))] * count
    value = result.value if result.returned else None
    if type(value) is not list or len(value) != count:
        return [TestResult("runtime_error", "the in-sandbox test run returned no usable results")] * count
    out = []
    for item in value:
        ok = type(item) is tuple and len(item) == 3 and item[0] in STATUSES and type(item[1]) is str
        out.append(
            TestResult(item[0], item[1][:300], answers=_answers(item[2]))
            if ok
            else TestResult("runtime_error", "malformed test result")
        )
    return out


def _answers(value: object) -> tuple[Answer, ...]:
    """The in-sandbox run's answer digests of one test (untrusted, like the rest of its report; malformed: none)."""
    if type(value) is not list or len(value) > 100_000:
        return ()
    fields = [a for a in value if type(a) is tuple and len(a) == 3 and type(a[0]) is str and type(a[1]) is str]
    return tuple(Answer(a[0][:64], a[1][:64], a[2] is True) for a in fields)
