"""The judge's preflight: one probe request, sent before training loads a model.

The probe is a judgment of a fixed, obvious case with the reward's own
template, so it proves three things at once: the endpoint answers, the model
name is right, and the model follows the reply format closely enough to parse.
"""

from __future__ import annotations

import time

from grpo_rewards import Group, RewardError, Sample

from .client import Crashed, Malformed, Unreachable
from .judging import ask, parse, plan
from .replies import Judged
from .runtime import get_runtime
from .settings import JudgeSettings

__all__ = ["probe_group", "preflight"]


def probe_group(settings: JudgeSettings) -> Group:
    """The probe: 2 + 2 (reference 4, rubric 'states the right sum'), one or two completions."""
    row = {settings.options.reference_column: "4", settings.options.rubric_column: "The response states the correct sum."}
    texts = ["2 + 2 = 4, so the answer is 4.", "2 + 2 = 5."] if settings.ranking else ["2 + 2 = 4, so the answer is 4."]
    samples = tuple(Sample(text, prompt="What is 2 + 2?", row=row, index=i) for i, text in enumerate(texts))
    return Group("preflight", "What is 2 + 2?", row, samples)


def preflight(settings: JudgeSettings, reward: str = "judge") -> str:
    """Send the probe; raise :class:`RewardError` saying what to fix when it gets no parseable reply."""
    (request,) = plan([probe_group(settings)], settings)
    started = time.monotonic()
    (reply,) = ask(settings, [request])
    outcome = parse(settings, request, reply)
    where = f"judge endpoint {settings.options.base_url or '(none)'}"
    if isinstance(outcome, Unreachable):
        raise RewardError(
            f"{where} did not answer the probe: {outcome.message}. Start the server or fix judge.base_url", reward=reward
        )
    if isinstance(outcome, Crashed):
        raise RewardError(f"{where}: the probe failed on our side: {outcome.message}\n{outcome.traceback}", reward=reward)
    if isinstance(outcome, Malformed):
        raise RewardError(
            f"{where} answered the probe with something that is not a chat completion: {outcome.body[:200]!r}", reward=reward
        )
    if not isinstance(outcome, Judged):
        text = getattr(reply, "text", "")
        raise RewardError(
            f"{where}: the judge's reply to the probe has no valid score ({outcome}): {text[-300:]!r}. "
            "Use a model that follows the reply format, or a template_file that asks for it more plainly",
            reward=reward,
        )
    model = settings.options.model or get_runtime().models.get(settings.base_url, "(the endpoint's first model)")
    return f"{where}, model {model}: probe answered in {time.monotonic() - started:.2f} s ({outcome.parsed.line})"
