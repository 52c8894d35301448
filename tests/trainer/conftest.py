"""Fixtures for the trainer tests: a toy model built locally, a small dataset, rewards defined here.

The rewards here are ``inline`` (scored in the test process), so the core's
worker pool never has to import this module; the real ``math`` and ``format``
rewards run in the pool as they do in training.
"""

from __future__ import annotations

import json
import threading
from pathlib import Path
from typing import Any

import pytest

from grpo_rewards import Manifest, Reward, Sample, SandboxUnavailable, Verdict, hookimpl

CORPUS = [f"{a}+{b}=<think>{a} plus {b} makes {a + b}</think>\\boxed{{{a + b}}}" for a in range(40) for b in range(12)]


class AlwaysUnverifiable(Reward):
    """Never judges: what a reward looks like when its backend is down."""

    name = "never_judges"
    description = "unverifiable for every sample"
    manifest = Manifest(isolation="inline")

    def score(self, sample: Sample, prepared: Any) -> Verdict:
        return Verdict.unverifiable("backend_down", "pretend the verifier is unreachable")


class SandboxDown(Reward):
    """A sandbox reward whose preflight finds no engine."""

    name = "sandboxed"
    description = "needs a sandbox that is not running"
    manifest = Manifest(cost="sandbox", isolation="inline")

    def preflight(self) -> None:
        raise SandboxUnavailable("cannot reach the Docker engine at unix:///var/run/docker.sock: start Docker (dockerd)")

    def score(self, sample: Sample, prepared: Any) -> Verdict:
        return Verdict.correct()


class SandboxNoCheck(SandboxDown):
    """A sandbox reward that offers no preflight() check."""

    name = "sandboxed_unchecked"
    preflight = Reward.preflight


class AlwaysCrashes(Reward):
    """Raises on every sample: a broken plugin."""

    name = "always_crashes"
    description = "raises KeyError on every sample"
    manifest = Manifest(isolation="inline")

    def score(self, sample: Sample, prepared: Any) -> Verdict:
        raise KeyError("solution")


class Rendezvous(Reward):
    """Correct only when another reward of the same step reaches :attr:`barrier` while this one waits there.

    Two rewards that run one after another never meet: the first waits out the
    barrier's timeout, which breaks it, and every sample is scored a crash (None).
    """

    name = "meet_a"
    description = "meets meet_b at a barrier"
    manifest = Manifest(isolation="inline")
    barrier = threading.Barrier(2, timeout=60)

    def score(self, sample: Sample, prepared: Any) -> Verdict:
        self.barrier.wait()
        return Verdict.correct("met")


class RendezvousB(Rendezvous):
    name = "meet_b"
    description = "meets meet_a at a barrier"


class TestRewards:
    @hookimpl
    def register_rewards(self, register: Any) -> None:
        for cls in (AlwaysUnverifiable, AlwaysCrashes, SandboxDown, SandboxNoCheck, Rendezvous, RendezvousB):
            register(cls)


@pytest.fixture
def test_rewards(register_plugin: Any) -> str:
    return register_plugin(TestRewards(), name="trainer-test-rewards")


@pytest.fixture(scope="session")
def toy_model(tmp_path_factory: pytest.TempPathFactory) -> Path:
    pytest.importorskip("transformers")
    from grpo_rewards_trainer.toy import build_toy_model

    return build_toy_model(tmp_path_factory.mktemp("toy") / "model", CORPUS, hidden_size=32, layers=1, heads=2, vocab_size=300)


@pytest.fixture
def write_rows(tmp_path: Path) -> Any:
    """``write_rows(name, rows)`` writes JSONL rows to ``tmp_path / name`` and returns the path."""

    def write(name: str, rows: list[dict[str, Any]]) -> Path:
        path = tmp_path / name
        path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
        return path

    return write


@pytest.fixture
def dataset(write_rows: Any) -> Path:
    """Eight addition questions, the prompt in ``question``, the gold in ``answer``."""
    return write_rows("data.jsonl", [{"question": f"{a}+3=", "answer": str(a + 3)} for a in range(8)])


@pytest.fixture
def cpu_config(toy_model: Path, dataset: Path, tmp_path: Path) -> Any:
    """``cpu_config(**changes)``: a TrainConfig for real GRPO steps on the CPU (trl backend, math + format)."""
    from grpo_rewards_trainer import TrainConfig

    def make(**changes: Any) -> TrainConfig:
        base: dict[str, Any] = dict(
            model=str(toy_model),
            backend="trl",
            dataset=str(dataset),
            prompt_column="question",
            chat_template="off",
            rewards=["math", "format:0.2"],
            num_generations=4,
            per_device_train_batch_size=4,
            max_completion_length=12,
            max_steps=2,
            learning_rate=1e-3,
            lora_r=4,
            lora_alpha=8,
            target_modules=["q_proj", "v_proj"],
            seed=0,
            output_dir=str(tmp_path / "out"),
        )
        return TrainConfig(**{**base, **changes})

    return make
