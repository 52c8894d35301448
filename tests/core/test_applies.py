"""Reward.applies_to(): which rows `check` without --reward gives to a reward."""

from __future__ import annotations

from grpo_rewards import Reward, Verdict, hookimpl
from grpo_rewards.checking import select_for_rows
from grpo_rewards.data import InputRow


class EitherColumn(Reward):
    name = "either_column"

    def score(self, sample, prepared):
        return Verdict.correct()

    def applies_to(self, row):
        return "a" in row or "b" in row


class NeedsA(Reward):
    name = "needs_a"

    def required_columns(self):
        return ("a",)

    def score(self, sample, prepared):
        return Verdict.correct()


class Plugin:
    @hookimpl
    def register_rewards(self, register):
        register(EitherColumn)
        register(NeedsA)


def test_check_gives_each_reward_the_rows_it_applies_to(register_plugin, plugin_manager):
    register_plugin(Plugin())
    rows = [InputRow(1, "", "x", {"a": 1}), InputRow(2, "", "x", {"b": 1}), InputRow(3, "", "x", {"c": 1})]
    positions = {s.name: s.positions for s in select_for_rows(plugin_manager, [], {}, rows)}
    assert positions["either_column"] == [0, 1]
    assert positions["needs_a"] == [0]
