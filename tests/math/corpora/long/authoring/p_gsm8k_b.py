"""GSM8K-style word problems (part B): plain-integer golds."""

from __future__ import annotations

from model import P

PROBLEMS = [
    P(
        key="father-age",
        source="gsm8k",
        text=r"""Ravi is 4 times as old as his daughter Meera. In 20 years, Ravi will be twice as old as Meera will
        be then. How old is Ravi now?""",
        gold="40",
        box="40",
        say="40 years old",
        concl="Ravi is {} now.",
        steps=[
            (
                "Name the unknown",
                r"""Let Meera's age now be $m$ years. Ravi is four times as old, so his age now is
            $4m$ years. Everything else can be written in terms of $m$.""",
            ),
            (
                "Write both ages in 20 years",
                r"""In 20 years Meera will be $m + 20$ years old and Ravi will be
            $4m + 20$ years old. Both of them get 20 years older, so 20 is added to each age, not multiplied.""",
            ),
            (
                "Set up the equation",
                r"""At that time Ravi will be twice as old as Meera:
            $$4m + 20 = 2(m + 20).$$ Expanding the right side gives $4m + 20 = 2m + 40$.""",
            ),
            (
                "Solve for Meera's age",
                r"""Subtract $2m$ from both sides: $2m + 20 = 40$. Subtract 20:
            $2m = 20$, so $m = 10$. Meera is 10 years old now.""",
            ),
            (
                "Find Ravi's age",
                r"""The question asks for Ravi's age, which is $4m = 4 \times 10 = 40$ years.
            In 20 years he will be 60 and Meera will be 30, and 60 is indeed twice 30.""",
            ),
        ],
        wrong=dict(
            at=4,
            box="10",
            say="10 years old",
            kind="answers Meera's age instead of Ravi's",
            steps=[
                (
                    "State the answer",
                    r"""So $m = 10$, and the age we were solving for is 10 years. In 20 years
                that becomes 30, and the other person will be 60, which is twice as much.""",
                ),
            ],
            catch=r"""The variable m is Meera's age, but the question asks how old Ravi is. Ravi is 4m.""",
            doubt=r"""The unknown in the equation was m, and solving the equation is what the problem sets up, so
            maybe the answer should be the value of m itself.""",
        ),
        explore=[
            r"""Classic age problem. Two conditions: now Ravi is 4 times Meera, and in 20 years he is 2 times Meera.
            I'll use one variable for Meera's age.""",
            r"""Quick guess: if Meera is 5, Ravi is 20; in 20 years they're 25 and 40, and 40 isn't twice 25. If
            Meera is 10, Ravi is 40; in 20 years 30 and 60. That works! But let me do it properly with algebra.""",
        ],
        check=r"""Now: Meera 10, Ravi 40, and 40 = 4 times 10. In 20 years: Meera 30, Ravi 60, and 60 = 2 times 30.
        Both conditions hold, so Ravi is 40.""",
        units=r"40 \text{ years}",
        eq="R = 40",
        eq_wrong="R = 10",
    ),
    P(
        key="garden-path",
        source="gsm8k",
        text=r"""A rectangular garden measures 24 meters by 15 meters. A path 1.5 meters wide is built all the way
        around the outside of the garden. What is the area of the path, in square meters?""",
        gold="126",
        box="126",
        say=r"$126$ square meters",
        concl="The path covers {}.",
        steps=[
            (
                "Find the outer dimensions",
                r"""The path goes around the outside, so it adds 1.5 meters on both
            ends of each side. The outer length is $24 + 2 \times 1.5 = 27$ meters and the outer width is
            $15 + 2 \times 1.5 = 18$ meters.""",
            ),
            (
                "Compute the outer area",
                r"""The garden together with the path forms a rectangle of area
            $$27 \times 18 = 486 \text{ square meters}.$$""",
            ),
            ("Compute the garden's area", r"""The garden alone has area $24 \times 15 = 360$ square meters."""),
            (
                "Subtract to get the path",
                r"""The path is the part of the big rectangle that is not garden:
            $486 - 360 = 126$ square meters.""",
            ),
            (
                "Cross-check by pieces",
                r"""Another way: two long strips of $27 \times 1.5 = 40.5$ and two short
            strips of $15 \times 1.5 = 22.5$ give $2(40.5) + 2(22.5) = 81 + 45 = 126$ square meters, the same
            area.""",
            ),
        ],
        wrong=dict(
            at=0,
            box="60.75",
            say=r"$60.75$ square meters",
            kind="adds the path width to only one end of each side",
            steps=[
                (
                    "Find the outer dimensions",
                    r"""Adding the 1.5-meter path to the garden makes the outer length
                $24 + 1.5 = 25.5$ meters and the outer width $15 + 1.5 = 16.5$ meters.""",
                ),
                (
                    "Compute the outer area",
                    r"""The outer rectangle has area $25.5 \times 16.5 = 420.75$ square
                meters.""",
                ),
                (
                    "Subtract to get the path",
                    r"""The garden is $24 \times 15 = 360$ square meters, so the path is
                $420.75 - 360 = 60.75$ square meters.""",
                ),
            ],
            catch=r"""The path goes all the way around, so it adds 1.5 meters on both sides of the length and on
            both sides of the width. The outer rectangle is 27 by 18, not 25.5 by 16.5.""",
            doubt=r"""The path is 1.5 meters wide, so maybe each dimension only grows by 1.5 meters, one path
            width per dimension.""",
        ),
        explore=[
            r"""Path around a rectangle: area of the big rectangle minus area of the small one. The usual mistake
            is forgetting that the width is added on both sides.""",
            r"""I could also just do perimeter times width, 2(24 + 15) times 1.5 = 78 times 1.5 = 117, but that
            misses the four corner squares, each 1.5 by 1.5 = 2.25, so 117 + 4(2.25) = 117 + 9 = 126. Interesting,
            that gives the same thing once the corners are included.""",
        ],
        check=r"""Big rectangle 27 by 18 = 486, garden 360, difference 126. The strip method and the
        perimeter-plus-corners method both give 126 as well.""",
        units=r"126 \text{ m}^2",
        units_wrong=r"60.75 \text{ m}^2",
    ),
    P(
        key="raffle-tickets",
        source="gsm8k",
        text=r"""A class of 28 students sold raffle tickets. 12 of the students sold 15 tickets each, 10 students
        sold 22 tickets each, and the rest of the students sold 9 tickets each. Each ticket costs $3. How much
        money did the class raise?""",
        gold="1362",
        box="1362",
        say=r"$\$1362$",
        concl="The class raised {}.",
        steps=[
            (
                "Count the students in each group",
                r"""There are 12 students in the first group and 10 in the second,
            so the rest are $28 - 12 - 10 = 6$ students.""",
            ),
            (
                "Count the tickets of the first group",
                r"""The 12 students sold 15 tickets each:
            $12 \times 15 = 180$ tickets.""",
            ),
            (
                "Count the tickets of the second group",
                r"""The 10 students sold 22 tickets each:
            $10 \times 22 = 220$ tickets.""",
            ),
            (
                "Count the tickets of the remaining students",
                r"""The other 6 students sold 9 tickets each:
            $6 \times 9 = 54$ tickets.""",
            ),
            (
                "Add the tickets and multiply by the price",
                r"""Altogether the class sold
            $180 + 220 + 54 = 454$ tickets. At \$3 per ticket this raises $$454 \times \$3 = \$1362.$$""",
            ),
        ],
        wrong=dict(
            at=2,
            box="1302",
            say=r"$\$1302$",
            kind="arithmetic slip: 10 x 22 taken as 200",
            steps=[
                (
                    "Count the tickets of the second group",
                    r"""The 10 students sold 22 tickets each:
                $10 \times 22 = 200$ tickets.""",
                ),
                (
                    "Count the tickets of the remaining students",
                    r"""The other 6 students sold 9 tickets each:
                $6 \times 9 = 54$ tickets.""",
                ),
                (
                    "Add the tickets and multiply by the price",
                    r"""Altogether the class sold
                $180 + 200 + 54 = 434$ tickets, which raises $434 \times \$3 = \$1302$.""",
                ),
            ],
            catch=r"""10 times 22 is 220, not 200. I dropped a 2 there.""",
            doubt=r"""I should recheck the second group's tickets. Ten students with 22 each, hmm, I think that's
            200, let me redo the total with that.""",
        ),
        explore=[
            r"""Three groups of students selling different numbers of tickets, then money = tickets times $3.
            First I need the size of the third group, since it's only described as 'the rest'.""",
            r"""I could compute money per group directly: 12 students times 15 times 3 = 540 dollars, and so on.
            Either way works; counting tickets first seems cleaner.""",
        ],
        check=r"""Money per group: 12 times 15 times 3 = 540, 10 times 22 times 3 = 660, 6 times 9 times 3 = 162.
        540 + 660 + 162 = 1362. Matches.""",
        units=r"\$1362",
        units_wrong=r"\$1302",
        inter=[(0, "6"), (1, "180"), (3, "54")],
    ),
    P(
        key="tank-drain",
        source="gsm8k",
        text=r"""An empty tank holds 600 liters of water. Pipe A alone can fill the tank in 20 minutes and pipe B
        alone can fill it in 30 minutes. A drain at the bottom can empty a full tank in 60 minutes. If both pipes
        and the drain are all open, how many minutes does it take to fill the empty tank?""",
        gold="15",
        box="15",
        say="15 minutes",
        concl="The tank fills in {}.",
        steps=[
            (
                "Find the rate of pipe A",
                r"""Pipe A fills 600 liters in 20 minutes, so its rate is
            $600 \div 20 = 30$ liters per minute.""",
            ),
            (
                "Find the rate of pipe B",
                r"""Pipe B fills 600 liters in 30 minutes, so its rate is
            $600 \div 30 = 20$ liters per minute.""",
            ),
            (
                "Find the rate of the drain",
                r"""The drain empties 600 liters in 60 minutes, so it removes
            $600 \div 60 = 10$ liters per minute. Because it takes water out, its rate counts as negative.""",
            ),
            (
                "Combine the rates",
                r"""With everything open the tank gains $30 + 20 - 10 = 40$ liters per
            minute.""",
            ),
            (
                "Find the time to fill the tank",
                r"""At 40 liters per minute the 600-liter tank fills in
            $$600 \div 40 = 15 \text{ minutes}.$$""",
            ),
        ],
        wrong=dict(
            at=3,
            box="10",
            say="10 minutes",
            kind="adds the drain's rate instead of subtracting it",
            steps=[
                (
                    "Combine the rates",
                    r"""Together the pipes and the drain move $30 + 20 + 10 = 60$ liters per
                minute.""",
                ),
                (
                    "Find the time to fill the tank",
                    r"""At 60 liters per minute the tank fills in
                $600 \div 60 = 10$ minutes.""",
                ),
            ],
            catch=r"""The drain takes water out of the tank, so its 10 liters per minute must be subtracted, not
            added. The net rate is 40 liters per minute.""",
            doubt=r"""Actually all three are connected to the tank and move water at the same time, so maybe I
            should just add all three flow rates together.""",
        ),
        explore=[
            r"""Work-rate problem. Either in tanks per minute: 1/20 + 1/30 - 1/60, or in liters per minute since
            the tank size is given. Liters per minute is easier to picture.""",
            r"""In tanks per minute: 1/20 + 1/30 = 3/60 + 2/60 = 5/60, minus 1/60 is 4/60 = 1/15 tank per minute.
            That suggests 15 minutes, but let me do it in liters to be sure.""",
        ],
        check=r"""In 15 minutes pipe A adds 450 liters, pipe B adds 300 liters and the drain removes 150 liters:
        450 + 300 - 150 = 600 liters, exactly one full tank.""",
        units=r"15 \text{ minutes}",
        inter=[(0, "30"), (1, "20"), (3, "40")],
    ),
    P(
        key="double-discount",
        source="gsm8k",
        text=r"""A jacket is priced at $120. The store takes 25% off the price, and then Mia uses a coupon that
        takes an additional 20% off the sale price. How much does Mia pay for the jacket, in dollars?""",
        gold="72",
        box="72",
        say=r"$\$72$",
        concl="Mia pays {} for the jacket.",
        steps=[
            (
                "Apply the first discount",
                r"""Twenty-five percent of \$120 is $0.25 \times 120 = 30$ dollars, so
            the sale price is $120 - 30 = 90$ dollars.""",
            ),
            (
                "Apply the coupon to the sale price",
                r"""The coupon takes 20% off the sale price, not off the
            original price. Twenty percent of \$90 is $0.20 \times 90 = 18$ dollars.""",
            ),
            ("Find the final price", r"""After the coupon the price is $90 - 18 = 72$ dollars."""),
            (
                "Check with multipliers",
                r"""Each discount multiplies the price: keeping 75% and then 80% means
            $$120 \times 0.75 \times 0.80 = 120 \times 0.6 = 72.$$ So the two discounts together take off 40%,
            not 45%.""",
            ),
        ],
        wrong=dict(
            at=1,
            box="66",
            say=r"$\$66$",
            kind="adds the two discounts into 45% off the original price",
            steps=[
                (
                    "Combine the discounts",
                    r"""The two discounts add up to $25\% + 20\% = 45\%$ off. Forty-five
                percent of \$120 is $0.45 \times 120 = 54$ dollars.""",
                ),
                ("Find the final price", r"""So Mia pays $120 - 54 = 66$ dollars."""),
            ],
            catch=r"""The coupon's 20% is taken off the sale price of $90, not off the original $120, so the two
            percentages can't just be added.""",
            doubt=r"""Two discounts of 25% and 20% on the same jacket should simply add up to 45%, so maybe it's
            easier to apply the combined discount to the original price.""",
        ),
        explore=[
            r"""Successive discounts. The classic trap is adding 25% and 20% to get 45%. The second discount is
            applied to the already reduced price.""",
            r"""Let me think in terms of what fraction is kept: 75% after the first discount, then 80% of that.
            0.75 times 0.8 = 0.6, so she pays 60% of 120.""",
        ],
        check=r"""60% of 120 is 72. And step by step: 120 minus 30 is 90, 90 minus 18 is 72. Both agree.""",
        units=r"72 \text{ dollars}",
        units_wrong=r"66 \text{ dollars}",
    ),
    P(
        key="reading-pages",
        source="gsm8k",
        text=r"""Lucía reads 18 pages of a book on the first day. Each day after that, she reads 4 more pages than
        she read the day before. How many pages has she read in total after 7 days?""",
        gold="210",
        box="210",
        say="210 pages",
        concl="After 7 days Lucía has read {}.",
        steps=[
            (
                "List the pages per day",
                r"""Day 1 is 18 pages, and each day adds 4 pages: day 2 is 22, day 3 is
            26, day 4 is 30, day 5 is 34, day 6 is 38 and day 7 is 42 pages.""",
            ),
            (
                "Check the last term with the formula",
                r"""The $n$th day's count is $18 + 4(n - 1)$. For $n = 7$
            that is $18 + 4 \times 6 = 42$ pages, which matches the list.""",
            ),
            (
                "Add the pages",
                r"""The total of an arithmetic sequence is the number of terms times the average
            of the first and last terms: $$7 \times \frac{18 + 42}{2} = 7 \times 30 = 210.$$""",
            ),
            (
                "Confirm by direct addition",
                r"""Adding directly: $18 + 22 = 40$, $+26 = 66$, $+30 = 96$,
            $+34 = 130$, $+38 = 168$, $+42 = 210$ pages.""",
            ),
        ],
        wrong=dict(
            at=1,
            box="224",
            say="224 pages",
            kind="off by one: takes the 7th day as 18 + 7 x 4",
            steps=[
                (
                    "Find the last day's count",
                    r"""She adds 4 pages every day for 7 days, so on day 7 she reads
                $18 + 7 \times 4 = 46$ pages.""",
                ),
                ("Add the pages", r"""The total is $7 \times \frac{18 + 46}{2} = 7 \times 32 = 224$ pages."""),
            ],
            catch=r"""On day 7 she has only increased 6 times, not 7, since day 1 is already 18. Day 7 is
            18 + 6 times 4 = 42.""",
            doubt=r"""Seven days means seven increases of 4 pages, so maybe the last day should be 18 + 7 times 4
            instead of 18 + 6 times 4.""",
        ),
        explore=[
            r"""Arithmetic sequence: first term 18, common difference 4, 7 terms. Sum = n/2 times (first + last).
            I need to be careful with the last term, that's where off-by-one errors happen.""",
            r"""I could also write the sum as 7 times 18 + 4 times (0 + 1 + ... + 6) = 126 + 4 times 21 = 126 + 84.
            That's 210. Let me do it the other way too.""",
        ],
        check=r"""7 times 18 = 126 pages from the base amount, plus the increases 4 times (0+1+2+3+4+5+6) = 4 times
        21 = 84, total 126 + 84 = 210.""",
        units=r"210 \text{ pages}",
        inter=[(1, "42")],
    ),
    P(
        key="trip-buses",
        source="gsm8k",
        text=r"""A school is taking 243 students and 17 teachers on a field trip. Each bus can carry at most 45
        people, and renting one bus costs $320. What is the total cost of renting enough buses for everyone?""",
        gold="1920",
        box="1920",
        say=r"$\$1920$",
        concl="Renting the buses costs {}.",
        steps=[
            ("Count the people", r"""Everyone needs a seat: $243 + 17 = 260$ people in total."""),
            (
                "Divide by the bus capacity",
                r"""Each bus carries 45 people: $260 \div 45 = 5$ remainder $35$,
            that is $5 \times 45 = 225$ people fit in five buses and 35 people are left over.""",
            ),
            (
                "Round up to whole buses",
                r"""The 35 remaining people still need a bus, so the school needs
            $5 + 1 = 6$ buses. Five buses would leave 35 people behind.""",
            ),
            ("Compute the cost", r"""Six buses at \$320 each cost $$6 \times \$320 = \$1920.$$"""),
        ],
        wrong=dict(
            at=2,
            box="1600",
            say=r"$\$1600$",
            kind="rounds the number of buses down and leaves 35 people behind",
            steps=[
                (
                    "Find the number of buses",
                    r"""So the school needs $\lfloor 260 / 45 \rfloor = 5$ buses,
                since $260 / 45 \approx 5.78$ and we take the whole number part.""",
                ),
                ("Compute the cost", r"""Five buses at \$320 each cost $5 \times \$320 = \$1600$."""),
            ],
            catch=r"""Five buses only carry 225 people, and there are 260. The leftover 35 people need a sixth bus,
            so I have to round up, not down.""",
            doubt=r"""Since 260 / 45 is about 5.78, the number of full buses is 5, and the question is about the
            buses the school rents, so maybe we only count full buses.""",
        ),
        explore=[
            r"""Division with a remainder where you have to round up: nobody can be left behind. Also don't forget
            the teachers, they need seats too.""",
            r"""If I forgot the teachers: 243 / 45 = 5.4, so 6 buses anyway. With the teachers, 260 / 45 = 5.78,
            still 6. Good, but let me do it carefully.""",
        ],
        check=r"""Six buses hold 6 times 45 = 270 seats, which is at least 260, and five buses hold only 225, which
        is too few. So 6 buses, costing 6 times 320 = 1920 dollars.""",
        units=r"\$1920",
        units_wrong=r"\$1600",
        inter=[(0, "260"), (2, "6")],
    ),
]
