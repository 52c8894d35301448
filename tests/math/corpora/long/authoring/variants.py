"""What a completion says, before a frame gives it a model family's layout.

A variant turns a Problem into a Script: the thinking trace (for frames that think first), the
written solution, the committed answer (or none), what follows the answer, and the label a
careful human grader gives it, with the category and a note saying why.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field, replace

from model import Problem, Step, lower_first
from phrases import phrases


@dataclass(frozen=True)
class Ans:
    """A committed final answer: what goes in the box(es) and how prose states it."""

    boxes: tuple[str, ...]
    say: str


@dataclass
class Script:
    reasoning: list[str]
    think_answer: Ans | None
    steps: list[Step]
    answer: Ans | None
    label: bool
    category: str
    note: str
    needs: frozenset[str] = frozenset()
    contested: bool = False
    tail: str = ""
    repeat_final: int = 0
    loop: str = ""
    truncate: bool = False
    continue_with: int | None = None
    extra: dict = field(default_factory=dict)


def right(p: Problem) -> Ans:
    return Ans((p.box,), p.say)


def wrong(p: Problem) -> Ans:
    return Ans((p.wrong.box,), p.wrong.say)


def wrong_steps(p: Problem) -> list[Step]:
    return list(p.steps[: p.wrong.at]) + list(p.wrong.steps)


def casual(p: Problem, steps: list[Step], rng: random.Random, first: bool = True) -> list[str]:
    """Steps as a thinking trace writes them: a spoken lead-in, then the step's working."""
    ph = phrases(p.lang)
    out = []
    for i, step in enumerate(steps):
        pool = ph.think_first if (i == 0 and first) else ph.think_next
        lead = rng.choice(pool).format(t=lower_first(step.title))
        out.append(f"{lead} {step.body}")
    return out


def say_answer(p: Problem, ans: Ans, rng: random.Random) -> str:
    return rng.choice(phrases(p.lang).think_answer).format(a=ans.say)


def _check(p: Problem, rng: random.Random) -> str:
    return f"{rng.choice(phrases(p.lang).check_lead)} {p.check}"


def _wrong_check(p: Problem, rng: random.Random) -> str:
    ph = phrases(p.lang)
    if p.wrong.check:
        return f"{rng.choice(ph.check_lead)} {p.wrong.check}"
    return rng.choice(ph.trust_check).format(b=p.wrong.steps[-1].body)


def _catch(p: Problem, rng: random.Random) -> str:
    ph = phrases(p.lang)
    return f"{rng.choice(ph.catch_lead)} {p.wrong.catch} {rng.choice(ph.redo)}"


def _doubt(p: Problem, rng: random.Random) -> str:
    return f"{rng.choice(phrases(p.lang).doubt_lead)} {p.wrong.doubt}"


# Set by the builder for a verbose rendering: a thinking trace then goes through its solution twice,
# as reasoning models do when they re-derive a result "to be sure" (the second pass agrees with the first).
VERBOSE = {"on": False}


def _second_pass(p: Problem, steps: list[Step], rng: random.Random) -> list[str]:
    if not VERBOSE["on"]:
        return []
    return [rng.choice(phrases(p.lang).again)] + casual(p, steps, rng)


def _plain(tex: str) -> set[str]:
    """Ways a thinking trace writes a value in plain text (``\\frac{5}{12}`` -> ``5/12``)."""
    forms = {tex}
    m = re.fullmatch(r"-?\\frac\{(\d+)\}\{(\d+)\}", tex)
    if m:
        forms.add(f"{m.group(1)}/{m.group(2)}")
    return {f for f in forms if f}


def explore_for(p: Problem, ends_wrong: bool) -> list[str]:
    """Exploration paragraphs; a trace that ends wrong never had the right value in its first look."""
    if not ends_wrong:
        return list(p.explore)
    forms = _plain(p.box) | _plain(p.gold)
    pattern = re.compile("|".join(rf"(?<![\w.]){re.escape(f)}(?![\w.])" for f in forms))
    return [e for e in p.explore if not pattern.search(e)]


def think_right(p: Problem, rng: random.Random, explore: bool = True) -> list[str]:
    head = list(p.explore) if explore else []
    return head + casual(p, list(p.steps), rng) + [_check(p, rng)] + _second_pass(p, list(p.steps), rng)


