"""Builds habits.jsonl: how real completions end, beyond the answer itself (the math reward's own cases).

Run from the repository root: ``.venv/bin/python tests/math/cases/make_habits.py tests/math/cases/habits.jsonl``.

Each row is ``category, gold, completion, expect`` and, where the prompt matters, ``prompt``.
Categories:

* ``continued_generation``: a base model under a few-shot prompt answers, then writes a new
  block (``Problem:``, ``Question:``, ``Q:``, ``Problem 2:``, ``## Problem``, ``问题：``, ...) with its
  own answer. The first problem's answer counts; the new blocks are written both ways (their
  last answer equal to the gold after a wrong first answer, and the other way round).
* ``header_before_answer``: a ``Question:`` or ``Problem:`` line inside the reasoning, before any
  answer is stated: the completion is read whole.
* ``special_tokens``: ``<|im_end|>``, ``</s>``, ``<|eot_id|>``, ``<｜end▁of▁sentence｜>``,
  ``<end_of_turn>``, ``<|endoftext|>`` after the answer, sometimes followed by a turn the model
  invented; a tool turn or a harmony ``final`` message continues the answer.
* ``final_answer_block``, ``boxed_forms``, ``gold_forms``: ``**Final Answer**`` after ``</think>``,
  ``\\boxed`` inside ``\\[ \\]`` with ``\\text{}`` units, ``$\\boxed{...}$.``, money, commas, MATH golds.
"""
# ruff: noqa: E501 - one case per line reads best

import json
import sys

T, F = True, False
ROWS: list[dict] = []

BODY = (
    "Janet's ducks lay 16 eggs per day. She eats three for breakfast every morning and bakes muffins with four.\n"
    "So she has $16 - 3 - 4 = 9$ eggs left to sell. She sells them at \\$2 each, so she makes $9 \\times 2 = 18$ dollars."
)
MINERVA_NEXT = (
    "\n\nProblem:\nIf $3x + 5 = 20$, what is the value of $x$?\n\nSolution:\nSubtracting 5 gives $3x = 15$, so $x = 5$.\n"
    "Final Answer: The final answer is $5$. I hope it is correct."
)


def add(category: str, gold: str, completion: str, right: bool, prompt: str = "") -> None:
    row = {"category": category, "gold": gold, "completion": completion, "expect": "correct" if right else "incorrect"}
    if prompt:
        row["prompt"] = prompt
    ROWS.append(row)


def both(category: str, first: str, later: str, completion: str, prompt: str = "") -> None:
    """The first problem's answer is ``first``; a later block answers ``later``: only ``first`` counts."""
    add(category, first, completion, T, prompt)
    add(category, later, completion, F, prompt)


