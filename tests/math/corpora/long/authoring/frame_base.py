"""How a frame (one model family's layout) turns a Script into completion text.

A frame gives the text before the answer (a thinking trace and/or a written solution), the
ending that commits to the answer, and, for base models, the next problem they go on to write.
The shared logic here adds what a variant asks for: a truncation, a repetition loop, the
closing line repeated, a verification tail, a continued generation.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from model import Problem, Step, render_math
from phrases import phrases
from variants import Ans, Script, explore_for, say_answer, states_result


@dataclass(frozen=True)
class Ending:
    """One way a frame commits to its answer; ``{B}`` is the boxed expression, ``{X}`` the bare
    answer, ``{S}`` the answer as prose says it, ``{C}`` the problem's conclusion sentence."""

    template: str
    caps: frozenset[str]


def E(template: str, *caps: str) -> Ending:  # noqa: N802
    return Ending(template, frozenset(caps))


@dataclass
class Frame:
    name: str
    kind: str  # "think" (<think> tags), "stream" (long reasoning, no tags), "chat", "base"
    lang: str
    math: str  # render_math style of the written solution
    intro: tuple[str, ...]
    layout: Callable[[list[Step], random.Random], str]
    endings: tuple[Ending, ...]
    think_open: tuple[str, ...] = ()
    think_math: str = "dollar"
    sources: tuple[str, ...] = ()  # only problems from these sources ("" = all)
    continuation: Callable[[int, random.Random], str] | None = None
    between: tuple[str, ...] = field(default=("",))
    tags: tuple[str, str] = ("<think>\n", "\n</think>")
    solution: tuple[str, str] = ("", "")
    max_pad: int = 5

    def caps(self) -> frozenset[str]:
        out = set().union(*(e.caps for e in self.endings))
        if self.kind == "think":
            out.add("tags")
        if self.continuation is not None:
            out.add("base")
        return frozenset(out)

    def accepts(self, p: Problem, needs: frozenset[str]) -> bool:
        if p.lang != self.lang:
            return False
        if self.sources and p.source not in self.sources:
            return False
        return needs <= self.caps()


def boxed_expr(ans: Ans) -> str:
    if len(ans.boxes) == 1:
        return f"\\boxed{{{ans.boxes[0]}}}"
    return " \\text{ and } ".join(f"\\boxed{{{b}}}" for b in ans.boxes)


def fill(ending: Ending, p: Problem, ans: Ans) -> str:
    concl = p.concl.replace("{}", ans.say)
    first, _, rest = concl.partition(" ")
    soft = (first.lower() + " " + rest) if first in SOFT else concl
    concl_box = p.concl.replace("{}", f"${boxed_expr(ans)}$")
    head, _, tail = concl_box.partition(" ")
    concl_box = (head.lower() + " " + tail) if head in SOFT else concl_box
    bare = ", ".join(ans.boxes)
    return (
        ending.template.replace("{B}", boxed_expr(ans))
        .replace("{X}", bare)
        .replace("{S}", ans.say)
        .replace("{CB}", concl_box)
        .replace("{c}", soft)
        .replace("{C}", concl)
    )


SOFT = {"There", "The", "This", "It", "Each", "After", "In", "Plan", "So", "A", "An", "Its", "All", "Both"}


def _cut(text: str, rng: random.Random, floor: int, p: Problem | None = None) -> str:
    lo = max(floor, int(len(text) * 0.55))
    hi = int(len(text) * 0.93)
    if p is not None:  # cut before the first place that states the gold as a result
        first = next((i for i in range(0, len(text), 20) if states_result(p, text[: i + 20])), None)
        if first is not None:
            hi = min(hi, first - 40)
    if lo >= hi:
        raise ValueError("no cut point between the length floor and the first stated result")
    pos = rng.randint(lo, hi)
    while pos < len(text) - 1 and not text[pos].isspace():
        pos += 1
    return text[: pos + rng.randint(1, 4)].rstrip("\n")


def _loop(text: str, loop: str, rng: random.Random) -> str:
    target = rng.randint(5600, 7800)
    out = text
    while len(out) < target:
        out += "\n\n" + loop
    return out[:target]


def writeup_text(frame: Frame, p: Problem, s: Script, rng: random.Random, pad: int) -> str:
    """The written solution; ``pad`` adds what a verbose answer adds: the given facts (1), a check
    of the result (2), a first look at the problem (3)."""
    ph = phrases(p.lang)
    pad = min(pad, frame.max_pad)
    parts = [rng.choice(frame.intro)]
    explore = explore_for(p, not s.label)
    if pad >= 3 and explore:
        seen = explore if pad >= 4 else explore[:1]
        parts.append(rng.choice(ph.understand_head) + " " + "\n\n".join(seen))
    if pad >= 1:
        facts = "\n".join(f"- {x}" for x in split_sentences(problem_text(p)))
        parts.append(f"{rng.choice(ph.given_head)}\n{facts}")
    steps = list(s.steps)
    if pad >= 2 and s.answer is not None and not s.tail:
        if s.label:
            steps.append(Step(rng.choice(ph.check_title), p.check))
        else:
            last = p.wrong.check or rng.choice(ph.trust_check).format(b=p.wrong.steps[-1].body)
            steps.append(Step(rng.choice(ph.check_title), last))
    parts.append(frame.layout(steps, rng))
    if pad >= 5:
        lines = "\n".join(f"- {st.title}: {split_sentences(st.body)[-1]}" for st in s.steps)
        parts.append(f"{rng.choice(ph.summary_head)}\n{lines}")
    return render_math("\n\n".join(x for x in parts if x), frame.math)


