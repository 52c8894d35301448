"""The ``reward_model`` reward: a Hugging Face sequence-classification reward model."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

from grpo_rewards import BatchReward, Group, Manifest, RewardError, Sample, Verdict

from .options import RewardModelOptions

__all__ = ["RewardModelReward"]


class RewardModelReward(BatchReward):
    """Scores prompt + completion with a reward model (one label), batched, on the CPU or a GPU.

    The verdict is ``partial(score)``: the raw logit, its sigmoid, or its
    z-score within the group (``normalize``), clipped to ``clip_min``/``clip_max``;
    :meth:`output_range` says which range that gives. The model loads once per
    process and stays warm; it is scored inline, in the caller's process (see
    ``docs/reward-model.md`` for why not in the worker pool). A batch that runs
    out of memory is split and retried; what still fails is
    ``unverifiable(memory)``, never 0.
    """

    name = "reward_model"
    description = "A Hugging Face sequence-classification reward model (one label), batched, on the CPU or a GPU"
    manifest = Manifest(
        required_columns=(),
        output_range=(-math.inf, math.inf),
        default_timeout=120.0,
        isolation="inline",
        failure_reasons=("model_unavailable", "model_error"),
    )
    Options = RewardModelOptions
    options: RewardModelOptions

    def output_range(self) -> tuple[float, float]:
        """0..1 for ``sigmoid``, unbounded for ``raw`` and ``zscore``; narrowed by ``clip_min``/``clip_max``."""
        from .normalize import output_range

        return output_range(self.options.normalize, self.options.clip_min, self.options.clip_max)

    def applies_to(self, row: Mapping[str, Any]) -> bool:
        """Only with a model configured, so ``check`` never picks it by default."""
        return bool(self.options.model)

    def score_batch(self, groups: Sequence[Group]) -> list[list[Verdict]]:
        """Every completion of the batch through shared forward passes of ``batch_size``."""
        from .scoring import score_groups

        return score_groups(groups, self.options)

    def preflight(self) -> str:
        """Load the model (it stays warm for training) and score one probe; raise ``RewardError`` if that fails."""
        from .loading import ModelUnavailable, load
        from .scoring import score_groups

        try:
            loaded = load(self.options)
        except ModelUnavailable as exc:
            raise RewardError(str(exc), reward=self.name) from None
        probe = Sample("Hello! How can I help?", prompt="Say hello.")
        (verdict,) = score_groups([Group("preflight", probe.prompt, {}, (probe,))], self.options)[0]
        if not verdict.is_judgment:
            raise RewardError(f"the probe was {verdict.reason}: {verdict.details.get('message', '')}", reward=self.name)
        size = f"{loaded.parameters / 1e6:.1f}M" if loaded.parameters >= 1e5 else f"{loaded.parameters:,}"
        return f"{loaded.name} on {loaded.device} ({loaded.dtype}, {size} parameters, loaded in {loaded.load_seconds:.1f} s)"