# --- continued generation: the first block's answer counts ---------------------------------------
C = "continued_generation"
both(C, "18", "5", f"{BODY}\nFinal Answer: The final answer is $18$. I hope it is correct.{MINERVA_NEXT}")
both(
    C,
    "18",
    "5",
    f"{BODY}\nFinal Answer: The final answer is $18$. I hope it is correct.\n\nProblem: If $3x + 5 = 20$, what is $x$?\nSolution: $x = 5$.\nFinal Answer: The final answer is $5$. I hope it is correct.",
)
both(
    C,
    "18",
    "12",
    f"{BODY}\n#### 18\n\nQuestion: Tom has 20 apples and gives away 8. How many are left?\nAnswer: He has 20 - 8 = 12 apples left.\n#### 12",
)
both(
    C,
    "18",
    "12",
    f"{BODY} The answer is 18.\n\nQ: Tom has 20 apples and gives away 8. How many are left?\nA: Tom started with 20 apples. He gave 8 away, so 20 - 8 = 12. The answer is 12.",
)
both(
    C,
    "18",
    "12",
    f"{BODY} The answer is 18.\n\nQ2: Tom has 20 apples and gives away 8. How many are left?\nA2: 20 - 8 = 12. The answer is 12.",
)
both(
    C,
    "18",
    "4",
    f"{BODY}\n\nThe answer is $\\boxed{{18}}$.\n\nProblem 2: Solve $2x = 8$.\n\nSolution: Dividing by 2, $x = \\boxed{{4}}$.",
)
both(
    C,
    "18",
    "4",
    f"{BODY}\n\nThe answer is $\\boxed{{18}}$.\n\n## Problem\nSolve $2x = 8$.\n\n## Solution\nDividing by 2, $x = \\boxed{{4}}$.",
)
both(C, "18", "4", f"{BODY}\n\n$\\boxed{{18}}$\n\n### Problem 3\nSolve $2x = 8$.\n\nDividing by 2 gives $\\boxed{{4}}$.")
both(C, "18", "4", f"{BODY}\n\n**Answer:** 18\n\n**Question:** Solve $2x = 8$.\n\n**Answer:** 4")
both(C, "18", "4", f"{BODY}\n\n**Answer:** 18\n\n**Problem 2:** Solve $2x = 8$.\n\n**Answer:** 4")
both(
    C,
    "\\frac{3}{4}",
    "\\frac{1}{2}",
    "The probability of not rolling a 1 or 2 on the first die is $\\frac{4}{6}$, and ... combining the cases gives $\\frac{3}{4}$.\n\nThe answer is $\\boxed{\\frac{3}{4}}$.\n\nProblem:\nA fair coin is flipped once. What is the probability of heads?\n\nSolution:\nThere are two equally likely outcomes, so the answer is $\\boxed{\\frac{1}{2}}$.",
)
both(
    C,
    "12",
    "7",
    "每个人分到 $36 \\div 3 = 12$ 个苹果。\n答案：12\n\n问题：小明有 10 元，花了 3 元，还剩多少元？\n解答：$10 - 3 = 7$。\n答案：7",
)
both(C, "12", "7", "每个人分到 $36 \\div 3 = 12$ 个苹果。\n答案：12\n\n题目：小明有 10 元，花了 3 元，还剩多少元？\n答案：7")
both(
    C,
    "35",
    "7",
    "Il a d'abord 50 euros, il dépense 15 euros, donc il lui reste $50 - 15 = 35$ euros.\nRéponse : 35\n\nQuestion : Marie a 10 pommes et en mange 3. Combien lui en reste-t-il ?\nRéponse : 7",
)
both(
    C,
    "35",
    "7",
    "Er hat zuerst 50 Euro und gibt 15 Euro aus, also bleiben $50 - 15 = 35$ Euro.\nAntwort: 35\n\nAufgabe: Anna hat 10 Äpfel und isst 3. Wie viele bleiben?\nAntwort: 7",
)
both(
    C,
    "35",
    "7",
    "Tenía 50 euros y gastó 15, así que le quedan $50 - 15 = 35$ euros.\nLa respuesta es 35.\n\nProblema: María tiene 10 manzanas y se come 3. ¿Cuántas le quedan?\nLa respuesta es 7.",
)
both(
    C,
    "35",
    "7",
    "Сначала было 50 рублей, он потратил 15, значит осталось $50 - 15 = 35$ рублей.\nОтвет: 35\n\nЗадача: У Маши 10 яблок, она съела 3. Сколько осталось?\nОтвет: 7",
)
both(
    C, "8", "7", "全部で $24 \\div 3 = 8$ 個です。\n答え：8\n\n問題：りんごが10個あり、3個食べました。残りは何個ですか。\n答え：7"
)
both(C, "18", "10", f"{BODY} The answer is 18.\n\nHuman: What is 5 + 5?\n\nAssistant: 5 + 5 = 10. The answer is 10.")
# the prompt's own block header (not one we know) ends the first block
FEWSHOT = "Exercise: Sam has 3 pens and buys 2 more. How many pens?\nWorked solution: 3 + 2 = 5. The answer is 5.\n\nExercise: Janet's ducks lay 16 eggs per day. She eats 3 and bakes with 4, and sells the rest at $2. How much does she make?\nWorked solution:"
both(
    C,
    "18",
    "12",
    f"{BODY} The answer is 18.\n\nExercise: Tom has 20 apples and gives away 8. How many are left?\nWorked solution: 20 - 8 = 12. The answer is 12.",
    FEWSHOT,
)
# hedging by writing the same problem again with other answers gains nothing: only the first counts
add(
    C,
    "18",
    f"{BODY[:110]} So the answer is 16.\n\nProblem: Janet's ducks lay 16 eggs per day; she eats 3 and bakes with 4, selling the rest at \\$2.\nSolution: $9 \\times 2 = 18$. The answer is 18.\n\nProblem: the same again.\nSolution: The answer is 18.",
    F,
)
add(C, "18", f"{BODY}\n\nThe answer is $\\boxed{{16}}$.\n\nQuestion: Is the answer 18?\nAnswer: $\\boxed{{18}}$", F)
# a self-correction after the first answer but before any new header still counts
add(
    C,
    "18",
    f"{BODY[:110]} The answer is 16.\n\nWait, I forgot to subtract only 7 eggs: $16 - 7 = 9$, and $9 \\times 2 = 18$. The answer is 18.\n\nQuestion: Tom has 20 apples and gives away 4. How many are left?\nAnswer: 20 - 4 = 16. The answer is 16.",
    T,
)
add(
    C,
    "16",
    f"{BODY[:110]} The answer is 16.\n\nWait, I forgot to subtract only 7 eggs: $16 - 7 = 9$, and $9 \\times 2 = 18$. The answer is 18.\n\nQuestion: Tom has 20 apples and gives away 4. How many are left?\nAnswer: 20 - 4 = 16. The answer is 16.",
    F,
)
add(
    C,
    "18",
    f"{BODY}\n\n$\\boxed{{16}}$\n\nHmm, that is not right: the eggs left are $9$ and $9 \\cdot 2 = 18$, so $\\boxed{{18}}$.\n\nProblem: Solve $x + 4 = 20$.\nSolution: $\\boxed{{16}}$",
    T,
)
# a header that goes on with a correction is not a new problem
add(
    C,
    "18",
    f"{BODY[:110]} The answer is 16.\n\nQ: Wait, did I subtract the muffin eggs? 16 - 3 - 4 = 9 and 9 * 2 = 18. The answer is 18.",
    T,
)
# numbered headers that name the parts of a multi-part answer do not cut
add(
    C,
    "3, 5",
    "Problem 1: the smaller root of $x^2 - 8x + 15 = 0$ is $\\boxed{3}$.\n\nProblem 2: the larger root is $\\boxed{5}$.",
    T,
)
# a block header inside the thinking, after a tentative answer, does not end the completion
add(
    C,
    "18",
    "<think>\nSixteen eggs, minus seven, nine left. The answer is 16? No.\nQuestion: what does she sell? The nine eggs, at 2 dollars.\n</think>\n\nShe sells $9$ eggs at \\$2 each: $\\boxed{18}$.",
    T,
)

