"""Olympiad-style problems: AIME integers, proofs with an answer, radical and interval answers."""

from __future__ import annotations

from model import P

PROBLEMS = [
    P(
        key="square-15n",
        source="olympiad",
        text=r"""Find the number of positive integers $n \le 1000$ such that $15n$ is a perfect square.""",
        gold="8",
        box="8",
        concl="There are {} such integers $n$.",
        steps=[
            (
                "Find the form of n",
                r"""Write $15n = m^2$. Since $3$ and $5$ divide $m^2$, they divide $m$, so
            $15 \mid m$. Writing $m = 15k$ gives $15n = 225k^2$, that is $n = 15k^2$. Conversely every $n = 15k^2$
            makes $15n = (15k)^2$ a square.""",
            ),
            ("Apply the bound", r"""We need $15k^2 \le 1000$, so $k^2 \le \frac{1000}{15} = 66.\overline{6}$."""),
            (
                "Count the values of k",
                r"""The positive integers with $k^2 \le 66$ are $k = 1, 2, \ldots, 8$, since
            $8^2 = 64 \le 66$ and $9^2 = 81 > 66$. The corresponding $n$ are $15, 60, 135, 240, 375, 540, 735,
            960$.""",
            ),
            ("Conclude", r"""There are $8$ such integers."""),
        ],
        wrong=dict(
            at=1,
            box="7",
            say="$7$",
            kind="miscomputes 1000/15 as about 60",
            steps=[
                ("Apply the bound", r"""We need $15k^2 \le 1000$, so $k^2 \le \frac{1000}{15} \approx 60$."""),
                (
                    "Count the values of k",
                    r"""The positive integers with $k^2 \le 60$ are $k = 1, \ldots, 7$, since
                $7^2 = 49$ and $8^2 = 64 > 60$. So there are $7$ values.""",
                ),
            ],
            catch=r"""1000 / 15 is 66.67, not 60. And k = 8 gives n = 960, which is at most 1000 and 15 times 960 =
            14400 = 120^2.""",
            doubt=r"""Let me redo 1000/15 more roughly: 15 times 60 = 900, so it's about 60, and k = 8 would give 64
            which is above it.""",
        ),
        explore=[
            r"""15n square means n = 15 times a square. 15k^2 <= 1000, k^2 <= 66.67, k <= 8. Answer 8.""",
            r"""Check the largest: k = 8, n = 960, 15n = 14400 = 120^2. k = 9: n = 1215 > 1000.""",
        ],
        check=r"""n = 960 gives 14400 = 120^2, inside the range; n = 1215 is outside. So k runs from 1 to 8.""",
    ),
    P(
        key="power-sum",
        source="olympiad",
        text=r"""Real numbers $x$ and $y$ satisfy $x + y = 4$ and $x^2 + y^2 = 10$. Find $x^3 + y^3$.""",
        gold="28",
        box="28",
        concl="$x^3 + y^3 = {}$.",
        say="28",
        steps=[
            ("Find xy", r"""From $(x + y)^2 = x^2 + 2xy + y^2$: $16 = 10 + 2xy$, so $xy = 3$."""),
            ("Use the sum of cubes identity", r"""$x^3 + y^3 = (x + y)^3 - 3xy(x + y)$."""),
            ("Substitute", r"""$x^3 + y^3 = 4^3 - 3 \cdot 3 \cdot 4 = 64 - 36 = 28$."""),
            (
                "Check with explicit values",
                r"""$x$ and $y$ are the roots of $t^2 - 4t + 3 = 0$, that is $1$ and
            $3$, and $1 + 27 = 28$.""",
            ),
        ],
        wrong=dict(
            at=0,
            box="-8",
            say="-8",
            kind="forgets to halve: takes xy = 6",
            steps=[
                ("Find xy", r"""From $(x + y)^2 = x^2 + y^2 + 2xy$: $16 - 10 = 6$, so $xy = 6$."""),
                ("Substitute", r"""$x^3 + y^3 = (x + y)^3 - 3xy(x + y) = 64 - 3 \cdot 6 \cdot 4 = 64 - 72 = -8$."""),
            ],
            catch=r"""16 - 10 = 6 is 2xy, so xy = 3. With xy = 6 the numbers would not even be real, since t^2 - 4t + 6
            has negative discriminant.""",
            doubt=r"""Let me recheck xy: (x+y)^2 - (x^2 + y^2) = 6, and that difference is xy, I think.""",
        ),
        explore=[
            r"""Symmetric functions. s = 4, p = (16 - 10)/2 = 3. x^3 + y^3 = s^3 - 3ps = 64 - 36 = 28. The numbers
            are 1 and 3.""",
        ],
        check=r"""x = 1, y = 3: sum 4, squares 1 + 9 = 10, cubes 1 + 27 = 28.""",
    ),
    P(
        key="trig-max",
        source="olympiad",
        text=r"""Find the maximum value of $2\sin x + 4\cos x - 1$ over all real $x$.""",
        gold=r"2\sqrt{5} - 1",
        box=r"2\sqrt{5} - 1",
        concl="The maximum value is {}.",
        steps=[
            (
                "Write as a single sinusoid",
                r"""Any expression $a\sin x + b\cos x$ can be written as
            $R\sin(x + \varphi)$ with $R = \sqrt{a^2 + b^2}$. Here $R = \sqrt{4 + 16} = \sqrt{20} = 2\sqrt{5}$.""",
            ),
            (
                "Bound it",
                r"""Since $\sin(x + \varphi) \le 1$, we get $2\sin x + 4\cos x \le 2\sqrt{5}$, with equality
            when $\sin x = \frac{1}{\sqrt{5}}$ and $\cos x = \frac{2}{\sqrt{5}}$.""",
            ),
            (
                "Subtract the constant",
                r"""The maximum of $2\sin x + 4\cos x - 1$ is therefore
            $2\sqrt{5} - 1 \approx 3.472$.""",
            ),
            (
                "Justify with Cauchy-Schwarz",
                r"""Alternatively, $(2\sin x + 4\cos x)^2 \le (2^2 + 4^2)(\sin^2 x +
            \cos^2 x) = 20$, which gives the same bound and the same equality case.""",
            ),
        ],
        wrong=dict(
            at=0,
            box="5",
            say="$5$",
            kind="adds the two amplitudes as if both terms could be maximal at once",
            steps=[
                ("Bound each term", r"""$2\sin x \le 2$ and $4\cos x \le 4$, so $2\sin x + 4\cos x \le 6$."""),
                ("Subtract the constant", r"""The maximum is $6 - 1 = 5$."""),
            ],
            catch=r"""sin x and cos x can't both be 1 at the same x. The bound 6 is never reached; the true maximum of
            2 sin x + 4 cos x is sqrt(4 + 16) = 2 sqrt 5.""",
            doubt=r"""Maybe it's enough to bound each term by its own maximum, 2 and 4.""",
        ),
        explore=[
            r"""Amplitude sqrt(2^2 + 4^2) = sqrt 20 = 2 sqrt 5. Max = 2 sqrt 5 - 1, about 3.47.""",
            r"""Check numerically: at x with tan x = 1/2, sin = 0.447, cos = 0.894, so 0.894 + 3.578 - 1 = 3.472.""",
        ],
        check=r"""At sin x = 1/sqrt5, cos x = 2/sqrt5 the value is 2/sqrt5 + 8/sqrt5 - 1 = 10/sqrt5 - 1 = 2 sqrt5 - 1.""",
        rounded="3.47",
    ),
    P(
        key="cauchy-min",
        source="olympiad",
        text=r"""Prove that for all positive real numbers $a$, $b$, $c$,
        $$(a + b + c)\left(\frac{1}{a} + \frac{1}{b} + \frac{1}{c}\right) \ge k,$$ where $k$ is the largest constant
        for which this holds, and find $k$.""",
        gold="9",
        box="9",
        concl="The largest such constant is $k = {}$.",
        say="9",
        steps=[
            (
                "Expand the product",
                r"""$(a + b + c)\left(\frac{1}{a} + \frac{1}{b} + \frac{1}{c}\right) = 3 +
            \left(\frac{a}{b} + \frac{b}{a}\right) + \left(\frac{b}{c} + \frac{c}{b}\right) + \left(\frac{c}{a} +
            \frac{a}{c}\right)$.""",
            ),
            (
                "Bound each pair",
                r"""For positive $u$, $u + \frac{1}{u} \ge 2$, since $u + \frac{1}{u} - 2 =
            \frac{(u - 1)^2}{u} \ge 0$. Each of the three brackets is at least $2$.""",
            ),
            (
                "Conclude the inequality",
                r"""The product is at least $3 + 2 + 2 + 2 = 9$, which proves the inequality
            with $k = 9$.""",
            ),
            (
                "Show 9 is the largest constant",
                r"""For $a = b = c$ the product equals $3a \cdot \frac{3}{a} = 9$, so
            no constant larger than $9$ works. Hence $k = 9$.""",
            ),
        ],
        wrong=dict(
            at=1,
            box="3",
            say="3",
            kind="bounds each cross pair by 0 instead of 2",
            steps=[
                (
                    "Bound each pair",
                    r"""Each bracket such as $\frac{a}{b} + \frac{b}{a}$ is positive, so the product
                is at least $3$.""",
                ),
                ("Conclude", r"""Hence the inequality holds with $k = 3$."""),
            ],
            catch=r"""Being positive isn't the sharp bound: each pair u + 1/u is at least 2. And 3 can't be the
            largest constant because a = b = c already gives 9.""",
            doubt=r"""Perhaps I'm over-counting, and the only guaranteed part is the 3 from the terms a/a, b/b, c/c.""",
        ),
        explore=[
            r"""Cauchy-Schwarz: (a+b+c)(1/a+1/b+1/c) >= (1+1+1)^2 = 9. Equality at a = b = c. So k = 9.""",
            r"""Try a = 1, b = 2, c = 3: 6 times (1 + 1/2 + 1/3) = 6 times 11/6 = 11 >= 9. Good.""",
        ],
        check=r"""a = b = c = 1 gives 3 times 3 = 9. a = 1, b = 1, c = 4: 6 times 2.25 = 13.5 >= 9. The bound is sharp.""",
        eq="k = 9",
        eq_wrong="k = 3",
    ),
    P(
        key="div7-not11",
        source="olympiad",
        text=r"""How many positive integers less than $1000$ are divisible by $7$ but not by $11$?""",
        gold="130",
        box="130",
        concl="There are {} such integers.",
        steps=[
            (
                "Count multiples of 7",
                r"""The multiples of 7 below 1000 are $7, 14, \ldots, 994$; there are
            $\left\lfloor \frac{999}{7} \right\rfloor = 142$ of them.""",
            ),
            (
                "Count multiples of both 7 and 11",
                r"""A number divisible by both is divisible by $77$. There are
            $\left\lfloor \frac{999}{77} \right\rfloor = 12$ of them, since $77 \cdot 12 = 924$ and
            $77 \cdot 13 = 1001$.""",
            ),
            ("Subtract", r"""The multiples of 7 that are not multiples of 11 number $142 - 12 = 130$."""),
        ],
        wrong=dict(
            at=1,
            box="52",
            say="$52$",
            kind="subtracts all multiples of 11 instead of the common multiples",
            steps=[
                (
                    "Count multiples of 11",
                    r"""There are $\left\lfloor \frac{999}{11} \right\rfloor = 90$ multiples of
                11 below 1000.""",
                ),
                ("Subtract", r"""So $142 - 90 = 52$ numbers are divisible by 7 but not by 11."""),
            ],
            catch=r"""Only the multiples of 11 that are also multiples of 7 should be removed from the 142, that is
            the multiples of 77.""",
            doubt=r"""To exclude everything divisible by 11, maybe I should subtract all 90 multiples of 11.""",
        ),
        explore=[
            r"""142 multiples of 7, 12 multiples of 77. 130.""",
        ],
        check=r"""994 = 7 times 142, 924 = 77 times 12, 1001 = 77 times 13 is too big. 142 - 12 = 130.""",
    ),
    P(
        key="periodic-seq",
        source="olympiad",
        text=r"""A sequence is defined by $a_1 = 1$, $a_2 = 3$ and $a_{n+2} = a_{n+1} - a_n$ for $n \ge 1$. Find
        $a_{2024}$.""",
        gold="3",
        box="3",
        concl="$a_{2024} = {}$.",
        say="3",
        steps=[
            (
                "Compute the first terms",
                r"""$a_3 = 3 - 1 = 2$, $a_4 = 2 - 3 = -1$, $a_5 = -1 - 2 = -3$,
            $a_6 = -3 - (-1) = -2$, $a_7 = -2 - (-3) = 1$, $a_8 = 1 - (-2) = 3$.""",
            ),
            (
                "Find the period",
                r"""Since $(a_7, a_8) = (a_1, a_2)$ and each term depends only on the two before it,
            the sequence repeats with period $6$: $1, 3, 2, -1, -3, -2, \ldots$""",
            ),
            ("Reduce the index", r"""$2024 = 6 \cdot 337 + 2$, so $a_{2024} = a_2 = 3$."""),
        ],
        wrong=dict(
            at=2,
            box="-1",
            say="-1",
            kind="miscomputes 2024 mod 6 as 4",
            steps=[
                ("Reduce the index", r"""$2024 = 6 \cdot 336 + 4$... so $a_{2024} = a_4 = -1$."""),
            ],
            catch=r"""6 times 336 = 2016 and 2024 - 2016 = 8, which is more than 6. The right division is 6 times 337 =
            2022, remainder 2.""",
            doubt=r"""Let me redo the division of 2024 by 6; 6 times 336 is 2016, so the remainder may be 4.""",
        ),
        explore=[
            r"""Recurrence a_{n+2} = a_{n+1} - a_n has period 6 always. 2024 mod 6: 2022 is divisible by 6, so 2.
            a_2 = 3.""",
        ],
        check=r"""The sum over a period is 1 + 3 + 2 - 1 - 3 - 2 = 0, a known property, and a_{2024} = a_2 = 3.""",
    ),
    P(
        key="omega-imag",
        source="olympiad",
        text=r"""Let $z$ be a complex number with $z^2 + z + 1 = 0$ and $\operatorname{Im}(z) > 0$. Find
        $\operatorname{Im}(z)$.""",
        gold=r"\frac{\sqrt{3}}{2}",
        box=r"\frac{\sqrt{3}}{2}",
        concl=r"$\operatorname{Im}(z) = {}$.",
        say=r"\frac{\sqrt{3}}{2}",
        rounded="0.866",
        steps=[
            (
                "Solve the quadratic",
                r"""By the quadratic formula, $$z = \frac{-1 \pm \sqrt{1 - 4}}{2} =
            \frac{-1 \pm i\sqrt{3}}{2}.$$""",
            ),
            (
                "Choose the root",
                r"""The root with positive imaginary part is $z = -\frac{1}{2} +
            \frac{\sqrt{3}}{2}i$.""",
            ),
            (
                "Read off the imaginary part",
                r"""Its imaginary part is $\frac{\sqrt{3}}{2}$. This $z$ is the primitive
            cube root of unity $e^{2\pi i/3}$, whose imaginary part is $\sin 120^\circ = \frac{\sqrt{3}}{2}$.""",
            ),
        ],
        wrong=dict(
            at=1,
            box=r"\sqrt{3}",
            say=r"\sqrt{3}",
            kind="forgets the denominator 2 of the quadratic formula",
            steps=[
                (
                    "Read off the imaginary part",
                    r"""The imaginary part comes from $\pm i\sqrt{3}$, so it is
                $\sqrt{3}$.""",
                ),
            ],
            catch=r"""The whole numerator is divided by 2, so the imaginary part is sqrt 3 / 2. Also |z| must be 1 for
            a cube root of unity, and an imaginary part of sqrt 3 would make |z| > 1.""",
            doubt=r"""The i sqrt 3 term carries the imaginary part, so maybe it is just sqrt 3.""",
        ),
        explore=[
            r"""z^2 + z + 1 = 0 means z is a primitive cube root of unity, e^{2 pi i / 3} = -1/2 + (sqrt3/2) i.""",
        ],
        check=r"""(-1/2 + (sqrt3/2) i)^2 = 1/4 - 3/4 - (sqrt3/2) i = -1/2 - (sqrt3/2) i, and adding z + 1 gives 0.""",
    ),
    P(
        key="trailing-zeros",
        source="olympiad",
        text=r"""How many zeros are at the end of the decimal representation of $1000!$?""",
        gold="249",
        box="249",
        concl="$1000!$ ends in {} zeros.",
        steps=[
            (
                "Count factors of 5",
                r"""Each trailing zero needs a factor $10 = 2 \cdot 5$, and factors of 2 are more
            plentiful, so we count the factors of 5 in $1000!$ with Legendre's formula.""",
            ),
            (
                "Apply Legendre's formula",
                r"""$$\left\lfloor \frac{1000}{5} \right\rfloor + \left\lfloor
            \frac{1000}{25} \right\rfloor + \left\lfloor \frac{1000}{125} \right\rfloor + \left\lfloor
            \frac{1000}{625} \right\rfloor = 200 + 40 + 8 + 1.$$""",
            ),
            ("Add", r"""$200 + 40 + 8 + 1 = 249$. The next term, $\lfloor 1000/3125 \rfloor$, is $0$."""),
        ],
        wrong=dict(
            at=1,
            box="248",
            say="$248$",
            kind="stops Legendre's formula before the 625 term",
            steps=[
                (
                    "Apply Legendre's formula",
                    r"""$\left\lfloor \frac{1000}{5} \right\rfloor + \left\lfloor
                \frac{1000}{25} \right\rfloor + \left\lfloor \frac{1000}{125} \right\rfloor = 200 + 40 + 8 = 248$.""",
                ),
            ],
            catch=r"""625 = 5^4 is less than 1000, so 625 contributes one more factor of 5: the term floor(1000/625) = 1
            is missing.""",
            doubt=r"""Powers of 5 up to 125 should be enough, since 625 is already more than half of 1000.""",
        ),
        explore=[
            r"""Legendre: 200 + 40 + 8 + 1 = 249. Don't forget 625.""",
        ],
        check=r"""5^4 = 625 <= 1000 < 3125 = 5^5, so four terms: 200, 40, 8, 1. Total 249.""",
    ),
]
