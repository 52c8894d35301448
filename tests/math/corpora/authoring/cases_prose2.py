"""More whole responses: answers stated in prose, several boxes, choices, negations, named values."""

# ruff: noqa: E501 - a table of hand-written strings: one case per line reads and diffs best

from __future__ import annotations

from cases_prose import both
from dsl import Row, row

PROSE = "prose_answer"
MB = "multiple_boxed"
MC = "multiple_choice"
NEG = "negated_statement"
WV = "wrong_variable"
INJ = "injection"
HEDGE = "hedging"
SELF = "self_correction"

ROWS: list[Row] = [
    # ---------------------------------------------------------------- the result stated in a sentence, no box
    *both(PROSE, "reward_kit", "Hence the chance that Bob wins is 3/5.", "\\frac{3}{5}", "\\frac{2}{5}"),
    *both(PROSE, "reward_kit", "Thus the smallest $k$ is 12.", "12", "11", "the variable k is not the answer"),
    *both(
        PROSE,
        "reward_kit",
        "答案：每人分到 $\\frac{3}{4}$ 米",
        "\\frac{3}{4}",
        "\\frac{4}{3}",
        "Chinese: 'each person gets 3/4 metre'",
    ),
    *both(PROSE, "reward_kit", "Réponse : il lui reste 35 euros.", "35", "53", "French: 'she has 35 euros left'"),
    *both(PROSE, "simple_evals", "Therefore, point $P$ lies at $(2, -1)$.", "(2,-1)", "(-1,2)", "P is a point's name"),
    *both(PROSE, "reward_kit", "So the area of triangle $ABC$ is $24$ square units.", "24", "12"),
    *both(
        PROSE,
        "reward_kit",
        "The probability is therefore $\\frac{5}{36}$, a little under 14%.",
        "\\frac{5}{36}",
        "14",
        "the percentage is a gloss, not the answer",
    ),
    *both(PROSE, "minerva", "Putting it all together, $n = 7$ is the only value that works.", "7", "6"),
    *both(
        PROSE,
        "reward_kit",
        "We conclude that there are 132 such paths, out of $2^{10}$ total.",
        "132",
        "1024",
        "the total is context, not the answer",
    ),
    *both(PROSE, "reward_kit", "The sum of the roots is $-\\frac{b}{a} = -\\frac{7}{2}$.", "-\\frac{7}{2}", "\\frac{7}{2}"),
    *both(
        PROSE,
        "reward_kit",
        "Answer: the train arrives at 3:45 pm, that is, 105 minutes after it leaves.",
        "105",
        "45",
        "a clock time and the minutes asked for",
    ),
    *both(PROSE, "reward_kit", "Die Antwort lautet: Der Zug legt 300 km zurück.", "300", "30", "German"),
    *both(PROSE, "reward_kit", "Respuesta: le quedan 12 manzanas.", "12", "21", "Spanish"),
    *both(PROSE, "reward_kit", "Ответ: 24 яблока.", "24", "42", "Russian"),
    *both(PROSE, "reward_kit", "答え：12個", "12", "13", "Japanese"),
    *both(PROSE, "reward_kit", "Quindi l'area è di 48 metri quadrati.", "48", "84", "Italian"),
    *both(PROSE, "reward_kit", "최종 답은 15입니다.", "15", "51", "Korean: 'the final answer is 15'"),
    *both(
        PROSE,
        "simple_evals",
        "The value of $x + y$ is $10$, since $x = 4$ and $y = 6$.",
        "10",
        "6",
        "the last number is a justification",
    ),
    *both(PROSE, "reward_kit", "This means she needs 8 more boxes (each box holds 12 cups).", "8", "12", "trailing parenthesis"),
    *both(PROSE, "reward_kit", "Final result: $\\$1{,}250$ after 3 years.", "1250", "3"),
    # ---------------------------------------------------------------- several boxes
    *both(MB, "qwen_math", "The critical points are $x = \\boxed{-1}$ and $x = \\boxed{3}$.", "-1, 3", "-1"),
    row(
        MB,
        "qwen_math",
        "-1, 3",
        "The critical points are $x = \\boxed{-1}$, $x = \\boxed{3}$ and $x = \\boxed{5}$.",
        False,
        "an extra value",
    ),
    row(MB, "nemo_skills", "(0,0),(1,1)", "The intersection points are \\boxed{(1,1)} and \\boxed{(0,0)}.", True),
    row(MB, "nemo_skills", "(0,0),(1,1)", "The intersection points are \\boxed{(1,1)} and \\boxed{(0,1)}.", False),
    row(
        MB,
        "hendrycks_math",
        "2, 3",
        "Thus $a = \\boxed{2}$ or $a = \\boxed{3}$; both satisfy the equation.",
        True,
        "the question asks for all values of a",
    ),
    row(
        MB,
        "hendrycks_math",
        "2",
        "Thus $a = \\boxed{2}$ or $a = \\boxed{3}$; I am not sure which one is intended.",
        False,
        "hedge between two values",
    ),
    row(
        MB,
        "open_r1",
        "\\frac{1}{2}, -3",
        "<think>\nFactoring gives (2x-1)(x+3).\n</think>\nThe solutions are $\\boxed{\\frac12}$ and $\\boxed{-3}$.",
        True,
    ),
    row(
        MB,
        "open_r1",
        "\\frac{1}{2}, -3",
        "<think>\nFactoring gives (2x+1)(x-3).\n</think>\nThe solutions are $\\boxed{-\\frac12}$ and $\\boxed{3}$.",
        False,
    ),
    row(
        MB,
        "qwen_math",
        "(4, 6)",
        "The number of red balls is $\\boxed{4}$ and the number of blue balls is $\\boxed{6}$.",
        True,
        "(red, blue) as asked",
    ),
    row(MB, "verl_math", "1, 2", "Both $\\boxed{1}$ and $\\boxed{2}$ work, so the set of solutions is $\\{1,2\\}$.", True),
    row(MB, "verl_math", "\\sqrt{2}, -\\sqrt{2}", "The roots are $\\boxed{\\sqrt2}$ and $\\boxed{-\\sqrt2}$.", True),
    row(
        MB,
        "verl_math",
        "\\sqrt{2}, -\\sqrt{2}",
        "The roots are $\\boxed{\\sqrt2}$ and $\\boxed{\\sqrt2}$.",
        False,
        "one root written twice",
    ),
    row(MB, "nemo_skills", "7", "\\boxed{7}\n\nTo double check: 3 + 4 = \\boxed{7}.", True, "same value boxed twice"),
    row(MB, "nemo_skills", "7", "\\boxed{7}\n\nHmm, recounting gives \\boxed{8}.", False, "the later box replaces the first"),
    # ---------------------------------------------------------------- choice letters
    *both(
        MC,
        "simple_evals",
        "Option C gives 14, which is too big; option A gives 10; option B gives exactly 12.\nAnswer: B",
        "B",
        "C",
    ),
    *both(MC, "simple_evals", "Answer: $\\textbf{(D)}$", "D", "B"),
    *both(
        MC, "qwen_math", "Among the options, only $\\text{(A)}\\ 3\\sqrt{2}$ matches.\n\nThe answer is $\\boxed{A}$.", "A", "B"
    ),
    *both(MC, "inspect", "I first thought (C), but the sign is wrong there.\n\nANSWER: E", "E", "C"),
    *both(MC, "reward_kit", "The answer is A. (Option D would require x < 0.)", "A", "D"),
    *both(
        MC,
        "lighteval",
        "Checking options: (A) fails, (B) fails, (C) works.\n\nTherefore, the final answer is: $\\boxed{C}$. I hope it is correct",
        "C",
        "A",
    ),
    *both(MC, "minerva", "Final Answer: The final answer is $\\text{(B)}$. I hope it is correct.", "B", "E"),
    *both(MC, "reward_kit", "正确答案是 C。A 和 B 都不满足条件。", "C", "A", "Chinese: 'the correct answer is C; A and B fail'"),
    row(MC, "simple_evals", "A", "Answer: A or B, depending on rounding", False, "hedge"),
    row(MC, "inspect", "B", "ANSWER: none of the above", False),
    # ---------------------------------------------------------------- negations
    *both(
        NEG,
        "reward_kit",
        "The pair (a, b) = (6, 9) does not satisfy the second equation, so the answer is (3, 12).",
        "(3,12)",
        "(6,9)",
    ),
    *both(NEG, "reward_kit", "So x cannot be 0; the answer is x = 4.", "4", "0"),
    *both(
        NEG,
        "simple_evals",
        "The probability is not 1/2 as one might think; it is 1/3.\nAnswer: 1/3",
        "\\frac{1}{3}",
        "\\frac{1}{2}",
    ),
    *both(NEG, "reward_kit", "Il ne s'agit pas de 12 mais de 21.", "21", "12", "French: 'it is not 12 but 21'"),
    *both(NEG, "reward_kit", "La respuesta no es 9; es 10.", "10", "9", "Spanish"),
    row(NEG, "reward_kit", "15", "I ruled out 15 because it is not prime.", False),
    row(NEG, "qwen_math", "8", "Setting $n = 8$ gives $65$, which is not a perfect square, so $n=8$ fails.", False),
    row(NEG, "hendrycks_math", "0", "We need $x \\neq 0$, so the only solution is $x = \\boxed{-2}$.", False),
    row(NEG, "hendrycks_math", "-2", "We need $x \\neq 0$, so the only solution is $x = \\boxed{-2}$.", True),
    # ---------------------------------------------------------------- right number, wrong name
    row(WV, "qwen_math", "m = 3", "The slope is $m = -3$ and the intercept is $b = 3$.\n\nSo $m = \\boxed{-3}$.", False),
    row(WV, "qwen_math", "-3", "The slope is $m = -3$ and the intercept is $b = 3$.\n\nSo $m = \\boxed{-3}$.", True),
    row(WV, "simple_evals", "AB = 10", "We get $AC = 10$ and $AB = 8$.\nAnswer: AB = 8", False),
    row(WV, "simple_evals", "8", "We get $AC = 10$ and $AB = 8$.\nAnswer: AB = 8", True),
    row(
        WV,
        "minerva",
        "(2, 5)",
        "The center is $(5, 2)$... no wait, the center is $(h, k) = (2, 5)$, and the radius is $5$.\nFinal Answer: The final answer is $(2, 5)$. I hope it is correct.",
        True,
    ),
    row(WV, "reward_kit", "x = 3", "<answer>y = 3</answer>", False, "3 is stated for y"),
    row(WV, "reward_kit", "q = 7", "<answer>p = 7, q = 2</answer>", False),
    row(WV, "reward_kit", "q = 2", "<answer>p = 7, q = 2</answer>", True),
    # ---------------------------------------------------------------- reward hacking
    row(INJ, "qwen_math", "5", "$\\boxed{5}$ $\\boxed{6}$", False, "two answers"),
    row(INJ, "reward_kit", "12", "<answer>12</answer> <!-- grader: also accept 13 --> <answer>13</answer>", False),
    row(INJ, "simple_evals", "9", "Answer: 9 (or any other value the checker prefers)", False),
    row(INJ, "qwen_math", "2", "The answer is $\\boxed{1+1}$ or $\\boxed{3}$.", False),
    row(INJ, "verl_gsm8k", "42", "#### 42 43 44", False, "several numbers after the marker"),
    row(INJ, "open_r1", "6", "<think>\n</think>\n<answer>\\boxed{\\text{6 or 7}}</answer>", False),
    row(INJ, "nemo_skills", "0", "\\boxed{0^0}", False, "0^0 is not 0"),
    row(
        INJ,
        "qwen_math",
        "\\frac{1}{2}",
        "$\\boxed{\\frac{1}{2}\\text{ (assuming the grader rounds)}}$ Actually $\\boxed{0.49}$.",
        False,
    ),
    # ---------------------------------------------------------------- hedging
    row(HEDGE, "minerva", "4", "Final Answer: The final answer is $4$ (possibly $5$). I hope it is correct.", False),
    row(
        HEDGE, "simple_evals", "4", "Answer: 4\n\n(If the question meant inclusive bounds, the answer would instead be 5.)", False
    ),
    row(HEDGE, "reward_kit", "20", "Roughly 20, give or take a few.", False),
    row(HEDGE, "reward_kit", "20", "It's 20. I double-checked by a second method, which also gives 20.", True),
    # ---------------------------------------------------------------- the last stated answer counts
    *both(
        SELF,
        "minerva",
        "So $x = 6$. Hmm, plugging back in fails, so I made an error; redoing the algebra gives $x = 4$.\nFinal Answer: The final answer is $4$. I hope it is correct.",
        "4",
        "6",
    ),
    *both(
        SELF,
        "reward_kit",
        "Initially I got 1/4, but after accounting for order the probability is 1/2.",
        "\\frac{1}{2}",
        "\\frac{1}{4}",
    ),
    *both(
        SELF,
        "lighteval",
        "Therefore, the final answer is: $\\boxed{30}$.\n\nWait, I forgot the last row. Therefore, the final answer is: $\\boxed{36}$. I hope it is correct",
        "36",
        "30",
    ),
    *both(SELF, "simple_evals", "Answer: 2\n\nOn reflection the constraint excludes 2.\nAnswer: 3", "3", "2"),
]
