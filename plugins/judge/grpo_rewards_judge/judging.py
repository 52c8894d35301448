"""A batch of groups through the judge: plan requests, use the cache, ask, parse, give verdicts.

One request judges one completion (``correctness``, ``rubric``) or a whole
group (``ranking``). Every sample gets exactly one verdict; none is ever a 0
standing in for a failure.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from grpo_rewards import Group, Verdict

from .cache import CACHE, cache_key
from .client import Answer, Reply, Unreachable, complete, first_model
from .replies import Judged, Unparseable, parse_reply
from .runtime import Runtime, get_runtime
from .settings import JudgeSettings, NoEndpoint
from .templates import Rendered, render
from .verdicts import verdicts_for

__all__ = ["Request", "ask", "judge_groups", "parse", "plan"]


@dataclass(frozen=True)
class Request:
    """One call to the judge: the group it belongs to, the samples it judges and its messages."""

    group: int
    members: tuple[int, ...]
    rendered: Rendered
    key: str


#: What a request came to: a parsed judgment, a reply without a score, or no usable answer.
Outcome = Judged | Unparseable | Answer


def plan(groups: Sequence[Group], settings: JudgeSettings) -> list[Request]:
    """The requests for ``groups``: one per sample, or one per group for ``ranking``."""
    requests = []
    for gi, group in enumerate(groups):
        units = [tuple(range(len(group.samples)))] if settings.ranking else [(i,) for i in range(len(group.samples))]
        for members in units:
            sample = group.samples[members[0]]
            fields = settings.fields(sample, sample.row)
            texts = [group.samples[i].completion for i in members]
            rendered = render(
                settings.template,
                prompt=fields.prompt,
                completions=texts,
                reference=fields.reference,
                rubric=fields.rubric,
                max_chars=settings.options.max_completion_chars,
            )
            key = cache_key(settings.identity(), fields.prompt, fields.reference, fields.rubric, texts)
            requests.append(Request(gi, members, rendered, key))
    return requests


async def _model(runtime: Runtime, settings: JudgeSettings) -> str | Unreachable:
    if settings.options.model:
        return settings.options.model
    base_url = settings.base_url
    if base_url not in runtime.models:
        http = runtime.client(base_url, settings.options.max_concurrency)
        found = await first_model(http, base_url, settings.headers(), settings.timeout)
        if isinstance(found, Unreachable):
            return found
        runtime.models[base_url] = found
    return runtime.models[base_url]


async def _ask_all(runtime: Runtime, settings: JudgeSettings, requests: list[Request]) -> list[Answer]:
    model = await _model(runtime, settings)
    if isinstance(model, Unreachable):
        return [model] * len(requests)
    endpoint = settings.endpoint(model)
    o = settings.options
    http = runtime.client(endpoint.base_url, o.max_concurrency)
    limiter = runtime.limiter(endpoint.base_url, o.max_concurrency, o.requests_per_second)
    breaker = runtime.breaker(endpoint.base_url)
    results = await runtime.gather(
        [complete(http, endpoint, limiter, breaker, r.rendered.messages) for r in requests], _batch_limit(settings, len(requests))
    )
    lost = Unreachable(f"no reply from {endpoint.base_url} within the batch's limit")
    return [result if result is not None else lost for result in results]


def _batch_limit(settings: JudgeSettings, count: int) -> float:
    """A safety bound for a whole batch: every wave of requests within its deadline, plus rate-limit waits."""
    o = settings.options
    waves = math.ceil(count / o.max_concurrency) + 1
    pacing = count * (o.retries + 1) / o.requests_per_second if o.requests_per_second else 0.0
    return waves * settings.timeout + pacing + 5.0


def parse(settings: JudgeSettings, request: Request, reply: Answer) -> Outcome:
    """What ``reply`` says: a :class:`Judged`, or why it says nothing."""
    if not isinstance(reply, Reply):
        return reply
    try:
        return Judged(parse_reply(settings.template.kind, reply.text, request.rendered.labels), reply.text)
    except Unparseable as exc:
        if reply.finish_reason == "length":
            return Unparseable(f"{exc}; the reply was cut at max_tokens={settings.options.max_tokens}")
        return exc


def ask(settings: JudgeSettings, requests: list[Request]) -> list[Answer]:
    """Send ``requests`` (bypassing the cache) and wait for every answer or failure."""
    if not requests:
        return []
    try:
        settings.endpoint("")  # a base URL, and the API key if one is named
    except NoEndpoint as exc:
        return [Unreachable(str(exc))] * len(requests)
    runtime = get_runtime()
    return runtime.run(_ask_all(runtime, settings, requests))


def _too_small(group: Group) -> list[Verdict]:
    message = "ranking compares the completions of one prompt, and this prompt has only one"
    return [Verdict.unverifiable("judge_group_too_small", message)] * len(group.samples)


def _outcomes(settings: JudgeSettings, requests: list[Request]) -> tuple[list[Outcome], dict[int, Answer]]:
    """Each request's outcome, and the answers of those sent now (by index).

    A request is answered from the cache, or by an identical request of the same
    batch (GRPO groups often hold the same short completion several times), or
    sent. Parsed judgments go into the cache.
    """
    use_cache = settings.options.cache_size > 0
    hits: dict[str, Outcome] = {}
    sent: dict[str, int] = {}
    for index, request in enumerate(requests):
        hit = CACHE.get(request.key) if use_cache else None
        if hit is not None:
            hits[request.key] = hit
        elif request.key not in sent:
            sent[request.key] = index
    answers = dict(zip(sent.values(), ask(settings, [requests[i] for i in sent.values()]), strict=True))
    for key, index in sent.items():
        hits[key] = outcome = parse(settings, requests[index], answers[index])
        if isinstance(outcome, Judged):
            CACHE.put(key, outcome, settings.options.cache_size)
    return [hits[request.key] for request in requests], answers


def judge_groups(groups: Sequence[Group], settings: JudgeSettings) -> list[list[Verdict]]:
    """One verdict per sample of every group, in order."""
    small = {gi for gi, group in enumerate(groups) if settings.ranking and len(group.samples) < 2}
    requests = [r for r in plan(groups, settings) if r.group not in small]
    outcomes, answers = _outcomes(settings, requests)
    slots: list[list[Verdict | None]] = [[None] * len(group.samples) for group in groups]
    for index, (request, outcome) in enumerate(zip(requests, outcomes, strict=True)):
        verdicts = verdicts_for(settings, request, outcome, answers.get(index), index not in answers)
        for member, verdict in zip(request.members, verdicts, strict=True):
            slots[request.group][member] = verdict
    return [_too_small(g) if gi in small else [v for v in slots[gi] if v is not None] for gi, g in enumerate(groups)]
