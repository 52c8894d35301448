"""grpo-rewards as a verl reward function: ``custom_reward_function.path`` = this file, ``name`` = one below.

``grpo-rewards integrations verl`` prints this file's path. In verl's config::

    reward:
      custom_reward_function:
        path: /path/printed/by/grpo-rewards/integrations/verl.py
        name: compute_score          # or compute_score_async (reward loop), compute_score_batch (batch manager)
        reward_kwargs:
          rewards: ["math", "format:0.2"]        # or {DATA_SOURCE: [specs], ...}
          options: {math: {mode: strict}}
          # service: unix:/tmp/grpo.sock           # score through `grpo-rewards serve` instead

Three functions with verl's signatures:

* :func:`compute_score` ``(data_source, solution_str, ground_truth, extra_info, **reward_kwargs)``: one sample;
* :func:`compute_score_async`: the same, awaited by verl's reward loop; calls that
  arrive together are scored as one batch;
* :func:`compute_score_batch` ``(data_sources, solution_strs, ground_truths, extra_infos, **reward_kwargs)``
  for verl's ``batch`` reward manager (group rewards such as ``length`` need it).

**Which rewards** score a sample, first match wins: ``extra_info["grpo_rewards"]``
(a list of specs, or ``"math,format:0.2"``); ``rewards`` from ``reward_kwargs``
(a list, or a mapping from ``data_source`` to a list); the ``data_source`` itself
when it names an installed reward (``"math"``). **The row** a reward sees is
``extra_info``'s entries, plus ``ground_truth``: its entries when it is a
mapping (``{"tests": [...]}`` for ``code``), else the column
``ground_truth_column`` (default ``answer``, the ``math`` reward's gold).
``extra_info["prompt"]``, when present, is the prompt (samples of one prompt
form a group).

**What comes back** is verl's dict form, with the same keys for every sample
of a selection (verl stacks them into arrays):

==========================  ================================================================
``score``                   the weighted sum of the rewards that judged the sample
``unverifiable``            True when at least one reward could not judge it
``unverifiable_reasons``    ``"math:timeout,code:sandbox_unavailable"`` ("" when none)
``NAME/score``              that reward's score; ``None`` when it was unverifiable
``NAME/verdict``            ``correct``, ``incorrect``, ``partial`` or ``unverifiable``
``NAME/reason``             why
==========================  ================================================================

verl has no ``None`` for a reward: its reward tensor needs a number for every
sample. An unverifiable reward adds **nothing** to ``score`` (not 0 times its
weight; nothing, as TRL's ``nansum`` over reward functions does with ``None``),
so the sample is scored by the rewards that did judge it, and by none (0.0) when
no reward did. That number must not be mistaken for a judgment: the flag
``unverifiable`` says it is not one. Filter on it (drop flagged samples from
the loss or the batch), and watch its mean. A reward unverifiable for
``abort_after_samples`` samples in a row (default 256; 0: never) raises
:class:`~grpo_rewards.RewardError`, as the TRL bridge does, instead of
training on no signal. See ``docs/verl.md``.

verl loads this file by path, outside any package: it imports only by absolute names.
"""

from __future__ import annotations

import asyncio
import collections
import threading
from collections.abc import Mapping, Sequence
from typing import Any

from grpo_rewards.errors import ConfigError, RewardError
from grpo_rewards.integrations.rows import Coalescer, RowScorer, Verdicts, scorer_for
from grpo_rewards.registry import RewardRegistry

__all__ = ["EXTRA_INFO_KEY", "compute_score", "compute_score_async", "compute_score_batch", "result_dict"]

#: The ``extra_info`` key that names a sample's rewards.
EXTRA_INFO_KEY = "grpo_rewards"
#: Keyword arguments verl itself may add to a reward function's call; accepted and not used.
_VERL_KWARGS = frozenset(
    {"reward_router_address", "reward_model_tokenizer", "sandbox_fusion_url", "concurrent_semaphore", "memory_limit_mb"}
)


# ----------------------------------------------------------------------------- which rewards


