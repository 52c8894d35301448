"""Small rewards and plugins used by the core tests.

They live in an importable module (tests/support is on pytest's pythonpath) so
the pool's worker processes can unpickle them, just as they would a real
plugin's rewards.
"""

from __future__ import annotations

import os
import time
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

import grpo_rewards
from grpo_rewards import BatchReward, Group, GroupReward, Manifest, Reward, Sample, Verdict


@dataclass(frozen=True)
class EchoOptions:
    column: str = "answer"
    mode: Literal["exact", "casefold"] = "exact"


class Echo(Reward):
    """Correct when the completion equals the gold column."""

    name = "echo"
    description = "1 if the completion equals the gold column"
    manifest = Manifest(required_columns=("answer",), default_timeout=5.0)
    Options = EchoOptions

    def required_columns(self) -> tuple[str, ...]:
        return (self.options.column,)

    def prepare(self, group: Group) -> dict[str, Any]:
        gold = str(group.row[self.options.column])
        return {"gold": gold, "token": f"{os.getpid()}-{uuid.uuid4().hex}"}

    def score(self, sample: Sample, prepared: dict[str, Any]) -> Verdict:
        got, gold = sample.completion.strip(), prepared["gold"]
        if self.options.mode == "casefold":
            got, gold = got.casefold(), gold.casefold()
        if got == gold:
            return Verdict.correct("matches gold", answer=got, prepare_token=prepared["token"])
        return Verdict.incorrect("differs from gold", answer=got, prepare_token=prepared["token"])


class Misbehave(Reward):
    """Hangs, crashes, exits or eats memory when the completion says so; else correct."""

    name = "misbehave"
    description = "misbehaves on command"
    manifest = Manifest(default_timeout=1.0)

    def score(self, sample: Sample, prepared: Any) -> Verdict:
        command = sample.completion.strip()
        if command == "hang":
            while True:
                pass
        if command == "sleep":
            time.sleep(3600)
        if command == "crash":
            raise ValueError("boom on purpose")
        if command == "exit":
            os._exit(7)
        if command == "sysexit":
            raise SystemExit(0)
        if command == "memory":
            _ = bytearray(64 * 1024**3)
        if command == "not-a-verdict":
            return 1.0  # type: ignore[return-value]
        if command == "unverifiable":
            return Verdict.unverifiable("infra_error", "pretend the backend is down")
        return Verdict.correct("behaved", answer=command)


class InlineCrash(Reward):
    """An inline reward that crashes on 'crash'."""

    name = "inline_crash"
    description = "inline reward that crashes on command"
    manifest = Manifest(isolation="inline")

    def score(self, sample: Sample, prepared: Any) -> Verdict:
        if sample.completion == "crash":
            raise RuntimeError("inline boom")
        return Verdict.partial(0.5, "half")


class GroupSizes(GroupReward):
    """Scores a whole group in the pool: each verdict says the group's size and the scoring process.

    A completion "hang" hangs the group; "short" returns one verdict too few.
    """

    name = "group_sizes"
    description = "group-relative test reward"
    manifest = Manifest(default_timeout=1.0)

    def score_group(self, group: Group) -> list[Verdict]:
        completions = [s.completion for s in group.samples]
        if "hang" in completions:
            while True:
                pass
        verdicts = [Verdict.correct(size=len(completions), pid=os.getpid()) for _ in completions]
        return verdicts[1:] if "short" in completions else verdicts


class WholeBatch(BatchReward):
    """Scores the whole batch in one call: each verdict says how many groups that call saw.

    A completion "crash" raises; "short" drops the last group's verdicts.
    """

    name = "whole_batch"
    description = "batch test reward"
    manifest = Manifest(isolation="inline")

    def score_batch(self, groups: Sequence[Group]) -> list[list[Verdict]]:
        completions = [s.completion for g in groups for s in g.samples]
        if "crash" in completions:
            raise RuntimeError("batch boom")
        out = [[Verdict.correct(groups=len(groups), pid=os.getpid()) for _ in g.samples] for g in groups]
        return out[:-1] if "short" in completions else out


class SamplePlugin:
    """Registers Echo and Misbehave."""

    @grpo_rewards.hookimpl
    def register_rewards(self, register: Any) -> None:
        register(Echo)
        register(Misbehave)
        register(InlineCrash)


class ClashingPlugin:
    """Registers a second reward called 'echo'."""

    class OtherEcho(Echo):
        pass

    @grpo_rewards.hookimpl
    def register_rewards(self, register: Any) -> None:
        register(ClashingPlugin.OtherEcho)


class MisspelledPlugin:
    """Implements a hook that does not exist."""

    @grpo_rewards.hookimpl
    def register_reward(self, register: Any) -> None:  # missing the final 's'
        register(Echo)


@dataclass(frozen=True)
class MeetOptions:
    me: str = "left"
    other: str = "right"


class Meet(Reward):
    """Leaves ``<folder>/<me>-<completion>`` and waits for ``<other>-<completion>``: correct when they meet.

    Two of these scored at the same time (``me``/``other`` swapped) meet only if
    the pool runs both rewards at once; scored one after the other, the first
    waits in vain and is incorrect("alone").
    """

    name = "meet"
    manifest = Manifest(required_columns=("folder",), default_timeout=300.0)
    Options = MeetOptions

    def score(self, sample: Sample, prepared: Any) -> Verdict:
        from pathlib import Path

        from pool_jobs import wait_for

        folder, key = Path(sample.row["folder"]), sample.completion
        (folder / f"{self.options.me}-{key}").touch()
        met = wait_for(folder / f"{self.options.other}-{key}", patience=60.0)
        return Verdict.correct("met") if met else Verdict.incorrect("alone")
