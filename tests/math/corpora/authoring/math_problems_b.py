"""More MATH-style and olympiad problems: sequences, choices, several values, words, number theory."""

# ruff: noqa: E501 - a table of hand-written strings: one case per line reads and diffs best

from __future__ import annotations

from math_problems_a import P

PROBLEMS = [
    P(
        "line",
        "Find the equation of the line through $(1,5)$ and $(3,9)$. Write it in the form $y = mx + b$.",
        "y = 2x + 3",
        "The slope is $m = \\frac{9-5}{3-1} = \\frac{4}{2} = 2$.\n\nUsing the point $(1,5)$: $5 = 2\\cdot 1 + b$, so $b = 3$.",
        "y = 2x + 3",
        "The slope is $m = \\frac{9-5}{3-1} = 2$.\n\nUsing the point $(1,5)$: $b = 5 + 2\\cdot 1 = 7$.",
        "y = 2x + 7",
        "The line is {a}.",
    ),
    P(
        "seqmod",
        "Let $S(n)$ be the remainder when $n^2 + 4$ is divided by 7. Find $S(1)$, $S(2)$ and $S(3)$, in that order.",
        "5, 1, 6",
        "We compute each value: $1^2 + 4 = 5$, which leaves remainder 5.\n\n$2^2 + 4 = 8 = 7 + 1$, which leaves remainder "
        "1.\n\n$3^2 + 4 = 13 = 7 + 6$, which leaves remainder 6.",
        "5, 1, 6",
        "We compute each value: $1^2+4 = 5$, $2^2+4 = 8$ and $3^2+4=13$, with remainders 5, 1 and 6.\n\nListing the "
        "remainders from smallest to largest,",
        "1, 5, 6",
        "So $S(1), S(2), S(3) = {r}$.",
    ),
    P(
        "recurrence",
        "A sequence has $a_1 = 2$ and $a_{n+1} = 3a_n - 1$ for $n \\ge 1$. List the first four terms.",
        "2, 5, 14, 41",
        "We have $a_1 = 2$.\n\nThen $a_2 = 3\\cdot 2 - 1 = 5$, $a_3 = 3\\cdot 5 - 1 = 14$, and $a_4 = 3\\cdot 14 - 1 = 41$.",
        "2, 5, 14, 41",
        "We have $a_1 = 2$.\n\nThen $a_2 = 3\\cdot 2 - 1 = 5$, $a_3 = 3\\cdot 5 - 1 = 14$, and $a_4 = 3\\cdot 14 - 1 = 40$.",
        "2, 5, 14, 40",
        "The first four terms are {a}.",
    ),
    P(
        "mcpowers",
        "Which of the following is the largest?\n(A) $2^{30}$ (B) $3^{20}$ (C) $5^{12}$ (D) $10^{9}$ (E) $7^{10}$",
        "B",
        "Compare base-10 logarithms: $30\\log 2 \\approx 9.03$, $20\\log 3 \\approx 9.54$, $12\\log 5 \\approx 8.39$, "
        "$\\log 10^9 = 9$ and $10\\log 7 \\approx 8.45$.\n\nThe largest is $20\\log 3$, so $3^{20}$ is the largest. It is "
        "not (A): $2^{30}$ is only about $1.07\\times 10^9$.",
        "B",
        "Compare base-10 logarithms: $30\\log 2 \\approx 9.03$ is the largest exponent-weighted value, since 30 is the "
        "largest exponent, so $2^{30}$ should be biggest. (B) $3^{20}$ has a much smaller exponent.",
        "A",
        "The largest number is option ({r}).",
        kind="mc",
    ),
    P(
        "mclinear",
        "If $3x - 7 = 11$, what is $6x + 5$?\n(A) 36 (B) 41 (C) 47 (D) 53 (E) 59",
        "B",
        "From $3x - 7 = 11$ we get $3x = 18$ and $x = 6$.\n\nThen $6x + 5 = 36 + 5 = 41$, which is option (B). Option (A) "
        "is $6x$ alone, a common trap.",
        "B",
        "From $3x - 7 = 11$ we get $3x = 18$, so $6x = 2\\cdot 18 = 42$.\n\nThen $6x + 5 = 47$, which is option (C).",
        "C",
        "The correct choice is ({r}).",
        kind="mc",
    ),
    P(
        "pairs",
        "Find all ordered pairs of positive integers $(x, y)$ such that $x + y = 4$ and $xy = 3$.",
        "(1,3),(3,1)",
        "The numbers $x$ and $y$ are the roots of $t^2 - 4t + 3 = 0$, which factors as $(t-1)(t-3) = 0$.\n\nSo $\\{x, y\\} "
        "= \\{1, 3\\}$, and both orders give ordered pairs.",
        "(1,3);(3,1)",
        "The numbers $x$ and $y$ are the roots of $t^2 - 4t + 3 = 0$, which factors as $(t-1)(t-3) = 0$.\n\nTaking $x$ as "
        "the smaller root, $x = 1$ and $y = 3$.",
        "(1,3)",
        "The pairs are {a}.",
        kind="multi",
    ),
    P(
        "roots",
        "Find all roots of $x^2 + 2x - 8 = 0$.",
        "-4, 2",
        "Factor: $x^2 + 2x - 8 = (x+4)(x-2)$.\n\nSetting each factor to zero gives $x = -4$ and $x = 2$.",
        "-4;2",
        "Factor: $x^2 + 2x - 8 = (x-4)(x+2)$.\n\nSetting each factor to zero gives $x = 4$ and $x = -2$.",
        "4;-2",
        "The roots are {a}.",
        kind="multi",
    ),
    P(
        "weekday",
        "What day of the week will it be 40 days after a Tuesday?",
        "\\text{Sunday}",
        "Every 7 days the weekday repeats. Since $40 = 5\\cdot 7 + 5$, 40 days after Tuesday is the same weekday as 5 "
        "days after Tuesday.\n\nCounting: Wednesday (1), Thursday (2), Friday (3), Saturday (4), Sunday (5).",
        "\\text{Sunday}",
        "Since $40 = 5\\cdot 7 + 5$, we count 5 days from Tuesday, starting with Tuesday itself: Tuesday, Wednesday, "
        "Thursday, Friday, Saturday.",
        "\\text{Saturday}",
        "So it will be {a}.",
        ["\\text{Sunday}"],
    ),
    P(
        "parity",
        'Is $f(x) = x^3 + \\sin x$ an even function, an odd function, or neither? Enter "odd", "even", or "neither".',
        "\\text{odd}",
        "Compute $f(-x) = (-x)^3 + \\sin(-x) = -x^3 - \\sin x = -(x^3 + \\sin x) = -f(x)$.\n\nSince $f(-x) = -f(x)$ for "
        "all $x$, the function is odd.",
        "\\text{odd}",
        "Compute $f(-x) = (-x)^3 + \\sin(-x)$. The cube changes sign but $\\sin$ does not have a fixed parity here, so "
        "$f(-x)$ is neither $f(x)$ nor $-f(x)$.",
        "\\text{neither}",
        "Therefore $f$ is {a}.",
    ),
    P(
        "binary",
        "Convert $1011_2$ to base 10.",
        "11",
        "Each binary digit is a power of 2: $1011_2 = 1\\cdot 2^3 + 0\\cdot 2^2 + 1\\cdot 2^1 + 1\\cdot 2^0 = 8 + 0 + 2 + 1$.",
        "11",
        "Each binary digit is a power of 2: $1011_2 = 1\\cdot 2^3 + 1\\cdot 2^2 + 0\\cdot 2^1 + 1\\cdot 2^0 = 8 + 4 + 1$.",
        "13",
        "In base 10, $1011_2$ is {a}.",
    ),
    P(
        "factorial1000",
        "Find the smallest positive integer $k$ such that $k!$ is divisible by $1000$.",
        "15",
        "Since $1000 = 2^3\\cdot 5^3$, we need at least three factors of 5 in $k!$ (factors of 2 are more plentiful).\n\n"
        "The multiples of 5 up to $k$ contribute the 5s: $5!$ has one, $10!$ has two, and $15!$ has three.\n\nFor "
        "$k = 14$ there are only two 5s, so $k = 15$ is the smallest.",
        "15",
        "Since $1000 = 10^3$ and every multiple of 10 contributes a factor of 10, we need the multiples $10, 20, 30$... "
        "but also $2\\cdot 5 = 10$ inside $5!$ gives one factor of 10.\n\nSo $5!$ has one factor of 10 and $10!$ has two "
        "5s and plenty of 2s, which gives $10! = 3628800$, divisible by $100$, and we take $k = 10$.",
        "10",
        "Thus the smallest $k$ is {r}.",
        kind="olympiad",
    ),
    P(
        "div6",
        "How many positive integers $n \\le 100$ make $n^2 + n$ divisible by 6?",
        "66",
        "We have $n^2 + n = n(n+1)$, a product of consecutive integers, so it is always even.\n\nIt is divisible by 3 "
        "exactly when $n \\equiv 0$ or $n \\equiv 2 \\pmod 3$.\n\nFrom 1 to 100 there are 33 multiples of 3 and 33 numbers "
        "of the form $3m+2$ (namely $2, 5, \\ldots, 98$). So the count is $33 + 33 = 66$.",
        "66",
        "We have $n^2 + n = n(n+1)$, which is always even. It is divisible by 3 when $n \\equiv 0$ or $2 \\pmod 3$.\n\n"
        "There are 33 multiples of 3 up to 100, and the numbers $2, 5, \\ldots, 98, 101$ give 34 more, so the count is "
        "$33 + 34 = 67$.",
        "67",
        "So there are {a} such integers.",
        kind="olympiad",
    ),
    P(
        "telescope",
        "Compute $\\displaystyle\\sum_{k=1}^{2003} \\frac{k}{(k+1)!}$.",
        "1 - \\frac{1}{2004!}",
        "Write $\\frac{k}{(k+1)!} = \\frac{(k+1) - 1}{(k+1)!} = \\frac{1}{k!} - \\frac{1}{(k+1)!}$.\n\nThe sum "
        "telescopes: $\\left(\\frac{1}{1!} - \\frac{1}{2!}\\right) + \\left(\\frac{1}{2!} - \\frac{1}{3!}\\right) + "
        "\\cdots + \\left(\\frac{1}{2003!} - \\frac{1}{2004!}\\right)$.\n\nOnly the first and last terms remain.",
        "1 - \\frac{1}{2004!}",
        "Write $\\frac{k}{(k+1)!} = \\frac{1}{k!} - \\frac{1}{(k+1)!}$. The sum telescopes from $k=1$ to $k=2003$, and the "
        "last term that survives is $\\frac{1}{(2003+2)!}$.",
        "1 - \\frac{1}{2005!}",
        "Therefore the sum equals {a}.",
        kind="olympiad",
    ),
    P(
        "absvals",
        "Find all real numbers $x$ such that $x^2 = |x|$.",
        "-1, 0, 1",
        "If $x \\ge 0$, the equation is $x^2 = x$, so $x = 0$ or $x = 1$.\n\nIf $x < 0$, the equation is $x^2 = -x$, so "
        "$x(x+1) = 0$ and $x = -1$ (the root $x=0$ is not negative).",
        "-1;0;1",
        "If $x \\ge 0$, the equation is $x^2 = x$, so $x = 0$ or $x = 1$. Squares are never negative, so we only need "
        "non-negative $x$.",
        "0;1",
        "The solutions are {a}.",
        kind="multi",
    ),
    P(
        "sin75",
        "Compute $\\sin 75^\\circ$.",
        "\\frac{\\sqrt{6}+\\sqrt{2}}{4}",
        "Use the angle-addition formula with $75^\\circ = 45^\\circ + 30^\\circ$:\n\\[\\sin 75^\\circ = \\sin 45^\\circ "
        "\\cos 30^\\circ + \\cos 45^\\circ \\sin 30^\\circ = \\frac{\\sqrt2}{2}\\cdot\\frac{\\sqrt3}{2} + "
        "\\frac{\\sqrt2}{2}\\cdot\\frac12.\\]",
        "\\frac{\\sqrt6+\\sqrt2}{4}",
        "Use $75^\\circ = 45^\\circ + 30^\\circ$:\n\\[\\sin 75^\\circ = \\sin 45^\\circ \\cos 30^\\circ - \\cos 45^\\circ "
        "\\sin 30^\\circ = \\frac{\\sqrt6}{4} - \\frac{\\sqrt2}{4}.\\]",
        "\\frac{\\sqrt6-\\sqrt2}{4}",
        "So $\\sin 75^\\circ = {r}$.",
    ),
    P(
        "triangle",
        "A right triangle has legs of length 5 and 12. What is its area?",
        "30",
        "The legs of a right triangle are perpendicular, so they serve as base and height.\n\nThe area is "
        "$\\frac12 \\cdot 5 \\cdot 12 = 30$.",
        "30",
        "The legs serve as base and height, so the area is $5 \\cdot 12 = 60$.",
        "60",
        "The area of the triangle is {a}.",
    ),
    P(
        "sphere",
        "What is the volume of a sphere with radius 6? Express your answer in terms of $\\pi$.",
        "288\\pi",
        "The volume of a sphere is $\\frac43\\pi r^3$.\n\nWith $r = 6$: $\\frac43\\pi\\cdot 216 = 288\\pi$.",
        "288\\pi",
        "The volume of a sphere is $4\\pi r^2$. With $r = 6$ this is $4\\pi\\cdot 36 = 144\\pi$.",
        "144\\pi",
        "The volume is {a}.",
    ),
    P(
        "logs",
        "Evaluate $\\log_2 8 + \\log_3 9$.",
        "5",
        "Since $2^3 = 8$, $\\log_2 8 = 3$. Since $3^2 = 9$, $\\log_3 9 = 2$.\n\nSo the sum is $3 + 2 = 5$.",
        "5",
        "Since $8 = 2\\cdot 4$, $\\log_2 8 = 4$. Since $3^2 = 9$, $\\log_3 9 = 2$. So the sum is $4 + 2 = 6$.",
        "6",
        "The value of the expression is {a}.",
    ),
    P(
        "expeq",
        "Solve for $x$: $2^{x+1} = 32$.",
        "4",
        "Write $32 = 2^5$. Then $2^{x+1} = 2^5$, so $x + 1 = 5$.",
        "x = 4",
        "Write $32 = 2^5$. Then $2^{x+1} = 2^5$, and comparing exponents, $x = 5$.",
        "x = 5",
        "So {a}.",
    ),
    P(
        "redballs",
        "A bag contains 5 red and 3 blue marbles. Two marbles are drawn without replacement. What is the probability that both are red?",
        "\\frac{5}{14}",
        "The first marble is red with probability $\\frac58$. Given that, 4 of the remaining 7 marbles are red.\n\nSo "
        "the probability is $\\frac58\\cdot\\frac47 = \\frac{20}{56} = \\frac{5}{14}$.",
        "\\frac{5}{14}",
        "Each draw is red with probability $\\frac58$, so both are red with probability $\\left(\\frac58\\right)^2 = "
        "\\frac{25}{64}$.",
        "\\frac{25}{64}",
        "The probability that both marbles are red is {a}.",
        ["\\frac{20}{56}"],
    ),
    P(
        "expected",
        "What is the expected value of the roll of a fair six-sided die?",
        "\\frac{7}{2}",
        "Each face $1, 2, \\ldots, 6$ has probability $\\frac16$.\n\nThe expected value is $\\frac{1+2+3+4+5+6}{6} = "
        "\\frac{21}{6}$.",
        "3.5",
        "Each face has probability $\\frac16$, and the middle face of a die is 3, so the expected value is 3.",
        "3",
        "The expected value of a roll is {a}.",
        ["\\frac{21}{6}"],
    ),
    P(
        "modulus",
        "Find $|3-4i|$.",
        "5",
        "For $a + bi$, $|a+bi| = \\sqrt{a^2+b^2}$.\n\nSo $|3-4i| = \\sqrt{9 + 16} = \\sqrt{25}$.",
        "5",
        "For $a + bi$, $|a+bi| = \\sqrt{a^2+b^2}$. Here $b = -4$, so $b^2 = -16$ and $|3-4i| = \\sqrt{9-16}$... taking "
        "absolute values inside, $\\sqrt{|9-16|} = \\sqrt 7$.",
        "\\sqrt{7}",
        "The modulus is {a}.",
    ),
    P(
        "geominf",
        "Find the sum of the infinite geometric series $3 + 1 + \\frac13 + \\frac19 + \\cdots$.",
        "\\frac{9}{2}",
        "The first term is $a = 3$ and the common ratio is $r = \\frac13$.\n\nThe sum is $\\frac{a}{1-r} = "
        "\\frac{3}{2/3} = \\frac92$.",
        "\\frac92",
        "The first term is 3 and the ratio is $\\frac13$. The sum is $\\frac{3}{1 - 1/3} = \\frac{3}{1/3}\\cdot\\frac13"
        "\\ldots$ which simplifies to $4$.",
        "4",
        "The series sums to {a}.",
        ["4.5"],
    ),
    P(
        "lcm",
        "What is the least common multiple of 12 and 18?",
        "36",
        "Factor: $12 = 2^2\\cdot 3$ and $18 = 2\\cdot 3^2$.\n\nThe LCM takes the highest power of each prime: "
        "$2^2\\cdot 3^2 = 36$.",
        "36",
        "Factor: $12 = 2^2\\cdot 3$ and $18 = 2\\cdot 3^2$. The LCM takes the lowest power of each prime: $2\\cdot 3 = 6$.",
        "6",
        "The least common multiple is {a}.",
    ),
    P(
        "interest",
        "Jane deposits \\$1000 in an account that earns 10% interest compounded annually. How much is in the account after 2 years?",
        "1210",
        "After one year the balance is $1000 \\cdot 1.1 = 1100$ dollars.\n\nAfter the second year it is $1100 \\cdot 1.1 = "
        "1210$ dollars.",
        "\\$1,\\!210",
        "Each year earns 10% of \\$1000, which is \\$100. After two years the balance is $1000 + 2\\cdot 100 = 1200$ dollars.",
        "\\$1,\\!200",
        "After 2 years Jane has {a} in the account.",
        ["1210"],
    ),
    P(
        "pow3mod10",
        "What is the units digit of $3^{2024}$?",
        "1",
        "The units digits of powers of 3 cycle with period 4: $3, 9, 7, 1$.\n\nSince $2024 = 4\\cdot 506$, the exponent "
        "is a multiple of 4, so the units digit is the fourth in the cycle.",
        "1",
        "The units digits of powers of 3 cycle with period 4: $3, 9, 7, 1$.\n\nSince $2024 \\equiv 0 \\pmod 4$, we take "
        "the digit at position 0 of the cycle, counting from 0 at the second entry, which is 9.",
        "9",
        "The units digit of $3^{2024}$ is {a}.",
        kind="olympiad",
    ),
    P(
        "digitsum",
        "How many three-digit positive integers have digits that sum to 5?",
        "15",
        "Write the number as $\\overline{abc}$ with $a \\ge 1$. Let $a' = a - 1 \\ge 0$; then $a' + b + c = 4$.\n\nBy stars "
        "and bars, the number of non-negative solutions is $\\binom{4+2}{2} = \\binom62 = 15$. No digit can exceed 9, so "
        "all solutions are valid.",
        "15",
        "We need $a + b + c = 5$ with digits from 0 to 9. By stars and bars there are $\\binom{5+2}{2} = \\binom72 = 21$ "
        "solutions.",
        "21",
        "So {a} three-digit integers have digit sum 5.",
        kind="olympiad",
    ),
    P(
        "outside",
        "Solve $(x-1)(x-3) > 0$. Express your answer in interval notation.",
        "(-\\infty,1)\\cup(3,\\infty)",
        "The product is zero at $x = 1$ and $x = 3$.\n\nFor $x < 1$ both factors are negative, so the product is "
        "positive. For $1 < x < 3$ the factors have opposite signs. For $x > 3$ both are positive.",
        "(-\\infty,1)\\cup(3,\\infty)",
        "The product is zero at $x = 1$ and $x = 3$, and a quadratic is positive between its roots, so the solution is "
        "the interval between them.",
        "(1,3)",
        "The solution set is {a}.",
        ["x<1 \\text{ or } x>3"],
    ),
    P(
        "angle45",
        "What is the angle, in degrees, between the vectors $(1,0)$ and $(1,1)$?",
        "45",
        "Use $\\cos\\theta = \\frac{u\\cdot v}{|u||v|} = \\frac{1}{1\\cdot\\sqrt2} = \\frac{\\sqrt2}{2}$.\n\nThe angle "
        "with this cosine between $0^\\circ$ and $180^\\circ$ is $45^\\circ$.",
        "45^\\circ",
        "Use $\\cos\\theta = \\frac{u\\cdot v}{|u||v|} = \\frac{1}{\\sqrt2}$. Hmm, $\\cos\\theta = -\\frac{\\sqrt2}{2}$ "
        "would give $135^\\circ$, and since the vectors point apart we take $135^\\circ$.",
        "135^\\circ",
        "The angle between the vectors is {a}.",
    ),
    P(
        "limit",
        "Evaluate $\\displaystyle\\lim_{x\\to 0^+} \\frac{1}{x}$.",
        "\\infty",
        "As $x$ approaches 0 from the right, $x$ is a small positive number, so $\\frac1x$ is a large positive number "
        "that grows without bound.",
        "+\\infty",
        "As $x$ approaches 0, $\\frac1x$ approaches $\\frac10$, which is 0.",
        "0",
        "The limit is {a}.",
        ["\\infty"],
    ),
    P(
        "pmroot",
        "Solve $x^2 = 7$.",
        "\\pm\\sqrt{7}",
        "Taking square roots of both sides, and remembering that both signs square to 7, we get $x = \\sqrt7$ or $x = -\\sqrt7$.",
        "\\sqrt{7};-\\sqrt{7}",
        "Taking the square root of both sides gives $x = \\sqrt7$.",
        "\\sqrt{7}",
        "So {a}.",
        kind="multi",
    ),
]
