"""MATH-style problems: counting & probability, golds in MATH's LaTeX."""

from __future__ import annotations

from model import P

PROBLEMS = [
    P(
        key="dice-prime",
        source="math-counting",
        text=r"""Two fair six-sided dice are rolled. What is the probability that the sum of the two numbers rolled
        is a prime number? Express your answer as a common fraction.""",
        gold=r"\frac{5}{12}",
        box=r"\frac{5}{12}",
        concl="The probability that the sum is prime is {}.",
        steps=[
            (
                "List the possible prime sums",
                r"""The sum of two dice is between 2 and 12. The primes in this range
            are $2, 3, 5, 7$ and $11$.""",
            ),
            (
                "Count the outcomes for each prime",
                r"""Out of the $36$ equally likely ordered outcomes: a sum of 2
            happens in 1 way $(1,1)$; a sum of 3 in 2 ways; a sum of 5 in 4 ways; a sum of 7 in 6 ways; and a sum of
            11 in 2 ways $(5,6), (6,5)$.""",
            ),
            (
                "Add the favorable outcomes",
                r"""The number of favorable outcomes is
            $1 + 2 + 4 + 6 + 2 = 15$.""",
            ),
            ("Compute the probability", r"""The probability is $$\frac{15}{36} = \frac{5}{12}.$$"""),
        ],
        wrong=dict(
            at=0,
            box=r"\frac{7}{18}",
            kind="forgets that 2 is prime",
            steps=[
                (
                    "List the possible prime sums",
                    r"""The sum is between 2 and 12, and the odd primes in this range
                are $3, 5, 7, 11$. (A sum of 2 is even, so it is not prime.)""",
                ),
                (
                    "Count the outcomes",
                    r"""Sum 3: 2 ways; sum 5: 4 ways; sum 7: 6 ways; sum 11: 2 ways. That is
                $2 + 4 + 6 + 2 = 14$ favorable outcomes.""",
                ),
                ("Compute the probability", r"""The probability is $\frac{14}{36} = \frac{7}{18}$."""),
            ],
            catch=r"""2 is prime. It's the only even prime, and a sum of 2 happens once, with (1,1). So there are 15
            favorable outcomes, not 14.""",
            doubt=r"""Even sums can't be prime, so the sum of 2 from (1,1) shouldn't be counted among the primes.""",
        ),
        explore=[
            r"""36 outcomes. The prime sums: 2, 3, 5, 7, 11. The number of ways to get sum s is s - 1 for s up to 7
            and 13 - s after that.""",
            r"""So 2 -> 1, 3 -> 2, 5 -> 4, 7 -> 6, 11 -> 2. Total 15. 15/36 simplifies by 3 to 5/12.""",
        ],
        check=r"""Using the formula for the number of ways: s = 2, 3, 5, 7 give 1, 2, 4, 6 and s = 11 gives 13 - 11 =
        2. 15 out of 36, which is 5/12, about 0.4167.""",
        rounded="0.42",
    ),
    P(
        key="committee-feud",
        source="math-counting",
        text=r"""A committee of 3 people is to be chosen from a group of 8 people. Two of the people, Ann and Bo,
        refuse to serve on the committee together. How many different committees are possible?""",
        gold="50",
        box="50",
        concl="There are {} possible committees.",
        steps=[
            (
                "Count all committees",
                r"""Without any restriction there are
            $$\binom{8}{3} = \frac{8 \cdot 7 \cdot 6}{3 \cdot 2 \cdot 1} = 56$$ committees.""",
            ),
            (
                "Count the forbidden committees",
                r"""A committee is forbidden exactly when it contains both Ann and
            Bo. Then the third member can be any of the other $6$ people, so there are $\binom{6}{1} = 6$ forbidden
            committees.""",
            ),
            ("Subtract", r"""The number of allowed committees is $56 - 6 = 50$."""),
            (
                "Count directly as a check",
                r"""Committees with neither Ann nor Bo: $\binom{6}{3} = 20$. With Ann but
            not Bo: $\binom{6}{2} = 15$. With Bo but not Ann: $15$. Total $20 + 15 + 15 = 50$.""",
            ),
        ],
        wrong=dict(
            at=1,
            box="20",
            say="$20$",
            kind="removes every committee containing Ann or Bo, not only those with both",
            steps=[
                (
                    "Count the forbidden committees",
                    r"""Committees with Ann: $\binom{7}{2} = 21$. Committees with Bo:
                $21$. Both: $6$. So committees with Ann or Bo number $21 + 21 - 6 = 36$.""",
                ),
                ("Subtract", r"""The number of committees is $56 - 36 = 20$."""),
            ],
            catch=r"""Ann and Bo refuse to serve together, but each of them can serve without the other. Only the 6
            committees with both of them are forbidden.""",
            doubt=r"""If they refuse to serve together, maybe neither of them should be on the committee at all, to be
            safe. So I should remove every committee containing Ann or Bo.""",
        ),
        explore=[
            r"""Complementary counting: total minus the bad ones. Bad = both Ann and Bo on the committee. Total is
            C(8,3) = 56.""",
            r"""Alternatively case by case: neither, Ann only, Bo only. Let me do both ways.""",
        ],
        check=r"""Case count: 20 + 15 + 15 = 50, and complement: 56 - 6 = 50. They agree.""",
        inter=[(0, "56"), (1, "6")],
    ),
    P(
        key="two-colors",
        source="math-counting",
        text=r"""A bag contains 4 red marbles and 6 blue marbles. Two marbles are drawn at random without
        replacement. What is the probability that the two marbles are of different colors? Express your answer as
        a common fraction.""",
        gold=r"\frac{8}{15}",
        box=r"\frac{8}{15}",
        concl="The probability of drawing two different colors is {}.",
        steps=[
            ("Count all pairs", r"""There are $\binom{10}{2} = 45$ equally likely ways to draw two marbles."""),
            (
                "Count the mixed pairs",
                r"""A pair of different colors consists of one of the 4 red marbles and
            one of the 6 blue marbles: $4 \times 6 = 24$ pairs.""",
            ),
            ("Compute the probability", r"""The probability is $$\frac{24}{45} = \frac{8}{15}.$$"""),
            (
                "Check with ordered draws",
                r"""Red then blue: $\frac{4}{10} \cdot \frac{6}{9} = \frac{24}{90}$.
            Blue then red: $\frac{6}{10} \cdot \frac{4}{9} = \frac{24}{90}$. The sum is
            $\frac{48}{90} = \frac{8}{15}$.""",
            ),
        ],
        wrong=dict(
            at=0,
            box=r"\frac{12}{25}",
            kind="treats the draws as if with replacement",
            steps=[
                (
                    "Compute the probability",
                    r"""Each draw is red with probability $\frac{4}{10}$ and blue with
                probability $\frac{6}{10}$. Different colors means red then blue or blue then red:
                $$2 \cdot \frac{4}{10} \cdot \frac{6}{10} = \frac{48}{100} = \frac{12}{25}.$$""",
                ),
            ],
            catch=r"""The marbles are drawn without replacement, so after the first draw there are only 9 marbles
            left. The second probability is 6/9 or 4/9, not 6/10 or 4/10.""",
            doubt=r"""With 10 marbles and the proportions 40% red and 60% blue, maybe each draw can just use these
            proportions, the second draw too.""",
        ),
        explore=[
            r"""Without replacement. Different colors = one red and one blue. Count pairs: 4 times 6 = 24 out of
            C(10,2) = 45.""",
            r"""24/45 = 8/15. About 0.533. Let me cross-check with sequential probabilities.""",
        ],
        check=r"""Complement: both red 6 pairs, both blue 15 pairs, total 21 same-color pairs out of 45. 45 - 21 = 24
        mixed. 24/45 = 8/15.""",
        rounded="0.53",
    ),
    P(
        key="digit-sum-five",
        source="math-counting",
        text=r"""How many positive three-digit integers have digits whose sum is $5$?""",
        gold="15",
        box="15",
        concl="There are {} such three-digit integers.",
        steps=[
            (
                "Set up the equation",
                r"""Write the number as $\overline{abc}$ with hundreds digit $a \ge 1$ and
            digits $b, c \ge 0$. We need $a + b + c = 5$.""",
            ),
            (
                "Remove the lower bound on a",
                r"""Let $a' = a - 1 \ge 0$. Then $a' + b + c = 4$ with all three
            variables nonnegative. No digit can exceed 9 here, since the total is only 4.""",
            ),
            (
                "Count with stars and bars",
                r"""The number of nonnegative solutions of $a' + b + c = 4$ is
            $$\binom{4 + 2}{2} = \binom{6}{2} = 15.$$""",
            ),
            (
                "Confirm by listing by hundreds digit",
                r"""For $a = 1$, $b + c = 4$: 5 ways. For $a = 2$: 4 ways.
            For $a = 3$: 3 ways. For $a = 4$: 2 ways. For $a = 5$: 1 way (500). Total $5 + 4 + 3 + 2 + 1 = 15$.""",
            ),
        ],
        wrong=dict(
            at=1,
            box="21",
            say="$21$",
            kind="allows a leading zero (counts a = 0)",
            steps=[
                (
                    "Count with stars and bars",
                    r"""The number of nonnegative solutions of $a + b + c = 5$ is
                $\binom{5 + 2}{2} = \binom{7}{2} = 21$.""",
                ),
            ],
            catch=r"""That count includes a = 0, like 050 or 014, which are not three-digit numbers. The hundreds
            digit must be at least 1.""",
            doubt=r"""Maybe the shift a' = a - 1 isn't needed; every digit from 0 to 9 is allowed, so I can count the
            solutions of a + b + c = 5 directly.""",
        ),
        explore=[
            r"""Digits a, b, c with a from 1 to 9, b and c from 0 to 9, sum 5. Small sum, so the upper bounds don't
            matter. Stars and bars after shifting a.""",
            r"""Let me just also list them to be safe: 104, 113, 122, 131, 140, 203, 212, 221, 230, 302, 311, 320,
            401, 410, 500. That's 15.""",
        ],
        check=r"""The list 104, 113, 122, 131, 140, 203, 212, 221, 230, 302, 311, 320, 401, 410, 500 has 15 numbers,
        matching C(6,2) = 15.""",
    ),
    P(
        key="banana",
        source="math-counting",
        text=r"""How many distinct arrangements of the letters in the word BANANA are there?""",
        gold="60",
        box="60",
        concl="The letters of BANANA can be arranged in {} distinct ways.",
        steps=[
            ("Count the letters", r"""BANANA has 6 letters: one B, three A's and two N's."""),
            (
                "Start from all orderings",
                r"""If all six letters were different there would be $6! = 720$
            orderings.""",
            ),
            (
                "Divide out the repeated letters",
                r"""Swapping the three A's among themselves gives the same word,
            which accounts for $3! = 6$ orderings each, and swapping the two N's accounts for $2! = 2$. So the
            number of distinct arrangements is $$\frac{6!}{3!\,2!} = \frac{720}{12} = 60.$$""",
            ),
            (
                "Check by placing letters",
                r"""Choose the positions of the A's: $\binom{6}{3} = 20$ ways. Then the
            positions of the N's among the remaining three: $\binom{3}{2} = 3$. The B goes in the last spot.
            $20 \times 3 = 60$.""",
            ),
        ],
        wrong=dict(
            at=2,
            box="120",
            say="$120$",
            kind="divides out the repeated A's but forgets the repeated N's",
            steps=[
                (
                    "Divide out the repeated letters",
                    r"""The three A's are identical, so we divide by $3! = 6$:
                $$\frac{6!}{3!} = \frac{720}{6} = 120.$$""",
                ),
            ],
            catch=r"""The N's repeat too: there are two N's, so I also have to divide by 2!.""",
            doubt=r"""Only the A is repeated enough to matter here, so maybe dividing by 3! is the whole
            correction.""",
        ),
        explore=[
            r"""Multinomial coefficient. Letters: B x1, A x3, N x2. 6!/(1! 3! 2!).""",
            r"""720/12 = 60. Let me double check by choosing positions.""",
        ],
        check=r"""Positions: C(6,3) for the A's is 20, C(3,2) for the N's is 3, product 60. And 6!/(3!2!) = 60.""",
        inter=[(1, "720")],
    ),
    P(
        key="binomial-coeff",
        source="math-counting",
        text=r"""What is the coefficient of $x^3$ in the expansion of $(2x - 1)^5$?""",
        gold="80",
        box="80",
        concl="The coefficient of $x^3$ is {}.",
        steps=[
            (
                "Write the general term",
                r"""By the binomial theorem the general term of $(2x - 1)^5$ is
            $$\binom{5}{k} (2x)^k (-1)^{5 - k}.$$""",
            ),
            ("Pick the term with x cubed", r"""We need $k = 3$: the term is $\binom{5}{3} (2x)^3 (-1)^2$."""),
            ("Evaluate each factor", r"""$\binom{5}{3} = 10$, $(2x)^3 = 8x^3$ and $(-1)^2 = 1$."""),
            (
                "Multiply",
                r"""The term is $10 \cdot 8x^3 \cdot 1 = 80x^3$, so the coefficient is $80$. The sign is
            positive because $-1$ is raised to an even power.""",
            ),
        ],
        wrong=dict(
            at=2,
            box="-80",
            say="$-80$",
            kind="sign error: takes (-1)^2 as -1",
            steps=[
                (
                    "Evaluate each factor",
                    r"""$\binom{5}{3} = 10$, $(2x)^3 = 8x^3$, and the factor from $-1$ is
                $-1$.""",
                ),
                ("Multiply", r"""The term is $10 \cdot 8x^3 \cdot (-1) = -80x^3$, so the coefficient is $-80$."""),
            ],
            catch=r"""The power on -1 is 5 - 3 = 2, and (-1)^2 = +1, not -1. So the coefficient is positive.""",
            doubt=r"""Since the binomial has a minus sign, the x^3 term should probably carry a negative sign too.""",
        ),
        explore=[
            r"""Binomial expansion of (2x - 1)^5. Term with x^3: C(5,3) (2x)^3 (-1)^2. The sign: (-1)^2 = 1.""",
            r"""Let me also expand partially to be safe: (2x-1)^5 = 32x^5 - 80x^4 + 80x^3 - 40x^2 + 10x - 1. So the
            x^3 coefficient is 80.""",
        ],
        check=r"""Coefficients C(5,k) 2^k (-1)^(5-k): k=5: 32, k=4: -80, k=3: 80, k=2: -40, k=1: 10, k=0: -1. Sum
        32 - 80 + 80 - 40 + 10 - 1 = 1 = (2 - 1)^5. Consistent, and the x^3 coefficient is 80.""",
    ),
]
