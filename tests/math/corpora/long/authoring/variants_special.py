"""Variants that depend on the problem's answer form: units or words in the box, an equation
in the box, several boxes, decimals for fractions, and multiple-choice letters.

Each reads what it needs from ``Problem.extras`` (written next to the problem, by hand):
``units``/``units_wrong``, ``eq``/``eq_wrong``, ``roots``/``roots_wrong``, ``decimal``,
``rounded``, ``inter`` (step index -> intermediate value to box), and for choice problems
``value``/``wrong_value`` (the options' values) next to the letters in ``box``/``wrong.box``.
"""

from __future__ import annotations

import random
from dataclasses import replace

from model import Problem, Step
from variants import Ans, Script, right, v_correct, v_wrong, wrong, wrong_steps


def _with(s: Script, ans: Ans, category: str, note: str, label: bool | None = None, **kw) -> Script:
    think = ans if s.think_answer is not None else None
    return replace(
        s, answer=ans, think_answer=think, category=category, note=note, label=s.label if label is None else label, **kw
    )


def v_units_right(p: Problem, kind: str, rng: random.Random) -> Script:
    ans = Ans((p.extras["units"],), p.say)
    return _with(v_correct(p, kind, rng), ans, "units_or_words", "right value boxed together with its unit or words")


def v_units_wrong(p: Problem, kind: str, rng: random.Random) -> Script:
    form = p.extras.get("units_wrong") or p.extras["units"].replace(p.box, p.wrong.box, 1)
    ans = Ans((form,), p.wrong.say)
    return _with(v_wrong(p, kind, rng), ans, "units_or_words", f"wrong value ({p.wrong.kind}) boxed with a unit")


def v_eq_right(p: Problem, kind: str, rng: random.Random) -> Script:
    ans = Ans((p.extras["eq"],), p.say)
    return _with(v_correct(p, kind, rng), ans, "equation_boxed", "the box holds an equation whose right side is the gold")


def v_eq_wrong(p: Problem, kind: str, rng: random.Random) -> Script:
    ans = Ans((p.extras["eq_wrong"],), p.wrong.say)
    return _with(v_wrong(p, kind, rng), ans, "equation_boxed", f"the box holds an equation with a wrong value ({p.wrong.kind})")


def v_roots_right(p: Problem, kind: str, rng: random.Random) -> Script:
    ans = Ans(tuple(p.extras["roots"]), p.say)
    note = "each solution boxed separately; together they are the gold's collection"
    return _with(v_correct(p, kind, rng), ans, "multiple_boxed", note)


def v_roots_wrong(p: Problem, kind: str, rng: random.Random) -> Script:
    ans = Ans(tuple(p.extras["roots_wrong"]), p.wrong.say)
    note = f"solutions boxed separately, but the collection is wrong ({p.wrong.kind})"
    return _with(v_wrong(p, kind, rng), ans, "multiple_boxed", note)


def _boxed_steps(steps: list[Step], inter: dict[int, str], rng: random.Random) -> list[Step]:
    lead = rng.choice(["So we have", "This gives", "Intermediate result:"])
    out = []
    for i, st in enumerate(steps):
        if i in inter:
            st = Step(st.title, f"{st.body} {lead} $\\boxed{{{inter[i]}}}$.")
        out.append(st)
    return out


def v_multibox_right(p: Problem, kind: str, rng: random.Random) -> Script:
    inter = dict(p.extras["inter"])
    s = v_correct(p, kind, rng)
    note = "intermediate results are boxed along the way; the last box is the right final answer"
    return replace(s, steps=_boxed_steps(list(p.steps), inter, rng), category="multiple_boxed", note=note)


def v_multibox_wrong(p: Problem, kind: str, rng: random.Random) -> Script:
    inter = {i: v for i, v in dict(p.extras["inter"]).items() if i < p.wrong.at}
    s = v_wrong(p, kind, rng)
    note = f"intermediate results boxed along the way; the last box is a wrong final answer ({p.wrong.kind})"
    return replace(s, steps=_boxed_steps(wrong_steps(p), inter, rng), category="multiple_boxed", note=note)


