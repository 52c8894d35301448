"""A pytest plugin for reward plugin authors (loaded automatically where grpo-rewards is installed).

Fixtures:

``plugin_manager``
    a fresh :class:`~grpo_rewards.PluginManager`, loaded (built-ins and installed
    entry points) and installed as the process-wide manager for one test, so
    ``grpo_rewards.reward_funcs`` and the CLI see exactly what the test registers.
``register_plugin``
    ``register_plugin(obj)`` registers a plugin object (a module or a class
    instance with ``@hookimpl`` methods) on that manager for one test only.

Functions:

:func:`check_reward_contract`
    fails on every breach of the contract: a sample that crashes, times out or
    misses a column, a value that is not a :class:`~grpo_rewards.Verdict`, too
    few verdicts, a score outside the manifest's ``output_range``, a reward
    that judges nothing, and the TRL side (keyword call, one float or None per
    completion, standard and chat formats agreeing, ``__name__``, pickling).
:func:`score_verdicts`
    the verdicts a reward gives, scored exactly as ``check`` and TRL score them
    (process-isolated rewards in the real worker pool, with deadlines).
:func:`assert_verdict`
    scores one completion and asserts its kind, score, reason or answer.

Example::

    class MyPlugin:
        @grpo_rewards.hookimpl
        def register_rewards(self, register):
            register(MyReward)

    def test_my_reward(register_plugin):
        register_plugin(MyPlugin())
        check_reward_contract("my_reward", prompts=["2+2?"], completions=["4"], columns={"answer": ["4"]})
        assert_verdict("my_reward", "5", columns={"answer": "4"}, kind="incorrect", reason_contains="differs")
"""

from __future__ import annotations

import math
import pickle
from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from typing import Any

import pytest

from . import plugins as _plugins
from .bridge import RewardFunction, reward_funcs
from .messages import to_sample
from .plugins import PluginManager, load_plugins
from .reward import BaseReward
from .scoring import score_samples
from .summary import FAILURE_REASONS
from .verdict import Verdict

__all__ = ["assert_verdict", "check_reward_contract", "plugin_manager", "register_plugin", "score_verdicts"]


@pytest.fixture
def plugin_manager(monkeypatch: pytest.MonkeyPatch) -> Iterator[PluginManager]:
    """A fresh, loaded plugin manager, process-wide for the duration of one test."""
    manager = PluginManager()
    manager.load(strict=False)
    monkeypatch.setattr(_plugins, "_manager", manager)
    yield manager


@pytest.fixture
def register_plugin(plugin_manager: PluginManager) -> Iterator[Callable[..., str]]:
    """``register_plugin(obj, name=None)`` registers ``obj`` for this test; returns its plugin name."""
    names: list[str] = []

    def register(plugin: Any, name: str | None = None) -> str:
        registered = plugin_manager.register(plugin, name=name)
        names.append(registered)
        return registered

    yield register
    for name in names:
        plugin_manager.unregister(name)


def _resolve(reward: str | BaseReward, options: Mapping[str, Any] | None) -> tuple[BaseReward, str | None]:
    if isinstance(reward, BaseReward):
        assert not options, "pass options when naming the reward, not with a reward instance"
        return reward, None
    registered = load_plugins(strict=False).registry.get(reward)
    return registered.create(options), registered.plugin