def _specs_value(value: Any, where: str) -> list[str]:
    if isinstance(value, str):
        return [s.strip() for s in value.split(",") if s.strip()]
    if isinstance(value, Sequence) and all(isinstance(s, str) for s in value):
        return list(value)
    raise ConfigError(f"{where}: expected reward specs (a list like ['math', 'format:0.2']), got {value!r}")


def _installed() -> RewardRegistry:
    from grpo_rewards.plugins import load_plugins

    return load_plugins().registry


def _specs(data_source: Any, extra_info: Mapping[str, Any] | None, rewards: Any) -> list[str]:
    if extra_info and extra_info.get(EXTRA_INFO_KEY) is not None:
        return _specs_value(extra_info[EXTRA_INFO_KEY], f"extra_info[{EXTRA_INFO_KEY!r}]")
    if isinstance(rewards, Mapping):
        if data_source in rewards:
            return _specs_value(rewards[data_source], f"rewards[{data_source!r}]")
    elif rewards is not None:
        return _specs_value(rewards, "reward_kwargs.rewards")
    if isinstance(data_source, str) and data_source in _installed():
        return [data_source]
    raise ConfigError(
        f"no rewards for data_source {data_source!r}: set reward_kwargs.rewards (a list, or a mapping from data_source "
        f"to a list), or extra_info[{EXTRA_INFO_KEY!r}] for the sample"
    )


def _universe(rewards: Any, specs: Sequence[str]) -> list[str]:
    """Reward names whose keys every result of this configuration carries (verl needs the same keys per batch)."""
    names = [s.partition(":")[0].strip() for s in specs]
    if isinstance(rewards, Mapping):
        for value in rewards.values():
            names += [s.partition(":")[0].strip() for s in _specs_value(value, "reward_kwargs.rewards")]
    return list(dict.fromkeys(names))


# ----------------------------------------------------------------------------- rows and results


def _row(solution_str: str, ground_truth: Any, extra_info: Mapping[str, Any] | None, ground_truth_column: str) -> dict[str, Any]:
    row = {k: v for k, v in (extra_info or {}).items() if k != EXTRA_INFO_KEY}
    if isinstance(ground_truth, Mapping):
        row.update(ground_truth)
    else:
        row[ground_truth_column] = ground_truth
    row["completion"] = solution_str
    row["prompt"] = row.get("prompt") or ""
    return row


def result_dict(verdicts: Verdicts, weights: Mapping[str, float], universe: Sequence[str]) -> dict[str, Any]:
    """verl's dict for one sample: see the module docstring for every key."""
    judged = [name for name, v in verdicts.items() if v.score is not None]
    lost = [f"{name}:{v.reason}" for name, v in verdicts.items() if v.score is None]
    out: dict[str, Any] = {
        "score": float(sum(weights[name] * (verdicts[name].score or 0.0) for name in judged)),
        "unverifiable": bool(lost),
        "unverifiable_reasons": ",".join(lost),
    }
    for name in universe:
        verdict = verdicts.get(name)
        out[f"{name}/score"] = None if verdict is None else verdict.score
        out[f"{name}/verdict"] = "not_selected" if verdict is None else verdict.kind
        out[f"{name}/reason"] = "" if verdict is None else verdict.reason
    return out


class _Streaks:
    """Consecutive unverifiable samples per reward, in this process."""

    def __init__(self) -> None:
        self.counts: collections.Counter[str] = collections.Counter()
        self.reasons: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
        self.lock = threading.Lock()

    def observe(self, verdicts: Verdicts, limit: int) -> None:
        with self.lock:
            for name, verdict in verdicts.items():
                if verdict.is_judgment:
                    self.counts[name] = 0
                    self.reasons[name].clear()
                    continue
                self.counts[name] += 1
                self.reasons[name][verdict.reason] += 1
                if limit and self.counts[name] >= limit:
                    reasons = ", ".join(f"{r} x{c}" for r, c in self.reasons[name].most_common())
                    self.counts[name] = 0
                    raise RewardError(
                        f"unverifiable for {limit} samples in a row ({reasons}). Stopping rather than training on no "
                        "signal: run `grpo-rewards check` on your data to see why",
                        reward=name,
                    )