def render(frame: Frame, p: Problem, s: Script, rng: random.Random, pad: int = 0) -> str:
    """The completion text for one problem, script and frame."""
    think = ""
    if frame.kind in ("think", "stream"):
        think = think_text(frame, p, s, rng)
    writeup = ""
    if frame.kind != "stream":
        writeup = writeup_text(frame, p, s, rng, pad)
    head = frame.tags[0] if frame.kind == "think" else ""
    if s.truncate:
        if think:
            return head + _cut(think, rng, 1500 - len(head), p)
        return _cut(writeup, rng, 1500, p)
    if s.loop:
        if think:
            return _loop(head + think, render_math(s.loop, frame.think_math), rng)
        return _loop(writeup, render_math(s.loop, frame.math), rng)
    text = ""
    if frame.kind == "think":
        text = f"{frame.tags[0]}{think}{frame.tags[1]}\n\n{frame.solution[0]}{writeup}"
    elif frame.kind == "stream":
        text = think
    else:
        text = writeup
    assert s.answer is not None
    ending = choose_ending(frame, s, rng)
    final = render_math(fill(ending, p, s.answer), frame.math)
    text = f"{text}{rng.choice(frame.between)}\n\n{final}{frame.solution[1]}"
    if s.repeat_final:
        last = final.strip().splitlines()[-1]
        text += "".join(f"\n\n{last}" for _ in range(s.repeat_final))
    if s.tail:
        text += "\n\n" + render_math(s.tail, frame.math)
    if s.continue_with is not None:
        assert frame.continuation is not None
        text += frame.continuation(s.continue_with, rng)
        while len(text) < 1650:  # a base model keeps writing problems until the token limit
            text += frame.continuation(rng.randint(3, 120), rng)
    return text


def choose_ending(frame: Frame, s: Script, rng: random.Random) -> Ending:
    need = s.needs - {"tags", "base"}
    fits = [e for e in frame.endings if need <= e.caps]
    if len(s.answer.boxes) > 1:  # type: ignore[union-attr]
        fits = [e for e in fits if "{B}" in e.template] or fits
    return rng.choice(fits)


def problem_text(p: Problem) -> str:
    """The statement as math text: in GSM8K-style statements a bare ``$`` is a currency sign."""
    if p.source.startswith("gsm8k"):
        return p.text.replace("$", "\\$")
    return p.text


def think_text(frame: Frame, p: Problem, s: Script, rng: random.Random) -> str:
    opener = rng.choice(frame.think_open).replace("{P}", problem_text(p))
    paras = [opener, *s.reasoning]
    if s.think_answer is not None and not s.truncate and not s.loop:
        paras.append(say_answer(p, s.think_answer, rng))
    return render_math("\n\n".join(paras), frame.think_math)


# --- layouts ------------------------------------------------------------------------------


def numbered_bold(steps: list[Step], rng: random.Random) -> str:
    colon = rng.choice([":", ":**", "**:"])
    if colon == ":**":
        return "\n\n".join(f"{i}. **{s.title}:**\n   {s.body}" for i, s in enumerate(steps, 1))
    return "\n\n".join(f"{i}. **{s.title}**{':' if colon == '**:' else ''}\n   {s.body}" for i, s in enumerate(steps, 1))


def hash_steps(prefix: str) -> Callable[[list[Step], random.Random], str]:
    def layout(steps: list[Step], rng: random.Random) -> str:
        return "\n\n".join(f"{prefix.format(i=i)}{s.title}\n{s.body}" for i, s in enumerate(steps, 1))

    return layout


def paragraphs(steps: list[Step], rng: random.Random) -> str:
    return "\n\n".join(s.body for s in steps)


def plain_numbered(steps: list[Step], rng: random.Random) -> str:
    fmt = rng.choice(["{i}. ", "Step {i}: ", "{i}) "])
    return "\n".join(fmt.format(i=i) + s.body for i, s in enumerate(steps, 1))


def bullets(steps: list[Step], rng: random.Random) -> str:
    out = []
    for i, s in enumerate(steps, 1):
        parts = split_sentences(s.body)
        out.append(f"**{i}. {s.title}:**\n\n" + "\n".join(f"* {x}" for x in parts))
    return "\n\n".join(out)


def split_sentences(body: str) -> list[str]:
    parts = re.split(r"(?<=[.!?。！？])\s*(?=[A-Z(\u0400-\u04ff\u4e00-\u9fff\u3040-\u30ff])", body)
    return [x for x in parts if x.strip()]


def one_paragraph(steps: list[Step], rng: random.Random) -> str:
    return " ".join(s.body for s in steps)
