"""How each public grader's prompt makes a model end its answer.

Every style below is the answer format that a grader or eval harness asks for and that models
really produce under it. ``render`` turns one answer form into a short response in that style.
A form is LaTeX (math mode) unless it starts with ``T:``, which marks plain text that a model
would write outside math mode ("150 dollars", "300千米").
"""

from __future__ import annotations

import random
import re

STYLES = (
    "minerva",
    "hendrycks_math",
    "qwen_math",
    "mario",
    "nemo_skills",
    "inspect",
    "lighteval",
    "simple_evals",
    "verl_gsm8k",
    "verl_math",
    "open_r1",
    "reward_kit",
)

# Styles whose format is a plain number (GSM8K's `#### N`): only numeric forms go there.
NUMERIC_ONLY = {"verl_gsm8k"}

_NUMERIC = re.compile(r"^-?[\d.,\\!{}\s]+$")
_PLAIN_NUMBER = re.compile(r"^-?(\d{1,3}([, ]\d{3})+|\d+)(\.\d+)?$")

# Leads are the last sentence of the model's work before the answer line. They hold no numbers,
# so the only value in a response is the answer form itself (the long corpus has real reasoning).
LEADS = {
    "generic": [
        "Putting everything together, we obtain the result.",
        "Simplifying gives the final value.",
        "Combining the two cases above finishes the problem.",
        "Checking the result against the original conditions, it works.",
        "This is the only value consistent with every condition.",
        "After simplifying, the computation is complete.",
    ],
}


def is_text(form: str) -> bool:
    """Whether a form is plain text (``T:`` prefix) rather than LaTeX."""
    return form.startswith("T:")


def body(form: str) -> str:
    """The form without its ``T:`` marker."""
    return form[2:] if is_text(form) else form


def is_numeric(form: str) -> bool:
    """Whether a form is a bare number that GSM8K-style formats can carry."""
    return bool(_NUMERIC.match(body(form))) and any(c.isdigit() for c in form)


def compatible(style: str, form: str) -> bool:
    """Whether a model would plausibly write this form in this style."""
    if style in NUMERIC_ONLY:
        return bool(_PLAIN_NUMBER.match(body(form)))
    return True


def _inline(form: str) -> str:
    text = body(form)
    return text if is_text(form) else f"${text}$"


def _bare(form: str, rng: random.Random) -> str:
    text = body(form)
    if is_text(form) or is_numeric(form):
        return text
    return f"${text}$" if rng.random() < 0.5 else text


def _boxed(form: str) -> str:
    return "\\boxed{" + body(form) + "}"


def _mario_code(form: str) -> str:
    value = body(form).replace("\\!", "").replace("{,}", ",")
    return f"```python\nfrom sympy import *\n\nresult = solve_problem()\nprint(result)\n```\n```output\n{value}\n```\n"


def render(style: str, form: str, rng: random.Random, lead: str | None = None) -> str:
    """One response in ``style`` whose final answer is ``form``."""
    lead = lead if lead is not None else rng.choice(LEADS["generic"])
    m, b, bx = _inline(form), _bare(form, rng), _boxed(form)
    templates = {
        "minerva": [
            f"{lead}\nFinal Answer: The final answer is {m}. I hope it is correct.",
            f"{lead} So the answer is ${bx}$.\nFinal Answer: The final answer is {m}. I hope it is correct.",
            f"Final Answer: The final answer is {m}. I hope it is correct.",
        ],
        "hendrycks_math": [
            f"{lead} Therefore the answer is ${bx}$.",
            f"{lead} We conclude that the answer is $\\boxed{{{body(form)}}}$.",
            f"${bx}$",
        ],
        "qwen_math": [
            f"{lead}\n\nTherefore, the final answer is $\\boxed{{{body(form)}}}$.",
            f"{lead}\n\\[\n{bx}\n\\]",
            f"{lead} Thus, the answer is \\({bx}\\).",
        ],
        "mario": [
            f"{lead}\n{_mario_code(form)}The answer is $\\boxed{{{body(form)}}}$."
            if is_numeric(form)
            else f"{lead} The answer is: ${bx}$",
            f"{lead} The answer is: ${bx}$",
        ],
        "nemo_skills": [
            f"{lead}\n\n{bx}",
            f"{lead} So the answer is {bx}.",
            bx,
        ],
        "inspect": [
            f"{lead}\n\nANSWER: {b}",
            f"{lead}\n\n**Final answer:**\nANSWER: {b}",
            f"ANSWER: {b}",
        ],
        "lighteval": [
            f"{lead}\n\nTherefore, the final answer is: ${bx}$. I hope it is correct",
            f"Therefore, the final answer is: ${bx}$. I hope it is correct",
        ],
        "simple_evals": [
            f"{lead}\n\nAnswer: {b}",
            f"{lead}\nAnswer: {b}",
        ],
        "verl_gsm8k": [
            f"{lead}\n#### {body(form)}",
            f"{lead} The answer is {body(form)}.\n#### {body(form)}",
        ],
        "verl_math": [
            f"{lead} The answer is ${bx}$.",
            f"{lead}\nAnswer: {b}",
        ],
        "open_r1": [
            f"<think>\n{lead}\n</think>\n\nThe answer is ${bx}$.",
            f"<think>\n{lead}\n</think>\n<answer>\n${bx}$\n</answer>",
            m if not is_text(form) else f"${bx}$",
        ],
        "reward_kit": [
            f"{lead}\n<answer>{body(form)}</answer>",
            f"{lead} The answer is {m}.",
        ],
    }
    return rng.choice(templates[style])
