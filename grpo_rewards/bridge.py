"""The TRL bridge: reward plugins as ``GRPOTrainer`` reward functions.

::

    funcs, weights = grpo_rewards.reward_funcs(["math", "format:0.2"], {"math": {"mode": "strict"}})
    trainer = GRPOTrainer(..., reward_funcs=funcs, args=GRPOConfig(..., reward_weights=weights))

Each function takes TRL's keyword contract, returns one float or ``None`` per
completion (``None`` for unverifiable: TRL leaves the sample out of that
reward), has ``__name__`` equal to the reward name, and pickles.

With ``asynchronous=True`` the functions are :class:`AsyncRewardFunction`
objects: ``GRPOTrainer._calculate_rewards`` (trl 1.15 and 1.16, and Unsloth's
copy of it) calls synchronous reward functions one after another but awaits
every async one of a step together (``asyncio.gather`` on its event-loop
thread), so a reward that waits (on the worker pool, a sandbox, a judge
endpoint) overlaps the others instead of adding to them.

Rewards are chosen by :mod:`grpo_rewards.selection` and texts read by
:mod:`grpo_rewards.messages`; ``parse_reward_spec``, ``completion_text``,
``prompt_text`` and ``chat_messages`` stay importable from here.
"""

from __future__ import annotations

import asyncio
import collections
import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal, NamedTuple, overload

from .errors import RewardError
from .executors import Executor, executor_name
from .messages import chat_messages, completion_text, prompt_text, to_sample
from .plugins import PluginManager, load_plugins
from .reward import BaseReward, Sample
from .scoring import score_samples
from .selection import Selection, parse_reward_spec, select_rewards
from .summary import verdict_metrics
from .verdict import Verdict

__all__ = [
    "AsyncRewardFunction",
    "BaseRewardFunction",
    "BatchRow",
    "RewardFunction",
    "RewardStats",
    "chat_messages",
    "completion_text",
    "parse_reward_spec",
    "prompt_text",
    "reward_funcs",
    "reward_functions",
]

logger = logging.getLogger("grpo_rewards")

#: Metric names the bridge logs itself; a reward's own ``details["metrics"]`` cannot take them over.
_OWN_METRICS = frozenset({"mean", "std", "seconds", "unverifiable"})

#: Keyword arguments TRL passes that are not dataset columns.
TRL_NON_COLUMNS = frozenset(
    {"prompts", "completions", "completion_ids", "trainer_state", "log_extra", "log_metric", "environments"}
)


@dataclass
class RewardStats:
    """What one call of a reward function saw."""

    count: int = 0
    scored: int = 0
    mean: float | None = None
    seconds: float = 0.0
    unverifiable: collections.Counter[str] = field(default_factory=collections.Counter)
    metrics: dict[str, float] = field(default_factory=dict)


class BatchRow(NamedTuple):
    """One completion of a TRL batch, as TRL gave it: its prompt, the completion, its columns and token ids."""

    prompt: Any
    completion: Any
    row: dict[str, Any]
    completion_ids: Any


