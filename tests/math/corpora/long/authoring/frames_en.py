"""English frames: the layouts and endings of the model families the corpus imitates.

Each frame copies a family's structure (headers, numbering, delimiters, closing line), never
its text. Endings marked ``box`` put the answer in ``\\boxed{}``, ``slot`` in any dedicated
answer slot (a box or Minerva's ``$X$``), ``say`` state it in prose.
"""

from __future__ import annotations

import random

from fillers import fewshot_next, minerva_next
from frame_base import E, Frame, bullets, hash_steps, numbered_bold, one_paragraph, paragraphs, plain_numbered


def _bold_or_plain(steps, rng: random.Random) -> str:
    if rng.random() < 0.5:
        return "\n\n".join(f"**{s.title}**\n\n{s.body}" for s in steps)
    return paragraphs(steps, rng)


def _phi_layout(steps, rng: random.Random) -> str:
    head = rng.choice(["## Solution:\n\n", "### Solution:\n", "Solution:\n"])
    return head + "\n\n".join(f"Step {i}: {s.title}.\n{s.body}" for i, s in enumerate(steps, 1))


def _r1_layout(steps, rng: random.Random) -> str:
    if rng.random() < 0.5:
        return numbered_bold(steps, rng)
    return "\n\n".join(f"**Step {i}: {s.title}**\n{s.body}" for i, s in enumerate(steps, 1))


def _gpt_layout(steps, rng: random.Random) -> str:
    fmt = rng.choice(["### Step {i}: {t}", "### {i}. {t}", "**Step {i}: {t}**"])
    return "\n\n---\n\n".join(f"{fmt.format(i=i, t=s.title)}\n\n{s.body}" for i, s in enumerate(steps, 1))


R1_OPEN = (
    "Okay, let's see. The problem is: {P}",
    "Okay, so I need to solve this problem. Let me read it again carefully.\n\n{P}",
    "Alright, let me try to figure this out.\n\n{P}\n\nHmm. Let me think about what is being asked.",
    "Okay, let me tackle this step by step. The question says: {P}",
)

QWQ_OPEN = (
    "Alright, so I've got this problem here: {P}\n\nLet me see how to approach this.",
    "So I have this problem: {P}\n\nOkay, let's break it down.",
    "Let's see what this problem is asking. {P}\n\nI need to be careful here.",
)

