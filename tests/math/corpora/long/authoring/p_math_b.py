"""MATH-style problems (part B): geometry and number theory."""

from __future__ import annotations

from model import P

PROBLEMS = [
    P(
        key="altitude-hyp",
        source="math-geometry",
        text=r"""In right triangle $ABC$, the right angle is at $C$, $AC = 6$ and $BC = 8$. What is the length of
        the altitude from $C$ to the hypotenuse $\overline{AB}$? Express your answer as a common fraction.""",
        gold=r"\frac{24}{5}",
        box=r"\frac{24}{5}",
        concl="The altitude from $C$ has length {}.",
        steps=[
            (
                "Find the hypotenuse",
                r"""By the Pythagorean theorem, $AB = \sqrt{6^2 + 8^2} = \sqrt{36 + 64} =
            \sqrt{100} = 10$.""",
            ),
            (
                "Compute the area using the legs",
                r"""The legs are perpendicular, so the area is
            $\frac{1}{2} \cdot 6 \cdot 8 = 24$.""",
            ),
            (
                "Compute the area using the hypotenuse",
                r"""If $h$ is the altitude from $C$ to $\overline{AB}$,
            the area is also $\frac{1}{2} \cdot AB \cdot h = \frac{1}{2} \cdot 10 \cdot h = 5h$.""",
            ),
            (
                "Solve for the altitude",
                r"""Setting $5h = 24$ gives $$h = \frac{24}{5}.$$ This is less than both
            legs, as an altitude to the hypotenuse must be.""",
            ),
        ],
        wrong=dict(
            at=1,
            box="5",
            say="$5$",
            kind="gives the median to the hypotenuse instead of the altitude",
            steps=[
                (
                    "Use the midpoint of the hypotenuse",
                    r"""In a right triangle the vertex $C$ is equidistant from
                $A$, $B$ and the midpoint $M$ of $\overline{AB}$, so the segment from $C$ to the hypotenuse has
                length $CM = \frac{AB}{2} = 5$.""",
                ),
            ],
            catch=r"""CM is the median to the hypotenuse, and it's not perpendicular to AB unless the legs are equal.
            The altitude is the perpendicular segment, which I should get from the area.""",
            doubt=r"""In a right triangle the segment from the right angle to the hypotenuse is half the
            hypotenuse, so maybe the altitude is just 10/2.""",
        ),
        explore=[
            r"""3-4-5 triangle scaled by 2: 6, 8, 10. Altitude to the hypotenuse = product of legs over
            hypotenuse = 48/10 = 24/5.""",
            r"""The median to the hypotenuse would be 5, but the altitude is a different segment, shorter than the
            median here.""",
        ],
        check=r"""ab/c = 6 times 8 / 10 = 4.8 = 24/5. Also the altitude splits AB into 36/10 = 3.6 and 64/10 = 6.4,
        and h^2 = 3.6 times 6.4 = 23.04 = 4.8^2. Consistent.""",
        decimal="4.8",
    ),
    P(
        key="hexagon-area",
        source="math-geometry",
        text=r"""A regular hexagon has side length $4$. What is the area of the hexagon? Express your answer in
        simplest radical form.""",
        gold=r"24\sqrt{3}",
        box=r"24\sqrt{3}",
        concl="The area of the hexagon is {}.",
        steps=[
            (
                "Split the hexagon",
                r"""Joining the center to the six vertices splits a regular hexagon into six
            congruent equilateral triangles, each with side length $4$.""",
            ),
            (
                "Find the area of one triangle",
                r"""An equilateral triangle of side $s$ has area
            $\frac{\sqrt{3}}{4}s^2$. With $s = 4$: $$\frac{\sqrt{3}}{4} \cdot 16 = 4\sqrt{3}.$$""",
            ),
            ("Multiply by six", r"""The hexagon's area is $6 \cdot 4\sqrt{3} = 24\sqrt{3}$."""),
            (
                "Check with the apothem",
                r"""The apothem is the height of one triangle, $2\sqrt{3}$, and the
            perimeter is $24$, so the area is $\frac{1}{2} \cdot 24 \cdot 2\sqrt{3} = 24\sqrt{3}$.""",
            ),
        ],
        wrong=dict(
            at=1,
            box="48",
            say="$48$",
            kind="takes half of side times side as the area of each triangle",
            steps=[
                (
                    "Find the area of one triangle",
                    r"""Each triangle has base 4 and height 4, so its area is
                $\frac{1}{2} \cdot 4 \cdot 4 = 8$.""",
                ),
                ("Multiply by six", r"""The hexagon's area is $6 \cdot 8 = 48$."""),
            ],
            catch=r"""The height of an equilateral triangle with side 4 is 2 sqrt 3, not 4. The side is slanted,
            so it's longer than the height.""",
            doubt=r"""Maybe it's simpler to take the triangle's height equal to its side, since all sides of the
            triangle are 4.""",
        ),
        explore=[
            r"""Regular hexagon = 6 equilateral triangles. Area = 6 times (sqrt 3 / 4) s^2 = (3 sqrt 3 / 2) s^2. With
            s = 4: (3 sqrt 3 / 2)(16) = 24 sqrt 3.""",
            r"""Numerically about 41.57. A square of side 4 has area 16 and the hexagon is much bigger, which makes
            sense.""",
        ],
        check=r"""(3 sqrt 3 / 2) times 16 = 24 sqrt 3, about 41.6. The apothem method gives the same.""",
        rounded="41.57",
    ),
    P(
        key="polygon-sides",
        source="math-geometry",
        text=r"""The interior angles of a convex polygon add up to $1980^\circ$. How many sides does the polygon
        have?""",
        gold="13",
        box="13",
        concl="The polygon has {} sides.",
        steps=[
            (
                "Recall the angle sum formula",
                r"""A convex polygon with $n$ sides can be split into $n - 2$
            triangles from one vertex, so its interior angles add up to $(n - 2) \cdot 180^\circ$.""",
            ),
            ("Set up the equation", r"""We need $(n - 2) \cdot 180 = 1980$."""),
            ("Solve for n", r"""Dividing by 180 gives $n - 2 = 11$, so $n = 13$."""),
            (
                "Check",
                r"""A 13-gon has $(13 - 2) \cdot 180 = 11 \cdot 180 = 1980$ degrees of interior angles, as
            required.""",
            ),
        ],
        wrong=dict(
            at=2,
            box="11",
            say="$11$",
            kind="stops at n - 2 = 11 and forgets to add 2",
            steps=[
                ("Solve for n", r"""Dividing by 180 gives $1980 / 180 = 11$, so the polygon has $11$ sides."""),
            ],
            catch=r"""1980 / 180 = 11 is n - 2, the number of triangles, not n. So n = 13.""",
            doubt=r"""Each side contributes one triangle's worth of 180 degrees, so maybe the number of sides is
            just 1980 / 180.""",
        ),
        explore=[
            r"""Interior angle sum (n - 2) 180. 1980 / 180 = 11. So n = 13.""",
            r"""Sanity check with small cases: triangle n = 3 gives 180, quadrilateral 360. The formula is right.""",
        ],
        check=r"""11 times 180 = 1980 and 13 - 2 = 11. A 13-sided polygon works.""",
        units=r"13 \text{ sides}",
        eq="n = 13",
        eq_wrong="n = 11",
    ),
    P(
        key="square-circle",
        source="math-geometry",
        text=r"""A circle is inscribed in a square with side length $10$. What is the area of the region inside
        the square but outside the circle? Express your answer in terms of $\pi$.""",
        gold=r"100 - 25\pi",
        box=r"100 - 25\pi",
        concl="The region has area {}.",
        steps=[
            (
                "Find the radius",
                r"""An inscribed circle touches all four sides, so its diameter equals the side of
            the square, $10$, and its radius is $5$.""",
            ),
            (
                "Compute the two areas",
                r"""The square has area $10^2 = 100$ and the circle has area
            $\pi \cdot 5^2 = 25\pi$.""",
            ),
            (
                "Subtract",
                r"""The region inside the square but outside the circle has area $$100 - 25\pi.$$
            Numerically this is about $100 - 78.54 = 21.46$, a positive value as it must be.""",
            ),
        ],
        wrong=dict(
            at=1,
            box=r"100 - 10\pi",
            kind="uses the circumference 2 pi r in place of the area",
            steps=[
                (
                    "Compute the two areas",
                    r"""The square has area $100$ and the circle has area
                $2\pi \cdot 5 = 10\pi$.""",
                ),
                ("Subtract", r"""The region has area $100 - 10\pi$."""),
            ],
            catch=r"""2 pi r is the circumference, not the area. The area of the circle is pi r^2 = 25 pi.""",
            doubt=r"""Let me double-check the circle's formula; I think the circle's area is 2 pi r.""",
        ),
        explore=[
            r"""Inscribed circle: diameter = side = 10, r = 5. Square minus circle: 100 - 25 pi, about 21.5.""",
            r"""If the circle were circumscribed instead, r would be 5 sqrt 2, but inscribed means inside touching
            the sides.""",
        ],
        check=r"""100 - 25 pi is about 21.46, a bit more than a fifth of the square, which matches the picture of
        four corner regions.""",
    ),
    P(
        key="incenter-angle",
        source="math-geometry",
        text=r"""In triangle $ABC$, $\angle A = 50^\circ$. The bisectors of angles $B$ and $C$ meet at point $I$.
        What is the measure of $\angle BIC$, in degrees?""",
        gold=r"115^\circ",
        box=r"115^\circ",
        concl=r"$\angle BIC$ measures {}.",
        steps=[
            (
                "Find the sum of angles B and C",
                r"""The angles of a triangle add up to $180^\circ$, so
            $\angle B + \angle C = 180^\circ - 50^\circ = 130^\circ$.""",
            ),
            (
                "Halve the sum",
                r"""The bisectors split $\angle B$ and $\angle C$ in half, so in triangle $BIC$
            $$\angle IBC + \angle ICB = \frac{130^\circ}{2} = 65^\circ.$$""",
            ),
            (
                "Find the angle at I",
                r"""In triangle $BIC$ the remaining angle is
            $\angle BIC = 180^\circ - 65^\circ = 115^\circ$. This agrees with the general formula
            $\angle BIC = 90^\circ + \frac{1}{2}\angle A = 90^\circ + 25^\circ$.""",
            ),
        ],
        wrong=dict(
            at=1,
            box=r"130^\circ",
            say=r"$130^\circ$",
            kind="forgets to halve the angles at B and C",
            steps=[
                (
                    "Find the angle at I",
                    r"""In triangle $BIC$ the angles at $B$ and $C$ together are
                $130^\circ$, so $\angle BIC = 180^\circ - 50^\circ = 130^\circ$.""",
                ),
            ],
            catch=r"""The angles of triangle BIC at B and C are half of angle B and half of angle C, because I is on
            the bisectors. They add up to 65 degrees, not 130.""",
            doubt=r"""The angle at I should mirror the angles of the original triangle, so maybe angle BIC is just
            B + C.""",
        ),
        explore=[
            r"""Incenter angle formula: BIC = 90 + A/2 = 90 + 25 = 115. Let me derive it instead of relying on
            memory.""",
            r"""If A were 90, BIC would be 135; if A were close to 0, BIC close to 90. 115 for 50 fits.""",
        ],
        check=r"""B/2 + C/2 = 65 and 65 + 115 = 180. Also 90 + 50/2 = 115.""",
        units=r"115 \text{ degrees}",
        units_wrong=r"130 \text{ degrees}",
    ),
    P(
        key="last-digit-7",
        source="math-numtheory",
        text=r"""What is the remainder when $7^{2023}$ is divided by $10$?""",
        gold="3",
        box="3",
        concl="The remainder is {}.",
        steps=[
            (
                "Find the cycle of last digits",
                r"""The last digits of powers of 7 are $7^1 \to 7$, $7^2 = 49 \to 9$,
            $7^3 = 343 \to 3$, $7^4 = 2401 \to 1$, and then the pattern $7, 9, 3, 1$ repeats with period $4$.""",
            ),
            ("Reduce the exponent mod 4", r"""$2023 = 4 \cdot 505 + 3$, so $2023 \equiv 3 \pmod 4$."""),
            (
                "Read off the last digit",
                r"""The exponent is in position 3 of the cycle, so $7^{2023}$ ends in the
            same digit as $7^3$, which is $3$. Hence $7^{2023} \equiv 3 \pmod{10}$.""",
            ),
        ],
        wrong=dict(
            at=1,
            box="7",
            say="$7$",
            kind="miscomputes 2023 mod 4 as 1",
            steps=[
                ("Reduce the exponent mod 4", r"""$2023 = 4 \cdot 505 + 1$... so $2023 \equiv 1 \pmod 4$."""),
                (
                    "Read off the last digit",
                    r"""The exponent is in position 1 of the cycle, so $7^{2023}$ ends in
                $7$, and the remainder is $7$.""",
                ),
            ],
            catch=r"""4 times 505 is 2020, and 2023 - 2020 = 3, not 1. So the exponent is 3 mod 4.""",
            doubt=r"""Let me recompute 2023 mod 4. 4 times 505 = 2020, hmm, 2023 is odd so maybe the remainder is 1.""",
        ),
        explore=[
            r"""Last digit of powers of 7 cycles with period 4: 7, 9, 3, 1. 2023 mod 4 = 3. So 3.""",
            r"""Euler: phi(10) = 4, so 7^4 = 1 mod 10, consistent with the cycle.""",
        ],
        check=r"""7^2023 = (7^4)^505 times 7^3, and 7^4 = 1 mod 10, 7^3 = 343 = 3 mod 10. So 3.""",
    ),
    P(
        key="divisors-720",
        source="math-numtheory",
        text=r"""How many positive divisors does $720$ have?""",
        gold="30",
        box="30",
        concl="$720$ has {} positive divisors.",
        steps=[
            ("Factor 720", r"""$720 = 72 \cdot 10 = 2^3 \cdot 3^2 \cdot 2 \cdot 5 = 2^4 \cdot 3^2 \cdot 5$."""),
            (
                "Use the divisor-count formula",
                r"""A divisor is $2^a 3^b 5^c$ with $0 \le a \le 4$,
            $0 \le b \le 2$, $0 \le c \le 1$. There are $5$, $3$ and $2$ choices for the exponents.""",
            ),
            ("Multiply", r"""The number of divisors is $(4 + 1)(2 + 1)(1 + 1) = 5 \cdot 3 \cdot 2 = 30$."""),
        ],
        wrong=dict(
            at=1,
            box="8",
            say="$8$",
            kind="multiplies the exponents instead of the exponents plus one",
            steps=[
                (
                    "Multiply the exponents",
                    r"""The number of divisors is the product of the exponents:
                $4 \cdot 2 \cdot 1 = 8$.""",
                ),
            ],
            catch=r"""Each exponent can also be 0, so there are e + 1 choices for each prime, not e. Also 8 is far
            too few: 1, 2, 3, 4, 5, 6, 8, 9, 10 already divide 720.""",
            doubt=r"""I recall the divisor function uses the exponents directly, so maybe I should multiply 4, 2 and
            1.""",
        ),
        explore=[
            r"""720 = 6! = 2^4 3^2 5. d(n) = (4+1)(2+1)(1+1) = 30.""",
            r"""Sanity: 720 is highly composite-ish, 30 divisors sounds plausible.""",
        ],
        check=r"""Pairs of divisors multiplying to 720: (1,720), (2,360), (3,240), (4,180), (5,144), (6,120),
        (8,90), (9,80), (10,72), (12,60), (15,48), (16,45), (18,40), (20,36), (24,30). That's 15 pairs, 30
        divisors.""",
    ),
    P(
        key="crt-small",
        source="math-numtheory",
        text=r"""What is the smallest positive integer $n$ such that $n$ leaves a remainder of $2$ when divided
        by $3$, a remainder of $3$ when divided by $5$, and a remainder of $2$ when divided by $7$?""",
        gold="23",
        box="23",
        concl="The smallest such $n$ is {}.",
        steps=[
            (
                "Combine the conditions mod 3 and mod 7",
                r"""Both $n \equiv 2 \pmod 3$ and $n \equiv 2 \pmod 7$
            hold exactly when $n - 2$ is divisible by $21$, so $n \equiv 2 \pmod{21}$. The candidates are
            $2, 23, 44, 65, \ldots$""",
            ),
            (
                "Check the condition mod 5",
                r"""$2 \equiv 2 \pmod 5$, which fails. $23 = 4 \cdot 5 + 3$, so
            $23 \equiv 3 \pmod 5$, which works.""",
            ),
            (
                "Verify all three conditions",
                r"""$23 = 7 \cdot 3 + 2$, $23 = 4 \cdot 5 + 3$ and $23 = 3 \cdot 7 + 2$.
            By the Chinese remainder theorem the solutions are $n \equiv 23 \pmod{105}$, so $23$ is the smallest
            positive one.""",
            ),
        ],
        wrong=dict(
            at=0,
            box="8",
            say="$8$",
            kind="slips when checking 8 mod 7",
            steps=[
                (
                    "Combine the conditions mod 3 and mod 5",
                    r"""Numbers with $n \equiv 2 \pmod 3$ and
                $n \equiv 3 \pmod 5$: try $2, 5, 8$; $8 \equiv 3 \pmod 5$, so $n \equiv 8 \pmod{15}$.""",
                ),
                (
                    "Check the condition mod 7",
                    r"""$8 = 7 + 2$, hmm, $8 \equiv 2 \pmod 7$. So $n = 8$ satisfies
                all three conditions.""",
                ),
            ],
            catch=r"""8 = 7 + 1, so 8 is 1 mod 7, not 2. The next candidate is 8 + 15 = 23, and 23 = 21 + 2 works.""",
            doubt=r"""Maybe a smaller number works if I combine mod 3 and mod 5 first; 8 looks like it could be 2 mod
            7.""",
        ),
        explore=[
            r"""n = 2 mod 3 and n = 2 mod 7 means n = 2 mod 21. Then n = 3 mod 5: 2, 23, 44 ... 23 mod 5 = 3. Good.""",
            r"""Quick scan of numbers that are 3 mod 5: 3, 8, 13, 18, 23. Which are 2 mod 3: 8 (yes), 23 (yes).
            8 mod 7 = 1, 23 mod 7 = 2. So 23.""",
        ],
        check=r"""23 / 3 = 7 r 2, 23 / 5 = 4 r 3, 23 / 7 = 3 r 2. All three conditions hold, and no smaller
        candidate of the form 2 mod 21 works.""",
        eq="n = 23",
        eq_wrong="n = 8",
    ),
    P(
        key="gcd-euclid",
        source="math-numtheory",
        text=r"""What is the greatest common divisor of $1071$ and $462$?""",
        gold="21",
        box="21",
        concl=r"$\gcd(1071, 462) = {}$.",
        say="21",
        steps=[
            (
                "First division",
                r"""$1071 = 2 \cdot 462 + 147$, since $2 \cdot 462 = 924$ and
            $1071 - 924 = 147$.""",
            ),
            (
                "Second division",
                r"""$462 = 3 \cdot 147 + 21$, since $3 \cdot 147 = 441$ and
            $462 - 441 = 21$.""",
            ),
            (
                "Third division",
                r"""$147 = 7 \cdot 21 + 0$. The remainder is zero, so the last nonzero remainder,
            $21$, is the greatest common divisor.""",
            ),
            (
                "Confirm with factorizations",
                r"""$1071 = 3^2 \cdot 7 \cdot 17$ and $462 = 2 \cdot 3 \cdot 7 \cdot 11$,
            whose common part is $3 \cdot 7 = 21$.""",
            ),
        ],
        wrong=dict(
            at=0,
            box="1",
            say="1",
            kind="subtraction slip 1071 - 924 = 157 that propagates",
            steps=[
                ("First division", r"""$1071 = 2 \cdot 462 + 157$."""),
                (
                    "Continue the algorithm",
                    r"""$462 = 2 \cdot 157 + 148$, $157 = 1 \cdot 148 + 9$,
                $148 = 16 \cdot 9 + 4$, $9 = 2 \cdot 4 + 1$, and $4 = 4 \cdot 1 + 0$.""",
                ),
                ("Read off the gcd", r"""The last nonzero remainder is $1$, so the numbers are coprime."""),
            ],
            catch=r"""1071 - 924 is 147, not 157. Both numbers are divisible by 3 (digit sums 9 and 12), so they
            can't be coprime anyway.""",
            doubt=r"""Let me redo the first subtraction, 1071 - 924; I think it might be 157.""",
        ),
        explore=[
            r"""Euclidean algorithm. 1071 mod 462 = 147. 462 mod 147 = 21. 147 mod 21 = 0. gcd 21.""",
            r"""Both digit sums divisible by 3: 1+0+7+1 = 9, 4+6+2 = 12. So 3 divides both; 7 too since 1071 =
            7 times 153 and 462 = 7 times 66.""",
        ],
        check=r"""1071 / 21 = 51 and 462 / 21 = 22, and gcd(51, 22) = 1. So 21 is the gcd.""",
    ),
    P(
        key="sigma-36",
        source="math-numtheory",
        text=r"""What is the sum of all of the positive divisors of $36$?""",
        gold="91",
        box="91",
        concl="The positive divisors of $36$ add up to {}.",
        steps=[
            ("List the divisors", r"""The divisors of $36$ are $1, 2, 3, 4, 6, 9, 12, 18, 36$."""),
            ("Add them", r"""$1 + 2 + 3 + 4 + 6 + 9 + 12 + 18 + 36 = 91$."""),
            (
                "Check with the formula",
                r"""Since $36 = 2^2 \cdot 3^2$, the divisor sum is
            $$(1 + 2 + 4)(1 + 3 + 9) = 7 \cdot 13 = 91.$$""",
            ),
        ],
        wrong=dict(
            at=1,
            box="55",
            say="$55$",
            kind="adds only the proper divisors (leaves out 36 itself)",
            steps=[
                ("Add them", r"""Leaving out the number itself, $1 + 2 + 3 + 4 + 6 + 9 + 12 + 18 = 55$."""),
            ],
            catch=r"""The question asks for all positive divisors, and 36 divides itself. I left it out.""",
            doubt=r"""Usually 'divisors' in these sums means the proper divisors, so maybe 36 itself should not be
            included.""",
        ),
        explore=[
            r"""sigma(36). 36 = 2^2 3^2. sigma = (1+2+4)(1+3+9) = 7 times 13 = 91.""",
            r"""Listing: 1, 2, 3, 4, 6, 9, 12, 18, 36. Nine divisors, matching (2+1)(2+1) = 9.""",
        ],
        check=r"""Nine divisors, sum 91, same as 7 times 13.""",
    ),
]
