"""Long MATH-style completions from the worked problems: right, wrong, corrected, truncated."""

from __future__ import annotations

import random

from math_problems_a import Problem

STYLES = ("boxed", "minerva", "answer_is", "prose", "think", "markdown", "lighteval", "inspect_answer", "simple_answer")

OPENERS = [
    "",
    "Let's think step by step.\n\n",
    "We need to work this out carefully.\n\n",
    "To solve this problem, we start from the definitions.\n\n",
    "I'll solve this step by step.\n\n",
]


def items(final: str) -> list[str]:
    """The values of a several-valued answer (written ``a;b``), or the one value."""
    return [x.strip() for x in final.split(";")]


def joined(final: str) -> str:
    return ", ".join(items(final))


def inline(final: str, kind: str) -> str:
    """The answer as it sits in a sentence: $x$, or '$a$ and $b$' for several values, or (B)."""
    if kind == "mc":
        return f"({final})"
    parts = [f"${x}$" for x in items(final)]
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


def boxed(final: str, kind: str, rng: random.Random) -> str:
    """The boxed answer; several values are boxed one by one or together."""
    values = items(final)
    if len(values) > 1 and rng.random() < 0.6:
        return " and ".join(f"$\\boxed{{{v}}}$" for v in values)
    return f"$\\boxed{{{joined(final)}}}$"


def sentence(p: Problem, final: str) -> str:
    """The problem's prose sentence with the final answer in it."""
    return p.prose.replace("{a}", inline(final, p.kind)).replace("{r}", joined(final))


def ending(style: str, p: Problem, final: str, rng: random.Random) -> str:
    """The closing text of a completion whose answer is ``final``."""
    if style == "boxed":
        return rng.choice(
            [
                f"Therefore, the answer is {boxed(final, p.kind, rng)}.",
                f"{sentence(p, final)}\n\n{boxed(final, p.kind, rng)}",
                f"The final answer is {boxed(final, p.kind, rng)}.",
            ]
        )
    if style == "minerva":
        return f"{sentence(p, final)}\nFinal Answer: The final answer is ${joined(final)}$. I hope it is correct."
    if style == "answer_is":
        return rng.choice([f"The answer is {inline(final, p.kind)}.", f"So, the answer is: {inline(final, p.kind)}"])
    if style == "prose":
        return sentence(p, final)
    if style == "markdown":
        return rng.choice(
            [
                f"## Final Answer\n\n{boxed(final, p.kind, rng)}",
                f"**Answer:** {inline(final, p.kind)}",
                f"---\n\n**{sentence(p, final)}**",
            ]
        )
    if style == "lighteval":
        return f"Therefore, the final answer is: $\\boxed{{{joined(final)}}}$. I hope it is correct"
    if style == "inspect_answer":
        return f"{sentence(p, final)}\n\nANSWER: {joined(final)}"
    if style == "simple_answer":
        return f"{sentence(p, final)}\n\nAnswer: {joined(final)}"
    raise ValueError(style)


def complete(style: str, p: Problem, work: str, final: str, rng: random.Random) -> str:
    """A whole completion: opener, restated problem, work, a summary, the ending (or thinking first)."""
    if style == "think":
        end = rng.choice(
            [
                f"**Final Answer**\n\\[\n\\boxed{{{joined(final)}}}\n\\]",
                f"{sentence(p, final)}",
                f"The answer is {boxed(final, p.kind, rng)}.",
            ]
        )
        musing = rng.choice(["Okay, let me figure this out.", "Alright, let's see.", "Hmm, let me think about this."])
        check = f"Let me double-check each step.\n\n{summary(work)}\n\nYes, that holds up."
        thinking = f"{musing} {p.problem.splitlines()[0]}\n\n{work}\n\n{check}"
        return f"<think>\n{thinking}\n</think>\n\n{work}\n\n{end}"
    parts = [rng.choice(OPENERS).strip()]
    if rng.random() < 0.4:
        parts.append(f"We are given the following problem: {p.problem}")
    if style == "markdown":
        parts.append("\n\n".join(f"### Step {i + 1}\n{s}" for i, s in enumerate(work.split("\n\n"))))
    else:
        parts.append(work)
    if rng.random() < 0.35:
        parts.append(summary(work))
    parts.append(ending(style, p, final, rng))
    return "\n\n".join(x for x in parts if x)


