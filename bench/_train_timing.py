"""Per-step timing for bench_train.py: what a GRPO step spends in generation, in the reward layer, and the rest.

:func:`instrument` wraps, on one trainer instance, the method that generates
(``_generate``, or ``_generate_single_turn``) and ``_calculate_rewards``, the one
place TRL (and Unsloth's copy of it) runs every reward function of a step, sync
and async alike: its wall time is how long the rewards hold the step up.
:class:`StepRecorder` appends one JSON line per optimizer step as soon as TRL has
logged it (so a run killed halfway keeps every finished step), and stops training
before a step that would end past ``stop_at``.
"""

from __future__ import annotations

import functools
import inspect
import json
import time
from pathlib import Path
from typing import Any

__all__ = ["Clock", "StepRecorder", "instrument", "trainer_facts"]

_LOGGED = ("completions/mean_length", "completions/clipped_ratio", "completions/mean_terminated_length")


class Clock:
    """Wall time of every call to wrapped functions, by label, since the last ``take``."""

    def __init__(self, sync: Any) -> None:
        self.sync = sync
        self.spent: dict[str, float] = {}

    def wrap(self, label: str, fn: Any) -> Any:
        @functools.wraps(fn)
        def timed(*a: Any, **kw: Any) -> Any:
            started = time.perf_counter()
            try:
                return fn(*a, **kw)
            finally:
                self.sync()
                self.spent[label] = self.spent.get(label, 0.0) + time.perf_counter() - started

        return timed

    def take(self) -> dict[str, float]:
        spent, self.spent = self.spent, {}
        return spent


def instrument(trainer: Any, clock: Clock) -> str:
    """Time generation and the reward layer on ``trainer``; returns the name of the generation method timed."""
    trainer._calculate_rewards = clock.wrap("reward", trainer._calculate_rewards)
    for name in ("_generate", "_generate_single_turn"):
        if callable(getattr(trainer, name, None)):
            setattr(trainer, name, clock.wrap("generation", getattr(trainer, name)))
            return name
    raise SystemExit("bench: this trainer has no _generate method to time")


def trainer_facts(trainer: Any) -> dict[str, Any]:
    """Whether this trainer runs the rewards concurrently: TRL saw async functions, and gathers them."""
    try:
        source = inspect.getsource(type(trainer)._calculate_rewards)
    except (OSError, TypeError):
        source = ""
    return {
        "trainer_class": type(trainer).__name__,
        "async_reward_funcs": bool(getattr(trainer, "_has_async_funcs", False)),
        "event_loop": getattr(trainer, "async_loop", None) is not None,
        "calculate_rewards_gathers": "asyncio.gather" in source,
    }


class StepRecorder:
    """A ``TrainerCallback`` (built by :meth:`make`) that appends each step's numbers to ``path``."""

    def __init__(self, path: Path, base: dict[str, Any], clock: Clock, memory: Any, stop_at: float | None) -> None:
        self.path, self.base, self.clock, self.memory, self.stop_at = path, base, clock, memory, stop_at
        self.pending: dict[str, Any] | None = None
        self.started = 0.0
        self.last = 0.0
        self.count = 0
        self.stopped_early = False

    @classmethod
    def make(cls, *args: Any, **kwargs: Any) -> Any:
        from transformers import TrainerCallback

        recorder = cls(*args, **kwargs)

        class Callback(TrainerCallback):
            def on_step_begin(self, args: Any, state: Any, control: Any, **_: Any) -> None:
                recorder.begin()

            def on_step_end(self, args: Any, state: Any, control: Any, **_: Any) -> None:
                recorder.end(state, control)

            def on_log(self, args: Any, state: Any, control: Any, logs: Any = None, **_: Any) -> None:
                recorder.logged(logs or {})

        callback = Callback()
        callback.recorder = recorder  # type: ignore[attr-defined]
        return callback

    def begin(self) -> None:
        self.clock.sync()
        self.clock.take()
        self.started = time.perf_counter()

    def end(self, state: Any, control: Any) -> None:
        self.clock.sync()
        self.last = time.perf_counter() - self.started
        self.count += 1
        self.pending = {"step": self.count, "seconds": self.last, **self.clock.take(), **self.memory()}
        if self.stop_at is not None and time.time() + 1.3 * self.last > self.stop_at:
            control.should_training_stop = True
            self.stopped_early = True

    def logged(self, logs: dict[str, Any]) -> None:
        if self.pending is None:
            return
        record = {**self.base, **self.pending, **{k: logs[k] for k in _LOGGED if k in logs}}
        with self.path.open("a", encoding="utf-8") as f:
            f.write(json.dumps(record) + "\n")
        self.pending = None
