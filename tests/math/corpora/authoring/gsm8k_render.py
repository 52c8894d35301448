"""Long GSM8K-style completions: worked steps, then the ending a real model writes.

Each variant states its label by construction: the value in the completion's final statement
is either the gold (label true) or a slipped value (label false); truncated completions state
no final value at all (label false).
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable

from gsm8k_templates import NAMES
from work import Number, Solved, Work, gold_text, money, num

Template = Callable[[random.Random, Work], Solved]

INTROS = [
    "Let's solve this step by step.",
    "Let me work through this carefully.",
    "I'll break the problem into smaller parts.",
    "Let's figure out what we know and what we need to find.",
    "To answer this, let's go one step at a time.",
    "",
]
CONNECTORS = [
    ["First, ", "Next, ", "Then, ", "After that, ", "Finally, "],
    ["", "", "", "", ""],
    ["Step 1: ", "Step 2: ", "Step 3: ", "Step 4: ", "Step 5: "],
]

STYLES = (
    "gsm8k_hash",
    "answer_is",
    "boxed",
    "prose",
    "chat_trailing",
    "markdown",
    "minerva",
    "think",
    "simple_answer",
    "inspect_answer",
)


def value_text(v: Number, unit: str, rng: random.Random) -> str:
    """The final value with its unit as a model writes it: $1,250, 18 eggs, 22.5 minutes."""
    if unit == "$":
        return money(v)
    if rng.random() < 0.5 or not unit:
        return num(v) if not isinstance(v, int) or v < 1000 else f"{v:,}"
    return f"{num(v)} {unit}"


def plain(v: Number) -> str:
    return num(v)


def body(s: Solved, rng: random.Random, steps: list[str] | None = None, check: bool = True, complete: bool = True) -> str:
    """The work as paragraphs: intro, the facts, the question, the steps, and often a check."""
    lines = [rng.choice(INTROS)] if rng.random() < 0.9 else []
    if rng.random() < 0.6:
        lines.append(givens(s.problem))
    if rng.random() < 0.6:
        lines.append(rng.choice(["We need to find: ", "The question asks: ", "Goal: "]) + question(s.problem))
    lines.append(worked(steps if steps is not None else s.steps, rng, complete))
    if check and rng.random() < 0.6:
        lines.append(arithmetic_check(s.steps, rng))
    return "\n\n".join(x for x in lines if x)


def worked(steps: list[str], rng: random.Random, complete: bool = True) -> str:
    """The steps with connectors ('First, ', 'Step 2: ') and, sometimes, a remark between them."""
    conn = rng.choice(CONNECTORS)
    out = []
    n = 0  # connectors count computed steps only, not a 'wait' between them
    for i, step in enumerate(steps):
        if step in WAITS:
            out.append(step)
            continue
        last = complete and i == len(steps) - 1 and n > 0
        prefix = conn[-1] if last and conn[0] == "First, " else conn[min(n, len(conn) - 1)]
        n += 1
        out.append(prefix + (lowered(step) if prefix.endswith(", ") else step))
        if 0 < i < len(steps) - 1 and rng.random() < 0.25:
            out.append(rng.choice(REMARKS))
    return "\n\n".join(out)


WAITS = [
    "Wait, let me double-check that step.",
    "Hold on, I think I made an arithmetic mistake there.",
    "Hmm, let me recompute that.",
    "Wait, that doesn't look right. Let me redo it.",
]

REMARKS = [
    "Now we can use this result in the next part.",
    "Good, that takes care of the first part of the problem.",
    "Let's keep going with this value.",
    "This is the number we need for the next step.",
]

EQUATION = re.compile(
    r"\$?\d[\d,.]*(?:\s*[-+×/*]\s*\$?\d[\d,.]*)+\s*=\s*\$?\d[\d,.]*\d|\$?\d[\d,.]*(?:\s*[-+×/*]\s*\$?\d[\d,.]*)+\s*=\s*\$?\d"
)


def arithmetic_check(steps: list[str], rng: random.Random) -> str:
    """A model re-reading its own arithmetic (and trusting it, right or wrong)."""
    eqs = [m.group(0) for st in steps for m in EQUATION.finditer(st)]
    if not eqs:
        return "Let me double-check: every step uses the numbers from the problem, so the result is consistent."
    lead = rng.choice(["Let me double-check the arithmetic:", "Quick check:", "Verifying each calculation:"])
    if rng.random() < 0.5:
        return lead + " " + ", ".join(f"{e} ✓" for e in eqs) + "."
    return lead + "\n" + "\n".join(f"- {e} ✓" for e in eqs)


def question(problem: str) -> str:
    """The question sentence of a word problem."""
    sentences = [x.strip() for x in re.split(r"(?<=[.?!])\s+", problem) if x.strip()]
    asked = [x for x in sentences if x.endswith("?")]
    return asked[-1] if asked else sentences[-1]


def givens(problem: str) -> str:
    """The facts of the problem as a bullet list, the way chat models restate them."""
    sentences = [x.strip() for x in re.split(r"(?<=[.?!])\s+", problem) if x.strip()]
    facts = [x for x in sentences if not x.endswith("?")]
    return "Here's what we know:\n" + "\n".join(f"- {x}" for x in facts)


def lowered(step: str) -> str:
    """A sentence continued after 'First, ': lower-case its first word unless it is a name."""
    if step.startswith("So "):
        step = step[3:]
    first = step.split()[0]
    return step if first in NAMES or first[0].isdigit() else step[0].lower() + step[1:]


def ending(style: str, s: Solved, v: Number, rng: random.Random) -> str:
    """The closing lines of a completion whose final value is ``v``."""
    vt = value_text(v, s.unit, rng)
    statement = s.statement
    if style == "gsm8k_hash":
        return f"{statement}\n\n#### {plain(v)}"
    if style == "answer_is":
        return f"{statement}\n\nThe answer is {vt}." if rng.random() < 0.6 else f"The answer is: {plain(v)}"
    if style == "boxed":
        return rng.choice(
            [
                f"{statement}\n\n\\boxed{{{plain(v)}}}",
                f"Therefore, the final answer is $\\boxed{{{plain(v)}}}$.",
                f"{statement} So the answer is $\\boxed{{{plain(v)}}}$.",
            ]
        )
    if style == "prose":
        return statement
    if style == "chat_trailing":
        n = len(s.steps)
        return f"**{statement}**\n\nI hope this helps! Let me know if you'd like me to go over any of the {n} steps again."
    if style == "markdown":
        return rng.choice([f"### Final Answer\n\n**{vt}**", f"**Final answer:** {vt}", f"## Answer\n\n{statement}"])
    if style == "minerva":
        shown = f"\\${plain(v)}" if s.unit == "$" else plain(v)
        return f"{statement}\nFinal Answer: The final answer is ${shown}$. I hope it is correct."
    if style == "simple_answer":
        return f"{statement}\n\nAnswer: {plain(v)}"
    if style == "inspect_answer":
        return f"{statement}\n\nANSWER: {plain(v)}"
    raise ValueError(style)


def completion(style: str, text: str, s: Solved, v: Number, rng: random.Random) -> str:
    """Body text plus the ending; the think style thinks it through, then writes the solution out."""
    if style == "think":
        end = rng.choice(
            [f"\\boxed{{{plain(v)}}}", f"**Answer:** {value_text(v, s.unit, rng)}", f"The answer is $\\boxed{{{plain(v)}}}$."]
        )
        musing = rng.choice(
            [
                "Okay, let me read the problem again and set up the computation.",
                "Alright, so I need to work out the quantity the question asks for. Let me go slowly.",
                "Hmm, let me think about what the problem is really asking first.",
            ]
        )
        thinking = f"{musing}\n\n{text}\n\nThat seems right. Let me write it up cleanly."
        summary = "\n\n".join(s.steps)
        return f"<think>\n{thinking}\n</think>\n\n{summary}\n\n{s.statement}\n\n{end}"
    return f"{text}\n\n{ending(style, s, v, rng)}"


def run(t: Template, seed: int, slip_at: int | None) -> Solved:
    return t(random.Random(seed), Work(random.Random(seed * 7 + (slip_at or 0)), slip_at))


def variants(t: Template, seed: int, rng: random.Random, styles: list[str]) -> list[dict]:
    """About eleven completions of one problem instance, right and wrong in equal measure."""
    right = run(t, seed, None)
    assert right.answer > 0, f"{t.__name__} drew a non-positive answer; narrow its number ranges"
    n = len(right.steps)
    slips = [run(t, seed, k) for k in range(n)]
    slips = [(k, s) for k, s in enumerate(slips) if s.answer != right.answer and s.answer > 0]
    out: list[dict] = []

    def add(category: str, style: str, text: str, label: bool) -> None:
        out.append(
            {
                "category": category,
                "style": style,
                "problem": right.problem,
                "gold": gold_text(right.answer),
                "completion": text,
                "label": label,
            }
        )

    for _ in range(3):
        style = styles.pop()
        add("final_correct", style, completion(style, body(right, rng), right, right.answer, rng), True)
    for _k, wrong in rng.sample(slips, min(3, len(slips))):
        style = styles.pop()
        add("wrong_arithmetic", style, completion(style, body(wrong, rng), wrong, wrong.answer, rng), False)
    if slips:
        k, wrong = rng.choice(slips)
        style = styles.pop()
        add(
            "self_correction",
            style,
            completion(style, body(right, rng, corrected(wrong, right, k, rng), False), right, right.answer, rng),
            True,
        )
        style = styles.pop()
        add(
            "self_correction",
            style,
            completion(style, body(wrong, rng, corrected(right, wrong, k, rng), False), wrong, wrong.answer, rng),
            False,
        )
        style = styles.pop()
        add("multiple_attempts", style, completion(style, attempts(wrong, right, rng), right, right.answer, rng), True)
        style = styles.pop()
        add("multiple_attempts", style, completion(style, attempts(right, wrong, rng), wrong, wrong.answer, rng), False)
    add("truncated", "truncated", truncated(right, rng), False)
    return out


def corrected(first: Solved, then: Solved, k: int, rng: random.Random) -> list[str]:
    """Steps of ``first`` up to step k, a 'wait' that redoes step k as ``then`` does, then ``then``'s steps."""
    wait = rng.choice(WAITS)
    return first.steps[: k + 1] + [wait, then.steps[k]] + then.steps[k + 1 :]