FRAMES = [
    Frame(
        "deepseek_r1",
        "think",
        "en",
        "paren",
        intro=("To solve the problem, we follow these steps:", "**Solution:**", "Here is the solution:", ""),
        layout=_r1_layout,
        think_open=R1_OPEN,
        think_math="plain",
        endings=(
            E("Thus, the answer is \\({B}\\).", "box", "slot"),
            E("**Final Answer**\n\\[\n{B}\n\\]", "box", "slot"),
            E("Therefore, {CB}", "box", "slot"),
            E("**Answer:** {S}", "say"),
        ),
    ),
    Frame(
        "qwq",
        "think",
        "en",
        "paren",
        intro=("Let me summarize the solution.", "To find the answer:", "Here's the reasoning in brief:"),
        layout=paragraphs,
        think_open=QWQ_OPEN,
        think_math="paren",
        endings=(
            E("So, the final answer is \\( {B} \\).", "box", "slot"),
            E("**Final Answer**\n\\[ {B} \\]", "box", "slot"),
            E("So the answer is {S}.", "say"),
        ),
    ),
    Frame(
        "r1_distill",
        "think",
        "en",
        "paren",
        intro=("", "The problem can be solved as follows.", "**Step-by-step solution:**"),
        layout=hash_steps("### Step {i}: "),
        think_open=R1_OPEN[1:] + QWQ_OPEN[:1],
        think_math="dollar",
        endings=(
            E("### Final Answer\nThe final answer is \\({B}\\).", "box", "slot"),
            E("**Answer:** \\({B}\\)", "box", "slot"),
            E("The answer is {S}.", "say"),
        ),
    ),
    Frame(
        "openthoughts",
        "think",
        "en",
        "paren",
        intro=("",),
        layout=paragraphs,
        think_open=QWQ_OPEN[1:] + R1_OPEN[:1],
        think_math="plain",
        tags=("<|begin_of_thought|>\n\n", "\n\n<|end_of_thought|>"),
        solution=("<|begin_of_solution|>\n\n", "\n\n<|end_of_solution|>"),
        endings=(E("\\[\n{B}\n\\]", "box", "slot"), E("Thus, the answer is \\({B}\\).", "box", "slot")),
    ),
    Frame(
        "phi4_reasoning",
        "think",
        "en",
        "dollar",
        intro=("## Solution\n\nTo solve the problem, we proceed as follows.", "## Solution"),
        layout=_phi_layout,
        think_open=R1_OPEN[:1] + QWQ_OPEN[2:],
        think_math="plain",
        endings=(E("**Final Answer:** ${B}$", "box", "slot"), E("Thus, the answer is ${B}$.", "box", "slot")),
    ),
    Frame(
        "qwq_preview",
        "stream",
        "en",
        "paren",
        intro=("",),
        layout=paragraphs,
        think_open=QWQ_OPEN,
        think_math="paren",
        endings=(E("**Final Answer**\n\n\\[ {B} \\]", "box", "slot"), E("**Final Answer**\n\\[ {B} \\]", "box", "slot")),
    ),
    Frame(
        "qwen25_math",
        "chat",
        "en",
        "paren",
        intro=(
            "To solve the problem, we need to break it down into smaller, manageable steps.",
            "To determine the answer, we will follow these steps:",
            "Let's solve the problem step by step.",
        ),
        layout=numbered_bold,
        endings=(
            E("Therefore, the final answer is \\({B}\\).", "box", "slot"),
            E("Thus, {CB}", "box", "slot"),
            E("The final answer is:\n\\[\n{B}\n\\]", "box", "slot"),
        ),
    ),
    Frame(
        "deepseek_math",
        "chat",
        "en",
        "dollar",
        intro=("", "Let's solve this step by step.", "We can solve this problem as follows."),
        layout=paragraphs,
        endings=(E("The answer is ${B}$.", "box", "slot"), E("The answer is: ${B}$", "box", "slot")),
    ),
    Frame(
        "llama3",
        "chat",
        "en",
        "dollar",
        intro=("",),
        layout=hash_steps("## Step {i}: "),
        endings=(E("The final answer is: ${B}$", "box", "slot"), E("The final answer is ${B}$.", "box", "slot")),
    ),
    Frame(
        "gpt4o",
        "chat",
        "en",
        "paren",
        intro=(
            "To solve this problem, let's break it down step by step.",
            "We need to work through the problem carefully.",
            "Let's go through the problem systematically.",
        ),
        layout=_gpt_layout,
        endings=(
            E("**Answer:** {S}", "say"),
            E("### Final Answer\n\\[\n{B}\n\\]", "box", "slot"),
            E("Thus, {c}\n\n\\[\n{B}\n\\]", "box", "slot", "say"),
            E("**Answer:** \\( {B} \\)", "box", "slot"),
        ),
    ),
    Frame(
        "claude",
        "chat",
        "en",
        "dollar",
        intro=(
            "I'll work through this step by step.",
            "Let me work through this carefully.",
            "Let me set this up and solve it.",
            "I'll start by organizing the information.",
        ),
        layout=_bold_or_plain,
        endings=(
            E("So the answer is {S}.", "say"),
            E("**{C}**", "say"),
            E("{C}\n\n$${B}$$", "box", "slot", "say"),
            E("The answer is **{S}**.", "say"),
        ),
    ),
    Frame(
        "mistral",
        "chat",
        "en",
        "dollar",
        intro=("Let's solve this step by step:", "Here's how to solve it:", "Solution:"),
        layout=plain_numbered,
        endings=(E("The answer is {S}.", "say"), E("So, the final answer is {S}.", "say"), E("Therefore, {c}", "say")),
    ),
    Frame(
        "gemma",
        "chat",
        "en",
        "dollar",
        intro=("Here's how to solve the problem:", "Here's a step-by-step solution:", "Let's break this problem down:"),
        layout=bullets,
        endings=(E("**Answer:** {C}", "say"), E("**Therefore, {c}**", "say"), E("**Answer:** ${B}$", "box", "slot")),
    ),
    Frame(
        "phi",
        "chat",
        "en",
        "dollar",
        intro=(
            "To solve this problem, we need to carefully analyze the given information and proceed step by step.",
            "Let's carefully work through this problem, making sure each step is justified.",
        ),
        layout=_phi_layout,
        endings=(
            E("The answer is: {X}", "slot"),
            E("Final Answer: {S}", "say"),
            E("Therefore, the final answer is ${B}$.", "box", "slot"),
            E("{C} The answer is {S}.", "say"),
        ),
    ),
    Frame(
        "minerva_base",
        "chat",
        "en",
        "dollar",
        intro=("",),
        layout=paragraphs,
        endings=(E("Final Answer: The final answer is ${X}$. I hope it is correct.", "slot"),),
        continuation=minerva_next,
        max_pad=3,
    ),
    Frame(
        "base_fewshot",
        "chat",
        "en",
        "plain",
        intro=("Let's think step by step.", ""),
        layout=one_paragraph,
        sources=("gsm8k",),
        endings=(E("The answer is {X}.", "slot"), E("#### {X}", "slot")),
        continuation=fewshot_next,
        max_pad=2,
    ),
]