class BaseRewardFunction:
    """What every grpo-rewards TRL reward function does around the scoring itself.

    It reads TRL's keyword contract into rows (:meth:`batch`), gets one verdict
    per completion from :meth:`verdicts` (scored in this process, or on the
    executor, by :class:`RewardFunction`; by a service in
    :class:`grpo_rewards.remote.RemoteRewardFunction`), returns their scores
    (``None`` for unverifiable), logs the metrics and verdicts, and raises
    :class:`RewardError` after ``abort_after`` calls in a row in which every
    sample was unverifiable (a broken reward, a sandbox or a service that is
    down must not train on silent zeros); ``None`` disables that check.
    """

    def __init__(self, name: str, *, plugin: str | None = None, weight: float = 1.0, abort_after: int | None = 3) -> None:
        self.plugin = plugin
        self.weight = weight
        self.abort_after = abort_after
        self.__name__ = name
        self.__qualname__ = name
        self._reset()

    def _reset(self) -> None:
        self.last_stats = RewardStats()
        self.failed_calls = 0
        self._traceback_logged = False

    def as_async(self) -> AsyncRewardFunction:
        """This function as an async reward function (see :class:`AsyncRewardFunction`)."""
        return AsyncRewardFunction(self)

    def batch(
        self,
        prompts: Sequence[Any] | None,
        completions: Sequence[Any],
        completion_ids: Sequence[Any] | None,
        columns: Mapping[str, Any],
    ) -> list[BatchRow]:
        """TRL's batch as one :class:`BatchRow` per completion (the columns that hold one value per completion)."""
        n = len(completions)
        if prompts is not None and len(prompts) != n:
            raise RewardError(f"got {len(prompts)} prompts for {n} completions", reward=self.__name__, plugin=self.plugin)
        per_row = {k: v for k, v in columns.items() if isinstance(v, Sequence) and not isinstance(v, str) and len(v) == n}
        return [
            BatchRow(
                prompts[i] if prompts is not None else None,
                completion,
                {k: v[i] for k, v in per_row.items()},
                completion_ids[i] if completion_ids is not None else None,
            )
            for i, completion in enumerate(completions)
        ]

    def verdicts(
        self,
        prompts: Sequence[Any] | None,
        completions: Sequence[Any],
        completion_ids: Sequence[Any] | None,
        columns: Mapping[str, Any],
    ) -> list[Verdict]:
        """One verdict per completion, in order; subclasses say where the scoring happens."""
        raise NotImplementedError

    def __call__(
        self,
        prompts: Sequence[Any] | None = None,
        completions: Sequence[Any] | None = None,
        completion_ids: Sequence[Any] | None = None,
        trainer_state: Any = None,
        **kwargs: Any,
    ) -> list[float | None]:
        if completions is None:
            raise RewardError("called without completions", reward=self.__name__, plugin=self.plugin)
        columns = {k: v for k, v in kwargs.items() if k not in TRL_NON_COLUMNS}
        verdicts = self.verdicts(prompts, completions, completion_ids, columns)
        self._observe(verdicts, kwargs.get("log_metric"))
        self._log_verdicts(verdicts, kwargs.get("log_extra"))
        return [v.score for v in verdicts]

    def _log_verdicts(self, verdicts: list[Verdict], log_extra: Any) -> None:
        """Add ``<name>/verdict`` and ``<name>/reason`` columns to the completions table TRL logs.

        TRL (1.15 and 1.16) passes ``log_extra(column, values)`` to reward
        functions; with ``log_completions=True`` the columns reach the console
        table, ``completions/*.parquet`` and wandb/trackio next to the scores.
        """
        if not callable(log_extra):
            return
        log_extra(f"{self.__name__}/verdict", [v.kind for v in verdicts])
        log_extra(f"{self.__name__}/reason", [verdict_reason(v) for v in verdicts])

    def _observe(self, verdicts: list[Verdict], log_metric: Any) -> None:
        scores = [v.score for v in verdicts if v.score is not None]
        stats = RewardStats(
            count=len(verdicts),
            scored=len(scores),
            mean=sum(scores) / len(scores) if scores else None,
            seconds=sum(v.seconds for v in verdicts),
            unverifiable=collections.Counter(v.reason for v in verdicts if not v.is_judgment),
            metrics=verdict_metrics(verdicts),
        )
        self.last_stats = stats
        self._log_first_traceback(verdicts)
        if callable(log_metric):
            name = self.__name__
            log_metric(f"rewards/{name}/unverifiable", float(sum(stats.unverifiable.values())))
            log_metric(f"rewards/{name}/seconds", stats.seconds)
            for reason, count in stats.unverifiable.items():
                log_metric(f"rewards/{name}/unverifiable/{reason}", float(count))
            for key, value in stats.metrics.items():
                if key not in _OWN_METRICS:
                    log_metric(f"rewards/{name}/{key}", value)
        self._check_all_unverifiable(stats)

    def _log_first_traceback(self, verdicts: list[Verdict]) -> None:
        if self._traceback_logged:
            return
        for verdict in verdicts:
            if verdict.kind == "unverifiable" and verdict.reason in ("crash", "memory"):
                self._traceback_logged = True
                logger.warning(
                    "reward %r (plugin %r) failed on a sample; it is scored None and counted. First failure:\n%s",
                    self.__name__,
                    self.plugin,
                    verdict.details.get("traceback") or verdict.details.get("message"),
                )
                return

    def _check_all_unverifiable(self, stats: RewardStats) -> None:
        if stats.count == 0 or stats.scored:
            self.failed_calls = 0
            return
        self.failed_calls += 1
        reasons = ", ".join(f"{r} x{c}" for r, c in stats.unverifiable.most_common())
        logger.warning("reward %r was unverifiable for every sample of this batch (%s)", self.__name__, reasons)
        if self.abort_after is not None and self.failed_calls >= self.abort_after:
            raise RewardError(
                f"unverifiable for every sample in {self.failed_calls} batches in a row ({reasons}). "
                "Stopping rather than training on no signal: run `grpo-rewards check` on your data to see why.",
                reward=self.__name__,
                plugin=self.plugin,
            )


