"""Scoring a batch: plan each sample, run the distinct ones once, and turn outcomes into verdicts."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from grpo_rewards import Sample, SandboxUnavailable, Verdict

from .cache import OutcomeCache, cache_key
from .dispatch import Dispatcher
from .engines import ENGINES, Engines
from .extract import extract_code
from .formats import StdioTests, TestsError
from .gateway import Infra, Limits
from .helpers import after_helpers
from .options import WALL_FACTOR, CodeOptions
from .outcome import SampleOutcome, to_verdict
from .rowtests import read_sample_tests, shown_in_prompt
from .runner import Runner, RunSettings, Work
from .testcode import TestProgram

__all__ = ["BatchStats", "CACHE", "Plan", "plan_sample", "score_samples"]

CACHE = OutcomeCache()


@dataclass(frozen=True)
class Plan:
    """A sample ready to run: its code, its tests (stdio cases or a test program), their labels, which the prompt shows."""

    code: str
    spec: StdioTests | TestProgram
    fingerprint: str
    labels: tuple[str, ...]
    visible: tuple[bool, ...] = ()


@dataclass
class BatchStats:
    """What the last batch cost (read by the benchmark)."""

    samples: int = 0
    distinct: int = 0
    cached: int = 0
    executions: int = 0
    exec_seconds: float = 0.0
    compare_seconds: float = 0.0


LAST_STATS = BatchStats()


def _prefix(sample: Sample, options: CodeOptions) -> str:
    if options.prefix_column is None:
        return ""
    value = sample.prompt if options.prefix_column == "prompt" else sample.row.get(options.prefix_column)
    return value if isinstance(value, str) else ""


def plan_sample(sample: Sample, options: CodeOptions) -> Plan | Verdict:
    """What to run for ``sample``, or its verdict when nothing needs running."""
    try:
        spec, fingerprint, labels = read_sample_tests(sample.row, options, sample.prompt)
        visible = shown_in_prompt(sample.row, options, sample.prompt)
        visible = visible if len(visible) == len(labels) else ()
    except TestsError as exc:
        return Verdict.unverifiable(exc.reason, str(exc), data_error=True)  # check: the row's tests are unusable
    code = extract_code(sample.completion, mode=options.extract, language=options.language)
    prefix = _prefix(sample, options)
    if code is None and spec.format == "humaneval" and options.prefix_column is None:
        code, prefix = continuation(sample), ""
    if code is None:
        where = "in the completion" if options.extract == "whole" else f"in a fenced {options.language} block"
        return Verdict.incorrect("no_code", message=f"no code found {where}")
    helpers = "" if isinstance(spec, StdioTests) else spec.helpers
    return Plan(after_helpers(prefix + code, helpers), spec, fingerprint, labels, visible)


def continuation(sample: Sample) -> str | None:
    """HumanEval's own protocol: a completion with no fences that continues the prompt's ``def`` (prompt + completion)."""
    if not sample.completion.strip() or "```" in sample.completion or "~~~" in sample.completion or not sample.prompt.strip():
        return None
    return extract_code(sample.prompt + sample.completion)


def _settings(options: CodeOptions, budget: float) -> RunSettings:
    limits = Limits(cpu_seconds=options.test_timeout, wall_seconds=options.wall_cap, memory_mb=options.memory_mb)
    return RunSettings(
        budget=budget,
        wall_budget=WALL_FACTOR * budget,
        max_timeouts=options.max_timeouts,
        compare=options.compare,
        ignore_case=options.ignore_case,
        float_tolerance=options.float_tolerance,
        fallback=options.fallback,
        limits=limits,
    )


def _run(works: list[Work], options: CodeOptions, budget: float, engines: Engines) -> dict[str, SampleOutcome]:
    try:
        gateway = engines.gateway(options.backend, options.sandbox_workers, options.memory_mb)
    except SandboxUnavailable as exc:
        return {w.key: SampleOutcome(w.format, infra=Infra("sandbox_unavailable", str(exc))) for w in works}
    harness_size = options.harness_workers or 3 * gateway.size
    dispatcher = Dispatcher(gateway, 2 * gateway.size)
    runner = Runner(dispatcher, lambda: engines.harness(harness_size), _settings(options, budget))
    outcomes = runner.run(works)
    return _after_infra(outcomes, engines)


def _after_infra(outcomes: dict[str, SampleOutcome], engines: Engines) -> dict[str, SampleOutcome]:
    """Name a dead engine as such (not as a mere infra error), and drop the pool when the engine is gone.

    A job's own infra error with the engine still answering keeps the pool: the
    sandbox already replaced that container, and a completion must not be able
    to make us restart every container.
    """
    reasons = {o.infra.reason for o in outcomes.values() if o.infra}
    if not reasons & {"infra_error", "sandbox_unavailable"}:
        return outcomes
    down = engines.engine_down()
    if down is None and "sandbox_unavailable" not in reasons:
        return outcomes
    engines.reset_gateway()
    if down is None:
        return outcomes
    unavailable = Infra("sandbox_unavailable", down)
    return {
        key: replace(o, infra=unavailable) if o.infra and o.infra.reason == "infra_error" else o for key, o in outcomes.items()
    }


def _keyed(plans: Sequence[Plan | Verdict], options: CodeOptions, budget: float, image: str) -> list[str | None]:
    settings = {**options.settings(), "budget": budget}
    return [cache_key(p.code, p.fingerprint, settings, image) if isinstance(p, Plan) else None for p in plans]


def score_samples(
    samples: Sequence[Sample], options: CodeOptions, budget: float, engines: Engines | None = None
) -> list[Verdict]:
    """One verdict per sample. Identical (code, tests) pairs run once; judged outcomes are cached."""
    engines = engines or ENGINES
    plans = [_guarded(plan_sample, s, options) for s in samples]
    image = engines.image(options.backend, options.sandbox_workers, options.memory_mb)
    keys = _keyed(plans, options, budget, image)
    cache = CACHE if options.cache_size else OutcomeCache(0)
    found: dict[str, SampleOutcome] = {}
    works: dict[str, Work] = {}
    for plan, key in zip(plans, keys, strict=True):
        if key is None or key in found or key in works:
            continue
        hit = cache.get(key)
        if hit is not None:
            found[key] = hit
        else:
            assert isinstance(plan, Plan)
            works[key] = Work(key, plan.code, plan.spec, plan.spec.format)
    fresh = _run(list(works.values()), options, budget, engines) if works else {}
    for key, outcome in fresh.items():
        cache.put(key, outcome)
    _record_stats(len(samples), len(works), len(found), fresh)
    return [_guarded(_verdict, plan, key, found, fresh, options) for plan, key in zip(plans, keys, strict=True)]


def _guarded(step: Callable[..., Plan | Verdict], *args: Any) -> Any:
    """``step(*args)``; an unexpected error in it is this sample's ``unverifiable(crash)``, never the batch's."""
    try:
        return step(*args)
    except Exception as exc:  # noqa: BLE001 - one sample's failure on our side must not fail the batch
        return Verdict.unverifiable("crash", f"the code reward failed on this sample: {type(exc).__name__}: {exc}"[:500])


def _verdict(
    plan: Plan | Verdict, key: str | None, found: dict[str, SampleOutcome], fresh: dict[str, SampleOutcome], options: CodeOptions
) -> Verdict:
    if isinstance(plan, Verdict):
        return plan
    assert key is not None
    cached = key in found
    outcome = found[key] if cached else fresh[key]
    all_or_nothing = options.credit_for(outcome.format) == "all"
    verdict = to_verdict(
        outcome, code=plan.code, labels=plan.labels, all_or_nothing=all_or_nothing, cached=cached, visible=plan.visible
    )
    return verdict.with_seconds(0.0 if cached else outcome.exec_seconds + outcome.compare_seconds)


def _record_stats(samples: int, distinct: int, cached: int, fresh: dict[str, SampleOutcome]) -> None:
    global LAST_STATS
    LAST_STATS = BatchStats(
        samples=samples,
        distinct=distinct,
        cached=cached,
        executions=sum(o.executions for o in fresh.values()),
        exec_seconds=sum(o.exec_seconds for o in fresh.values()),
        compare_seconds=sum(o.compare_seconds for o in fresh.values()),
    )
