"""MATH-style problems (part C): precalculus and intermediate algebra."""

from __future__ import annotations

from model import P

PROBLEMS = [
    P(
        key="sin15cos15",
        source="math-precalc",
        text=r"""Compute $\sin 15^\circ \cos 15^\circ$.""",
        gold=r"\frac{1}{4}",
        box=r"\frac{1}{4}",
        concl=r"So $\sin 15^\circ \cos 15^\circ = {}$.",
        say=r"\frac{1}{4}",
        steps=[
            (
                "Use the double-angle formula",
                r"""The identity $\sin 2\theta = 2 \sin\theta \cos\theta$ gives
            $\sin\theta\cos\theta = \frac{1}{2}\sin 2\theta$.""",
            ),
            (
                "Apply it with theta = 15 degrees",
                r"""With $\theta = 15^\circ$:
            $$\sin 15^\circ \cos 15^\circ = \frac{1}{2} \sin 30^\circ.$$""",
            ),
            (
                "Evaluate",
                r"""Since $\sin 30^\circ = \frac{1}{2}$, the product is
            $\frac{1}{2} \cdot \frac{1}{2} = \frac{1}{4}$.""",
            ),
            (
                "Check with exact values",
                r"""$\sin 15^\circ = \frac{\sqrt{6} - \sqrt{2}}{4}$ and
            $\cos 15^\circ = \frac{\sqrt{6} + \sqrt{2}}{4}$, whose product is $\frac{6 - 2}{16} = \frac{1}{4}$.""",
            ),
        ],
        wrong=dict(
            at=1,
            box=r"\frac{1}{2}",
            say=r"\frac{1}{2}",
            kind="drops the factor 1/2 of the double-angle identity",
            steps=[
                (
                    "Apply it with theta = 15 degrees",
                    r"""With $\theta = 15^\circ$ the product becomes
                $\sin 30^\circ$.""",
                ),
                ("Evaluate", r"""Since $\sin 30^\circ = \frac{1}{2}$, the product is $\frac{1}{2}$."""),
            ],
            catch=r"""sin 2 theta is 2 sin theta cos theta, so sin theta cos theta is half of sin 2 theta. I dropped
            the factor 1/2.""",
            doubt=r"""I may have the identity backwards: perhaps sin theta cos theta equals sin 2 theta directly.""",
        ),
        explore=[
            r"""Double angle: sin 15 cos 15 = (1/2) sin 30 = 1/4. Quick.""",
            r"""Numerically sin 15 is about 0.2588 and cos 15 about 0.9659, product about 0.25. Good.""",
        ],
        check=r"""0.2588 times 0.9659 is about 0.2500, and the exact product of (sqrt6 - sqrt2)/4 and
        (sqrt6 + sqrt2)/4 is 4/16 = 1/4.""",
        decimal="0.25",
    ),
    P(
        key="cos150",
        source="math-precalc",
        text=r"""Find the exact value of $\cos 150^\circ$.""",
        gold=r"-\frac{\sqrt{3}}{2}",
        box=r"-\frac{\sqrt{3}}{2}",
        concl=r"Hence $\cos 150^\circ = {}$.",
        say=r"-\frac{\sqrt{3}}{2}",
        rounded="-0.87",
        steps=[
            (
                "Find the reference angle",
                r"""$150^\circ$ lies in the second quadrant, and its reference angle is
            $180^\circ - 150^\circ = 30^\circ$.""",
            ),
            (
                "Determine the sign",
                r"""In the second quadrant the $x$-coordinate on the unit circle is negative, so
            cosine is negative there.""",
            ),
            (
                "Evaluate",
                r"""$\cos 150^\circ = -\cos 30^\circ = -\frac{\sqrt{3}}{2}$. The point on the unit circle
            is $\left(-\frac{\sqrt{3}}{2}, \frac{1}{2}\right)$.""",
            ),
        ],
        wrong=dict(
            at=1,
            box=r"\frac{\sqrt{3}}{2}",
            say=r"\frac{\sqrt{3}}{2}",
            kind="loses the sign in the second quadrant",
            steps=[
                ("Evaluate", r"""$\cos 150^\circ = \cos 30^\circ = \frac{\sqrt{3}}{2}$."""),
            ],
            catch=r"""150 degrees is in the second quadrant, where cosine is negative. cos 150 = -cos 30.""",
            doubt=r"""Since cos(180 - x) and cos x share a reference angle, maybe they are simply equal.""",
        ),
        explore=[
            r"""cos(180 - 30) = -cos 30 = -sqrt(3)/2. Second quadrant, cosine negative.""",
            r"""ASTC: in quadrant II only sine is positive. So cosine is negative, value -0.866.""",
        ],
        check=r"""cos^2 150 + sin^2 150 = 3/4 + 1/4 = 1, and the x-coordinate of a second-quadrant point is
        negative. So -sqrt(3)/2.""",
    ),
    P(
        key="vector-angle",
        source="math-precalc",
        text=r"""Find the angle, in degrees, between the vectors $\mathbf{u} = \begin{pmatrix} 1 \\ 1 \\ 0
        \end{pmatrix}$ and $\mathbf{v} = \begin{pmatrix} 1 \\ 0 \\ 1 \end{pmatrix}$.""",
        gold=r"60^\circ",
        box=r"60^\circ",
        concl="The angle between the vectors is {}.",
        steps=[
            ("Compute the dot product", r"""$\mathbf{u} \cdot \mathbf{v} = 1 \cdot 1 + 1 \cdot 0 + 0 \cdot 1 = 1$."""),
            (
                "Compute the lengths",
                r"""$\|\mathbf{u}\| = \sqrt{1 + 1 + 0} = \sqrt{2}$ and
            $\|\mathbf{v}\| = \sqrt{1 + 0 + 1} = \sqrt{2}$.""",
            ),
            (
                "Find the cosine of the angle",
                r"""$$\cos\theta = \frac{\mathbf{u} \cdot \mathbf{v}}
            {\|\mathbf{u}\|\,\|\mathbf{v}\|} = \frac{1}{\sqrt{2} \cdot \sqrt{2}} = \frac{1}{2}.$$""",
            ),
            (
                "Find the angle",
                r"""The angle in $[0^\circ, 180^\circ]$ with cosine $\frac{1}{2}$ is
            $\theta = 60^\circ$.""",
            ),
        ],
        wrong=dict(
            at=2,
            box=r"45^\circ",
            say=r"$45^\circ$",
            kind="divides by only one of the two lengths",
            steps=[
                ("Find the cosine of the angle", r"""$\cos\theta = \frac{1}{\sqrt{2}}$."""),
                ("Find the angle", r"""The angle with cosine $\frac{1}{\sqrt{2}}$ is $45^\circ$."""),
            ],
            catch=r"""The denominator is the product of both lengths, sqrt2 times sqrt2 = 2, not just sqrt2.""",
            doubt=r"""Both vectors have the same length sqrt 2, so maybe the denominator only needs it once.""",
        ),
        explore=[
            r"""u = (1,1,0), v = (1,0,1). Dot 1, lengths sqrt 2 each, cos = 1/2, 60 degrees. These are two face
            diagonals of a cube meeting at a vertex, and together with the third diagonal they form an equilateral
            triangle, so 60 degrees makes sense.""",
        ],
        check=r"""The points (1,1,0), (1,0,1) and (0,1,1) are pairwise sqrt 2 apart, an equilateral triangle, and
        the angle between u and v is the angle of the triangle formed with u - v, whose length is sqrt 2 as well.
        So 60 degrees.""",
        units=r"60 \text{ degrees}",
        units_wrong=r"45 \text{ degrees}",
    ),
    P(
        key="trig-eq",
        source="math-precalc",
        text=r"""Find all $x$ in the interval $[0, 2\pi)$ such that $2\sin^2 x = \sin x$. Enter all the solutions,
        separated by commas.""",
        gold=r"0, \frac{\pi}{6}, \frac{5\pi}{6}, \pi",
        box=r"0, \frac{\pi}{6}, \frac{5\pi}{6}, \pi",
        concl="The solutions are {}.",
        steps=[
            ("Move everything to one side", r"""$2\sin^2 x - \sin x = 0$."""),
            (
                "Factor",
                r"""$\sin x \,(2\sin x - 1) = 0$, so $\sin x = 0$ or $\sin x = \frac{1}{2}$. Dividing
            both sides by $\sin x$ would lose the first family of solutions, so we factor instead.""",
            ),
            ("Solve sin x = 0", r"""In $[0, 2\pi)$, $\sin x = 0$ at $x = 0$ and $x = \pi$."""),
            (
                "Solve sin x = 1/2",
                r"""In $[0, 2\pi)$, $\sin x = \frac{1}{2}$ at $x = \frac{\pi}{6}$ and
            $x = \frac{5\pi}{6}$.""",
            ),
            ("Collect the solutions", r"""The solutions are $0, \frac{\pi}{6}, \frac{5\pi}{6}, \pi$."""),
        ],
        wrong=dict(
            at=1,
            box=r"\frac{\pi}{6}, \frac{5\pi}{6}",
            kind="divides by sin x and loses the solutions with sin x = 0",
            steps=[
                (
                    "Divide by sin x",
                    r"""Dividing both sides of $2\sin^2 x = \sin x$ by $\sin x$ gives
                $2\sin x = 1$, so $\sin x = \frac{1}{2}$.""",
                ),
                (
                    "Collect the solutions",
                    r"""In $[0, 2\pi)$ this gives $x = \frac{\pi}{6}$ and
                $x = \frac{5\pi}{6}$.""",
                ),
            ],
            catch=r"""Dividing by sin x is only allowed when sin x is not zero, and sin x = 0 is itself a solution:
            x = 0 and x = pi satisfy 2 sin^2 x = sin x.""",
            doubt=r"""It would be simpler to divide both sides by sin x, since the equation clearly has sin x as a
            common factor.""",
        ),
        explore=[
            r"""Quadratic in sin x. Factor, don't divide. sin x = 0 gives 0 and pi in [0, 2pi). sin x = 1/2 gives pi/6
            and 5pi/6. So four solutions.""",
            r"""Careful about 2pi: the interval is half-open, so 2pi is excluded.""",
        ],
        check=r"""x = 0: 0 = 0. x = pi: 0 = 0. x = pi/6: 2(1/4) = 1/2. x = 5pi/6: same. Four solutions.""",
        roots=("0", r"\frac{\pi}{6}", r"\frac{5\pi}{6}", r"\pi"),
        roots_wrong=(r"\frac{\pi}{6}", r"\frac{5\pi}{6}"),
    ),
    P(
        key="polar-convert",
        source="math-precalc",
        text=r"""Convert the point $(-2, 2\sqrt{3})$ in rectangular coordinates to polar coordinates. Enter your
        answer in the form $(r, \theta)$, where $r > 0$ and $0 \le \theta < 2\pi$.""",
        gold=r"\left( 4, \frac{2 \pi}{3} \right)",
        box=r"\left( 4, \frac{2\pi}{3} \right)",
        concl="In polar coordinates the point is {}.",
        steps=[
            ("Compute r", r"""$r = \sqrt{(-2)^2 + (2\sqrt{3})^2} = \sqrt{4 + 12} = \sqrt{16} = 4$."""),
            (
                "Locate the quadrant",
                r"""The $x$-coordinate is negative and the $y$-coordinate is positive, so the
            point is in the second quadrant and $\theta$ is between $\frac{\pi}{2}$ and $\pi$.""",
            ),
            (
                "Compute theta",
                r"""$\cos\theta = \frac{-2}{4} = -\frac{1}{2}$ and
            $\sin\theta = \frac{2\sqrt{3}}{4} = \frac{\sqrt{3}}{2}$, so $\theta = \frac{2\pi}{3}$.""",
            ),
            ("Write the answer", r"""The polar coordinates are $\left(4, \frac{2\pi}{3}\right)$."""),
        ],
        wrong=dict(
            at=2,
            box=r"\left( 4, \frac{5\pi}{3} \right)",
            kind="uses arctan(y/x) without fixing the quadrant",
            steps=[
                (
                    "Compute theta",
                    r"""$\tan\theta = \frac{2\sqrt{3}}{-2} = -\sqrt{3}$, so
                $\theta = \arctan(-\sqrt{3}) = -\frac{\pi}{3}$. Adding $2\pi$ to get into $[0, 2\pi)$ gives
                $\theta = \frac{5\pi}{3}$.""",
                ),
                ("Write the answer", r"""The polar coordinates are $\left(4, \frac{5\pi}{3}\right)$."""),
            ],
            catch=r"""5 pi / 3 is in the fourth quadrant, but the point (-2, 2 sqrt 3) is in the second quadrant. The
            arctangent gives the angle only up to pi, so I need theta = -pi/3 + pi = 2pi/3.""",
            doubt=r"""The tangent is -sqrt 3, so the arctangent gives -pi/3 directly; adding 2 pi should put it in
            range.""",
        ),
        explore=[
            r"""r = 4. The angle: cos = -1/2, sin = sqrt3/2, so 120 degrees = 2pi/3.""",
            r"""Careful with arctan: it returns values in (-pi/2, pi/2), so for x < 0 I need to add pi.""",
        ],
        check=r"""4 cos(2pi/3) = 4(-1/2) = -2 and 4 sin(2pi/3) = 4(sqrt3/2) = 2 sqrt3. That's the original point.""",
    ),
    P(
        key="amgm-min",
        source="math-intalg",
        text=r"""Find the minimum value of $x + \frac{9}{x}$ for $x > 0$.""",
        gold="6",
        box="6",
        concl=r"The minimum value of $x + \frac{9}{x}$ is {}.",
        steps=[
            (
                "Apply AM-GM",
                r"""For positive $x$, the arithmetic mean-geometric mean inequality gives
            $$x + \frac{9}{x} \ge 2\sqrt{x \cdot \frac{9}{x}} = 2\sqrt{9} = 6.$$""",
            ),
            (
                "Find when equality holds",
                r"""Equality holds when $x = \frac{9}{x}$, that is $x^2 = 9$, so $x = 3$
            (we need $x > 0$).""",
            ),
            (
                "Evaluate at the equality point",
                r"""At $x = 3$ the expression is $3 + \frac{9}{3} = 3 + 3 = 6$, so the
            bound is attained and the minimum value is $6$.""",
            ),
        ],
        wrong=dict(
            at=2,
            box="3",
            say="$3$",
            kind="reports where the minimum is attained (x = 3) instead of the minimum value",
            steps=[
                ("State the minimum", r"""So the minimum occurs at $x = 3$, and the answer is $3$."""),
            ],
            catch=r"""x = 3 is where the minimum is attained. The question asks for the minimum value of the
            expression, which is 3 + 9/3 = 6.""",
            doubt=r"""Problems like this usually want the point where the expression is smallest, so perhaps the
            answer is the x-value, 3.""",
        ),
        explore=[
            r"""AM-GM: x + 9/x >= 2 sqrt 9 = 6, equality at x = 3. Or calculus: derivative 1 - 9/x^2 = 0 at x = 3,
            second derivative 18/x^3 > 0, so minimum.""",
            r"""Test values: x = 1 gives 10, x = 2 gives 6.5, x = 3 gives 6, x = 4 gives 6.25. Minimum 6.""",
        ],
        check=r"""f(2) = 6.5, f(3) = 6, f(4) = 6.25, and AM-GM shows f(x) >= 6 everywhere. So the minimum value
        is 6.""",
    ),
    P(
        key="vieta-squares",
        source="math-intalg",
        text=r"""Let $r$, $s$ and $t$ be the roots of $x^3 - 6x^2 + 11x - 6 = 0$. Find $r^2 + s^2 + t^2$.""",
        gold="14",
        box="14",
        concl="$r^2 + s^2 + t^2 = {}$.",
        say="14",
        steps=[
            (
                "Read off Vieta's formulas",
                r"""For $x^3 - 6x^2 + 11x - 6$: $r + s + t = 6$ and
            $rs + st + tr = 11$.""",
            ),
            ("Use the square of the sum", r"""$(r + s + t)^2 = r^2 + s^2 + t^2 + 2(rs + st + tr)$."""),
            ("Solve for the sum of squares", r"""$r^2 + s^2 + t^2 = 6^2 - 2 \cdot 11 = 36 - 22 = 14$."""),
            (
                "Check with the actual roots",
                r"""The cubic factors as $(x - 1)(x - 2)(x - 3)$, and
            $1 + 4 + 9 = 14$.""",
            ),
        ],
        wrong=dict(
            at=2,
            box="25",
            say="25",
            kind="forgets the factor 2 in front of the pairwise sum",
            steps=[
                ("Solve for the sum of squares", r"""$r^2 + s^2 + t^2 = 6^2 - 11 = 25$."""),
            ],
            catch=r"""The cross terms appear twice in the square of the sum, so I need to subtract 2 times 11, not
            11.""",
            doubt=r"""Let me recheck the expansion of (r+s+t)^2; I think each cross term appears once.""",
        ),
        explore=[
            r"""Sum of squares = (sum)^2 - 2(sum of products) = 36 - 22 = 14. Actually this cubic is (x-1)(x-2)(x-3),
            so directly 1 + 4 + 9 = 14.""",
        ],
        check=r"""Roots 1, 2, 3: sum 6, pairwise products 2 + 6 + 3 = 11, product 6, matching the coefficients. Squares
        1 + 4 + 9 = 14.""",
    ),
    P(
        key="abs-ineq",
        source="math-intalg",
        text=r"""Solve the inequality $|2x - 3| < 7$. Express your answer in interval notation.""",
        gold="(-2, 5)",
        box="(-2, 5)",
        concl="The solution set is {}.",
        steps=[
            ("Rewrite without the absolute value", r"""$|2x - 3| < 7$ means $-7 < 2x - 3 < 7$."""),
            ("Add 3", r"""Adding 3 to all three parts: $-4 < 2x < 10$."""),
            ("Divide by 2", r"""Dividing by 2: $-2 < x < 5$."""),
            (
                "Write in interval notation",
                r"""The inequality is strict, so the endpoints are excluded: $(-2, 5)$.
            For example $x = 0$ gives $|-3| = 3 < 7$, while $x = 5$ gives $|7| = 7$, which is not less than 7.""",
            ),
        ],
        wrong=dict(
            at=1,
            box=r"(-\infty, 5)",
            kind="keeps only the upper half of the compound inequality",
            steps=[
                (
                    "Solve the inequality",
                    r"""From $2x - 3 < 7$ we get $2x < 10$, so $x < 5$. The solution is
                $(-\infty, 5)$.""",
                ),
            ],
            catch=r"""That drops the lower bound. The absolute value inequality also needs 2x - 3 > -7, which gives
            x > -2. For example x = -10 gives |-23| = 23, not less than 7.""",
            doubt=r"""Maybe only the positive case matters here, since the absolute value is compared with a positive
            number.""",
        ),
        explore=[
            r"""Absolute value less than: a double inequality. -7 < 2x - 3 < 7, so -2 < x < 5. Open interval.""",
        ],
        check=r"""x = -2: |-7| = 7, not < 7, excluded. x = 5: 7, excluded. x = 1: |-1| = 1 < 7, included.""",
    ),
    P(
        key="geo-series",
        source="math-intalg",
        text=r"""Find the sum of the infinite geometric series $6 - 4 + \frac{8}{3} - \frac{16}{9} + \cdots$.""",
        gold=r"\frac{18}{5}",
        box=r"\frac{18}{5}",
        concl="The series sums to {}.",
        steps=[
            (
                "Find the common ratio",
                r"""Dividing consecutive terms: $\frac{-4}{6} = -\frac{2}{3}$ and
            $\frac{8/3}{-4} = -\frac{2}{3}$. So $r = -\frac{2}{3}$.""",
            ),
            ("Check convergence", r"""$|r| = \frac{2}{3} < 1$, so the series converges."""),
            (
                "Apply the formula",
                r"""The sum is $$\frac{a}{1 - r} = \frac{6}{1 + \frac{2}{3}} =
            \frac{6}{\frac{5}{3}} = \frac{18}{5}.$$""",
            ),
        ],
        wrong=dict(
            at=0,
            box="18",
            say="$18$",
            kind="drops the sign of the ratio",
            steps=[
                (
                    "Find the common ratio",
                    r"""Each term is $\frac{2}{3}$ of the previous one, so
                $r = \frac{2}{3}$.""",
                ),
                ("Apply the formula", r"""The sum is $\frac{6}{1 - \frac{2}{3}} = \frac{6}{\frac{1}{3}} = 18$."""),
            ],
            catch=r"""The terms alternate in sign, so the ratio is -2/3, not 2/3. With r = 2/3 all terms would be
            positive.""",
            doubt=r"""The magnitudes shrink by 2/3 each time, and the formula only needs that, so maybe r = 2/3.""",
        ),
        explore=[
            r"""a = 6, r = -2/3. Sum = 6 / (5/3) = 18/5 = 3.6. Partial sums: 6, 2, 4.67, 2.89, ... oscillating around
            3.6. Plausible.""",
        ],
        check=r"""Partial sums 6, 2, 4.667, 2.889, 4.074, 3.284, ... converge toward 3.6 = 18/5.""",
        decimal="3.6",
    ),
    P(
        key="log-eq",
        source="math-intalg",
        text=r"""Solve for $x$: $\log_2 (x + 1) + \log_2 (x - 1) = 3$.""",
        gold="3",
        box="3",
        say="$x = 3$",
        concl="The solution is {}.",
        steps=[
            (
                "Combine the logarithms",
                r"""For $x > 1$ both logarithms are defined, and
            $\log_2(x + 1) + \log_2(x - 1) = \log_2\big((x + 1)(x - 1)\big) = \log_2(x^2 - 1)$.""",
            ),
            ("Remove the logarithm", r"""$\log_2(x^2 - 1) = 3$ means $x^2 - 1 = 2^3 = 8$, so $x^2 = 9$."""),
            (
                "Solve and check the domain",
                r"""$x = 3$ or $x = -3$. The original equation needs $x - 1 > 0$, and
            $x = -3$ gives $\log_2(-2)$, which is undefined. So only $x = 3$ works: $\log_2 4 + \log_2 2 = 2 + 1 =
            3$.""",
            ),
        ],
        wrong=dict(
            at=2,
            box=r"\pm 3",
            say=r"$x = \pm 3$",
            kind="keeps x = -3, outside the domain of the logarithms",
            steps=[
                ("Solve", r"""$x^2 = 9$ gives $x = \pm 3$."""),
            ],
            catch=r"""x = -3 makes x - 1 = -4 and x + 1 = -2 negative, so the logarithms aren't defined. Only x = 3
            is a solution.""",
            doubt=r"""x^2 - 1 = 8 holds for both signs, so perhaps both x = 3 and x = -3 should be reported.""",
        ),
        explore=[
            r"""Log sum = log of product: log2(x^2 - 1) = 3, x^2 = 9. Domain x > 1. So x = 3.""",
        ],
        check=r"""x = 3: log2 4 = 2, log2 2 = 1, sum 3. x = -3 is outside the domain.""",
        eq="x = 3",
        eq_wrong=r"x = \pm 3",
        roots_wrong=("-3", "3"),
    ),
]