class RewardFunction(BaseRewardFunction):
    """One reward as a TRL reward function, scored here or on the executor. Build these with :func:`reward_funcs`.

    Args:
        reward: the reward instance (options applied).
        plugin: the plugin that provides it, for error messages.
        weight: the weight :func:`reward_funcs` hands to ``reward_weights``.
        abort_after: see :class:`BaseRewardFunction`.
        executor: where to score: ``"local"``, ``"ray"`` or an executor object
            (see :mod:`grpo_rewards.executors`); ``None`` reads ``$GRPO_REWARDS_EXECUTOR``
            at each call. A pickled copy keeps the executor's name.
    """

    def __init__(
        self,
        reward: BaseReward,
        *,
        plugin: str | None = None,
        weight: float = 1.0,
        abort_after: int | None = 3,
        executor: str | Executor | None = None,
    ) -> None:
        super().__init__(reward.name, plugin=plugin, weight=weight, abort_after=abort_after)
        self.reward = reward
        self.executor = executor if executor is None or isinstance(executor, Executor) else executor_name(executor)

    def __getstate__(self) -> dict[str, Any]:
        executor = None if self.executor is None else executor_name(self.executor)
        return {
            "reward": self.reward,
            "plugin": self.plugin,
            "weight": self.weight,
            "abort_after": self.abort_after,
            "executor": executor,
        }

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(  # type: ignore[misc]
            state["reward"],
            plugin=state["plugin"],
            weight=state["weight"],
            abort_after=state["abort_after"],
            executor=state.get("executor"),
        )

    def __repr__(self) -> str:
        return f"RewardFunction({self.__name__!r}, weight={self.weight})"

    def samples(
        self,
        prompts: Sequence[Any] | None,
        completions: Sequence[Any],
        completion_ids: Sequence[Any] | None,
        columns: Mapping[str, Any],
    ) -> list[Sample]:
        """TRL's batch as :class:`Sample` objects."""
        rows = self.batch(prompts, completions, completion_ids, columns)
        return [
            to_sample(r.prompt, r.completion, row=r.row, completion_ids=r.completion_ids, index=i) for i, r in enumerate(rows)
        ]

    def verdicts(
        self,
        prompts: Sequence[Any] | None,
        completions: Sequence[Any],
        completion_ids: Sequence[Any] | None,
        columns: Mapping[str, Any],
    ) -> list[Verdict]:
        """One verdict per completion, scored by :func:`score_samples` on this function's executor."""
        samples = self.samples(prompts, completions, completion_ids, columns)
        return score_samples(self.reward, samples, plugin=self.plugin, executor=self.executor)


#: Longest reason put in TRL's completions table.
MAX_LOGGED_REASON = 300


def verdict_reason(verdict: Verdict) -> str:
    """A verdict's reason for a log table: with an unverifiable verdict's message, clipped to :data:`MAX_LOGGED_REASON`."""
    text = verdict.reason
    message = verdict.details.get("message")
    if verdict.kind == "unverifiable" and message:
        text = f"{text}: {message}"
    return text if len(text) <= MAX_LOGGED_REASON else text[: MAX_LOGGED_REASON - 1] + "…"


