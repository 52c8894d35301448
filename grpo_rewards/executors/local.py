"""The ``local`` executor: score in this process, through the killable worker pool or inline.

This is where a reward's strategy (:mod:`grpo_rewards.strategies`) meets a
runner (:mod:`grpo_rewards.runners`): the strategy cuts the groups into tasks,
the runner runs them, and every outcome becomes a verdict here: a failed
item is ``unverifiable(timeout|crash|memory)`` with the plugin named, a value
of the wrong shape is ``unverifiable(crash)`` saying what came back. The Ray
executor's node actors score their share of a batch with this same class, so
every guarantee of the local pool holds on every node.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from ..errors import PluginError
from ..pool import Outcome, WorkerPool, get_pool
from ..reward import BaseReward, Group
from ..runners import InlineRunner, Runner
from ..strategies import STRATEGIES, Plan, ShapeError, Slot, Strategy, strategy_problem
from ..verdict import Verdict

__all__ = ["LocalExecutor", "OnVerdict", "failure_verdict", "strategy_for"]

#: ``on_verdict(n)``: ``n`` more samples have their verdict (for progress bars).
OnVerdict = Callable[[int], None]


def failure_verdict(failure: str, message: str, plugin: str | None, tb: str | None = None, seconds: float = 0.0) -> Verdict:
    """``unverifiable(failure)`` with ``message``, naming ``plugin`` and carrying the traceback, if any."""
    details: dict[str, Any] = {"plugin": plugin} if plugin else {}
    if tb:
        details["traceback"] = tb
    return Verdict.unverifiable(failure, message, **details).with_seconds(seconds)


def strategy_for(reward: BaseReward, plugin: str | None) -> Strategy:
    """The strategy that scores ``reward``; raises :class:`PluginError` when its unit and isolation do not combine."""
    problem = strategy_problem(type(reward))
    if problem is not None:
        raise PluginError(f"plugin {plugin or 'unknown'!r}: reward {reward.name!r} {problem}")
    return STRATEGIES[(reward.unit, reward.manifest.isolation)]


#: Slack for float rounding when checking a score against the declared output range.
RANGE_SLACK = 1e-9


def _checked(value: Any, reward: BaseReward, plugin: str | None, seconds: float) -> Verdict:
    """The reward's verdict, or ``unverifiable(crash)`` naming the breach: not a Verdict, or a score out of range.

    A score outside the reward's ``output_range()`` (its manifest's, unless its
    options change it) is never clamped: clamping would hide a bug and hand the
    policy a reward nobody declared.
    """
    if not isinstance(value, Verdict):
        message = f"reward {reward.name!r} returned {type(value).__name__}, not a Verdict"
        return failure_verdict("crash", message, plugin, None, seconds)
    lo, hi = reward.output_range()
    if value.score is not None and not lo - RANGE_SLACK <= value.score <= hi + RANGE_SLACK:
        message = (
            f"reward {reward.name!r} returned {value.kind} with score {value.score!r}, outside its declared"
            f" output_range [{lo:g}, {hi:g}]; the score is not used (fix the reward or its declared output_range)"
        )
        failure = failure_verdict("crash", message, plugin, None, seconds)
        return failure.with_details(breach="output_range", rejected_score=value.score, rejected_kind=value.kind)
    return value.with_seconds(value.seconds or seconds)


def _outcome_verdicts(
    outcome: Outcome, plan: Plan, slots: Sequence[Slot], reward: BaseReward, plugin: str | None
) -> list[Verdict]:
    count = len(slots)
    if not outcome.ok:
        return [failure_verdict(outcome.failure or "crash", outcome.message, plugin, outcome.traceback, outcome.seconds)] * count
    try:
        values = plan.unpack(outcome.value, slots)
    except ShapeError as exc:
        return [failure_verdict("crash", f"reward {reward.name!r} {exc}", plugin, None, outcome.seconds)] * count
    share = outcome.seconds / max(1, count)
    return [_checked(value, reward, plugin, share) for value in values]


def run_plan(
    reward: BaseReward, groups: Sequence[Group], plan: Plan, runner: Runner, plugin: str | None, on_verdict: OnVerdict | None
) -> list[list[Verdict]]:
    """Run ``plan`` on ``runner``; one list of verdicts per group, one verdict per sample, in order."""
    results: list[list[Verdict | None]] = [[None] * len(g.samples) for g in groups]

    def collect(task_index: int, item_index: int, outcome: Outcome) -> None:
        slots = plan.slots[task_index][item_index]
        for (gi, si), verdict in zip(slots, _outcome_verdicts(outcome, plan, slots, reward, plugin), strict=True):
            results[gi][si] = verdict
        if on_verdict is not None:
            on_verdict(len(slots))

    runner.run(plan.tasks, on_result=collect)
    missing = failure_verdict("crash", "no verdict produced", plugin)
    return [[v if v is not None else missing for v in group] for group in results]


class LocalExecutor:
    """Scores in this process: process-isolated rewards in ``pool`` (default: the process-wide pool), inline ones here.

    The default executor. ``check``, the TRL bridge and every Ray node actor
    score through it.
    """

    name = "local"

    def __init__(self, pool: WorkerPool | None = None) -> None:
        self.pool = pool

    def start(self) -> str:
        """Nothing to connect to; says where work runs."""
        return "local executor: this machine's worker pool"

    def runner(self, strategy: Strategy, reward: BaseReward) -> Runner:
        """Where ``strategy`` runs here: the caller's process (inline) or the worker pool."""
        if strategy.isolation == "inline":
            return InlineRunner()
        return self.pool or get_pool(reward.manifest.preload)

    def score_groups(
        self, reward: BaseReward, groups: Sequence[Group], *, plugin: str | None = None, on_verdict: OnVerdict | None = None
    ) -> list[list[Verdict]]:
        """One list of verdicts per group, in order. Never raises for a failing sample."""
        strategy = strategy_for(reward, plugin)
        if not groups:
            return []
        runner = self.runner(strategy, reward)
        return run_plan(reward, groups, strategy.plan(reward, groups, runner.size), runner, plugin, on_verdict)

    def preflight(self, reward: BaseReward, *, plugin: str | None = None) -> str | None:
        """The reward's own :meth:`~grpo_rewards.BaseReward.preflight`, here."""
        return reward.preflight()

    def __getstate__(self) -> dict[str, Any]:
        return {}  # a pool does not travel; the copy uses its process's own

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.pool = None