def _dec_step(p: Problem, value: str, approx: bool) -> Step:
    rel = "\\approx" if approx else "="
    return Step("Write the result as a decimal", f"As a decimal, ${p.box} {rel} {value}$.")


def v_decimal_exact(p: Problem, kind: str, rng: random.Random) -> Script:
    dec = p.extras["decimal"]
    s = v_correct(p, kind, rng)
    note = f"the exact value written as a terminating decimal ({dec}); equal to the gold"
    steps = list(s.steps) + [_dec_step(p, dec, False)]
    return _with(replace(s, steps=steps), Ans((dec,), f"${dec}$"), "decimal_answer", note)


def v_decimal_rounded(p: Problem, kind: str, rng: random.Random) -> Script:
    dec = p.extras["rounded"]
    s = v_correct(p, kind, rng)
    note = f"a rounded decimal ({dec}) for the exact gold; the problem does not ask for rounding"
    steps = list(s.steps) + [_dec_step(p, dec, True)]
    return _with(replace(s, steps=steps), Ans((dec,), f"${dec}$"), "decimal_answer", note, label=False, contested=True)


# --- multiple choice: the gold is a letter ---------------------------------------------------


def _mc(p: Problem, kind: str, rng: random.Random, ok: bool, boxes: str, say: str, note: str, **kw) -> Script:
    base = v_correct(p, kind, rng) if ok else v_wrong(p, kind, rng)
    return _with(base, Ans((boxes,), say), "multiple_choice", note, **kw)


def v_mc_letter(p: Problem, kind: str, rng: random.Random) -> Script:
    letter = p.box
    form = rng.choice([letter, f"({letter})", f"\\text{{({letter})}}", f"\\textbf{{({letter})}}"])
    return _mc(p, kind, rng, True, form, f"({letter})", f"the right letter, boxed as {form}")


def v_mc_letter_value(p: Problem, kind: str, rng: random.Random) -> Script:
    letter, value = p.box, p.extras["value"]
    say = rng.choice([f"{letter}: ${value}$", f"({letter}) ${value}$", f"**({letter})** ${value}$"])
    return _mc(p, kind, rng, True, f"({letter})\\ {value}", say, "the right letter followed by its option's value")


def v_mc_value_only(p: Problem, kind: str, rng: random.Random) -> Script:
    value = p.extras["value"]
    note = "only the value of the right option, no letter: a grader with the choices in view accepts it"
    return _mc(p, kind, rng, True, value, f"${value}$", note, contested=True)


def v_mc_wrong_letter(p: Problem, kind: str, rng: random.Random) -> Script:
    letter = p.wrong.box
    form = rng.choice([letter, f"({letter})", f"\\text{{({letter})}}"])
    return _mc(p, kind, rng, False, form, f"({letter})", f"a wrong letter ({p.wrong.kind})")


def v_mc_wrong_value(p: Problem, kind: str, rng: random.Random) -> Script:
    value = p.extras["wrong_value"]
    note = f"the value of a wrong option, no letter ({p.wrong.kind})"
    return _mc(p, kind, rng, False, value, f"${value}$", note)


def v_mc_negated(p: Problem, kind: str, rng: random.Random) -> Script:
    letter, other = p.box, p.wrong.box
    say = f"({letter}), not ({other})"
    note = "the right letter asserted while a wrong letter is explicitly ruled out"
    return _mc(p, kind, rng, True, letter, say, note)


SPECIAL = {
    "units_right": v_units_right,
    "units_wrong": v_units_wrong,
    "eq_right": v_eq_right,
    "eq_wrong": v_eq_wrong,
    "roots_right": v_roots_right,
    "roots_wrong": v_roots_wrong,
    "multibox_right": v_multibox_right,
    "multibox_wrong": v_multibox_wrong,
    "decimal_exact": v_decimal_exact,
    "decimal_rounded": v_decimal_rounded,
    "mc_letter": v_mc_letter,
    "mc_letter_value": v_mc_letter_value,
    "mc_value_only": v_mc_value_only,
    "mc_wrong_letter": v_mc_wrong_letter,
    "mc_wrong_value": v_mc_wrong_value,
    "mc_negated": v_mc_negated,
}

__all__ = ["SPECIAL", "right", "wrong"]
