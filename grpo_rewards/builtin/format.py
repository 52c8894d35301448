"""Built-in ``format`` reward: reasoning in ``<think>…</think>``, then an answer.

Below, R is the reasoning, A the answer region (everything after ``</think>``),
and "letters or digits" are characters for which ``str.isalnum()`` holds, in
any script (so whitespace, punctuation and zero-width characters never count).

``mode=strict`` accepts exactly ``<think>R</think>A`` once surrounding whitespace
is stripped: nothing before ``<think>``, tags spelled exactly so. With
``answer_block=true``, A must be exactly ``<answer>X</answer>`` (whitespace
around it allowed).

``mode=soft`` accepts text before ``<think>`` and tags that differ in case or
inner whitespace (``<Think >``). ``<think>`` and ``</think>`` still appear once
each, in that order; with ``answer_block=true`` one ``<answer>X</answer>``
appears after ``</think>``, with anything around it.

Both modes give 0.0 (``incorrect``, with the problem named in ``details``) when:

* R has fewer than ``min_think_chars`` letters or digits (default 10, a short
  sentence: ``<think></think>x``, ``<think>ok</think>x``, whitespace or
  punctuation only);
* a tag appears more than once, or blocks nest (``<think>a<think>b</think>``);
* the reasoning is never closed, or the tags come in the wrong order;
* A (or X) has fewer than ``min_answer_chars`` letters or digits: the answer
  appears only inside the reasoning; likewise an ``<answer>`` block inside R,
  and (without ``answer_block``) a ``\\boxed`` answer in R with no ``\\boxed``
  in A, such as ``...\\boxed{7}</think>See above.``;
* a structural tag sits inside a Markdown code fence or inline code span
  (tags shown as code are an example, not structure);
* a tag is self-closing (``<think/>``) or carries attributes (strict: any other
  spelling than ``<think>`` / ``</think>``).

Answer tags are looked at only with ``answer_block=true``; otherwise they are
ordinary text. Look-alike tags (``</thіnk>`` with a Cyrillic і, ``<thinking>``)
are ordinary text too, so they never close anything.

A well-formed completion gets 1.0. There is no partial credit: every near miss
above is either an exploit or a format a parser would mis-split, and paying for
fragments (a lone ``</think>``) teaches the policy to emit fragments.

**Prefilled ``<think>``.** Some chat templates (DeepSeek-R1, QwQ, Qwen3 with
thinking) end the prompt with ``<think>``, so the completion starts inside the
reasoning and contains only ``</think>``. ``think_prefilled=true`` expects that
form (a further ``<think>`` in the completion is then a duplicate);
``false`` expects the completion to open ``<think>`` itself. ``auto`` decides
from the prompt: a text prompt (standard format) is prefilled exactly when it
ends with ``<think>``, and so is a conversational prompt whose last message is
an assistant message ending with ``<think>``. Other conversational prompts are
rendered messages that do not show the template, and ``check`` rows may have
no prompt at all: ``auto`` then accepts either form, judging by the completion
(no ``<think>`` in it means prefilled). Set the option explicitly when you know
your template. When prefilled, R is everything before ``</think>``.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Literal

from ..hookspecs import hookimpl
from ..messages import completion_text
from ..reward import Manifest, Reward, Sample
from ..verdict import Verdict
from ._markdown import code_regions

__all__ = ["FormatOptions", "FormatReward"]

_TAG_NAME = re.compile(r"[a-z][a-z0-9_]*")
_PLAIN_TAG = re.compile(r"<\s*/?\s*\w+\s*>")


@dataclass(frozen=True)
class FormatOptions:
    """Options of the ``format`` reward (see the module docstring for what each mode accepts)."""

    mode: Literal["strict", "soft"] = field(
        default="strict", metadata={"help": "strict: exact structure; soft: tags once, in order"}
    )
    answer_block: bool = field(default=False, metadata={"help": "require one <answer>...</answer> block after </think>"})
    think_prefilled: Literal["auto"] | bool = field(
        default="auto",
        metadata={"help": "the chat template already opened <think>: true, false, or auto (decide from the prompt)"},
    )
    min_think_chars: int = field(default=10, metadata={"help": "letters or digits the reasoning needs (at least 1)"})
    min_answer_chars: int = field(default=1, metadata={"help": "letters or digits the answer needs (at least 1)"})
    think_tag: str = field(default="think", metadata={"help": "name of the reasoning tag"})
    answer_tag: str = field(default="answer", metadata={"help": "name of the answer tag"})

    def __post_init__(self) -> None:
        for name in (self.think_tag, self.answer_tag):
            if not _TAG_NAME.fullmatch(name):
                raise ValueError(f"tag name {name!r} must be lowercase letters, digits or _ (e.g. think)")
        if self.think_tag == self.answer_tag:
            raise ValueError("think_tag and answer_tag must differ")
        if self.min_think_chars < 1 or self.min_answer_chars < 1:
            raise ValueError("min_think_chars and min_answer_chars must be at least 1: empty blocks never pass")


@dataclass(frozen=True)
class _Tag:
    name: str
    closing: bool
    start: int
    end: int
    text: str

    @property
    def exact(self) -> bool:
        return self.text == f"<{'/' if self.closing else ''}{self.name}>"


class _Reject(Exception):
    """A completion that does not have the format; ``problem`` is a short code for ``details``."""

    def __init__(self, problem: str, message: str) -> None:
        super().__init__(message)
        self.problem = problem
        self.message = message


@dataclass(frozen=True)
class _Parsed:
    reasoning: str
    answer: str
    prefilled: bool


@functools.lru_cache(maxsize=16)
def _tag_pattern(names: tuple[str, ...]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(n) for n in names)
    return re.compile(rf"<\s*(/?)\s*({alternatives})(?![\w-])[^<>]*>", re.IGNORECASE)


def _scan(text: str, names: tuple[str, ...]) -> list[_Tag]:
    return [_Tag(m.group(2).lower(), bool(m.group(1)), m.start(), m.end(), m.group()) for m in _tag_pattern(names).finditer(text)]


def _line(text: str, position: int) -> int:
    return text.count("\n", 0, position) + 1


def _where(text: str, tag: _Tag) -> str:
    return f"{tag.text!r} (line {_line(text, tag.start)})"


def _alnum(text: str) -> int:
    return sum(map(str.isalnum, text))


def _check_tags(text: str, tags: Sequence[_Tag], strict: bool) -> None:
    for tag in tags:
        if not _PLAIN_TAG.fullmatch(tag.text):
            raise _Reject("malformed_tag", f"{_where(text, tag)} is self-closing or has attributes; it is not part of a tag pair")
        if strict and not tag.exact:
            raise _Reject(
                "malformed_tag", f"{_where(text, tag)}: strict mode accepts only <{tag.name}> and </{tag.name}> spelled exactly"
            )
    code = code_regions(text)
    for tag in tags:
        if code.contains(tag.start):
            raise _Reject(
                "tag_in_code", f"{_where(text, tag)} is inside a code block or span; tags shown as code are not structure"
            )


def _pick(text: str, tags: Sequence[_Tag], name: str) -> tuple[list[_Tag], list[_Tag]]:
    opens = [t for t in tags if t.name == name and not t.closing]
    closes = [t for t in tags if t.name == name and t.closing]
    for found in (opens, closes):
        if len(found) > 1:
            raise _Reject(
                "duplicate_tag",
                f"{found[0].text!r} appears {len(found)} times (again at line {_line(text, found[1].start)}); one is allowed",
            )
    return opens, closes


def _think_bounds(text: str, tags: Sequence[_Tag], name: str, prefilled: bool | None) -> tuple[_Tag | None, _Tag]:
    opens, closes = _pick(text, tags, name)
    if not closes:
        raise _Reject("unclosed_reasoning", f"no </{name}>: the reasoning never ends, so there is no answer")
    if prefilled is True and opens:
        raise _Reject(
            "duplicate_tag", f"the prompt already opened <{name}>, and the completion opens another at {_where(text, opens[0])}"
        )
    if prefilled is False and not opens:
        raise _Reject(
            "missing_open_tag",
            f"no <{name}>: the completion must open its reasoning (if the chat template adds <{name}>, set think_prefilled=true)",
        )
    if opens and opens[0].start > closes[0].start:
        raise _Reject("tag_order", f"</{name}> comes before <{name}>")
    return (opens[0] if opens else None), closes[0]


def _require_text(text: str, minimum: int, problem: str, what: str) -> None:
    count = _alnum(text)
    if count < minimum:
        raise _Reject(problem, f"{what} has {count} letters or digits (needs {minimum})")


def _answer_block(text: str, tags: Sequence[_Tag], region: int, options: FormatOptions) -> str:
    name = options.answer_tag
    early = [t for t in tags if t.name == name and t.start < region]
    if early:
        raise _Reject(
            "answer_in_reasoning",
            f"{_where(text, early[0])} comes before </{options.think_tag}>; the answer must follow the reasoning",
        )
    opens, closes = _pick(text, tags, name)
    if not opens or not closes:
        raise _Reject("missing_answer_block", f"no <{name}>...</{name}> block after </{options.think_tag}>")
    if closes[0].start < opens[0].start:
        raise _Reject("tag_order", f"</{name}> comes before <{name}>")
    if options.mode == "strict" and (text[region : opens[0].start].strip() or text[closes[0].end :].strip()):
        raise _Reject("text_outside_answer", f"strict mode allows only whitespace around the <{name}> block")
    content = text[opens[0].end : closes[0].start]
    _require_text(content, options.min_answer_chars, "empty_answer", f"the <{name}> block")
    return content.strip()


def _parse(text: str, options: FormatOptions, prefilled: bool | None) -> _Parsed:
    """Check ``text`` against ``options``; raise :class:`_Reject` naming the first problem.

    ``prefilled`` is True or False when known, None to judge by the completion.
    """
    names = (options.think_tag, options.answer_tag) if options.answer_block else (options.think_tag,)
    tags = _scan(text, names)
    _check_tags(text, tags, options.mode == "strict")
    opened, closed = _think_bounds(text, tags, options.think_tag, prefilled)
    if options.mode == "strict" and opened is not None and text[: opened.start].strip():
        raise _Reject("text_before_reasoning", f"strict mode allows nothing before <{options.think_tag}>")
    reasoning = text[opened.end if opened else 0 : closed.start]
    _require_text(reasoning, options.min_think_chars, "short_reasoning", "the reasoning")
    if options.answer_block:
        answer = _answer_block(text, tags, closed.end, options)
    else:
        _require_text(text[closed.end :], options.min_answer_chars, "no_answer", f"the text after </{options.think_tag}>")
        answer = text[closed.end :].strip()
    if not options.answer_block and "\\boxed" in reasoning and "\\boxed" not in text[closed.end :]:
        raise _Reject("answer_in_reasoning", "the \\boxed answer appears only inside the reasoning")
    return _Parsed(reasoning, answer, prefilled=opened is None)


def prompt_opens_think(sample: Sample, tag: str = "think") -> bool | None:
    """Whether the prompt ends inside an open ``<tag>``; None when the prompt cannot tell.

    A text prompt tells exactly. Conversational prompts tell only through a last
    assistant message, which TRL continues rather than opening a new turn; other
    rendered messages do not show what the chat template adds.
    """
    opener = f"<{tag}>"
    if sample.prompt_messages is not None:
        messages = list(sample.prompt_messages)
        if messages and messages[-1].get("role") == "assistant":
            return completion_text(messages[-1]).rstrip().lower().endswith(opener)
        return None
    if sample.prompt.strip():
        return sample.prompt.rstrip().lower().endswith(opener)
    return None


def _clip(text: str, limit: int = 300) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


class FormatReward(Reward):
    """``<think>`` reasoning then an answer; 1.0 when well formed, else 0.0 naming the problem."""

    name = "format"
    description = "Think/answer structure (strict or soft); 1 when well formed, 0 naming the problem."
    manifest = Manifest(output_range=(0.0, 1.0), default_timeout=5.0, isolation="inline")
    Options = FormatOptions

    def _prefill(self, sample: Sample) -> tuple[bool | None, str]:
        option = self.options.think_prefilled
        if option != "auto":
            return bool(option), "option"
        known = prompt_opens_think(sample, self.options.think_tag)
        return known, "prompt" if known is not None else "completion"

    def score(self, sample: Sample, prepared: object) -> Verdict:
        prefilled, source = self._prefill(sample)
        context = {"mode": self.options.mode, "prefill_from": source}
        try:
            parsed = _parse(sample.completion, self.options, prefilled)
        except _Reject as reject:
            return Verdict.incorrect(reject.message, problem=reject.problem, think_prefilled=prefilled, **context)
        return Verdict.correct(
            f"well formed ({self.options.mode}{', prefilled <think>' if parsed.prefilled else ''})",
            answer=_clip(parsed.answer),
            think_prefilled=parsed.prefilled,
            reasoning_chars=_alnum(parsed.reasoning),
            **context,
        )


@hookimpl
def register_rewards(register: Callable[..., None]) -> None:
    """Registers the ``format`` reward."""
    register(FormatReward)