class AsyncRewardFunction:
    """A reward function (local or remote) that TRL awaits: ``await fn(prompts=..., completions=..., **columns)``.

    The call runs the wrapped function in a thread of the running event loop's
    executor, so TRL's ``asyncio.gather`` over a step's async rewards scores them
    at the same time. Scores, ``None`` for unverifiable, the logged metrics and
    the abort-after check are the wrapped function's (``.func``). Rewards that run
    in the core's worker pool still take turns in the pool; what overlaps is an
    inline reward with a pool one, and any waits outside the pool (a sandbox, an
    HTTP judge).
    """

    def __init__(self, func: BaseRewardFunction) -> None:
        self.func = func
        self.__name__ = func.__name__
        self.__qualname__ = func.__name__

    @property
    def weight(self) -> float:
        return self.func.weight

    @property
    def last_stats(self) -> RewardStats:
        return self.func.last_stats

    def __repr__(self) -> str:
        return f"AsyncRewardFunction({self.__name__!r}, weight={self.weight})"

    async def __call__(self, **kwargs: Any) -> list[float | None]:
        return await asyncio.to_thread(self.func, **kwargs)


def reward_functions(
    selection: Selection, *, abort_after: int | None = 3, executor: str | Executor | None = None
) -> tuple[list[RewardFunction], list[float]]:
    """Reward functions and weights for the rewards of a checked :class:`~grpo_rewards.selection.Selection`."""
    selection.raise_for_errors()
    funcs = [
        RewardFunction(s.reward, plugin=s.plugin, weight=s.weight, abort_after=abort_after, executor=executor)
        for s in selection.rewards
    ]
    return funcs, selection.weights


@overload
def reward_funcs(
    rewards: Sequence[str],
    options: Mapping[str, Mapping[str, Any]] | None = ...,
    *,
    manager: PluginManager | None = ...,
    abort_after: int | None = ...,
    executor: str | Executor | None = ...,
    asynchronous: Literal[False] = ...,
) -> tuple[list[RewardFunction], list[float]]: ...


@overload
def reward_funcs(
    rewards: Sequence[str],
    options: Mapping[str, Mapping[str, Any]] | None = ...,
    *,
    manager: PluginManager | None = ...,
    abort_after: int | None = ...,
    executor: str | Executor | None = ...,
    asynchronous: Literal[True],
) -> tuple[list[AsyncRewardFunction], list[float]]: ...


def reward_funcs(
    rewards: Sequence[str],
    options: Mapping[str, Mapping[str, Any]] | None = None,
    *,
    manager: PluginManager | None = None,
    abort_after: int | None = 3,
    executor: str | Executor | None = None,
    asynchronous: bool = False,
) -> tuple[list[RewardFunction], list[float]] | tuple[list[AsyncRewardFunction], list[float]]:
    """Reward functions and weights for ``trl.GRPOTrainer``.

    Args:
        rewards: names with optional weights, e.g. ``["math", "format:0.2"]``.
        options: per-reward options, e.g. ``{"math": {"mode": "strict", "timeout": 5}}``.
        manager: the plugin manager to resolve names in (default: load the installed plugins).
        abort_after: see :class:`RewardFunction`.
        executor: where to score, ``"local"`` or ``"ray"`` (default: ``$GRPO_REWARDS_EXECUTOR``, else local);
            see :mod:`grpo_rewards.executors` and docs/cluster.md.
        asynchronous: return :class:`AsyncRewardFunction` objects, which TRL scores concurrently.

    Raises:
        ConfigError: an unknown reward, a repeated reward, a bad option (every problem, one per line), or an unknown executor.
    """
    manager = manager or load_plugins()
    selection = select_rewards(manager.registry, rewards, options)
    funcs, weights = reward_functions(selection, abort_after=abort_after, executor=executor)
    return ([f.as_async() for f in funcs], weights) if asynchronous else (funcs, weights)
