"""Fixtures of the reward model's tests: tiny sequence-classification models built locally, with tokenizers trained on the fly."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("transformers")

from grpo_rewards_reward_model import RewardModelOptions, RewardModelReward  # noqa: E402
from grpo_rewards_reward_model.loading import forget_models  # noqa: E402
from grpo_rewards_reward_model.toy import build_toy_reward_model  # noqa: E402

from grpo_rewards import Sample, Verdict, score_samples  # noqa: E402


@pytest.fixture(autouse=True)
def _cold_models() -> Iterator[None]:
    """Every test loads its own copy, so hooks a test puts on a model never leak into another."""
    forget_models()
    yield
    forget_models()


@pytest.fixture(scope="session")
def tiny_rm(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A 2-layer Qwen2 reward model (one label) with a ChatML template."""
    return build_toy_reward_model(tmp_path_factory.mktemp("rm") / "tiny")


@pytest.fixture(scope="session")
def plain_rm(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The same shape without a chat template."""
    return build_toy_reward_model(tmp_path_factory.mktemp("rm") / "plain", chat=False, seed=1)


@pytest.fixture
def make_rm(tiny_rm: Path) -> Callable[..., RewardModelReward]:
    """``make_rm(**options)``: the reward on the tiny model (``model=`` overrides it)."""

    def make(**options: Any) -> RewardModelReward:
        options.setdefault("model", str(tiny_rm))
        return RewardModelReward(RewardModelOptions(**options))

    return make


def _samples(pairs: list[tuple[str, str]]) -> list[Sample]:
    return [Sample(completion=c, prompt=p, index=i) for i, (p, c) in enumerate(pairs)]


@pytest.fixture
def score() -> Callable[..., list[Verdict]]:
    """``score(reward, [(prompt, completion), ...])``: verdicts through the core's scoring."""

    def run(reward: RewardModelReward, pairs: list[tuple[str, str]]) -> list[Verdict]:
        return score_samples(reward, _samples(pairs), plugin="reward_model")

    return run


@pytest.fixture
def loaded_model() -> Callable[[RewardModelReward], Any]:
    """``loaded_model(reward)``: the warm torch model the reward scores with (loading it if needed)."""
    from grpo_rewards_reward_model.loading import load

    return lambda reward: load(reward.options).model


@pytest.fixture
def pairs() -> list[tuple[str, str]]:
    """Five (prompt, completion) pairs in two groups (two prompts)."""
    return list(_PAIRS)


_PAIRS = [
    ("What is 2 + 3?", "The answer is 5."),
    ("What is 2 + 3?", "It is 6, I think."),
    ("What is 2 + 3?", "5"),
    ("Name the capital of France.", "Paris is the capital of France."),
    ("Name the capital of France.", "Lyon."),
]
