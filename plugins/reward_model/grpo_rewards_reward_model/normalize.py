"""From the model's raw scores to rewards: raw, sigmoid or z-score within the group, then the clip range.

=========  ==========================================  =========================
normalize  score                                       output range (unclipped)
=========  ==========================================  =========================
raw        the model's logit                           any real number
sigmoid    ``1 / (1 + exp(-logit))``                   0 to 1
zscore     ``(logit - group mean) / group std``        any real number; 0 for a
                                                       group of one or a group
                                                       whose logits are all equal
=========  ==========================================  =========================

``clip_min`` / ``clip_max`` then bound the score, and
:func:`output_range` is what the reward's ``output_range()`` reports.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from .options import Normalize

__all__ = ["clip", "normalize", "output_range"]


def _sigmoid(x: float) -> float:
    if x >= 0:
        return 1.0 / (1.0 + math.exp(-x))
    z = math.exp(x)
    return z / (1.0 + z)


def normalize(raw: Sequence[float], how: Normalize) -> list[float]:
    """The scores of one group's raw logits (z-scores use the group's population std)."""
    if how == "sigmoid":
        return [_sigmoid(x) for x in raw]
    if how == "zscore":
        if len(raw) < 2:
            return [0.0] * len(raw)
        mean = sum(raw) / len(raw)
        std = math.sqrt(sum((x - mean) ** 2 for x in raw) / len(raw))
        return [(x - mean) / std if std > 0 else 0.0 for x in raw]
    return list(raw)


def clip(score: float, low: float | None, high: float | None) -> float:
    """``score`` within ``[low, high]`` (either bound may be None)."""
    if low is not None:
        score = max(low, score)
    if high is not None:
        score = min(high, score)
    return score


def output_range(how: Normalize, low: float | None, high: float | None) -> tuple[float, float]:
    """The lowest and highest score ``how`` with that clip range can give."""
    lo, hi = (0.0, 1.0) if how == "sigmoid" else (-math.inf, math.inf)
    return (max(lo, low) if low is not None else lo, min(hi, high) if high is not None else hi)
