"""Builds completions.jsonl: the math reward's own long-completion development cases.

Run from the repository root: ``.venv/bin/python tests/math/cases/make_completions.py tests/math/cases/completions.jsonl``.
Reasoning sentences are drawn with a fixed seed; each ending style is written right and wrong.
"""
# ruff: noqa: E501 - one case per line reads best

# Realistic long completions: (category, gold, completion, correct?)
import random

T, F = True, False
R = random.Random(7)
FILLER = [
    "Let me set up the problem carefully. We are told that the total is split into three parts, and the second part is twice the first.",
    "If we let $x$ be the first part, then the second is $2x$ and the third is $x + 4$, so $x + 2x + x + 4 = 24$, giving $4x = 20$ and $x = 5$.",
    "Hmm, wait. Let me double-check that: $4 \\cdot 5 + 4 = 24$. Yes, that works.",
    "Now we compute the area of the triangle with base $6$ and height $4$: $\\frac{1}{2} \\cdot 6 \\cdot 4 = 12$.",
    "Alternatively, we could use the formula $A = \\frac{1}{2}ab\\sin C$, but that requires the angle, which we do not know.",
    "Since $n^2 - 1 = (n-1)(n+1)$, the product of two consecutive even numbers is divisible by $8$.",
    "Plugging in $t = 3$, we get $d = 60 \\cdot 3 = 180$ miles.",
    "The discriminant is $b^2 - 4ac = 9 - 8 = 1 > 0$, so there are two real roots.",
    "We check the boundary case $k = 11$: $11 \\cdot 12 = 132$, which is larger than $130$.",
    "So far we have $S_1 = 3$, $S_2 = 7$, and the pattern suggests $S_n = 2^{n+1} - 1$.",
]


def think(n=None):
    n = n or R.randint(3, 8)
    return " ".join(R.choice(FILLER) for _ in range(n))


L = []


def add(cat, gold, comp, ok):
    L.append((cat, gold, comp, ok))


# boxed endings, with and without think tags
for gold, right, wrong in [
    ("18", "18", "16"),
    ("\\frac{3}{5}", "\\frac{3}{5}", "\\frac{2}{5}"),
    ("2\\sqrt{5}", "2\\sqrt{5}", "\\sqrt{5}"),
    ("(2,3)", "(2, 3)", "(3, 2)"),
    ("[1,4)", "[1,4)", "[1,4]"),
    ("72", "72", "24"),
    ("\\frac{\\pi}{3}", "\\dfrac{\\pi}{3}", "\\dfrac{\\pi}{6}"),
]:
    add("boxed", gold, f"<think>\n{think()}\n</think>\n{think(2)}\nTherefore, the final answer is $\\boxed{{{right}}}$.", T)
    add("boxed", gold, f"<think>\n{think()}\n</think>\n{think(2)}\nTherefore, the final answer is $\\boxed{{{wrong}}}$.", F)
    add("boxed", gold, f"{think()}\n\nSo the answer is $\\boxed{{{right}}}$.", T)
    add("boxed", gold, f"{think()}\n\n**Final Answer**\n\\[\n\\boxed{{{right}}}\n\\]", T)
    add("boxed", gold, f"{think()}\n\n**Final Answer**\n\\[\n\\boxed{{{wrong}}}\n\\]", F)
# boxed with units / money / formatting
add("boxed_format", "18", f"{think()}\nShe makes $\\boxed{{\\$18}}$ every day.", T)
add("boxed_format", "18", f"{think()}\nShe makes $\\boxed{{18 \\text{{ dollars}}}}$ every day.", T)
add("boxed_format", "18", f"{think()}\nShe makes $\\boxed{{\\$18.00}}$.", T)
add("boxed_format", "1200", f"{think()}\nThe total is $\\boxed{{1,\\!200}}$.", T)
add("boxed_format", "1200", f"{think()}\nThe total is $\\boxed{{1{{,}}200}}$ meters.", T)
add("boxed_format", "1200", f"{think()}\nThe total is $\\boxed{{120}}$ meters.", F)
add("boxed_format", "5", f"{think()}\nThus $\\boxed{{x = 5}}$.", T)
add("boxed_format", "5", f"{think()}\nThus $\\boxed{{x = 6}}$.", F)
add("boxed_format", "30", f"{think()}\nThe angle is $\\boxed{{30^\\circ}}$.", T)
add("boxed_format", "0.25", f"{think()}\nThe probability is $\\boxed{{25\\%}}$.", T)
add("boxed_format", "\\text{(C)}", f"{think()}\nThe correct option is $\\boxed{{C}}$.", T)
add("boxed_format", "\\text{(C)}", f"{think()}\nThe correct option is $\\boxed{{\\text{{(B)}}}}$.", F)
# Minerva style
for gold, right, wrong in [
    ("7", "7", "8"),
    ("[2,5)", "[2,5)", "[2,5]"),
    ("-\\frac{2}{3}", "-\\frac{2}{3}", "\\frac{2}{3}"),
    ("24", "24", "42"),
]:
    add("minerva", gold, f"{think()}\nFinal Answer: The final answer is ${right}$. I hope it is correct.", T)
    add("minerva", gold, f"{think()}\nFinal Answer: The final answer is ${wrong}$. I hope it is correct.", F)
    add("minerva", gold, f"{think()}\nFinal Answer: The final answer is {right}. I hope it is correct.", T)
