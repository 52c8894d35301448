"""A batch of groups through the reward model: encode, run, normalise within each group, give verdicts.

Every completion gets a ``partial(score)`` verdict with the raw logit in its
details, or an ``unverifiable`` one saying what failed on our side:
``model_unavailable`` (the model does not load), ``memory`` (it did not fit even
alone), ``model_error`` (the model returned NaN or infinity), ``crash`` (the
chat template failed on that sample). Never a 0 standing in for a failure.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

from grpo_rewards import Group, Verdict

from .encoding import Encoded, encode
from .loading import Loaded, ModelUnavailable, load
from .normalize import clip, normalize
from .options import RewardModelOptions
from .runner import OutOfMemory, run

__all__ = ["score_groups"]


def _encode_all(loaded: Loaded, groups: Sequence[Group], options: RewardModelOptions) -> list[Encoded | Verdict]:
    out: list[Encoded | Verdict] = []
    for sample in (s for g in groups for s in g.samples):
        try:
            out.append(encode(loaded.tokenizer, sample, options.template, options.max_length))
        except ModelUnavailable as exc:
            out.append(Verdict.unverifiable("model_unavailable", str(exc)))
        except Exception as exc:  # noqa: BLE001 - a template that fails on one sample fails that sample only
            out.append(Verdict.unverifiable("crash", f"encoding the sample failed: {type(exc).__name__}: {exc}"))
    return out


def _raw(loaded: Loaded, encoded: list[Encoded | Verdict], options: RewardModelOptions) -> list[float | Verdict]:
    ready = [(i, item) for i, item in enumerate(encoded) if isinstance(item, Encoded)]
    scores, _ = run(loaded, [item for _, item in ready], options.batch_size)
    out: list[float | Verdict] = [item if isinstance(item, Verdict) else math.nan for item in encoded]
    for (i, _), score in zip(ready, scores, strict=True):
        if isinstance(score, OutOfMemory):
            out[i] = Verdict.unverifiable("memory", score.message)
        elif not math.isfinite(score):
            out[i] = Verdict.unverifiable("model_error", f"the reward model returned {score} (check its dtype and weights)")
        else:
            out[i] = score
    return out


def _verdicts(raw: list[float | Verdict], encoded: list[Any], options: RewardModelOptions, loaded: Loaded) -> list[Verdict]:
    scored = [x for x in raw if not isinstance(x, Verdict)]
    normal = iter(normalize(scored, options.normalize))
    out = []
    for value, item in zip(raw, encoded, strict=True):
        if isinstance(value, Verdict):
            out.append(value)
            continue
        score = clip(next(normal), options.clip_min, options.clip_max)
        details: dict[str, Any] = {"raw": value, "model": loaded.name, "tokens": len(item.ids)}
        if item.truncated:
            details["truncated_tokens"] = item.truncated
        details["metrics"] = {"tokens": float(len(item.ids)), "truncated": float(item.truncated > 0)}
        out.append(Verdict.partial(score, f"reward model: {value:+.4g} ({options.normalize})", **details))
    return out


def score_groups(groups: Sequence[Group], options: RewardModelOptions) -> list[list[Verdict]]:
    """One verdict per sample of every group, in order; the whole batch shares forward passes."""
    try:
        loaded = load(options)
    except ModelUnavailable as exc:
        return [[Verdict.unverifiable("model_unavailable", str(exc))] * len(g.samples) for g in groups]
    encoded = _encode_all(loaded, groups, options)
    raw = _raw(loaded, encoded, options)
    out, start = [], 0
    for group in groups:
        end = start + len(group.samples)
        out.append(_verdicts(raw[start:end], encoded[start:end], options, loaded))
        start = end
    return out