def summary(work: str) -> str:
    """A recap of the work: the first sentence of each paragraph, as bullets."""
    firsts = [para.split(". ")[0].rstrip(".") + "." for para in work.split("\n\n") if para.strip()]
    return "To summarize:\n" + "\n".join(f"- {x}" for x in firsts)


def self_corrected(p: Problem, rng: random.Random, to_right: bool) -> tuple[str, str]:
    """A first solution that reaches a result, a 'wait', then a second solution; the second result is final."""
    first, first_final, then, then_final = (
        (p.wrong_solution, p.wrong_final, p.solution, p.final)
        if to_right
        else (p.solution, p.final, p.wrong_solution, p.wrong_final)
    )
    doubt = rng.choice(
        [
            "Wait, let me double-check this.",
            "Hmm, actually, I'm not sure that's right. Let me redo it.",
            "But wait: let me reconsider the problem from the start.",
            "Let me verify this with a second, more careful solution.",
        ]
    )
    text = f"{first}\n\nThis gives {inline(first_final, p.kind)}.\n\n{doubt}\n\n{then}"
    return text, then_final


def truncated(p: Problem, rng: random.Random) -> str:
    """The solution cut off mid-way, before it states any result."""
    text = p.solution
    cut = int(len(text) * rng.uniform(0.35, 0.65))
    for v in items(p.final) + [p.gold]:
        # A short value ("5") occurs everywhere; only a statement of it ("= 5", "is 5") gives it away.
        patterns = [v] if len(v) > 3 else [f"= {v}", f"={v}", f"is {v}", f"is ${v}$"]
        for pattern in patterns:
            at = text.find(pattern)
            if 0 <= at < cut:
                cut = at
    cut = max(20, cut)
    return rng.choice(OPENERS[1:]) + text[:cut].rstrip()


def rows_for(p: Problem, rng: random.Random, styles: list[str], index: int) -> list[dict]:
    """Seven completions of one problem: two right, two wrong, a right and a wrong correction, a truncation."""
    out = []

    def add(category: str, style: str, completion: str, label: bool) -> None:
        out.append(
            {"category": category, "style": style, "problem": p.problem, "gold": p.gold, "completion": completion, "label": label}
        )

    s = styles.pop()
    add("final_correct", s, complete(s, p, p.solution, p.final, rng), True)
    s = styles.pop()
    add("final_correct", s, complete(s, p, p.solution, rng.choice(p.alt) if p.alt else p.final, rng), True)
    for _ in range(2):
        s = styles.pop()
        add("wrong_method", s, complete(s, p, p.wrong_solution, p.wrong_final, rng), False)
    category = "self_correction" if index % 2 == 0 else "multiple_attempts"
    for to_right in (True, False):
        s = styles.pop()
        work, final = self_corrected(p, rng, to_right) if category == "self_correction" else attempts(p, to_right)
        add(category, s, complete(s, p, work, final, rng), to_right)
    add("truncated", "truncated", truncated(p, rng), False)
    return out


def attempts(p: Problem, to_right: bool) -> tuple[str, str]:
    """Two labelled attempts; the second one's result is what the completion settles on."""
    a, af, b, bf = (
        (p.wrong_solution, p.wrong_final, p.solution, p.final)
        if to_right
        else (p.solution, p.final, p.wrong_solution, p.wrong_final)
    )
    text = (
        f"**Attempt 1.** {a}\n\nSo the first attempt gives {inline(af, p.kind)}.\n\n**Attempt 2.** Let me solve it "
        f"again another way and compare. {b}\n\nThe two attempts disagree; I trust the second one, which gives "
        f"{inline(bf, p.kind)}."
    )
    return text, bf
