"""Multiple-choice problems (AMC / AQuA style): the gold is a letter, in the conventions datasets use
(``C``, ``(C)``, ``\\text{(C)}``)."""

from __future__ import annotations

from model import P


def mc(*, key, source, text, options, letter, wrong_letter, gold, steps, wrong, explore, check):
    opts = "  ".join(f"({k}) ${v}$" for k, v in options.items())
    wrong = dict(wrong, box=wrong_letter, say=f"({wrong_letter})")
    return P(
        key=key,
        source=source,
        text=f"{text}\n\n{opts}",
        gold=gold,
        box=letter,
        say=f"({letter})",
        concl="The correct option is {}.",
        steps=steps,
        wrong=wrong,
        explore=explore,
        check=check,
        choices=options,
        value=options[letter],
        wrong_value=options[wrong_letter],
    )


PROBLEMS = [
    mc(
        key="mc-linear",
        source="math-algebra",
        text=r"""If $3x + 7 = 22$, what is the value of $6x - 5$?""",
        options={"A": "15", "B": "20", "C": "25", "D": "30", "E": "35"},
        letter="C",
        wrong_letter="D",
        gold="C",
        steps=[
            ("Solve for x", r"""Subtract 7 from both sides: $3x = 15$, so $x = 5$."""),
            (
                "Evaluate the expression",
                r"""$6x - 5 = 6 \cdot 5 - 5 = 30 - 5 = 25$. Another route: $6x = 2 \cdot 3x =
            30$, and $30 - 5 = 25$.""",
            ),
            ("Match with the options", r"""The value $25$ is option (C)."""),
        ],
        wrong=dict(
            at=1,
            kind="forgets to subtract the 5 and picks the option for 6x",
            steps=[
                ("Evaluate the expression", r"""$6x = 6 \cdot 5 = 30$."""),
                ("Match with the options", r"""The value $30$ is option (D)."""),
            ],
            catch=r"""30 is 6x, but the question asks for 6x - 5, which is 25.""",
            doubt=r"""The options include 30, which is 6x, and that might be what the question is after.""",
        ),
        explore=[r"""3x = 15, x = 5, 6x - 5 = 25. Option C. The distractor 30 is 6x without the -5."""],
        check=r"""x = 5: 3(5) + 7 = 22. 6(5) - 5 = 25, which is (C).""",
    ),
    mc(
        key="mc-lcm",
        source="math-numtheory",
        text=r"""What is the least common multiple of $12$, $18$ and $30$?""",
        options={"A": "60", "B": "90", "C": "120", "D": "180", "E": "360"},
        letter="D",
        wrong_letter="E",
        gold=r"\text{(D)}",
        steps=[
            ("Factor each number", r"""$12 = 2^2 \cdot 3$, $18 = 2 \cdot 3^2$, $30 = 2 \cdot 3 \cdot 5$."""),
            (
                "Take the highest powers",
                r"""The LCM uses the highest power of each prime: $2^2 \cdot 3^2 \cdot 5 = 4
            \cdot 9 \cdot 5 = 180$.""",
            ),
            (
                "Check and match",
                r"""$180 / 12 = 15$, $180 / 18 = 10$, $180 / 30 = 6$, all integers, and no smaller
            option works: $90$ is not divisible by $12$. The answer is option (D).""",
            ),
        ],
        wrong=dict(
            at=1,
            kind="multiplies two of the numbers instead of taking highest prime powers",
            steps=[
                ("Multiply", r"""Since $18$ is covered by the others' factors, the LCM is $12 \cdot 30 = 360$."""),
                ("Match with the options", r"""That is option (E)."""),
            ],
            catch=r"""12 times 30 counts the common factors twice. 180 is already divisible by 12, 18 and 30.""",
            doubt=r"""Maybe the LCM needs the full product of the two larger-factor numbers to be safe.""",
        ),
        explore=[r"""LCM(12, 18) = 36, LCM(36, 30) = 180. Option D."""],
        check=r"""180 is a multiple of all three and 90 is not a multiple of 12; 60 is not a multiple of 18.""",
    ),
    mc(
        key="mc-avg-speed",
        source="aqua",
        text=r"""A car travels $150$ km from town A to town B at $50$ km/h and returns along the same road at
        $75$ km/h. What is its average speed for the whole trip, in km/h?""",
        options={"A": "55", "B": "60", "C": "62.5", "D": "65", "E": "70"},
        letter="B",
        wrong_letter="C",
        gold="B",
        steps=[
            ("Find the time for each leg", r"""Going: $150 / 50 = 3$ hours. Returning: $150 / 75 = 2$ hours."""),
            (
                "Find the average speed",
                r"""Average speed is total distance over total time:
            $$\frac{300}{3 + 2} = \frac{300}{5} = 60 \text{ km/h}.$$""",
            ),
            (
                "Match with the options",
                r"""This is the harmonic mean of 50 and 75, not their arithmetic mean, and it
            equals option (B).""",
            ),
        ],
        wrong=dict(
            at=1,
            kind="averages the two speeds instead of dividing distance by time",
            steps=[
                ("Find the average speed", r"""The average of the two speeds is $\frac{50 + 75}{2} = 62.5$ km/h."""),
                ("Match with the options", r"""That is option (C)."""),
            ],
            catch=r"""The car spends more time at the slower speed, so the simple average of speeds is wrong. Total
            distance 300 over total time 5 hours gives 60.""",
            doubt=r"""Since both legs are the same distance, maybe the plain average of the two speeds works.""",
        ),
        explore=[r"""Harmonic mean: 2(50)(75)/(125) = 7500/125 = 60. Option B. Distractor C = 62.5."""],
        check=r"""3 hours at 50 plus 2 hours at 75 covers 150 + 150 = 300 km in 5 hours: 60 km/h.""",
    ),
    mc(
        key="mc-square-count",
        source="math-numtheory",
        text=r"""How many integers $n$ satisfy $n^2 < 30$?""",
        options={"A": "5", "B": "6", "C": "10", "D": "11", "E": "12"},
        letter="D",
        wrong_letter="C",
        gold=r"\text{(D)}",
        steps=[
            ("Find the bound on |n|", r"""$n^2 < 30$ means $|n| < \sqrt{30} \approx 5.48$, so $|n| \le 5$."""),
            ("List the integers", r"""The integers are $-5, -4, -3, -2, -1, 0, 1, 2, 3, 4, 5$."""),
            ("Count", r"""That is $5 + 5 + 1 = 11$ integers, counting zero. Option (D)."""),
        ],
        wrong=dict(
            at=2,
            kind="forgets to count zero",
            steps=[
                ("Count", r"""Five positive and five negative integers make $10$, option (C)."""),
            ],
            catch=r"""0 also satisfies 0^2 < 30, so it has to be counted: 11 integers.""",
            doubt=r"""Zero is neither positive nor negative, so maybe it should not be counted among the
            solutions.""",
        ),
        explore=[r"""|n| <= 5, so -5..5: eleven integers. D. Distractor C forgets zero; A counts only positives."""],
        check=r"""5^2 = 25 < 30 and 6^2 = 36 > 30. From -5 to 5 there are 11 integers.""",
    ),
    mc(
        key="mc-log-root",
        source="math-algebra",
        text=r"""If $\log_3 x = 4$, what is $\sqrt{x}$?""",
        options={"A": "3", "B": "6", "C": "9", "D": "27", "E": "81"},
        letter="C",
        wrong_letter="E",
        gold="C",
        steps=[
            ("Rewrite the logarithm", r"""$\log_3 x = 4$ means $x = 3^4 = 81$."""),
            ("Take the square root", r"""$\sqrt{x} = \sqrt{81} = 9$, which is also $3^{4/2} = 3^2$."""),
            ("Match with the options", r"""The value $9$ is option (C)."""),
        ],
        wrong=dict(
            at=1,
            kind="answers x instead of the square root of x",
            steps=[
                ("Match with the options", r"""So the value is $81$, which is option (E)."""),
            ],
            catch=r"""81 is x itself. The question asks for the square root of x, which is 9.""",
            doubt=r"""Since 81 is listed as an option, maybe the question wants x itself.""",
        ),
        explore=[r"""x = 81, sqrt = 9. Option C. E is the trap."""],
        check=r"""3^4 = 81, sqrt 81 = 9 = option C.""",
    ),
    mc(
        key="mc-heads",
        source="math-counting",
        text=r"""A fair coin is flipped $4$ times. What is the probability of getting at least one head?""",
        options={"A": r"\frac{1}{2}", "B": r"\frac{3}{4}", "C": r"\frac{7}{8}", "D": r"\frac{15}{16}", "E": r"\frac{1}{16}"},
        letter="D",
        wrong_letter="E",
        gold=r"\text{(D)}",
        steps=[
            (
                "Use the complement",
                r"""The only way to get no head is four tails, with probability
            $\left(\frac{1}{2}\right)^4 = \frac{1}{16}$.""",
            ),
            ("Subtract from 1", r"""$P(\text{at least one head}) = 1 - \frac{1}{16} = \frac{15}{16}$."""),
            ("Match with the options", r"""$\frac{15}{16}$ is option (D)."""),
        ],
        wrong=dict(
            at=1,
            kind="stops at the probability of the complement",
            steps=[
                ("Match with the options", r"""The probability is $\frac{1}{16}$, option (E)."""),
            ],
            catch=r"""1/16 is the probability of no heads. At least one head is the complement, 15/16.""",
            doubt=r"""Perhaps the complement is already the answer: only one of the 16 outcomes matters.""",
        ),
        explore=[r"""1 - (1/2)^4 = 15/16. Option D."""],
        check=r"""Of 16 equally likely sequences, only TTTT has no head, so 15 of 16 have at least one.""",
    ),
]
