"""The verdicts of one judge request, with the judge's reply and its cost in the details.

=====================================  ================================================
outcome                                verdict
=====================================  ================================================
``VERDICT: CORRECT`` / ``INCORRECT``   ``correct`` (1.0) / ``incorrect`` (0.0)
``SCORE: N``                           ``correct`` for 10, ``incorrect`` for 0, else ``partial(N/10)``
``RANKING: ...`` (n candidates)        ``partial((n - 1 - place) / (n - 1))``: best 1.0, worst 0.0
no valid score in the reply            ``unverifiable(judge_unparseable)``, the reply in ``details.reply``
no reply (down, timeout, 429/5xx)      ``unverifiable(judge_unavailable)``
=====================================  ================================================

``details.metrics`` carries each sample's share of the request's cost
(``tokens_in``, ``tokens_out``, ``requests``) and counters (``cache_hits``,
``truncated``); the TRL bridge logs their sums per step as
``rewards/judge/<key>``, and ``check`` prints them under its summary.
"""

from __future__ import annotations

from typing import Any, cast

from grpo_rewards import Verdict

from .client import Crashed, Malformed, Reply, Unreachable
from .replies import Judged, Unparseable
from .settings import JudgeSettings

__all__ = ["verdicts_for"]

_SHOWN = 2000


def _clip(text: str) -> str:
    return text if len(text) <= _SHOWN else text[:_SHOWN] + f"... [{len(text) - _SHOWN} more characters]"


def _metrics(reply: Any, count: int, cached: bool, truncated: int) -> dict[str, float]:
    tokens = (reply.tokens_in, reply.tokens_out) if isinstance(reply, Reply) else (0, 0)
    attempts = reply.attempts if isinstance(reply, (Reply, Malformed, Unreachable)) else 0
    return {
        "tokens_in": tokens[0] / count,
        "tokens_out": tokens[1] / count,
        "requests": attempts / count,
        "cache_hits": float(cached),
        "truncated": float(truncated > 0),
    }


def _reasoning(reply: str) -> str:
    """The judge's words before its score line, on one line: the verdict's reason."""
    body = reply.rsplit("</think>", 1)[-1].strip().splitlines()[:-1]
    text = " ".join(" ".join(body).split())
    return text if len(text) <= 300 else text[:299] + "…"


def _judgment(settings: JudgeSettings, judged: Judged, labels: tuple[str, ...], member: int) -> Verdict:
    value, line, why = judged.parsed.value, judged.parsed.line, _reasoning(judged.reply)
    kind = settings.template.kind
    if kind == "verdict":
        if value:
            return Verdict.correct(why or "the judge says correct", answer=line)
        return Verdict.incorrect(why or "the judge says incorrect", answer=line)
    if kind == "score":
        score = cast(float, value)
        if score >= 10.0:
            return Verdict.correct(why or "the judge gives 10/10", answer=line)
        if score <= 0.0:
            return Verdict.incorrect(why or "the judge gives 0/10", answer=line)
        return Verdict.partial(score / 10.0, why or f"the judge gives {score:g}/10", answer=line)
    place, count = cast(tuple[str, ...], value).index(labels[member]), len(labels)
    reason = f"ranked {place + 1} of {count}" + (f": {why}" if why else "")
    return Verdict.partial((count - 1 - place) / (count - 1), reason, answer=line)


def _tail(text: str) -> str:
    """The end of a reply, where a score line would be: what ``check`` shows as the judge's answer."""
    text = text.strip()
    return text if len(text) <= 200 else "…" + text[-200:]


def _failure(outcome: Any, reply: Any) -> Verdict:
    if isinstance(outcome, Crashed):
        return Verdict.unverifiable("crash", outcome.message, traceback=outcome.traceback)
    if isinstance(outcome, Unreachable):
        return Verdict.unverifiable("judge_unavailable", outcome.message)
    if isinstance(outcome, Malformed):
        return Verdict.unverifiable("judge_unparseable", outcome.message, answer=_tail(outcome.body), reply=_clip(outcome.body))
    text = reply.text if isinstance(reply, Reply) else ""
    return Verdict.unverifiable("judge_unparseable", str(outcome), answer=_tail(text) or "(empty reply)", reply=_clip(text))


def verdicts_for(settings: JudgeSettings, request: Any, outcome: Any, reply: Any, cached: bool) -> list[Verdict]:
    """One verdict per member of ``request``, from its ``outcome`` (Judged, Unparseable, Malformed or Unreachable)."""
    count = len(request.members)
    labels = request.rendered.labels
    seconds = reply.seconds / count if isinstance(reply, (Reply, Malformed, Unreachable)) else 0.0
    out = []
    for position in range(count):
        truncated = request.rendered.truncated_chars[position]
        if isinstance(outcome, Judged):
            verdict = _judgment(settings, outcome, labels, position).with_details(reply=_clip(outcome.reply))
        elif isinstance(outcome, (Unreachable, Malformed, Unparseable, Crashed)):
            verdict = _failure(outcome, reply)
        else:
            raise TypeError(f"unexpected judge outcome {outcome!r}")
        extra: dict[str, Any] = {"judge": settings.options.model or "(endpoint default)", "template": settings.template.name}
        if cached:
            extra["cached"] = True
        if truncated:
            extra["truncated_chars"] = truncated
        if labels:
            extra["label"] = labels[position]
        extra["metrics"] = _metrics(reply, count, cached, truncated)
        out.append(verdict.with_details(**extra).with_seconds(seconds))
    return out
