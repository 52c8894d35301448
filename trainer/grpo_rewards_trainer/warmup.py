"""Warm-up, the last check before the model loads: start the reward workers and score a probe batch.

Preflight proves a reward is installed and its options are valid; warm-up proves
it runs. Every reward scores a small probe batch built from the first dataset
row (an empty completion and a short ``<think>…</think>\\boxed{0}`` one), through
the same path training uses. That

* starts the core's worker pool with every reward's heavy imports and hands
  the workers two probe samples each, so their first-call costs (parser
  tables, caches) are paid now and not in step 1;
* stops a reward that crashes on every probe before a model is loaded, with
  the first traceback, instead of after minutes of loading and generation.

The rewards are probed concurrently, as training scores them. A probe scored
``unverifiable`` for another reason (a sandbox timeout, a gold answer that does
not parse) is not a failure here: the data decides that during training. The
probe's verdicts are thrown away; nothing is logged as a training metric.
"""

from __future__ import annotations

import concurrent.futures
import time
from collections.abc import Sequence
from typing import Any

from grpo_rewards import RewardFunction, Verdict, get_pool
from grpo_rewards.bridge import BaseRewardFunction

from .preflight import PreflightReport

__all__ = ["PROBE_COMPLETIONS", "probe_size", "warm_up"]

PROBE_COMPLETIONS = ("", "<think>warm-up</think>\\boxed{0}")
_FAILURES = ("crash", "memory")


def probe_size(isolation: str, cost: str, workers: int) -> int:
    """Probe samples for one reward: two per pool worker for process rewards, two for inline or sandbox ones."""
    if isolation == "process" and cost != "sandbox":
        return 2 * max(1, workers)
    return len(PROBE_COMPLETIONS)


def _start_pool(report: PreflightReport, funcs: Sequence[BaseRewardFunction]) -> int:
    """Start this process's reward workers with every process reward's preloads; 0 when none scores here."""
    here = {f.__name__ for f in funcs if isinstance(f, RewardFunction)}  # the others score in a service
    process = [r for name, r in report.rewards.items() if name in here and r.manifest.isolation == "process"]
    if not process:
        return 0
    return get_pool(tuple(m for r in process for m in r.manifest.preload)).size


def _probe(func: BaseRewardFunction, prompt: Any, row: dict[str, Any], size: int) -> list[Verdict]:
    completions = [PROBE_COMPLETIONS[i % len(PROBE_COMPLETIONS)] for i in range(size)]
    columns = {key: [value] * size for key, value in row.items() if key != "prompt"}
    return func.verdicts([prompt] * size, completions, None, columns)


def _failed(verdict: Verdict) -> bool:
    return not verdict.is_judgment and verdict.reason in _FAILURES


def _first_failure(verdicts: Sequence[Verdict]) -> str:
    for verdict in verdicts:
        if _failed(verdict):
            text = verdict.details.get("traceback") or verdict.details.get("message") or verdict.reason
            return str(text).strip().splitlines()[-1]
    return ""


def warm_up(report: PreflightReport, funcs: Sequence[BaseRewardFunction], prompt: Any, row: dict[str, Any]) -> None:
    """Start the pool and score a probe batch with every reward at once; add one check per reward to ``report``.

    ``prompt`` is the first row's prompt and ``row`` its dataset columns. A reward
    that crashes on every probe sample is an error (call ``report.raise_for_errors()``
    after this); anything else is ``ok``.
    """
    workers = _start_pool(report, funcs)

    def timed_probe(func: BaseRewardFunction) -> tuple[int, float, list[Verdict]]:
        manifest = report.rewards[func.__name__].manifest
        size = probe_size(manifest.isolation, manifest.cost, workers)
        started = time.perf_counter()
        verdicts = _probe(func, prompt, row, size)
        return size, time.perf_counter() - started, verdicts

    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, len(funcs))) as threads:
        probed = list(threads.map(timed_probe, funcs))
    for func, (size, seconds, verdicts) in zip(funcs, probed, strict=True):
        manifest = report.rewards[func.__name__].manifest
        failed = [v for v in verdicts if _failed(v)]
        if len(failed) == len(verdicts):
            report.add(
                "warm-up",
                "error",
                f"reward {func.__name__!r} (plugin {func.plugin}) crashed on every warm-up sample ({_first_failure(verdicts)}). "
                "Fix the plugin, or run `grpo-rewards check` on a few rows to see the whole traceback",
            )
            continue
        where = f"{workers} workers" if manifest.isolation == "process" else manifest.isolation
        if not isinstance(func, RewardFunction):
            where = "in the scoring service"
        report.add("warm-up", "ok", f"{func.__name__}: {size} probe samples scored in {seconds:.2f}s ({where})")