def score_verdicts(
    reward: str | BaseReward,
    completions: Sequence[Any],
    *,
    prompts: Sequence[Any] | None = None,
    columns: Mapping[str, Sequence[Any]] | None = None,
    options: Mapping[str, Any] | None = None,
) -> list[Verdict]:
    """One verdict per completion, scored the way ``check`` and the TRL bridge score.

    ``reward`` is a reward name (``NAME`` or ``PLUGIN/NAME``, resolved in the
    process-wide manager, with ``options``) or a reward instance. Completions
    that share a prompt (and the reward's group columns) form a group, so
    ``prepare`` and group rewards see them together. ``columns`` holds one
    value per completion. Process-isolated rewards run in the real worker pool.
    """
    instance, plugin = _resolve(reward, options)
    prompts = list(prompts) if prompts is not None else [""] * len(completions)
    assert len(prompts) == len(completions), f"{len(prompts)} prompts for {len(completions)} completions"
    columns = dict(columns or {})
    for column, values in columns.items():
        assert len(values) == len(completions), f"column {column!r} has {len(values)} values for {len(completions)} completions"
    samples = [
        to_sample(prompt, completion, row={k: v[i] for k, v in columns.items()}, index=i)
        for i, (prompt, completion) in enumerate(zip(prompts, completions, strict=True))
    ]
    return score_samples(instance, samples, plugin=plugin)


def assert_verdict(
    reward: str | BaseReward,
    completion: Any,
    *,
    prompt: Any = "",
    columns: Mapping[str, Any] | None = None,
    options: Mapping[str, Any] | None = None,
    kind: str | None = None,
    score: float | None = None,
    reason: str | None = None,
    reason_contains: str | None = None,
    answer: str | None = None,
) -> Verdict:
    """Score one ``completion`` (with one row of ``columns``) and assert on its verdict; returns it.

    Each of ``kind``, ``score`` (compared to 1e-9), ``reason`` (exact),
    ``reason_contains`` and ``answer`` is checked when given. A failure
    message shows the whole verdict, traceback included.
    """
    row = {k: [v] for k, v in (columns or {}).items()}
    (verdict,) = score_verdicts(reward, [completion], prompts=[prompt], columns=row, options=options)
    shown = _describe(verdict)
    if kind is not None:
        assert verdict.kind == kind, f"expected a {kind} verdict, got {shown}"
    if score is not None:
        assert verdict.score is not None and math.isclose(verdict.score, score, abs_tol=1e-9), (
            f"expected score {score}, got {shown}"
        )
    if reason is not None:
        assert verdict.reason == reason, f"expected reason {reason!r}, got {shown}"
    if reason_contains is not None:
        assert reason_contains in verdict.reason, f"expected a reason containing {reason_contains!r}, got {shown}"
    if answer is not None:
        assert verdict.answer == answer, f"expected answer {answer!r}, got {shown}"
    return verdict


def _describe(verdict: Verdict) -> str:
    text = f"{verdict.kind}({verdict.score!r}) reason={verdict.reason!r} answer={verdict.answer!r}"
    message = verdict.details.get("message")
    trace = verdict.details.get("traceback")
    return text + (f"\n  {message}" if message else "") + (f"\n{trace}" if trace else "")


def _as_chat(texts: Sequence[str], role: str) -> list[list[dict[str, str]]]:
    return [[{"role": role, "content": text}] for text in texts]


def _call(
    func: Callable[..., Any], prompts: Sequence[Any], completions: Sequence[Any], columns: Mapping[str, Sequence[Any]]
) -> Any:  # what the reward returned, checked by _check_output
    return func(prompts=prompts, completions=completions, completion_ids=_ids(completions), trainer_state=None, **columns)


def _ids(completions: Sequence[Any]) -> list[list[int]]:
    """Stand-in token ids (one per character), as TRL passes ``completion_ids``."""
    return [[ord(c) % 256 for c in (c if isinstance(c, str) else c[0]["content"])] for c in completions]


def _check_output(name: str, output: Any, expected: int, fmt: str) -> list[float | None]:
    assert isinstance(output, list), f"reward {name!r} ({fmt}) returned {type(output).__name__}, not a list"
    assert len(output) == expected, f"reward {name!r} ({fmt}) returned {len(output)} values for {expected} completions"
    for value in output:
        assert value is None or type(value) is float, f"reward {name!r} ({fmt}) returned {value!r}: need float or None"
    return output


def _check_columns(func: RewardFunction, columns: Mapping[str, Sequence[Any]]) -> None:
    needed = [c for c in func.reward.required_columns() if c not in columns]
    assert not needed, (
        f"reward {func.reward.name!r} needs column(s) {', '.join(map(repr, needed))}, which the contract check was not"
        " given: pass them in columns={...}, one value per completion (without them every sample is"
        " unverifiable(missing_column) and nothing is tested)"
    )


