"""MATH-style problems (part A): algebra, golds in MATH's LaTeX."""

from __future__ import annotations

from model import P

PROBLEMS = [
    P(
        key="radical-eq",
        source="math-algebra",
        text=r"""Solve for $x$: $\sqrt{2x + 7} = x + 2$.""",
        gold="1",
        box="1",
        say="$x = 1$",
        concl="The only solution is {}.",
        steps=[
            (
                "Square both sides",
                r"""Squaring both sides removes the square root:
            $$2x + 7 = (x + 2)^2 = x^2 + 4x + 4.$$ Squaring can introduce extraneous solutions, so every
            candidate must be checked in the original equation at the end.""",
            ),
            (
                "Rearrange into a quadratic",
                r"""Moving everything to one side gives $x^2 + 4x + 4 - 2x - 7 = 0$,
            that is $$x^2 + 2x - 3 = 0.$$""",
            ),
            (
                "Factor the quadratic",
                r"""We need two numbers with product $-3$ and sum $2$: these are $3$ and
            $-1$. So $(x + 3)(x - 1) = 0$, giving the candidates $x = -3$ and $x = 1$.""",
            ),
            (
                "Check the candidates",
                r"""For $x = 1$: the left side is $\sqrt{2 + 7} = \sqrt{9} = 3$ and the
            right side is $1 + 2 = 3$, so it works. For $x = -3$: the left side is $\sqrt{-6 + 7} = 1$ but the
            right side is $-3 + 2 = -1$. A square root is never negative, so $x = -3$ is extraneous.""",
            ),
            ("State the solution", r"""The equation has exactly one solution, $x = 1$."""),
        ],
        wrong=dict(
            at=3,
            box="-3, 1",
            say="$x = -3$ and $x = 1$",
            kind="keeps the extraneous root x = -3",
            steps=[
                (
                    "State the solutions",
                    r"""Both roots of the quadratic solve the squared equation, so the
                solutions are $x = -3$ and $x = 1$.""",
                ),
            ],
            catch=r"""I never checked the roots in the original equation. For x = -3 the right side is -1, but
            a square root can't equal -1. So x = -3 is extraneous.""",
            doubt=r"""For x = -3 the left side is sqrt(1), and 1 squared equals (-1) squared, so maybe x = -3 also
            counts as a solution since the squared equation holds.""",
        ),
        explore=[
            r"""Radical equation. Square both sides, solve the quadratic, then check for extraneous roots, because
            squaring can create solutions that don't satisfy the original. Also the right side x + 2 must be
            nonnegative, so x is at least -2.""",
            r"""Before squaring: the domain needs 2x + 7 >= 0, so x >= -3.5, and x + 2 >= 0, so x >= -2. So any root
            below -2 is automatically out.""",
        ],
        check=r"""x = 1: sqrt(9) = 3 and 1 + 2 = 3. Good. x = -3 is below -2, so it violates x + 2 >= 0. Only x = 1
        survives.""",
        eq="x = 1",
        eq_wrong=r"x = -3 \text{ or } x = 1",
        roots_wrong=("-3", "1"),
    ),
    P(
        key="one-solution-k",
        source="math-algebra",
        text=r"""What is the sum of all values of $k$ for which the equation $x^2 + kx + 16 = 0$ has exactly one
        real solution?""",
        gold="0",
        box="0",
        say="$0$",
        concl="The sum of all such values of $k$ is {}.",
        steps=[
            (
                "Use the discriminant",
                r"""A quadratic $ax^2 + bx + c = 0$ has exactly one real solution when its
            discriminant $b^2 - 4ac$ is zero. Here $a = 1$, $b = k$ and $c = 16$, so we need
            $$k^2 - 4 \cdot 1 \cdot 16 = k^2 - 64 = 0.$$""",
            ),
            (
                "Solve for k",
                r"""From $k^2 = 64$ we get $k = 8$ or $k = -8$. Both values are valid: for $k = 8$
            the equation is $(x + 4)^2 = 0$ and for $k = -8$ it is $(x - 4)^2 = 0$, each with a single double
            root.""",
            ),
            (
                "Add the values",
                r"""The sum of all such values is $8 + (-8) = 0$. This also follows from
            Vieta's formulas applied to $k^2 - 64 = 0$, whose roots sum to $0$.""",
            ),
        ],
        wrong=dict(
            at=1,
            box="8",
            say="$8$",
            kind="keeps only the positive value k = 8",
            steps=[
                (
                    "Solve for k",
                    r"""From $k^2 = 64$ we get $k = \sqrt{64} = 8$, and the equation becomes
                $(x + 4)^2 = 0$, with the single solution $x = -4$.""",
                ),
                ("Add the values", r"""There is only one such value, so the sum is $8$."""),
            ],
            catch=r"""k squared = 64 has two solutions, k = 8 and k = -8. I only took the positive square root.""",
            doubt=r"""Taking the square root of 64 gives 8, and the problem says 'the sum of all values', which may
            just be a way of phrasing it when there's one value.""",
        ),
        explore=[
            r"""Exactly one real solution means a double root, which means discriminant zero. k^2 - 64 = 0. That
            has two solutions in k, plus and minus 8, and their sum is zero. Seems almost too easy, let me make sure
            the question is what I think.""",
            r"""I wondered whether 'exactly one real solution' could include the case of no real solutions, but no,
            zero solutions is not one solution.""",
        ],
        check=r"""k = 8: x^2 + 8x + 16 = (x+4)^2, one solution x = -4. k = -8: (x-4)^2, one solution x = 4. Any other
        k gives two or zero real solutions. Sum 8 + (-8) = 0.""",
        eq=r"k_1 + k_2 = 0",
        eq_wrong="k = 8",
    ),
    P(
        key="domain-sqrt",
        source="math-algebra",
        text=r"""Find the domain of the function $f(x) = \sqrt{x^2 - 7x + 10}$. Express your answer in interval
        notation.""",
        gold=r"(-\infty, 2] \cup [5, \infty)",
        box=r"(-\infty, 2] \cup [5, \infty)",
        concl=r"The domain of $f$ is {}.",
        steps=[
            (
                "Write the condition",
                r"""The expression under a square root must be nonnegative, so we need
            $$x^2 - 7x + 10 \ge 0.$$""",
            ),
            (
                "Factor",
                r"""The quadratic factors as $(x - 2)(x - 5)$, since $2 \cdot 5 = 10$ and $2 + 5 = 7$.
            Its roots are $x = 2$ and $x = 5$.""",
            ),
            (
                "Find where the product is nonnegative",
                r"""The parabola $y = (x - 2)(x - 5)$ opens upward, so it is
            negative strictly between its roots and nonnegative outside them. Test points confirm this: at $x = 0$
            the value is $10 > 0$, at $x = 3$ it is $(1)(-2) = -2 < 0$, and at $x = 6$ it is $(4)(1) = 4 > 0$.""",
            ),
            (
                "Include the endpoints",
                r"""At $x = 2$ and $x = 5$ the expression equals $0$, and $\sqrt{0} = 0$ is
            defined, so both endpoints belong to the domain. The domain is
            $$(-\infty, 2] \cup [5, \infty).$$""",
            ),
        ],
        wrong=dict(
            at=2,
            box="[2, 5]",
            say="$[2, 5]$",
            kind="takes the interval between the roots, where the expression is negative",
            steps=[
                (
                    "Find where the product is nonnegative",
                    r"""The product $(x - 2)(x - 5)$ is nonnegative between
                the roots, so the condition holds for $2 \le x \le 5$, and the domain is $[2, 5]$.""",
                ),
            ],
            catch=r"""Between the roots the product is negative: at x = 3 it's (1)(-2) = -2. The parabola opens
            upward, so it's nonnegative outside the roots.""",
            doubt=r"""For inequalities like this the solution is usually the interval between the roots, since that's
            where the two factors 'balance'. Let me go with the closed interval between the roots.""",
        ),
        explore=[
            r"""Domain of a square root: the inside must be >= 0. Quadratic x^2 - 7x + 10, roots 2 and 5. Upward
            parabola, so >= 0 outside the roots. With endpoints included.""",
            r"""I should be careful about the brackets: square brackets at 2 and 5 since equality is allowed, and
            parentheses at infinity.""",
        ],
        check=r"""x = 0: 10 >= 0, in the domain. x = 3: -2, not in the domain. x = 2 and x = 5: 0, fine. x = 10:
        100 - 70 + 10 = 40, in the domain. So the domain is x <= 2 or x >= 5.""",
    ),
    P(
        key="composition",
        source="math-algebra",
        text=r"""Let $f(x) = 3x - 5$ and $g(x) = x^2 + 1$. What is the value of $f(g(2)) - g(f(2))$?""",
        gold="8",
        box="8",
        concl=r"So $f(g(2)) - g(f(2)) = {}$.",
        say="8",
        steps=[
            ("Compute g(2)", r"""$g(2) = 2^2 + 1 = 5$."""),
            ("Compute f(g(2))", r"""$f(g(2)) = f(5) = 3 \cdot 5 - 5 = 10$."""),
            ("Compute f(2)", r"""$f(2) = 3 \cdot 2 - 5 = 1$."""),
            ("Compute g(f(2))", r"""$g(f(2)) = g(1) = 1^2 + 1 = 2$."""),
            (
                "Subtract",
                r"""$f(g(2)) - g(f(2)) = 10 - 2 = 8$. Note that the two compositions are different
            functions: $f(g(x)) = 3x^2 - 2$ while $g(f(x)) = 9x^2 - 30x + 26$, and at $x = 2$ they give $10$ and
            $2$.""",
            ),
        ],
        wrong=dict(
            at=1,
            box="-8",
            say="-8",
            kind="evaluates the two compositions in the wrong order",
            steps=[
                (
                    "Compute f(g(2))",
                    r"""For $f(g(2))$ we apply $f$ first: $f(2) = 1$, then $g(1) = 2$. So
                $f(g(2)) = 2$.""",
                ),
                (
                    "Compute g(f(2))",
                    r"""For $g(f(2))$ we apply $g$ first: $g(2) = 5$, then $f(5) = 10$. So
                $g(f(2)) = 10$.""",
                ),
                ("Subtract", r"""$f(g(2)) - g(f(2)) = 2 - 10 = -8$."""),
            ],
            catch=r"""In f(g(2)) the inner function g is applied first, not f. I swapped the order of both
            compositions.""",
            doubt=r"""I should double check the order convention: in f(g(2)), maybe f is applied first since it's
            written first. Let me recompute both compositions that way.""",
        ),
        explore=[
            r"""Function composition. f(g(2)) means apply g first, then f. g(f(2)) means apply f first, then g. Two
            separate computations, then subtract.""",
            r"""I could also get general formulas: f(g(x)) = 3(x^2 + 1) - 5 = 3x^2 - 2, and g(f(x)) = (3x - 5)^2 + 1.
            At x = 2: 3(4) - 2 = 10 and (1)^2 + 1 = 2.""",
        ],
        check=r"""Using the formulas: f(g(2)) = 3(4) - 2 = 10, g(f(2)) = 9(4) - 60 + 26 = 2. Difference 8.""",
        inter=[(1, "10"), (3, "2")],
    ),
    P(
        key="line-intercept",
        source="math-algebra",
        text=r"""A line passes through the points $(2, -1)$ and $(6, 7)$. What is the $y$-intercept of the
        line?""",
        gold="-5",
        box="-5",
        concl="The $y$-intercept of the line is {}.",
        steps=[
            (
                "Find the slope",
                r"""The slope is the change in $y$ over the change in $x$:
            $$m = \frac{7 - (-1)}{6 - 2} = \frac{8}{4} = 2.$$""",
            ),
            (
                "Write the point-slope form",
                r"""Using the point $(2, -1)$: $y - (-1) = 2(x - 2)$, that is
            $y + 1 = 2x - 4$.""",
            ),
            (
                "Solve for y",
                r"""Subtracting 1 gives $y = 2x - 5$. The $y$-intercept is the value of $y$ when
            $x = 0$, which is $-5$.""",
            ),
            (
                "Check with the other point",
                r"""At $x = 6$ the line gives $y = 12 - 5 = 7$, which matches the point
            $(6, 7)$. So the line is $y = 2x - 5$ and it crosses the $y$-axis at $(0, -5)$.""",
            ),
        ],
        wrong=dict(
            at=0,
            box="-2",
            say="$-2$",
            kind="computes the slope upside down (run over rise)",
            steps=[
                ("Find the slope", r"""The slope is $$m = \frac{6 - 2}{7 - (-1)} = \frac{4}{8} = \frac{1}{2}.$$"""),
                (
                    "Write the equation",
                    r"""Using the point $(2, -1)$: $y + 1 = \frac{1}{2}(x - 2)$, so
                $y = \frac{1}{2}x - 2$.""",
                ),
                ("Read off the intercept", r"""The $y$-intercept is $-2$."""),
            ],
            catch=r"""The slope is rise over run, the change in y over the change in x: 8/4 = 2, not 4/8. With slope
            1/2 the line wouldn't even pass through (6, 7).""",
            doubt=r"""I might have the slope formula flipped. Let me recompute it as the change in x over the change
            in y, which is how I remember it from class.""",
        ),
        explore=[
            r"""Two points, find the line, then set x = 0. Slope first: (7 - (-1)) / (6 - 2) = 8/4 = 2.""",
            r"""Alternatively, going from x = 2 to x = 0 is two steps left, each step of 1 in x drops y by 2, so y
            drops by 4 from -1 to -5. That's a quick way.""",
        ],
        check=r"""y = 2x - 5: at x = 2, y = -1, correct. At x = 6, y = 7, correct. At x = 0, y = -5.""",
        eq="b = -5",
        eq_wrong="b = -2",
    ),
]