def think_wrong(p: Problem, rng: random.Random, explore: bool = True) -> list[str]:
    head = explore_for(p, True) if explore else []
    return head + casual(p, wrong_steps(p), rng) + [_wrong_check(p, rng)] + _second_pass(p, wrong_steps(p), rng)


def correction_step(p: Problem, rng: random.Random) -> Step:
    ph = phrases(p.lang)
    return Step(rng.choice(ph.catch_title), _catch(p, rng))


def doubt_step(p: Problem, rng: random.Random) -> Step:
    ph = phrases(p.lang)
    return Step(rng.choice(ph.doubt_title), _doubt(p, rng))


# --- the variants -------------------------------------------------------------------------


def v_correct(p: Problem, kind: str, rng: random.Random) -> Script:
    return Script(think_right(p, rng), right(p), list(p.steps), right(p), True, "standard", "right solution")


def v_wrong(p: Problem, kind: str, rng: random.Random) -> Script:
    return Script(think_wrong(p, rng), wrong(p), wrong_steps(p), wrong(p), False, "standard", f"wrong: {p.wrong.kind}")


def v_fix(p: Problem, kind: str, rng: random.Random) -> Script:
    """A mistake, noticed ("Wait, ..."), then the right value."""
    w = p.wrong
    reasoning = list(p.explore) + casual(p, wrong_steps(p), rng) + [say_answer(p, wrong(p), rng), _catch(p, rng)]
    reasoning += casual(p, list(p.steps[w.at :]), rng, first=False) + [_check(p, rng)]
    if kind == "think":
        steps = list(p.steps)
    else:
        steps = wrong_steps(p) + [correction_step(p, rng)] + list(p.steps[w.at :])
    note = f"self-correction: first reaches {w.box} ({w.kind}), notices it and ends on the right value"
    return Script(reasoning, right(p), steps, right(p), True, "self_correction", note)


def v_unfix(p: Problem, kind: str, rng: random.Random) -> Script:
    """The right value first, then a plausible second thought that ends on a wrong one."""
    w = p.wrong
    reasoning = list(p.explore) + casual(p, list(p.steps), rng) + [say_answer(p, right(p), rng), _doubt(p, rng)]
    reasoning += casual(p, list(w.steps), rng, first=False) + [_wrong_check(p, rng)]
    if kind == "think":
        steps = wrong_steps(p)
    else:
        steps = list(p.steps) + [doubt_step(p, rng)] + list(w.steps)
    note = f"self-correction the wrong way: reaches the gold, then talks itself into {w.box} ({w.kind})"
    return Script(reasoning, wrong(p), steps, wrong(p), False, "self_correction", note)


def v_think_then_right(p: Problem, kind: str, rng: random.Random) -> Script:
    """The thinking trace ends on a wrong value; the written solution after it is right."""
    note = f"the think block ends on {p.wrong.box}; the solution after </think> is right and is what counts"
    reasoning = think_wrong(p, rng) + [say_answer(p, wrong(p), rng)]
    s = Script(reasoning, None, list(p.steps), right(p), True, "think_vs_final", note, frozenset({"tags"}))
    return s


def v_think_then_wrong(p: Problem, kind: str, rng: random.Random) -> Script:
    """The thinking trace reaches the gold; the written solution slips and ends wrong."""
    note = f"the think block reaches the gold; the solution after </think> ends on {p.wrong.box} ({p.wrong.kind})"
    reasoning = think_right(p, rng) + [say_answer(p, right(p), rng)]
    return Script(reasoning, None, wrong_steps(p), wrong(p), False, "think_vs_final", note, frozenset({"tags"}))


def v_truncated(p: Problem, kind: str, rng: random.Random) -> Script:
    s = v_correct(p, kind, rng) if rng.random() < 0.6 else v_wrong(p, kind, rng)
    again = rng.choice(phrases(p.lang).again)
    reasoning = s.reasoning + [again] + casual(p, list(p.steps), rng)
    note = "truncated mid-thought by the token limit: no final answer is stated"
    return replace(
        s, reasoning=reasoning, answer=None, think_answer=None, label=False, category="truncated", note=note, truncate=True
    )


def _squash(text: str) -> str:
    return re.sub(r"\\left|\\right|\s", "", text)