def _check_verdicts(func: RewardFunction, verdicts: Sequence[Verdict], allow: Collection[str]) -> None:
    name = func.reward.name
    lo, hi = func.reward.output_range()
    for index, verdict in enumerate(verdicts):
        assert isinstance(verdict, Verdict), f"reward {name!r} gave {verdict!r} for completion {index}, not a Verdict"
        if verdict.kind == "unverifiable" and verdict.reason in FAILURE_REASONS and verdict.reason not in allow:
            raise AssertionError(f"reward {name!r} failed on completion {index}: {_describe(verdict)}")
        if verdict.score is not None:
            assert lo <= verdict.score <= hi, f"reward {name!r} scored {verdict.score} outside its output_range [{lo}, {hi}]"
    judged = [v for v in verdicts if v.is_judgment or v.reason in allow]
    assert judged or not verdicts, (
        f"reward {name!r} judged none of {len(verdicts)} completions"
        f" (reasons: {sorted({v.reason for v in verdicts})}); pass allow_unverifiable=... if that is intended"
    )


def check_reward_contract(
    reward: str | RewardFunction,
    *,
    prompts: Sequence[str],
    completions: Sequence[str],
    columns: Mapping[str, Sequence[Any]] | None = None,
    options: Mapping[str, Any] | None = None,
    allow_unverifiable: Collection[str] = (),
) -> list[float | None]:
    """Assert that a reward keeps the whole contract; returns its scores for ``completions``.

    ``reward`` is a reward name (``NAME`` or ``PLUGIN/NAME``, resolved in the
    process-wide manager) or a function from :func:`grpo_rewards.reward_funcs`.

    Verdicts first (scored as ``check`` and TRL score them): every required
    column must be given; no sample may end ``unverifiable`` for a failure on
    the reward's side (``crash``, which also covers a value that is not a
    Verdict, a wrong number of verdicts and a score outside ``output_range``;
    ``timeout``, ``memory``, ``missing_column``, ...) unless its reason is in
    ``allow_unverifiable``; and at least one sample must be judged.

    Then TRL's side: the reward is called with TRL's keywords (plus
    ``completion_ids``, ``trainer_state`` and the dataset ``columns``) in
    standard and conversational format; both must give one float or None per
    completion, agree with each other and with the verdicts. The function must
    keep ``__name__`` equal to the reward name and score the same after a
    pickle round trip.
    """
    columns = dict(columns or {})
    if isinstance(reward, str):
        (func,), _ = reward_funcs([reward], {reward.rpartition("/")[2]: dict(options)} if options else None)
    else:
        func = reward
    name = func.reward.name
    assert func.__name__ == name, f"__name__ is {func.__name__!r}, expected the reward name {name!r}"
    _check_columns(func, columns)
    samples = func.samples(prompts, completions, _ids(completions), columns)
    verdicts = score_samples(func.reward, samples, plugin=func.plugin)
    _check_verdicts(func, verdicts, allow_unverifiable)
    standard = _check_output(name, _call(func, prompts, completions, columns), len(completions), "standard")
    assert standard == [v.score for v in verdicts], f"reward {name!r}: TRL got {standard}, the verdicts say {verdicts}"
    chat = _check_output(
        name,
        _call(func, _as_chat(prompts, "user"), _as_chat(completions, "assistant"), columns),
        len(completions),
        "conversational",
    )
    assert standard == chat, f"reward {name!r} scores standard {standard} but conversational {chat}"
    clone = pickle.loads(pickle.dumps(func))
    assert clone.__name__ == name, "__name__ is lost in pickling"
    again = _check_output(name, _call(clone, prompts, completions, columns), len(completions), "after pickling")
    assert again == standard, f"reward {name!r} scores {standard} before pickling but {again} after"
    return standard