# --- a header inside the reasoning, before any answer: read whole ---------------------------------
H = "header_before_answer"
add(
    H, "18", "**Problem:** Janet's ducks lay 16 eggs per day...\n\n**Solution:**\n" + BODY + "\n\nThe answer is $\\boxed{18}$.", T
)
add(
    H,
    "18",
    "Question: how many eggs are left to sell?\n16 - 3 - 4 = 9.\nQuestion: how much money is that?\n9 \\times 2 = 18.\n\nThe answer is 18.",
    T,
)
add(
    H,
    "18",
    "Q: How many eggs are left?\nA: 16 - 3 - 4 = 9.\n\nQ: How much does she earn?\nA: 9 \\times 2 = 18 dollars.\n\n#### 18",
    T,
)
add(
    H,
    "20",
    "Q: How many eggs are left?\nA: 16 - 3 - 4 = 9.\n\nQ: How much does she earn?\nA: 9 \\times 2 = 18 dollars.\n\n#### 18",
    F,
)
add(
    H,
    "24",
    "Let me restate it.\nProblem 1: the tank holds 600 liters and fills at 25 liters per minute.\nSo it takes $600 / 25 = 24$ minutes.\n\nFinal Answer: The final answer is $24$. I hope it is correct.",
    T,
)

# --- special tokens after the answer ---------------------------------------------------------------
S = "special_tokens"
add(S, "18", f"{BODY} The answer is 18<|im_end|>", T)
INVENTED = "<|im_end|>\n<|im_start|>user\nAre you sure? I think it is 20.<|im_end|>\n<|im_start|>assistant\n"
both(S, "18", "20", f"{BODY}\n\n\\boxed{{18}}{INVENTED}You are right, the answer is \\boxed{{20}}.<|im_end|>")
add(S, "18", f"{BODY}\n#### 18</s>", T)
add(S, "12", f"{BODY}\n#### 18</s>\n\nTom has 20 apples and gives away 8, so 12 are left.\n#### 12</s>", F)
add(S, "18", f"{BODY}\nThe final answer is $\\boxed{{18}}$.<|eot_id|>", T)
add(
    S,
    "18",
    f"{BODY}\nSo she makes 18 dollars a day.<|eot_id|><|start_header_id|>user<|end_header_id|>\n\nNow do it for 20 eggs.<|eot_id|><|start_header_id|>assistant<|end_header_id|>\n\nWith 20 eggs she makes 26 dollars.",
    T,
)
add(
    S,
    "18",
    f"<think>\nNine eggs at two dollars.\n</think>\n\n{BODY}\n\n**Final Answer**\n\\[\n\\boxed{{18}}\n\\]<｜end▁of▁sentence｜>",
    T,
)
add(
    S,
    "18",
    f"{BODY}\n\n**Answer:** 18<end_of_turn>\n<start_of_turn>user\nAnd with 20 eggs?<end_of_turn>\n<start_of_turn>model\n**Answer:** 26<end_of_turn>",
    T,
)
both(S, "18", "4", f"{BODY} The answer is 18.<|endoftext|>Human: What is 2 + 2?\nAssistant: The answer is 4.")
add(S, "18", f"{BODY} The answer is 18.<|end_of_text|>", T)
both(S, "18", "26", f"{BODY} The answer is 18. [INST] And with 20 eggs? [/INST] With 20 eggs she makes 26. The answer is 26.")
# a tool call and its result continue the answer; so does a harmony final message after the analysis
add(
    S,
    "42",
    'Let me compute $6 \\times 7$ with the tool.\n<tool_call>\n{"name": "python", "arguments": {"code": "print(6*7)"}}\n</tool_call><|im_end|>\n<|im_start|>user\n<tool_response>\n42\n</tool_response><|im_end|>\n<|im_start|>assistant\nThe tool says 42, so the answer is $\\boxed{42}$.<|im_end|>',
    T,
)
HARMONY = "<|channel|>analysis<|message|>Maybe the answer is 5. Check: 2 * 3 = 6, so the answer is 6, not 5.<|end|>"
both(S, "6", "5", HARMONY + "<|start|>assistant<|channel|>final<|message|>The answer is $\\boxed{6}$.<|return|>")
add(
    S,
    "6",
    "<|channel|>analysis<|message|>The answer is 5?\nQuestion: is 2 * 3 really 5? No, 6.<|end|><|start|>assistant<|channel|>final<|message|>$\\boxed{6}$<|return|>",
    T,
)
add(S, "6", "<s>5</s> Correction: the product is 6. The answer is 6.", T)

