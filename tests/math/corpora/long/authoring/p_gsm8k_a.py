"""GSM8K-style word problems (part A): plain-integer golds."""

from __future__ import annotations

from model import P

PROBLEMS = [
    P(
        key="muffin-boxes",
        source="gsm8k",
        text=r"""A bakery sells muffins in boxes of 6 for $9 a box, or as single muffins for $2 each. Priya needs
        40 muffins for a school event. She buys as many full boxes as she can without going over 40 muffins, and
        buys the rest as single muffins. How much money does she spend?""",
        gold="62",
        box="62",
        say=r"$\$62$",
        concl="Priya spends {} on the muffins.",
        steps=[
            (
                "Find how many full boxes she can buy",
                r"""Each box holds 6 muffins. Six boxes hold $6 \times 6 = 36$
            muffins and seven boxes would hold $7 \times 6 = 42$ muffins, which is more than 40. So the largest
            number of full boxes she can buy without going over is 6, which gives her 36 muffins.""",
            ),
            (
                "Compute the cost of the boxes",
                r"""Each box costs \$9, so the six boxes cost
            $6 \times \$9 = \$54$.""",
            ),
            (
                "Find how many single muffins she still needs",
                r"""She needs 40 muffins and already has 36 from the
            boxes, so she still needs $40 - 36 = 4$ single muffins. At \$2 each these cost
            $4 \times \$2 = \$8$.""",
            ),
            (
                "Add the two costs",
                r"""The total she spends is the cost of the boxes plus the cost of the single
            muffins: $$\$54 + \$8 = \$62.$$ She ends up with exactly $36 + 4 = 40$ muffins, as required.""",
            ),
        ],
        wrong=dict(
            at=0,
            box="63",
            say=r"$\$63$",
            kind="rounds the number of boxes up, which goes over 40 muffins",
            steps=[
                (
                    "Find how many boxes she needs",
                    r"""She needs 40 muffins and a box has 6, so she needs
                $40 \div 6 \approx 6.67$ boxes. Since she cannot buy part of a box, she rounds up to 7 boxes,
                which gives her $7 \times 6 = 42$ muffins, enough for the event.""",
                ),
                (
                    "Compute the cost",
                    r"""Seven boxes at \$9 each cost $7 \times \$9 = \$63$, and with 42
                muffins she needs no single muffins, so the total is \$63.""",
                ),
            ],
            catch=r"""The problem says she buys as many full boxes as she can without going over 40 muffins. Seven
            boxes would give 42 muffins, which goes over, so she can only buy 6 boxes.""",
            doubt=r"""The question only asks how much she spends, and buying 7 boxes gives her enough muffins
            too. Maybe I should read it as buying whole boxes to cover the 40 muffins.""",
        ),
        explore=[
            r"""So there are two prices: a box of 6 for $9, which is $1.50 per muffin, and singles for $2. Boxes are
            cheaper per muffin, which is why she buys as many boxes as she can. But the rule is that she can't go
            over 40 muffins.""",
            r"""My first thought was 40 times 1.50 = 60, but that assumes she can buy fractions of a box, which she
            can't. 40 isn't a multiple of 6, so there will be some singles.""",
        ],
        check=r"""Six boxes give 36 muffins for $54, four singles give 4 muffins for $8. 36 + 4 = 40 muffins, and
        54 + 8 = 62. Compared with buying 40 singles at $80, this is cheaper, which makes sense.""",
        units=r"62 \text{ dollars}",
        inter=[(0, "6"), (1, "54")],
    ),
    P(
        key="fence-paint",
        source="gsm8k",
        text=r"""Tomás is painting a fence that is 84 feet long. On Monday he paints 1/4 of the fence. On Tuesday he
        paints 2/3 of the part that is still unpainted. How many feet of the fence does he still have to paint
        after Tuesday?""",
        gold="21",
        box="21",
        say="21 feet",
        concl="Tomás still has {} of fence to paint.",
        steps=[
            (
                "Find how much he paints on Monday",
                r"""On Monday he paints one quarter of the 84-foot fence:
            $$\frac{1}{4} \times 84 = 21 \text{ feet}.$$""",
            ),
            (
                "Find how much is left after Monday",
                r"""After Monday the unpainted part is
            $84 - 21 = 63$ feet.""",
            ),
            (
                "Find how much he paints on Tuesday",
                r"""On Tuesday he paints two thirds of the unpainted part,
            not of the whole fence: $$\frac{2}{3} \times 63 = 42 \text{ feet}.$$""",
            ),
            (
                "Find what is still unpainted",
                r"""After Tuesday the unpainted part is $63 - 42 = 21$ feet. Another
            way to see it: one third of the 63 feet is left, and $\frac{1}{3} \times 63 = 21$.""",
            ),
        ],
        wrong=dict(
            at=2,
            box="7",
            say="7 feet",
            kind="takes 2/3 of the whole fence on Tuesday instead of 2/3 of what was left",
            steps=[
                (
                    "Find how much he paints on Tuesday",
                    r"""On Tuesday he paints two thirds of the fence:
                $$\frac{2}{3} \times 84 = 56 \text{ feet}.$$""",
                ),
                (
                    "Find what is still unpainted",
                    r"""Altogether he has painted $21 + 56 = 77$ feet, so
                $84 - 77 = 7$ feet are still unpainted.""",
                ),
            ],
            catch=r"""On Tuesday he paints 2/3 of the part that is still unpainted, which is 63 feet, not 2/3 of the
            whole 84 feet.""",
            doubt=r"""When it says 2/3 on Tuesday, maybe that is 2/3 of the fence, the same way Monday's 1/4 was
            a fraction of the whole fence.""",
        ),
        explore=[
            r"""Fractions of fractions. The trick in these problems is always what the fraction is a fraction of.
            Monday is 1/4 of the whole fence. Tuesday is 2/3 of what's left, not of the whole.""",
            r"""If I just added 1/4 + 2/3 = 11/12 I'd get 84 times 1/12 = 7 left, but that treats both fractions as
            fractions of the whole, which is not what the problem says.""",
        ],
        check=r"""Monday 21 feet, Tuesday 42 feet, total painted 63 feet; 63 + 21 = 84. Also 84 times (3/4) times
        (1/3) = 84/4 = 21. Both ways agree.""",
        units=r"21 \text{ feet}",
        inter=[(0, "21"), (1, "63"), (2, "42")],
    ),
    P(
        key="weekend-wage",
        source="gsm8k",
        text=r"""Aisha works 8 hours a day from Monday to Friday at $15 per hour. On Saturdays she works 5 hours
        and is paid time-and-a-half. How much does she earn in 4 weeks?""",
        gold="2850",
        box="2850",
        say=r"$\$2850$",
        concl="Aisha earns {} in four weeks.",
        steps=[
            (
                "Compute her weekday pay for one week",
                r"""She works 5 weekdays of 8 hours, which is
            $5 \times 8 = 40$ hours. At \$15 per hour that is $40 \times \$15 = \$600$ per week.""",
            ),
            (
                "Find her Saturday hourly rate",
                r"""Time-and-a-half means 1.5 times her normal rate:
            $1.5 \times \$15 = \$22.50$ per hour.""",
            ),
            (
                "Compute her Saturday pay",
                r"""She works 5 hours on Saturday, so she earns
            $5 \times \$22.50 = \$112.50$ each Saturday.""",
            ),
            ("Compute her weekly pay", r"""In one week she earns $\$600 + \$112.50 = \$712.50$."""),
            (
                "Compute the pay for 4 weeks",
                r"""Over four weeks she earns
            $$4 \times \$712.50 = \$2850.$$""",
            ),
        ],
        wrong=dict(
            at=1,
            box="2730",
            say=r"$\$2730$",
            kind="reads time-and-a-half as $1.50 more per hour",
            steps=[
                (
                    "Find her Saturday hourly rate",
                    r"""Time-and-a-half means she gets an extra \$1.50 per hour on
                Saturday, so her Saturday rate is $\$15 + \$1.50 = \$16.50$ per hour.""",
                ),
                (
                    "Compute her Saturday pay",
                    r"""Over 5 hours she earns $5 \times \$16.50 = \$82.50$ on
                Saturday.""",
                ),
                (
                    "Compute the pay for 4 weeks",
                    r"""One week pays $\$600 + \$82.50 = \$682.50$, so four weeks
                pay $4 \times \$682.50 = \$2730$.""",
                ),
            ],
            catch=r"""Time-and-a-half doesn't mean an extra $1.50. It means one and a half times the normal rate,
            so $15 times 1.5 = $22.50 per hour.""",
            doubt=r"""Time-and-a-half might mean half of a dollar-and-a-half more, like a bonus of $1.50 per hour,
            rather than 1.5 times the rate.""",
        ),
        explore=[
            r"""So there are two kinds of days. Weekdays: 8 hours at $15. Saturdays: 5 hours at 1.5 times $15.
            Sunday she doesn't work. Then multiply one week by 4.""",
            r"""I could also count total hours: 40 weekday hours and 5 Saturday hours is 45 hours a week, but the
            Saturday hours are paid more, so I can't just do 45 times 15 = 675. I need to keep them separate.""",
        ],
        check=r"""Four weeks of weekdays: 160 hours times $15 = $2400. Four Saturdays: 20 hours times $22.50 =
        $450. And 2400 + 450 = 2850. Same answer.""",
        units=r"\$2850",
        units_wrong=r"\$2730",
        inter=[(0, "600"), (2, "112.50")],
    ),
    P(
        key="marble-ratio",
        source="gsm8k",
        text=r"""A jar contains red, blue and green marbles in the ratio 3 : 5 : 4. There are 18 more blue
        marbles than red marbles. How many marbles are in the jar altogether?""",
        gold="108",
        box="108",
        say="108 marbles",
        concl="There are {} in the jar.",
        steps=[
            (
                "Write the colors in terms of one part",
                r"""Let one part of the ratio be $k$ marbles. Then there are
            $3k$ red, $5k$ blue and $4k$ green marbles.""",
            ),
            (
                "Use the difference between blue and red",
                r"""Blue minus red is $5k - 3k = 2k$, and the problem says
            this difference is 18. So $2k = 18$, which gives $k = 9$.""",
            ),
            (
                "Find each color",
                r"""Red: $3 \times 9 = 27$. Blue: $5 \times 9 = 45$. Green: $4 \times 9 = 36$.
            As a check, $45 - 27 = 18$, which matches.""",
            ),
            ("Add them up", r"""The total is $27 + 45 + 36 = 108$ marbles, which is also $12k = 12 \times 9$."""),
        ],
        wrong=dict(
            at=1,
            box="216",
            say="216 marbles",
            kind="treats the difference of 18 as a single part of the ratio",
            steps=[
                (
                    "Use the difference between blue and red",
                    r"""The blue and red counts are next to each other in
                the ratio, so the 18 extra blue marbles correspond to one part: $k = 18$.""",
                ),
                (
                    "Add them up",
                    r"""There are $3 + 5 + 4 = 12$ parts, so the jar holds
                $12 \times 18 = 216$ marbles.""",
                ),
            ],
            catch=r"""Blue is 5 parts and red is 3 parts, so the difference is 2 parts, not one. 2k = 18 means
            k = 9.""",
            doubt=r"""Maybe the difference between neighbouring colors is one part of the ratio, since blue comes
            right after red.""",
        ),
        explore=[
            r"""Ratio problems: find the value of one part first. The total is 3 + 5 + 4 = 12 parts. I need to know
            what one part is worth, and the only number given is the difference between blue and red.""",
            r"""I briefly wondered if 18 could be the number of red marbles, but no, it says 18 more blue than red.
            So it is a difference.""",
        ],
        check=r"""27 : 45 : 36 divided by 9 gives 3 : 5 : 4, the right ratio, and 45 - 27 = 18 as required. So the
        total of 108 is consistent.""",
        units=r"108 \text{ marbles}",
        inter=[(1, "9"), (2, "27, 45, 36")],
    ),
    P(
        key="library-science",
        source="gsm8k",
        text=r"""A school library has 1200 books. 40% of them are fiction. Of the books that are not fiction,
        3/8 are science books. How many of the library's books are neither fiction nor science books?""",
        gold="450",
        box="450",
        say="450 books",
        concl="The library has {} that are neither fiction nor science.",
        steps=[
            (
                "Find the number of fiction books",
                r"""Forty percent of 1200 is
            $0.40 \times 1200 = 480$ fiction books.""",
            ),
            (
                "Find the number of non-fiction books",
                r"""The rest are non-fiction:
            $1200 - 480 = 720$ books.""",
            ),
            (
                "Find the number of science books",
                r"""Three eighths of the non-fiction books are science books:
            $$\frac{3}{8} \times 720 = 270.$$""",
            ),
            (
                "Find the books that are neither",
                r"""The non-fiction books that are not science books number
            $720 - 270 = 450$. These are exactly the books that are neither fiction nor science.""",
            ),
        ],
        wrong=dict(
            at=3,
            box="270",
            say="270 books",
            kind="stops at the number of science books, which is not what is asked",
            steps=[
                (
                    "Answer the question",
                    r"""So the number of books in the category the question asks about is
                the number of science books among the non-fiction books, which is 270.""",
                ),
            ],
            catch=r"""The question asks for books that are neither fiction nor science, and 270 is the number of
            science books. I still have to subtract: 720 - 270.""",
            doubt=r"""Re-reading the question, it's about the science books among the non-fiction ones, so maybe
            the count I want is just the science books themselves.""",
        ),
        explore=[
            r"""Two layers again: first fiction vs non-fiction, then science inside non-fiction. The 3/8 applies to
            the non-fiction books, not to all 1200 books.""",
            r"""Funny, 3/8 of 1200 is also 450. That would be a coincidence if I used the wrong base. Let me make
            sure I use the non-fiction count as the base.""",
        ],
        check=r"""480 fiction + 270 science + 450 other = 1200 books. And 450 is 5/8 of 720, since 720 / 8 = 90 and
        5 times 90 = 450. It all adds up.""",
        units=r"450 \text{ books}",
        inter=[(0, "480"), (1, "720"), (2, "270")],
    ),
    P(
        key="text-plans",
        source="gsm8k",
        text=r"""Phone plan A costs $30 per month plus $0.10 for every text message sent. Plan B costs $45 per
        month with unlimited texts. What is the smallest whole number of texts per month for which plan B costs
        less than plan A?""",
        gold="151",
        box="151",
        say="151 texts",
        concl="Plan B is cheaper from {} per month on.",
        steps=[
            (
                "Write the cost of each plan",
                r"""With $t$ texts in a month, plan A costs $30 + 0.10t$ dollars and
            plan B always costs 45 dollars.""",
            ),
            (
                "Set up the inequality",
                r"""Plan B costs less than plan A when $$45 < 30 + 0.10t.$$ Subtracting 30
            gives $15 < 0.10t$, and dividing by 0.10 gives $t > 150$.""",
            ),
            (
                "Check the boundary",
                r"""At exactly 150 texts, plan A costs $30 + 0.10 \times 150 = 45$ dollars,
            the same as plan B, so B is not yet cheaper. At 151 texts plan A costs \$45.10, which is more than
            \$45.""",
            ),
            (
                "Pick the smallest whole number",
                r"""The smallest whole number greater than 150 is 151, so 151 texts
            is the smallest number for which plan B costs less.""",
            ),
        ],
        wrong=dict(
            at=2,
            box="150",
            say="150 texts",
            kind="stops at the break-even point, where the plans cost the same",
            steps=[
                (
                    "Pick the smallest whole number",
                    r"""Solving gives $t = 150$, so at 150 texts plan B becomes the
                better deal, and that is the smallest number of texts we are looking for.""",
                ),
            ],
            catch=r"""At 150 texts the two plans cost exactly the same, $45 each. The question asks when B costs
            less, so it has to be strictly more than 150 texts.""",
            doubt=r"""The break-even point is usually what these questions want, and 150 is where the plans meet,
            so maybe the answer is just the solution of the equation.""",
        ),
        explore=[
            r"""This is a break-even problem. The difference in monthly fees is 45 - 30 = 15 dollars, and each text
            costs 10 cents on plan A, so the break-even is 15 / 0.10 = 150 texts.""",
            r"""But careful: the question says 'costs less than', so strictly cheaper. Equal cost isn't enough.""",
        ],
        check=r"""At 151 texts plan A is 30 + 15.10 = 45.10 > 45, and at 150 texts it's 45.00, equal. So 151 is the
        first whole number where B is strictly cheaper.""",
        units=r"151 \text{ texts}",
    ),
]
