"""Long exploratory completions written out by hand, each with a right and a wrong last paragraph.

The body explores: it tries candidates, computes side values and states intermediate results,
as long reasoning traces do. The right ending settles on the gold; the wrong ending makes a
real last-step mistake (an extraneous root kept, the other unknown reported, a term dropped).
"""

# ruff: noqa: E501 - hand-written prose: one paragraph per line reads and diffs best

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Long:
    key: str
    style: str
    problem: str
    gold: str
    body: str
    right_end: str
    wrong_end: str


LONG = [
    Long(
        "div7not11",
        "boxed",
        "How many positive integers less than 1000 are divisible by 7 but not by 11?",
        "130",
        "We want to count the integers $n$ with $1 \\le n \\le 999$ such that $7 \\mid n$ and $11 \\nmid n$.\n\n"
        "First, count the multiples of 7 up to 999. Since $7 \\cdot 142 = 994$ and $7 \\cdot 143 = 1001 > 999$, there are $\\lfloor 999/7 \\rfloor = 142$ multiples of 7.\n\n"
        "Next, we remove those that are also divisible by 11. A number divisible by both 7 and 11 is divisible by $\\operatorname{lcm}(7, 11) = 77$, because 7 and 11 are coprime.\n\n"
        "Let me list a few multiples of 77 to get a feel: $77, 154, 231, 308, 385, 462, 539, 616, 693, 770, 847, 924$. The next one would be $1001$, which is too big.",
        "So there are 12 multiples of 77 below 1000, and the count we want is $142 - 12 = 130$.\n\nTherefore, the answer is $\\boxed{130}$.",
        "Counting them, $77 \\cdot 13 = 1001$ is the boundary, so there are 13 multiples of 77 to remove, and the count is $142 - 13 = 129$.\n\nTherefore, the answer is $\\boxed{129}$.",
    ),
    Long(
        "sigma36",
        "prose",
        "What is the sum of all positive divisors of 36?",
        "91",
        "Let's factor 36 first: $36 = 2^2 \\cdot 3^2$.\n\n"
        "The divisors are all numbers of the form $2^a 3^b$ with $0 \\le a, b \\le 2$. That gives $3 \\cdot 3 = 9$ divisors: $1, 2, 3, 4, 6, 9, 12, 18, 36$.\n\n"
        "We can add them directly: $1 + 2 + 3 + 4 = 10$, then $10 + 6 + 9 = 25$, then $25 + 12 + 18 = 55$.\n\n"
        "Alternatively, the divisor-sum function is multiplicative: $\\sigma(36) = \\sigma(2^2)\\sigma(3^2) = (1 + 2 + 4)(1 + 3 + 9) = 7 \\cdot 13$.",
        "Both ways agree once we include 36 itself: $55 + 36 = 91$ and $7 \\cdot 13 = 91$.\n\nSo the sum of all positive divisors of 36 is 91.",
        "The direct sum gives 55, and that is the sum of the divisors we were asked for, since the product formula counts 36 twice.\n\nSo the sum of all positive divisors of 36 is 55.",
    ),
    Long(
        "geom2mod7",
        "minerva",
        "Find the remainder when $1 + 2 + 2^2 + \\cdots + 2^{10}$ is divided by 7.",
        "3",
        "The sum is a geometric series with 11 terms (exponents 0 through 10) and ratio 2.\n\n"
        "Its value is $\\frac{2^{11} - 1}{2 - 1} = 2^{11} - 1 = 2048 - 1 = 2047$.\n\n"
        "Now reduce modulo 7. Powers of 2 modulo 7 repeat with period 3: $2^0 \\equiv 1$, $2^1 \\equiv 2$, $2^2 \\equiv 4$, $2^3 \\equiv 1$, and so on.\n\n"
        "As a check, group the terms in threes: $(1 + 2 + 4) + (8 + 16 + 32) + (64 + 128 + 256) + (512 + 1024)$. Each full group is $7 \\cdot 2^{3k}$, which is divisible by 7, so only $512 + 1024 = 1536$ matters.",
        "And $1536 = 7 \\cdot 219 + 3$; likewise $2047 = 7 \\cdot 292 + 3$. Both computations give remainder 3.\nFinal Answer: The final answer is $3$. I hope it is correct.",
        "And $1536 = 7 \\cdot 219 + 3$, but the last group only contains $2^{10} = 1024 = 7 \\cdot 146 + 2$ once we drop $2^9$, so the remainder is 2.\nFinal Answer: The final answer is $2$. I hope it is correct.",
    ),
    Long(
        "tworeds",
        "answer_is",
        "A bag has 4 red and 6 green balls. Three balls are drawn without replacement. What is the probability that exactly two of them are red?",
        "\\frac{3}{10}",
        "There are $\\binom{10}{3} = 120$ equally likely ways to choose 3 balls from 10.\n\n"
        "To have exactly two red balls, we choose 2 of the 4 red balls and 1 of the 6 green balls: $\\binom{4}{2}\\binom{6}{1} = 6 \\cdot 6 = 36$ ways.\n\n"
        "Let me sanity-check with a sequential computation. The probability of the order red, red, green is $\\frac{4}{10}\\cdot\\frac{3}{9}\\cdot\\frac{6}{8} = \\frac{72}{720} = \\frac{1}{10}$, and there are 3 orders (RRG, RGR, GRR), each with the same probability.",
        "So the probability is $3 \\cdot \\frac{1}{10} = \\frac{36}{120} = \\frac{3}{10}$.\n\nThe answer is $\\frac{3}{10}$.",
        "Treating each draw as independent with probability $\\frac{4}{10}$ of red, the probability is $3 \\cdot (0.4)^2 (0.6) = 0.288 = \\frac{36}{125}$.\n\nThe answer is $\\frac{36}{125}$.",
    ),
    Long(
        "heron",
        "think",
        "Triangle $ABC$ has side lengths $AB = 13$, $BC = 14$ and $CA = 15$. Find its area.",
        "84",
        "<think>\nThis is the famous 13-14-15 triangle. Let me use Heron's formula. The semi-perimeter is $s = \\frac{13 + 14 + 15}{2} = 21$.\n\n"
        "Then the area is $\\sqrt{s(s-a)(s-b)(s-c)} = \\sqrt{21 \\cdot 8 \\cdot 7 \\cdot 6}$. Compute inside: $21 \\cdot 8 = 168$ and $7 \\cdot 6 = 42$, so we need $\\sqrt{168 \\cdot 42} = \\sqrt{7056}$.\n\n"
        "Is 7056 a perfect square? $84^2 = 7056$. Yes.\n\n"
        "Let me double-check another way: drop the altitude from $A$ to $BC$. If the foot splits $BC$ into $x$ and $14 - x$, then $13^2 - x^2 = 15^2 - (14-x)^2$, so $169 - x^2 = 225 - 196 + 28x - x^2$, giving $28x = 140$ and $x = 5$. The altitude is $\\sqrt{169 - 25} = 12$.\n</think>\n\n"
        "Using the altitude of length 12 onto the side $BC = 14$,",
        "the area is $\\frac12 \\cdot 14 \\cdot 12 = 84$, which agrees with Heron's formula.\n\n**Final Answer**\n\\[\n\\boxed{84}\n\\]",
        "the area is $14 \\cdot 12 / 4 = 42$.\n\n**Final Answer**\n\\[\n\\boxed{42}\n\\]",
    ),
    Long(
        "extraneous",
        "boxed",
        "Find all real numbers $x$ such that $\\sqrt{x+3} = x - 3$.",
        "6",
        "Squaring both sides gives $x + 3 = (x - 3)^2 = x^2 - 6x + 9$.\n\n"
        "Rearranging: $x^2 - 7x + 6 = 0$, which factors as $(x - 1)(x - 6) = 0$. So the candidates are $x = 1$ and $x = 6$.\n\n"
        "Squaring can introduce extraneous solutions, so we must check both in the original equation.\n\n"
        "For $x = 6$: $\\sqrt{9} = 3$ and $6 - 3 = 3$. This works.\n\n"
        "For $x = 1$: $\\sqrt{4} = 2$, while $1 - 3 = -2$.",
        "Since a square root is never negative, $x = 1$ does not work; it is extraneous.\n\nSo the only solution is $x = \\boxed{6}$.",
        "Up to the sign these agree, and squaring treats $2$ and $-2$ the same, so both candidates are solutions.\n\nSo the solutions are $x = \\boxed{1}$ and $x = \\boxed{6}$.",
    ),
    Long(
        "roundtable",
        "markdown",
        "In how many ways can 5 people be seated around a round table, if two seatings are the same when one is a rotation of the other?",
        "24",
        "## Understanding the problem\n\nIf the seats were in a row, there would be $5! = 120$ arrangements.\n\n"
        "## Accounting for rotations\n\nAround a round table, rotating everyone by one seat gives the same seating. Each seating belongs to a group of 5 rotations that all look the same.\n\n"
        "Another way to see it: fix one person's seat to remove the rotational symmetry, then arrange the other 4 people in the remaining seats.",
        "That gives $4! = 24$ arrangements, which matches $120 / 5 = 24$.\n\n## Answer\n\n**24**",
        "That gives $4! = 24$ arrangements for each choice of the fixed person, and there are 5 choices, so $5 \\cdot 24 = 120$.\n\n## Answer\n\n**120**",
    ),
    Long(
        "legendre",
        "inspect_answer",
        "What is the largest integer $n$ such that $2^n$ divides $20!$?",
        "18",
        "By Legendre's formula, the exponent of the prime 2 in $20!$ is $\\sum_{k \\ge 1} \\left\\lfloor \\frac{20}{2^k} \\right\\rfloor$.\n\n"
        "Compute the terms: $\\lfloor 20/2 \\rfloor = 10$, $\\lfloor 20/4 \\rfloor = 5$, $\\lfloor 20/8 \\rfloor = 2$, $\\lfloor 20/16 \\rfloor = 1$, and $\\lfloor 20/32 \\rfloor = 0$, after which all terms vanish.\n\n"
        "Intuitively: 10 even numbers each contribute one factor of 2, the 5 multiples of 4 contribute a second factor, the multiples of 8 (8 and 16) a third, and 16 a fourth.",
        "Adding up, $10 + 5 + 2 + 1 = 18$.\n\nANSWER: 18",
        "Adding up the main terms, $10 + 5 + 2 = 17$; the term for 16 is already counted among the multiples of 8.\n\nANSWER: 17",
    ),
    Long(
        "logeq",
        "simple_answer",
        "Solve for $x$: $\\log_2 x + \\log_2 (x - 2) = 3$.",
        "4",
        "Combine the logarithms: $\\log_2 x + \\log_2(x-2) = \\log_2\\big(x(x-2)\\big) = 3$.\n\n"
        "So $x(x - 2) = 2^3 = 8$, that is, $x^2 - 2x - 8 = 0$, which factors as $(x - 4)(x + 2) = 0$.\n\n"
        "The candidates are $x = 4$ and $x = -2$.\n\n"
        "But the original equation needs $x > 0$ and $x - 2 > 0$, so $x > 2$.",
        "Only $x = 4$ satisfies this. Check: $\\log_2 4 + \\log_2 2 = 2 + 1 = 3$.\n\nAnswer: 4",
        "Both candidates satisfy the quadratic, so both are solutions of the equation.\n\nAnswer: 4, -2",
    ),
    Long(
        "mean",
        "answer_is",
        "The mean of five numbers is 12. Four of the numbers are 10, 14, 9 and 15. What is the fifth number?",
        "12",
        "If the mean of five numbers is 12, their sum is $5 \\cdot 12 = 60$.\n\n"
        "The four known numbers add up to $10 + 14 + 9 + 15$. Let me add carefully: $10 + 14 = 24$, $24 + 9 = 33$, $33 + 15 = 48$.\n\n"
        "So the fifth number must make the total 60.",
        "The fifth number is $60 - 48 = 12$. As a check, $(10 + 14 + 9 + 15 + 12)/5 = 60/5 = 12$.\n\nThe answer is 12.",
        "The fifth number is $60 - 47 = 13$.\n\nThe answer is 13.",
    ),
    Long(
        "chickens",
        "lang_zh",
        "鸡兔同笼，共有 35 个头，94 只脚。问兔子有几只？",
        "12",
        "我们一步一步来。设鸡有 $x$ 只，兔子有 $y$ 只。\n\n"
        "头的总数：$x + y = 35$。脚的总数：$2x + 4y = 94$。\n\n"
        "假设全部都是鸡，那么脚有 $2 \\times 35 = 70$ 只，比实际少了 $94 - 70 = 24$ 只。\n\n"
        "每把一只鸡换成一只兔子，脚就多 2 只，所以需要换 $24 \\div 2 = 12$ 次。\n\n"
        "因此兔子有 12 只，鸡有 $35 - 12 = 23$ 只。验算：$2 \\times 23 + 4 \\times 12 = 46 + 48 = 94$。",
        "答：兔子有 12 只。",
        "答：鸡有 23 只，所以答案是 23。",
    ),
    Long(
        "discount",
        "lang_fr",
        "Un magasin baisse le prix d'un article de 20 %, puis augmente le nouveau prix de 20 %. Le prix final est de 96 euros. Quel était le prix initial ?",
        "100",
        "Notons $p$ le prix initial.\n\n"
        "Après la baisse de 20 %, le prix vaut $0{,}8p$. Après la hausse de 20 %, il vaut $1{,}2 \\times 0{,}8p = 0{,}96p$.\n\n"
        "Attention : une baisse puis une hausse du même pourcentage ne se compensent pas. On a donc $0{,}96p = 96$.",
        "D'où $p = 96 / 0{,}96 = 100$.\n\nRéponse : le prix initial était de 100 euros.",
        "Comme la baisse et la hausse se compensent, le prix initial est égal au prix final.\n\nRéponse : le prix initial était de 96 euros.",
    ),
]


def long_rows() -> list[dict]:
    """Each long completion twice: with its right ending (label true) and its wrong one (false)."""
    rows = []
    for item in LONG:
        for end, label in ((item.right_end, True), (item.wrong_end, False)):
            text = f"{item.body}\n\n{end}" if not item.body.endswith(",") else f"{item.body} {end}"
            rows.append(
                {
                    "category": "long_exploration",
                    "style": item.style,
                    "problem": item.problem,
                    "gold": item.gold,
                    "completion": text,
                    "label": label,
                }
            )
    return rows