# --- cut off by the token limit while repeating the answer line: the repeated answer counts --------
R = "truncated_repetition"
both(R, "18", "1", f"{BODY}\nThe answer is 18.\nThe answer is 18.\nThe answer is 18.\nThe answer is 1")
add(R, "18", f"{BODY}\n#### 18\n#### 18\n#### 18\n####", T)
add(R, "18", f"{BODY} The answer is 18. The answer is 18. The answer is", T)
add(
    R,
    "125",
    f"{BODY}\nFinal Answer: The final answer is $125$.\nFinal Answer: The final answer is $125$.\nFinal Answer: The final answer is $12",
    T,
)
add(
    R,
    "12",
    f"{BODY}\nFinal Answer: The final answer is $125$.\nFinal Answer: The final answer is $125$.\nFinal Answer: The final answer is $12",
    F,
)
# a loop on a step that states no answer is still no answer; one earlier copy is not a loop
add(R, "18", "Let me check: 9 * 2 = 18.\nLet me check: 9 * 2 = 18.\nLet me check: 9 * 2 = 1", F)
add(R, "1", f"{BODY}\nThe answer is 12.\nThe answer is 1", T)

# --- solutions offered with "or": the gold's list when they are exactly its values; never a point or an interval
ALT = "or_alternatives"
FACTOR = "We factor $x^2 - x - 6 = (x - 3)(x + 2)$ and set each factor to zero.\n\n"
add(ALT, "-2, 3", FACTOR + "The solutions are $x = 3$ or $x = -2$.", T)
add(ALT, "-2, 3", FACTOR + "Les solutions sont $x = 3$ ou $x = -2$.", T)
add(ALT, "-2, 3", FACTOR + "The solutions are $x = 3$ or $x = 2$.", F)
add(ALT, "-2, 3", FACTOR + "The solution is maybe $x = 3$ or $x = -2$.", F)
add(ALT, "3", FACTOR + "The solutions are $x = 3$ or $x = -2$.", F)
INEQ = "We need $(x - 1)(x - 2) < 0$; the product changes sign at 1 and 2.\n\n"
add(ALT, "(1, 2)", INEQ + "So the answer is $x = 1$ or $x = 2$.", F)
add(ALT, "(1, 2)", INEQ + "The answer is 1 or 2.", F)
add(ALT, "(1, 2)", INEQ + "The answer is $\\boxed{(1, 2)}$.", T)
add(ALT, "(1, 2)", INEQ + "The answer is $\\boxed{1 < x < 2}$.", T)
add(ALT, "(-\\infty, 1) \\cup (2, \\infty)", INEQ.replace("< 0", "> 0") + "So $x < 1$ or $x > 2$.", T)