# "the answer is" / Answer: lines
for gold, right, wrong in [("42", "42", "41"), ("\\frac{1}{4}", "\\frac{1}{4}", "\\frac{1}{2}"), ("150", "150", "15")]:
    add("answer_is", gold, f"{think()}\nThe answer is {right}.", T)
    add("answer_is", gold, f"{think()}\nThe answer is ${wrong}$.", F)
    add("answer_is", gold, f"{think()}\n\nAnswer: {right}", T)
    add("answer_is", gold, f"{think()}\n\nANSWER: {right}", T)
    add("answer_is", gold, f"{think()}\n\n**Answer:** ${right}$", T)
    add("answer_is", gold, f"{think()}\n#### {right}", T)
    add("answer_is", gold, f"{think()}\n#### {wrong}", F)
# prose answers, no box
add("prose", "\\frac{3}{5}", f"{think()}\nHence the chance that Bob wins is 3/5.", T)
add("prose", "\\frac{3}{5}", f"{think()}\nHence the chance that Bob wins is 2/5.", F)
add("prose", "12", f"{think()}\nThus the smallest $k$ is 12.", T)
add("prose", "12", f"{think()}\nThus the smallest $k$ is $13$.", F)
add("prose", "12", f"{think()}\nTherefore, the smallest possible value of $k$ is $12$.", T)
add("prose", "180", f"{think()}\nSo the car travels 180 miles in total.", T)
add("prose", "180", f"{think()}\nSo the car travels 160 miles in total.", F)
add("prose", "5", f"{think()}\nSo $x = 5$.", T)
add("prose", "5", f"{think()}\nTherefore $x=5$ is the only solution.", T)
add("prose", "5", f"{think()}\nTherefore $x=4$ is the only solution.", F)
add("prose", "9", f"{think()}\nWe tried $a = 6$ and $b = 9$, which does not work.", F)
add("prose", "9", f"{think()}\nSo a = 6 and b = 9 does not work.", F)
add("prose", "36", f"{think()}\nIn total, Janet has 36 eggs left to sell.", T)
add("prose", "36", f"{think()}\nIn total, Janet has 34 eggs left to sell.", F)
add("prose", "8", f"{think()}\nThe point $P$ is at distance 8 from the origin.", T)
add("prose", "8", f"{think()}\nThe area of triangle $ABC$ is 6.", F)
# multilingual
add(
    "multilingual",
    "\\frac{3}{4}",
    "设每人分到 $x$ 米，则 $4x = 3$，所以 $x = \\frac{3}{4}$。\n答案：每人分到 $\\frac{3}{4}$ 米",
    T,
)
add("multilingual", "\\frac{3}{4}", "设每人分到 $x$ 米，则 $4x = 3$。\n答案：每人分到 $\\frac{1}{4}$ 米", F)
add("multilingual", "35", "Elle avait 50 euros et a dépensé 15 euros.\nRéponse : il lui reste 35 euros", T)
add("multilingual", "35", "Elle avait 50 euros et a dépensé 15 euros.\nRéponse : il lui reste 45 euros", F)
add("multilingual", "12", "Wir rechnen $3 \\cdot 4 = 12$.\nDie Antwort ist 12.", T)
add("multilingual", "12", "Calculamos $3 \\cdot 4 = 12$.\nLa respuesta es 12.", T)
add("multilingual", "12", "计算得 $3 \\times 4 = 12$，所以答案是 $12$。", T)
add("multilingual", "12", "计算得 $3 \\times 4 = 12$，所以答案是 $13$。", F)
add("multilingual", "300", "速度是每小时 60 千米，行驶 5 小时。\n答：一共行驶了 300千米。", T)
add("multilingual", "7", "Сначала найдём сумму: $3 + 4 = 7$.\nОтвет: 7", T)
add("multilingual", "7", "まず和を求めます。$3 + 4 = 7$。\n答えは 7 です。", T)
# several boxed answers
add("multi_boxed", "(1,3),(3,1)", f"{think()}\nThe solutions are $\\boxed{{(3,1)}}, \\boxed{{(1,3)}}$.", T)
add("multi_boxed", "-4, 2", f"{think()}\nThe roots are $\\boxed{{-4}}$ and $\\boxed{{2}}$.", T)
add("multi_boxed", "-4, 2", f"{think()}\nThe roots are $\\boxed{{-4}}$ and $\\boxed{{3}}$.", F)
add("multi_boxed", "5", f"{think()}\nThe answer is $\\boxed{{5}}$ or $\\boxed{{6}}$.", F)
add("multi_boxed", "6", f"{think()}\nThe answer is $\\boxed{{5}}$ or $\\boxed{{6}}$.", F)
add(
    "multi_boxed",
    "6",
    f"{think()}\nSo we get $\\boxed{{5}}$.\n\nWait, I made an arithmetic error: $4 \\cdot 1.5 = 6$. Let me redo it. The answer is $\\boxed{{6}}$.",
    T,
)
add(
    "multi_boxed",
    "5",
    f"{think()}\nSo we get $\\boxed{{5}}$.\n\nWait, I made an arithmetic error: $4 \\cdot 1.5 = 6$. Let me redo it. The answer is $\\boxed{{6}}$.",
    F,
)
add("multi_boxed", "\\frac{1}{2}", f"{think()}\nSo $p = \\boxed{{\\frac{{1}}{{2}}}}$, i.e. $\\boxed{{0.5}}$.", T)
add("multi_boxed", "3, 5", f"(a) {think(2)} So (a) is $\\boxed{{3}}$.\n(b) {think(2)} So (b) is $\\boxed{{5}}$.", T)
# several attempts, final restated
add(
    "attempts",
    "12",
    f"{think()}\nSo the answer is 12.\n\nLet me verify: if $k = 11$, then $11 \\cdot 12 = 132 > 130$. And $k = 12$ gives $156$. So indeed the answer is 12.",
    T,
)
add(
    "attempts",
    "12",
    f"{think()}\nSo the answer is 11.\n\nHmm, that's not right. Let me redo the calculation. {think(2)} So the answer is 12.",
    T,
)
add(
    "attempts",
    "11",
    f"{think()}\nSo the answer is 11.\n\nHmm, that's not right. Let me redo the calculation. {think(2)} So the answer is 12.",
    F,
)
# truncated
add("truncated", "12", f"<think>\n{think()}\nSo the answer is 12. Let me double check by", F)
add("truncated", "12", f"{think()}\nTherefore, the final answer is $\\boxed{{1", F)
add("truncated", "12", f"{think()}\nWe now compute $3 \\cdot 4$ and get", F)
# choices in long form
add("choice_long", "B", f"{think()}\nI'm sure it is B, not A or D.", T)
add("choice_long", "D", f"{think()}\n答案：D。不是 C", T)
add("choice_long", "C", f"{think()}\nAnswer: C. Since A fails the first condition and B fails the second.", T)
add("choice_long", "C", f"{think()}\nAnswer: A. Since C fails the first condition.", F)
add("choice_long", "A", f"{think()}\nThe correct option is (A).", T)
add("choice_long", "A", f"{think()}\nThe correct option is (B), not (A).", F)
# ordered sequences must keep order
add("ordered", "5, 1, 4", f"{think()}\nSo $S(1), S(2), S(3) = 5, 1, 4$, and the answer is $\\boxed{{5, 1, 4}}$.", T)
add("ordered", "5, 1, 4", f"{think()}\nThe answer is $\\boxed{{1, 4, 5}}$.", F)

if __name__ == "__main__":
    import json
    import sys

    with open(sys.argv[1], "w", encoding="utf-8") as f:
        for cat, gold, comp, ok in L:
            row = {"category": cat, "gold": gold, "completion": comp, "expect": "correct" if ok else "incorrect"}
            if cat == "ordered":
                row["prompt"] = "Compute S(1), S(2) and S(3) for the sequence defined above."
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(len(L), "completions")