def states_result(p: Problem, text: str) -> bool:
    """Whether the text states the gold as a result ("= 13", "is 13", "x = 1"), spacing ignored."""
    forms = {_squash(f) for f in _plain(p.box) | _plain(p.gold)}
    lead = r"(?:=|is|are|be|gives|get|equals|是|为|は|ist|est|es|é|равна|равен)"
    alts = "|".join(re.escape(f) for f in forms)
    flat = _squash(text)
    if any(len(f) >= 4 and f in flat for f in forms):  # a long gold form anywhere is already a result
        return True
    return re.search(rf"{lead}(?:\$|\\\(|\\\[)?(?:{alts})(?!\w|\.\d)", flat) is not None


def v_loop_none(p: Problem, kind: str, rng: random.Random) -> Script:
    """Reasoning gets stuck re-checking an early step, before any result, and never states an answer."""
    ph = phrases(p.lang)
    k = 0
    while k + 1 < len(p.steps) - 1 and not states_result(p, p.steps[k + 1].body):
        k += 1
    if states_result(p, p.steps[k].body):
        k = 0
    head = list(p.steps[: k + 1])
    loop = rng.choice(ph.loop_lead).format(b=p.steps[k].body)
    reasoning = explore_for(p, True) + casual(p, head, rng)
    s = Script(reasoning, None, head, None, False, "repetition", "")
    note = "degenerate repetition loop on an early step, cut by the token limit: no result and no final answer"
    return replace(s, note=note, loop=loop)


def v_loop_after(p: Problem, kind: str, rng: random.Random) -> Script:
    """A final answer, then the closing line repeated until the token limit."""
    base = v_correct(p, kind, rng) if rng.random() < 0.5 else v_wrong(p, kind, rng)
    what = "right" if base.label else f"wrong ({p.wrong.kind})"
    note = f"{what} final answer, then the closing line repeats until the token limit"
    return replace(base, category="repetition", note=note, repeat_final=rng.randint(6, 14))


def v_trail_right(p: Problem, kind: str, rng: random.Random) -> Script:
    s = v_correct(p, kind, rng)
    ph = phrases(p.lang)
    if rng.random() < 0.35:
        note = "right answer, then the answer line again"
        return replace(s, category="trailing_text", note=note, repeat_final=1)
    tail = f"{rng.choice(ph.verify_head)}\n{p.check}"
    return replace(s, category="trailing_text", note="right answer, then a verification with other numbers", tail=tail)


def v_trail_wrong(p: Problem, kind: str, rng: random.Random) -> Script:
    s = v_wrong(p, kind, rng)
    ph = phrases(p.lang)
    if p.wrong.check:
        tail = f"{rng.choice(ph.verify_head)}\n{p.wrong.check}"
        note = f"wrong answer ({p.wrong.kind}), then a verification that trusts it"
    else:
        tail = f"{rng.choice(ph.verify_head)}\n{p.check}"
        note = f"wrong answer ({p.wrong.kind}) stated; a verification after it computes the gold but never revises the answer"
    return replace(s, category="trailing_text", note=note, tail=tail)


def v_cont_right(p: Problem, kind: str, rng: random.Random) -> Script:
    s = v_correct(p, kind, rng)
    other = int(p.gold) + rng.choice([-7, -3, 2, 5, 9, 11])
    note = "base model: right answer, then it writes a new problem with another answer; the first problem's answer counts"
    return replace(s, category="continued_generation", note=note, continue_with=other, needs=frozenset({"base"}))


def v_cont_wrong(p: Problem, kind: str, rng: random.Random) -> Script:
    s = v_wrong(p, kind, rng)
    note = f"base model: wrong answer ({p.wrong.kind}), then a new problem whose answer happens to equal the gold"
    return replace(s, category="continued_generation", note=note, continue_with=int(p.gold), needs=frozenset({"base"}))


GENERIC = {
    "fix": v_fix,
    "unfix": v_unfix,
    "think_right": v_think_then_right,
    "think_wrong": v_think_then_wrong,
    "truncated": v_truncated,
    "loop_none": v_loop_none,
    "loop_after": v_loop_after,
    "trail_right": v_trail_right,
    "trail_wrong": v_trail_wrong,
    "cont_right": v_cont_right,
    "cont_wrong": v_cont_wrong,
}