# --- one value spelt twice with "or" is no hedge: the exact spelling is read
RS = "restated_value"
CASES = "There are 4 equally likely outcomes and one of them is favourable.\n\n"
add(RS, "\\frac{1}{4}", CASES + "The probability is $\\frac{1}{4}$, or 25%.", T)
add(RS, "\\frac{1}{4}", CASES + "The probability is $\\frac{1}{4}$ (or 0.25).", T)
add(RS, "\\frac{1}{4}", CASES + "The answer is $\\frac{1}{4}$, or equivalently $0.25$.", T)
add(RS, "\\frac{1}{3}", "One of 3 outcomes.\n\nThe answer is $\\frac{1}{3}$, or about $0.333$.", T)
add(RS, "\\frac{1}{4}", CASES + "The probability is $\\frac{1}{4}$, or $\\frac{1}{3}$.", F)
add(RS, "\\frac{1}{4}", CASES + "The probability is $\\frac{1}{4}$, or maybe $0.25$.", F)
add(RS, "\\frac{1}{3}", "One of 3 outcomes.\n\nThe answer is $0.3$ or $\\frac{1}{3}$.", F)

# --- final answer blocks and boxed forms -----------------------------------------------------------
A = "final_answer_block"
add(A, "18", f"<think>\nOkay, 16 - 3 - 4 = 9 and 9 * 2 = 18.\n</think>\n\n{BODY}\n\n**Final Answer**\n\\boxed{{18}}", T)
add(A, "18", f"<think>\nOkay, 16 - 3 - 4 = 9 and 9 * 2 = 18.\n</think>\n\n{BODY}\n\n**Final Answer**\n\\boxed{{16}}", F)
add(A, "18", f"{BODY}\n\n**Final Answer**\n\\[\n\\boxed{{18 \\text{{ dollars}}}}\n\\]", T)
add(A, "18", f"{BODY}\n\n### Final Answer\n\\[ \\boxed{{\\$18}} \\]", T)
add(A, "18", f"{BODY}\n\n**Final Answer:** $\\boxed{{18}}$.", T)
add(A, "18", f"{BODY}\n\nThus, Janet makes $\\boxed{{18}}$ dollars every day at the farmers' market.", T)
add(A, "18", f"{BODY}\n\n**Final Answer**\n\nJanet makes \\(\\boxed{{18}}\\) dollars per day.", T)
B = "boxed_forms"
for span in [
    "18\\text{ dollars}",
    "\\$18",
    "18.00",
    "\\$18.00",
    "18 \\, \\text{dollars}",
    "\\text{18 dollars}",
    "\\text{\\$18}",
    "18\\ \\text{USD}",
    "\\textbf{18}",
    "18 \\text{ (dollars)}",
]:
    add(B, "18", f"{BODY}\n\nThe answer is $\\boxed{{{span}}}$.", T)
for span in ["16 \\text{ dollars}", "\\$16", "1.8", "180"]:
    add(B, "18", f"{BODY}\n\nThe answer is $\\boxed{{{span}}}$.", F)
add(B, "18", f"{BODY}\n\n$$\\boxed{{18}}\\text{{ dollars}}$$", T)
add(B, "18", f"{BODY}\n\nShe makes \\[\\boxed{{\\$18}}\\] per day.", T)
add(B, "1200", f"{BODY}\n\nThe total is $\\boxed{{\\$1,200}}$.", T)
add(B, "1200", f"{BODY}\n\nThe total is $\\boxed{{1,200}}$.", T)
add(B, "1200", f"{BODY}\n\nThe total is $\\boxed{{\\$1,\\!200.00}}$.", T)
add(B, "1200", f"{BODY}\n\nThe total is $\\boxed{{1.200}}$.", F)
add(B, "126", "The area is $14 \\times 9 = 126$ square meters.\n\n\\[\n\\boxed{126 \\text{ m}^2}\n\\]", T)
ANGLE = "The angles sum to $180^\\circ$, so the angle is $180 - 65 = 115$ degrees.\n\n"
for span, right in [("115^{\\circ}", T), ("115 \\text{ degrees}", T), ("65^\\circ", F)]:
    add(B, "115^\\circ", f"{ANGLE}\\[\\boxed{{{span}}}\\]", right)
