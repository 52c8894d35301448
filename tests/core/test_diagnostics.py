"""GRPO diagnostics agree with what TRL's GRPOTrainer computes from the same rewards and weights."""

from __future__ import annotations

import json
import math
import random

import pytest
from click.testing import CliRunner

from grpo_rewards import Verdict
from grpo_rewards.cli import build_cli
from grpo_rewards.diagnostics import EPSILON, diagnose


def _trl_reference(rewards: list[list[float | None]], weights: list[float], group: int):
    """GRPOTrainer._generate_and_score_completions' arithmetic (sum_then_normalize, scale_rewards=group), in torch."""
    torch = pytest.importorskip("torch")
    nanstd = pytest.importorskip("trl.trainer.utils").nanstd
    per_func = torch.tensor([[math.nan if v is None else v for v in row] for row in rewards], dtype=torch.float64)
    unscorable = torch.isnan(per_func).all(dim=1)
    total = (per_func * torch.tensor(weights, dtype=torch.float64).unsqueeze(0)).nansum(dim=1)
    total[unscorable] = torch.nan
    mean = torch.nanmean(total.view(-1, group), dim=1).repeat_interleave(group)
    std = nanstd(total.view(-1, group), dim=1).repeat_interleave(group)
    advantages = torch.nan_to_num((total - mean) / (std + EPSILON), nan=0.0)
    zero = torch.isclose(std, torch.zeros_like(std))
    return total.tolist(), advantages.tolist(), zero.float().mean().item()


def _verdict(score: float | None) -> Verdict:
    return Verdict.unverifiable("timeout") if score is None else Verdict.partial(score)


def test_totals_advantages_and_zero_variance_match_trl():
    rng = random.Random(7)
    group, prompts = 4, 6
    rows = []
    for p in range(prompts):
        constant = p % 3 == 0  # every third prompt: the same score for each completion
        for _ in range(group):
            a = 1.0 if constant else rng.choice([0.0, 1.0, None])
            b = 0.5 if constant else rng.choice([0.0, 0.25, 1.0])
            rows.append((f"prompt {p}", [a, b]))
    rows[5] = (rows[5][0], [None, None])  # one completion no reward could score
    weights = [1.0, 0.2]
    verdicts = {name: {i: _verdict(r[1][k]) for i, r in enumerate(rows)} for k, name in enumerate(("a", "b"))}
    diag = diagnose([r[0] for r in rows], verdicts, {"a": 1.0, "b": 0.2})

    totals, advantages, frac = _trl_reference([r[1] for r in rows], weights, group)
    for ours, theirs in zip(diag.totals, totals, strict=True):
        assert (ours is None and math.isnan(theirs)) or ours == pytest.approx(theirs)
    ours_adv = diag.advantage_of()
    assert [ours_adv[i] for i in range(len(rows))] == pytest.approx(advantages)
    assert diag.frac_zero_std == pytest.approx(frac)
    assert diag.frac_zero_std == pytest.approx(2 / 6)


def test_correlations_and_per_reward_zero_variance():
    prompts = ["p"] * 4 + ["q"] * 4
    a = [1.0, 0.0, 1.0, 0.0, 1.0, 1.0, 1.0, 1.0]
    verdicts = {
        "a": {i: _verdict(v) for i, v in enumerate(a)},
        "same": {i: _verdict(v * 2) for i, v in enumerate(a)},
        "opposite": {i: _verdict(1 - v) for i, v in enumerate(a)},
    }
    diag = diagnose(prompts, verdicts, {})
    assert diag.correlations[("a", "same")][0] == pytest.approx(1.0)
    assert diag.correlations[("a", "opposite")][0] == pytest.approx(-1.0)
    assert diag.zero_std_by_reward()["a"] == (1, 2)
    assert [g.prompt for g in diag.zero_std_groups] == ["q"]  # the total 2a + 1 varies in p, not in q
    assert diag.singletons == 0


def test_check_reports_groups_zero_variance_and_totals(tmp_path):
    rows = []
    for prompt, completions in (("solved", ["4", "4", "4"]), ("mixed", ["4", "5", "6"]), ("alone", ["4"])):
        rows += [
            {"prompt": prompt, "completion": f"<think>working it out</think> \\boxed{{{c}}}", "answer": "4"} for c in completions
        ]
    data = tmp_path / "rows.jsonl"
    data.write_text("".join(json.dumps(r) + "\n" for r in rows))
    result = CliRunner().invoke(build_cli(), ["check", str(data), "-r", "math", "-r", "format:0.5", "--format", "json"])
    summary = json.loads(result.stdout)
    diag = summary["diagnostics"]
    assert diag["groups"] == 2 and diag["singletons"] == 1
    assert diag["frac_reward_zero_std"] == pytest.approx(0.5)
    assert [g["lines"] for g in diag["zero_std_groups"]] == [[1, 2, 3]]
    assert diag["zero_std_groups"][0]["totals"] == [1.5, 1.5, 1.5]
    assert diag["weights"] == {"math": 1.0, "format": 0.5}
    table = CliRunner().invoke(build_cli(), ["check", str(data), "-r", "math", "-r", "format:0.5"], env={"COLUMNS": "160"})
    text = " ".join(table.stdout.split())
    assert "1 of 2 groups (50%) have the same total for every completion and give no gradient" in text
    assert "format x0.5" in text and "total" in text
