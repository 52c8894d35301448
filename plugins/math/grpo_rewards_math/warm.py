"""Warm a pool worker's math stack before its first real sample.

This module is in the ``math`` reward's preload, so every pool worker imports
it when it starts, and importing it scores :data:`WARM_CASES` once. Without
it, a worker's first sample that reaches the LaTeX parser pays the parser's
first-use costs: ANTLR builds its prediction tables lazily and math-verify
compiles its patterns on first use, about 90-340 ms on this project's 2-core
machine for an answer as plain as ``1}``. In GRPO that is a reward spike in
the first steps of a run, once per worker, on whichever step first sends each
worker such an answer (measured on the demo-size model: 70-190 ms steps of the
math reward against 9-14 ms once every worker was warm).

The cases cover the parser's main paths (fractions, radicals, a set, an
interval, a decimal, an equation, an unbalanced brace, a prose answer). They
are scored with the default options and their verdicts are checked, so a
worker whose math stack gives wrong answers fails here, at start-up, rather
than on a training sample; the exception is swallowed by the pool's preload
loop and the first real sample then reports it with a traceback.
"""

from __future__ import annotations

from grpo_rewards import Group, Sample

__all__ = ["WARM_CASES", "warm"]

#: (completion, gold, expected verdict kind)
WARM_CASES: tuple[tuple[str, str, str], ...] = (
    ("<think>x</think>\\boxed{\\frac{3}{4}}", "0.75", "correct"),
    ("<think>x</think>\\boxed{2\\sqrt{5}-1}", "2\\sqrt{5}-1", "correct"),
    ("<think>x</think>\\boxed{\\{1, 2\\}}", "\\{1,2\\}", "correct"),
    ("<think>x</think>\\boxed{[0, 1)}", "[0,1)", "correct"),
    ("<think>x</think>\\boxed{x = 3}", "3", "correct"),
    ("<think>x</think>\\boxed{2.5\\pi}", "\\frac{5\\pi}{2}", "correct"),
    ("<think>0+5+0=5</think>1}", "1045", "incorrect"),
    ("So the answer is $\\frac{1}{2}$.", "1/3", "incorrect"),
)


def warm() -> list[str]:
    """Score :data:`WARM_CASES` here and return their verdict kinds; raises if one is not the expected verdict."""
    from .options import MathOptions
    from .reward import MathReward

    reward = MathReward(MathOptions())
    kinds: list[str] = []
    for i, (completion, gold, expected) in enumerate(WARM_CASES):
        sample = Sample(completion, prompt="warm-up", row={"answer": gold}, index=i)
        group = Group(key=f"warm-{i}", prompt="warm-up", row={"answer": gold}, samples=(sample,))
        verdict = reward.score(sample, reward.prepare(group))
        if verdict.kind != expected:
            raise RuntimeError(f"math warm-up: {completion!r} against {gold!r} gave {verdict.kind}, expected {expected}")
        kinds.append(verdict.kind)
    return kinds


warm()