G = "gold_forms"
add(G, "1,200", f"{BODY}\n\nThe total is $\\boxed{{1200}}$.", T)
add(G, "1,200", "So the answer is 1200.", T)
add(G, "1,200", "#### 1,200", T)
add(G, "1,200", f"{BODY}\n\nThe total is $\\boxed{{1.2}}$.", F)
add(G, "1,200", f"{BODY}\n\nThe total is $\\boxed{{120}}$.", F)
add(G, "\\frac{\\sqrt{3}}{2}", "Since $\\sin 60^\\circ = \\frac{\\sqrt3}{2}$, the answer is $\\boxed{\\dfrac{\\sqrt{3}}{2}}$.", T)
add(G, "\\frac{\\sqrt{3}}{2}", "The answer is $\\boxed{\\frac{1}{2}\\sqrt{3}}$.", T)
add(G, "\\frac{\\sqrt{3}}{2}", "The answer is $\\boxed{\\sqrt{3}/2}$.", T)
add(G, "\\frac{\\sqrt{3}}{2}", "The answer is $\\boxed{\\frac{\\sqrt{3}}{3}}$.", F)
add(G, "\\frac{\\sqrt{3}}{2}", "The answer is $\\boxed{0.866}$.", F)
add(G, "\\text{(C)}", "Only option (C) satisfies both conditions.\n\nThe answer is $\\boxed{C}$.", T)
add(G, "\\text{(C)}", "The answer is $\\boxed{\\text{(C)}}$.", T)
add(G, "\\text{(C)}", "Only option (C) satisfies both conditions, so the answer is (C).", T)
add(G, "\\text{(C)}", "Final Answer: The final answer is $\\text{(C)}$. I hope it is correct.", T)
add(G, "\\text{(C)}", "The answer is $\\boxed{\\textbf{(C)}}$.", T)
add(G, "\\text{(C)}", "Options (A) and (C) look close, but only (D) works. The answer is $\\boxed{D}$.", F)
add(G, "\\$1.25", "Each pencil costs $\\$5 \\div 4 = \\$1.25$.\n\nThe answer is $\\boxed{1.25}$.", T)
add(G, "\\$1.25", "The answer is $\\boxed{\\$1.25}$.", T)
add(G, "\\$1.25", "Each pencil costs \\$1.25.", T)
add(G, "\\$1.25", "The answer is $\\boxed{125 \\text{ cents}}$.", T)
add(G, "\\$1.25", "The answer is $\\boxed{\\$1.52}$.", F)
add(G, "\\$1.25", "The answer is $\\boxed{\\$125}$.", F)
add(G, "5\\text{ cm}^2", "The area is $\\boxed{5}$ square centimeters.", T)
add(G, "5\\text{ cm}^2", "The area is $\\boxed{5 \\text{ cm}^2}$.", T)
add(G, "5\\text{ cm}^2", "The area is $\\boxed{5\\ \\mathrm{cm}^2}$.", T)
add(G, "5\\text{ cm}^2", "The area is $\\boxed{25 \\text{ cm}^2}$.", F)
add(G, "0.\\overline{3}", "The answer is $\\boxed{\\frac{1}{3}}$.", T)
add(G, "0.\\overline{3}", "The answer is $\\boxed{0.\\overline{3}}$.", T)
add(G, "0.\\overline{3}", "The answer is $\\boxed{0.3\\overline{3}}$.", T)
add(G, "0.\\overline{3}", "The answer is $\\boxed{0.333}$.", F)
add(G, "0.\\overline{3}", "The answer is $\\boxed{0.3}$.", F)
add(G, "\\frac{1}{3}", "The answer is $\\boxed{0.\\overline{3}}$.", T)
add(G, "10\\%", "The answer is $\\boxed{10\\%}$.", T)
add(G, "18", "The answer is $\\boxed{18\\%}$.", T)


if __name__ == "__main__":
    out = sys.argv[1] if len(sys.argv) > 1 else "tests/math/cases/habits.jsonl"
    with open(out, "w", encoding="utf-8") as handle:
        for row in ROWS:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"{len(ROWS)} rows -> {out}")