def attempts(first: Solved, second: Solved, rng: random.Random) -> str:
    """A full attempt with its result, then a second attempt whose result is the final one."""
    a = "\n\n".join(first.steps)
    b = "\n\n".join(second.steps)
    mid = rng.choice(
        [
            "Let me verify this by working through it again more carefully.",
            "Let me re-solve it from scratch to be sure.",
            "Actually, let me recheck everything.",
        ]
    )
    settle = (
        f"The first attempt gave {num(first.answer)}, but the careful recomputation gives {num(second.answer)}."
        if first.answer != second.answer
        else f"Both attempts give {num(second.answer)}."
    )
    return f"**Attempt 1.**\n\n{a}\n\nSo the answer would be {num(first.answer)}.\n\n{mid}\n\n**Attempt 2.**\n\n{b}\n\n{settle}"


def truncated(s: Solved, rng: random.Random) -> str:
    """The work cut off mid-sentence before the final computation: no final answer."""
    keep = rng.randint(0, len(s.steps) - 1)
    last = s.steps[keep]
    end = max(8, len(last) // 2)
    if keep == len(s.steps) - 1 and "=" in last:
        end = min(end, last.rindex("="))
    text = body(s, rng, s.steps[:keep], check=False, complete=False)
    return text + "\n\n" + last[:end].rstrip()