_streaks = _Streaks()


def _check_unused(kwargs: Mapping[str, Any]) -> None:
    unknown = set(kwargs) - _VERL_KWARGS
    if unknown:
        raise ConfigError(
            f"unknown reward_kwargs {sorted(unknown)}: the grpo-rewards verl adapter takes rewards, options, service, "
            "ground_truth_column and abort_after_samples"
        )


def _prepare(
    data_source: Any, solution_str: str, ground_truth: Any, extra_info: Mapping[str, Any] | None, config: _Config
) -> tuple[RowScorer, dict[str, Any], list[str]]:
    specs = _specs(data_source, extra_info, config.rewards)
    scorer = scorer_for(specs, config.options, config.service)
    return scorer, _row(solution_str, ground_truth, extra_info, config.ground_truth_column), _universe(config.rewards, specs)


class _Config:
    """``reward_kwargs``, checked."""

    def __init__(
        self,
        rewards: Any = None,
        options: Mapping[str, Mapping[str, Any]] | None = None,
        service: str | None = None,
        ground_truth_column: str = "answer",
        abort_after_samples: int = 256,
        **verl: Any,
    ) -> None:
        _check_unused(verl)
        self.rewards, self.options, self.service = rewards, options, service
        self.ground_truth_column, self.abort_after_samples = ground_truth_column, int(abort_after_samples)

    def finish(self, scorer: RowScorer, verdicts: Verdicts, universe: Sequence[str]) -> dict[str, Any]:
        _streaks.observe(verdicts, self.abort_after_samples)
        return result_dict(verdicts, scorer.weights, universe)


# ----------------------------------------------------------------------------- verl's three signatures


def compute_score(
    data_source: Any, solution_str: str, ground_truth: Any, extra_info: Mapping[str, Any] | None = None, **reward_kwargs: Any
) -> dict[str, Any]:
    """Score one sample (verl's ``naive`` reward manager and reward loop). See the module docstring."""
    config = _Config(**reward_kwargs)
    scorer, row, universe = _prepare(data_source, solution_str, ground_truth, extra_info, config)
    return config.finish(scorer, scorer.score([row])[0], universe)


_coalescers: dict[tuple[int, int], Coalescer] = {}


async def compute_score_async(
    data_source: Any, solution_str: str, ground_truth: Any, extra_info: Mapping[str, Any] | None = None, **reward_kwargs: Any
) -> dict[str, Any]:
    """:func:`compute_score` for verl's async reward loop; concurrent calls are scored together, off the event loop."""
    config = _Config(**reward_kwargs)
    scorer, row, universe = _prepare(data_source, solution_str, ground_truth, extra_info, config)
    key = (id(asyncio.get_running_loop()), id(scorer))
    coalescer = _coalescers.get(key) or _coalescers.setdefault(key, Coalescer(scorer))
    return config.finish(scorer, await coalescer.score(row), universe)


def compute_score_batch(
    data_sources: Sequence[Any],
    solution_strs: Sequence[str],
    ground_truths: Sequence[Any],
    extra_infos: Sequence[Mapping[str, Any] | None],
    **reward_kwargs: Any,
) -> list[dict[str, Any]]:
    """Score a whole batch (verl's ``batch`` reward manager): one dict per sample, in order."""
    config = _Config(**reward_kwargs)
    prepared = [_prepare(*args, config) for args in zip(data_sources, solution_strs, ground_truths, extra_infos, strict=True)]
    by_scorer: dict[int, list[int]] = {}
    for index, (scorer, _, _) in enumerate(prepared):
        by_scorer.setdefault(id(scorer), []).append(index)
    verdicts: list[Verdicts | None] = [None] * len(prepared)
    for indexes in by_scorer.values():
        scorer = prepared[indexes[0]][0]
        for index, scored in zip(indexes, scorer.score([prepared[i][1] for i in indexes]), strict=True):
            verdicts[index] = scored
    return [config.finish(p[0], v or {}, p[2]) for p, v in zip(prepared, verdicts, strict=True)]
