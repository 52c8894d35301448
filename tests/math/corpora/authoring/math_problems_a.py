"""MATH-style problems with a worked solution and a worked solution that makes a real mistake.

``final`` is the answer as the solution writes it (often a different but equal form of the
gold); ``wrong_final`` is where the mistaken solution ends. ``prose`` is the sentence a model
uses to state the result without a box, with ``{a}`` for the answer in inline math.
"""

# ruff: noqa: E501 - a table of hand-written strings: one case per line reads and diffs best

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Problem:
    key: str
    problem: str
    gold: str
    solution: str
    final: str
    wrong_solution: str
    wrong_final: str
    prose: str = "So the answer is {a}."
    alt: list[str] = field(default_factory=list)
    kind: str = "math"  # math | olympiad | mc | multi


P = Problem

PROBLEMS = [
    P(
        "domain",
        "Find the domain of the expression $\\frac{\\sqrt{x-2}}{\\sqrt{5-x}}$.",
        "[2,5)",
        "The expression under each square root must be non-negative. From the numerator, $x-2\\ge 0$, so $x\\ge 2$. "
        "From the denominator, $5-x\\ge 0$, so $x\\le 5$.\n\nBut the denominator also cannot be zero, so $5-x>0$, which "
        "means $x<5$.\n\nCombining these conditions, $2\\le x<5$.",
        "[2,5)",
        "The expression under each square root must be non-negative. From the numerator, $x-2\\ge 0$, so $x\\ge 2$. "
        "From the denominator, $5-x\\ge 0$, so $x\\le 5$.\n\nCombining these conditions, $2\\le x\\le 5$.",
        "[2,5]",
        "Hence the domain is {a}.",
        ["2\\le x<5"],
    ),
    P(
        "det",
        "If $\\det \\mathbf{A} = 2$ and $\\det \\mathbf{B} = 12$, then find $\\det (\\mathbf{A} \\mathbf{B})$.",
        "24",
        "The determinant is multiplicative: for square matrices of the same size, $\\det(\\mathbf{A}\\mathbf{B}) = "
        "(\\det \\mathbf{A})(\\det \\mathbf{B})$.\n\nSo $\\det(\\mathbf{A}\\mathbf{B}) = 2 \\cdot 12 = 24$.",
        "24",
        "We combine the two determinants. Since the product $\\mathbf{A}\\mathbf{B}$ combines both matrices, its "
        "determinant combines both values: $2 + 12 = 14$.",
        "14",
        "Therefore $\\det(\\mathbf{A}\\mathbf{B})$ equals {a}.",
    ),
    P(
        "dice7",
        "Two fair six-sided dice are rolled. What is the probability that the sum of the numbers rolled is 7? Express your answer as a common fraction.",
        "\\frac{1}{6}",
        "There are $6 \\times 6 = 36$ equally likely outcomes.\n\nThe pairs that sum to 7 are $(1,6), (2,5), (3,4), (4,3), "
        "(5,2), (6,1)$, which is 6 outcomes.\n\nSo the probability is $\\frac{6}{36} = \\frac{1}{6}$.",
        "\\frac{1}{6}",
        "There are $6 \\times 6 = 36$ equally likely outcomes.\n\nThe ways to get 7 are $1+6$, $2+5$ and $3+4$, so there "
        "are 3 favourable outcomes.\n\nSo the probability is $\\frac{3}{36} = \\frac{1}{12}$.",
        "\\frac{1}{12}",
        "The probability of rolling a sum of 7 is {a}.",
        ["\\dfrac{6}{36}"],
    ),
    P(
        "bob6",
        "Alice and Bob take turns rolling a fair die, with Alice going first. The first person to roll a 6 wins. What is the probability that Bob wins?",
        "\\frac{5}{11}",
        "Let $p$ be the probability that Alice wins. On her first roll she wins with probability $\\frac16$. If she "
        "misses (probability $\\frac56$) and Bob misses too (probability $\\frac56$), the game starts over.\n\nSo "
        "$p = \\frac16 + \\frac{25}{36}p$, which gives $\\frac{11}{36}p = \\frac16$ and $p = \\frac{6}{11}$.\n\nBob wins "
        "whenever Alice does not, so his probability is $1 - \\frac{6}{11} = \\frac{5}{11}$.",
        "\\frac{5}{11}",
        "Let $p$ be the probability that Alice wins. On her first roll she wins with probability $\\frac16$. If she "
        "misses and Bob misses too, the game starts over.\n\nSo $p = \\frac16 + \\frac{25}{36}p$, which gives "
        "$\\frac{11}{36}p = \\frac16$ and $p = \\frac{6}{11}$.",
        "\\frac{6}{11}",
        "Hence the chance that Bob wins is {a}.",
        ["5/11"],
    ),
    P(
        "cubic",
        "Find all real solutions of $9x^3+9x^2-7x+1=0$.",
        "x = \\frac13, x = \\frac{-2\\pm\\sqrt{7}}{3}",
        "Try rational roots: $x = \\frac13$ gives $9\\cdot\\frac{1}{27} + 9\\cdot\\frac19 - \\frac73 + 1 = \\frac13 + 1 - "
        "\\frac73 + 1 = 0$, so $3x-1$ is a factor.\n\nDividing, $9x^3+9x^2-7x+1 = (3x-1)(3x^2+4x-1)$.\n\nThe quadratic "
        "gives $x = \\frac{-4\\pm\\sqrt{16+12}}{6} = \\frac{-4\\pm 2\\sqrt7}{6} = \\frac{-2\\pm\\sqrt7}{3}$.\n\nSo the "
        "solutions are $x=\\frac13$ and $x=\\frac{-2\\pm\\sqrt7}{3}$.",
        "\\frac13, \\frac{-2+\\sqrt7}{3}, \\frac{-2-\\sqrt7}{3}",
        "Try rational roots: $x = \\frac13$ works, so $3x-1$ is a factor and $9x^3+9x^2-7x+1 = (3x-1)(3x^2+4x-1)$.\n\n"
        "The quadratic gives $x = \\frac{4\\pm\\sqrt{16+12}}{6} = \\frac{2\\pm\\sqrt7}{3}$.",
        "\\frac13, \\frac{2\\pm\\sqrt7}{3}",
        "The real solutions are {a}.",
    ),
    P(
        "distance",
        "What is the distance between the points $(1,2)$ and $(4,6)$?",
        "5",
        "By the distance formula, the distance is $\\sqrt{(4-1)^2 + (6-2)^2} = \\sqrt{9+16} = \\sqrt{25} = 5$.",
        "5",
        "The horizontal change is $4-1 = 3$ and the vertical change is $6-2 = 4$, so the distance is $3 + 4 = 7$.",
        "7",
        "The distance between the points is {a}.",
    ),
    P(
        "radicals",
        "Simplify $\\sqrt{50} + \\sqrt{18}$.",
        "8\\sqrt{2}",
        "Factor out perfect squares: $\\sqrt{50} = \\sqrt{25\\cdot 2} = 5\\sqrt2$ and $\\sqrt{18} = \\sqrt{9\\cdot2} = "
        "3\\sqrt2$.\n\nAdding like terms, $5\\sqrt2 + 3\\sqrt2 = 8\\sqrt2$.",
        "8\\sqrt2",
        "Adding under the radical, $\\sqrt{50} + \\sqrt{18} = \\sqrt{68} = \\sqrt{4\\cdot 17} = 2\\sqrt{17}$.",
        "2\\sqrt{17}",
        "So $\\sqrt{50}+\\sqrt{18}$ simplifies to {a}.",
        ["\\sqrt{128}"],
    ),
    P(
        "circle",
        "A circle has circumference $6\\pi$. What is its area? Express your answer in terms of $\\pi$.",
        "9\\pi",
        "The circumference is $2\\pi r = 6\\pi$, so $r = 3$.\n\nThe area is $\\pi r^2 = \\pi \\cdot 3^2 = 9\\pi$.",
        "9\\pi",
        "The circumference is $\\pi d = 6\\pi$, so $d = 6$. Then the area is $\\pi \\cdot 6^2 = 36\\pi$.",
        "36\\pi",
        "The area of the circle is {a}.",
    ),
    P(
        "system",
        "Solve the system $2x+3y=12$, $x-y=1$. Enter your answer as an ordered pair $(x,y)$.",
        "(3,2)",
        "From the second equation, $x = y+1$. Substituting into the first: $2(y+1)+3y = 12$, so $5y + 2 = 12$ and $y = 2$.\n\n"
        "Then $x = 2+1 = 3$. Check: $2\\cdot3+3\\cdot2 = 12$ and $3-2 = 1$.",
        "(3,2)",
        "From the second equation, $x = y+1$. Substituting: $2(y+1)+3y=12$, so $y = 2$, and then $x = 3$.\n\nWriting the "
        "values in the order we found them, the solution is $(2,3)$.",
        "(2,3)",
        "The solution is $(x, y) = {r}$.",
    ),
    P(
        "cross",
        "Compute $\\begin{pmatrix} 1 \\\\ 2 \\\\ 3 \\end{pmatrix} \\times \\begin{pmatrix} 4 \\\\ 5 \\\\ 6 \\end{pmatrix}$.",
        "\\begin{pmatrix} -3 \\\\ 6 \\\\ -3 \\end{pmatrix}",
        "Using the formula for the cross product,\n\\[\\begin{pmatrix} 2\\cdot 6 - 3\\cdot 5 \\\\ 3\\cdot 4 - 1\\cdot 6 \\\\ "
        "1\\cdot 5 - 2\\cdot 4 \\end{pmatrix} = \\begin{pmatrix} 12-15 \\\\ 12-6 \\\\ 5-8 \\end{pmatrix}.\\]",
        "\\begin{pmatrix} -3 \\\\ 6 \\\\ -3 \\end{pmatrix}",
        "Using the formula for the cross product,\n\\[\\begin{pmatrix} 3\\cdot 5 - 2\\cdot 6 \\\\ 1\\cdot 6 - 3\\cdot 4 \\\\ "
        "2\\cdot 4 - 1\\cdot 5 \\end{pmatrix} = \\begin{pmatrix} 15-12 \\\\ 6-12 \\\\ 8-5 \\end{pmatrix}.\\]",
        "\\begin{pmatrix} 3 \\\\ -6 \\\\ 3 \\end{pmatrix}",
        "The cross product is {a}.",
        ["(-3, 6, -3)"],
    ),
    P(
        "inverse",
        "Find the inverse of the matrix $\\begin{pmatrix} 2 & 1 \\\\ 1 & 1 \\end{pmatrix}$.",
        "\\begin{pmatrix} 1 & -1 \\\\ -1 & 2 \\end{pmatrix}",
        "The determinant is $2\\cdot 1 - 1\\cdot 1 = 1$.\n\nFor a $2\\times 2$ matrix $\\begin{pmatrix} a & b \\\\ c & d "
        "\\end{pmatrix}$ the inverse is $\\frac{1}{ad-bc}\\begin{pmatrix} d & -b \\\\ -c & a \\end{pmatrix}$, which here "
        "is $\\begin{pmatrix} 1 & -1 \\\\ -1 & 2 \\end{pmatrix}$.",
        "\\begin{pmatrix} 1 & -1 \\\\ -1 & 2 \\end{pmatrix}",
        "The determinant is $2\\cdot 1 - 1\\cdot 1 = 1$.\n\nSwapping the diagonal entries gives the inverse "
        "$\\begin{pmatrix} 1 & 1 \\\\ 1 & 2 \\end{pmatrix}$.",
        "\\begin{pmatrix} 1 & 1 \\\\ 1 & 2 \\end{pmatrix}",
        "The inverse matrix is {a}.",
        ["\\begin{bmatrix} 1 & -1 \\\\ -1 & 2 \\end{bmatrix}"],
    ),
    P(
        "pentagon",
        "What is the measure, in degrees, of each interior angle of a regular pentagon?",
        "108^\\circ",
        "The interior angles of a polygon with $n$ sides add up to $180(n-2)$ degrees. For $n=5$ this is $540^\\circ$.\n\n"
        "A regular pentagon has five equal angles, so each is $540^\\circ/5 = 108^\\circ$.",
        "108^\\circ",
        "The exterior angles of any polygon add up to $360^\\circ$, so each angle of a regular pentagon is "
        "$360^\\circ/5 = 72^\\circ$.",
        "72^\\circ",
        "Each interior angle measures {a}.",
        ["108"],
    ),
    P(
        "polar",
        "Convert the point $(1,\\sqrt{3})$ in rectangular coordinates to polar coordinates. Enter your answer in the form $(r,\\theta)$, where $r > 0$ and $0 \\le \\theta < 2\\pi$.",
        "\\left( 2, \\frac{\\pi}{3} \\right)",
        "We have $r = \\sqrt{1^2 + (\\sqrt3)^2} = \\sqrt{4} = 2$.\n\nThe point is in the first quadrant with "
        "$\\tan\\theta = \\sqrt3$, so $\\theta = \\frac{\\pi}{3}$.",
        "\\left(2,\\frac{\\pi}{3}\\right)",
        "We have $r = \\sqrt{1 + 3} = 2$.\n\nFor the angle, $\\tan\\theta = \\frac{1}{\\sqrt3}$, so $\\theta = \\frac{\\pi}{6}$.",
        "\\left(2,\\frac{\\pi}{6}\\right)",
        "In polar coordinates the point is {a}.",
    ),
    P(
        "complexmul",
        "Simplify $(1+2i)(3-i)$.",
        "5+5i",
        "Expanding, $(1+2i)(3-i) = 3 - i + 6i - 2i^2$.\n\nSince $i^2 = -1$, this is $3 + 5i + 2 = 5+5i$.",
        "5+5i",
        "Expanding, $(1+2i)(3-i) = 3 - i + 6i - 2i^2 = 3 + 5i - 2 = 1 + 5i$.",
        "1+5i",
        "So the product is {a}.",
    ),
    P(
        "gauss",
        "What is the sum of the integers from 1 to 100, inclusive?",
        "5050",
        "Pair the first and last terms: $1+100 = 101$, $2+99 = 101$, and so on. There are 50 such pairs.\n\nSo the sum "
        "is $50 \\cdot 101 = 5050$.",
        "5050",
        "Using the formula $\\frac{n(n-1)}{2}$ with $n = 100$, the sum is $\\frac{100\\cdot 99}{2} = 4950$.",
        "4950",
        "The sum of the integers from 1 to 100 is {a}.",
        ["5{,}050"],
    ),
    P(
        "divisors",
        "How many positive divisors does 360 have?",
        "24",
        "Factor: $360 = 2^3 \\cdot 3^2 \\cdot 5$.\n\nA divisor chooses an exponent of 2 from 0 to 3 (4 choices), an "
        "exponent of 3 from 0 to 2 (3 choices) and an exponent of 5 from 0 to 1 (2 choices).\n\nSo 360 has "
        "$4 \\cdot 3 \\cdot 2 = 24$ positive divisors.",
        "24",
        "Factor: $360 = 2^3 \\cdot 3^2 \\cdot 5$. Multiplying the exponents, the number of divisors is $3 \\cdot 2 "
        "\\cdot 1 = 6$.",
        "6",
        "So 360 has {a} positive divisors.",
    ),
    P(
        "pow2mod7",
        "What is the remainder when $2^{100}$ is divided by 7?",
        "2",
        "The powers of 2 modulo 7 cycle: $2^1 \\equiv 2$, $2^2 \\equiv 4$, $2^3 = 8 \\equiv 1$.\n\nSince $100 = 3 \\cdot "
        "33 + 1$, we get $2^{100} = (2^3)^{33}\\cdot 2 \\equiv 1^{33} \\cdot 2 = 2 \\pmod 7$.",
        "2",
        "The powers of 2 modulo 7 cycle with period 3: $2, 4, 1$.\n\nSince $100 = 3 \\cdot 33 + 1$, the remainder is the "
        "second term of the cycle, which is $4$.",
        "4",
        "The remainder is {a}.",
    ),
    P(
        "prime221",
        "What is the largest prime factor of 221?",
        "17",
        "Check small primes: 221 is odd, its digit sum 5 is not divisible by 3, it does not end in 0 or 5, and "
        "$221 = 7\\cdot 31 + 4$, $221 = 11 \\cdot 20 + 1$.\n\nTrying 13: $13 \\cdot 17 = 221$. Both 13 and 17 are prime.",
        "17",
        "Check small primes: 221 is not divisible by 2, 3, 5, 7 or 11. Trying 13: $13 \\cdot 17 = 221$, so the prime "
        "factor we were looking for is 13.",
        "13",
        "The largest prime factor of 221 is {a}.",
    ),
    P(
        "absineq",
        "Solve $|2x-3| < 5$. Express your answer in interval notation.",
        "(-1,4)",
        "The inequality $|2x-3| < 5$ means $-5 < 2x-3 < 5$.\n\nAdding 3 throughout gives $-2 < 2x < 8$, and dividing by 2 "
        "gives $-1 < x < 4$.",
        "(-1,4)",
        "The inequality $|2x-3| < 5$ means $-5 < 2x-3 < 5$.\n\nSubtracting 3 throughout gives $-8 < 2x < 2$, and "
        "dividing by 2 gives $-4 < x < 1$.",
        "(-4,1)",
        "The solution set is {a}.",
        ["-1<x<4"],
    ),
    P(
        "quadineq",
        "Solve the inequality $x^2 - 4x - 12 \\le 0$.",
        "[-2,6]",
        "Factor: $x^2 - 4x - 12 = (x-6)(x+2)$.\n\nThe product is zero at $x = -2$ and $x = 6$, and negative between the "
        "roots, since the parabola opens upward.\n\nSo the solution is $-2 \\le x \\le 6$.",
        "[-2,6]",
        "Factor: $x^2-4x-12 = (x-6)(x+2)$, with roots $-2$ and $6$.\n\nThe product is non-positive outside the roots, so "
        "$x \\le -2$ or $x \\ge 6$.",
        "(-\\infty,-2]\\cup[6,\\infty)",
        "The solution set is {a}.",
        ["-2 \\le x \\le 6"],
    ),
    P(
        "logdomain",
        "What is the domain of $f(x) = \\log(x-3)$? Express your answer in interval notation.",
        "(3,\\infty)",
        "The logarithm is defined only for positive arguments, so we need $x - 3 > 0$, that is, $x > 3$.",
        "(3,\\infty)",
        "The logarithm needs a non-negative argument, so $x-3 \\ge 0$, that is, $x \\ge 3$.",
        "[3,\\infty)",
        "The domain of $f$ is {a}.",
        ["(3, +\\infty)"],
    ),
    P(
        "geomsum",
        "Evaluate the infinite series $\\sum_{n=1}^{\\infty} \\frac{1}{2^n}$.",
        "1",
        "This is a geometric series with first term $\\frac12$ and ratio $\\frac12$.\n\nIts sum is $\\frac{1/2}{1-1/2} = 1$.",
        "1",
        "This is a geometric series with ratio $\\frac12$, so its sum is $\\frac{1}{1-1/2} = 2$.",
        "2",
        "The series converges to {a}.",
    ),
    P(
        "shirt",
        "A shirt is priced at \\$40. It is discounted by 25%, and then a 10% sales tax is added to the discounted price. What is the final price, in dollars?",
        "33",
        "The discount is $0.25 \\cdot 40 = 10$ dollars, so the discounted price is $40 - 10 = 30$ dollars.\n\nThe tax is "
        "$0.10 \\cdot 30 = 3$ dollars, so the final price is $30 + 3 = 33$ dollars.",
        "\\$33",
        "The discount and the tax combine to a net change of $-25\\% + 10\\% = -15\\%$.\n\nSo the final price is "
        "$40 \\cdot 0.85 = 34$ dollars.",
        "\\$34",
        "The final price of the shirt is {a}.",
        ["33"],
    ),
    P(
        "pctinc",
        "A population grows from 80 to 100. By what percent did it increase?",
        "25\\%",
        "The increase is $100 - 80 = 20$.\n\nRelative to the original population, this is $\\frac{20}{80} = 0.25 = 25\\%$.",
        "25\\%",
        "The increase is $100 - 80 = 20$.\n\nAs a fraction of the final population, this is $\\frac{20}{100} = 20\\%$.",
        "20\\%",
        "The population increased by {a}.",
        ["25"],
    ),
    P(
        "committee",
        "In how many ways can a committee of 3 people be chosen from a group of 10 people?",
        "120",
        "The order of the committee members does not matter, so we count combinations:\n\\[\\binom{10}{3} = "
        "\\frac{10\\cdot 9\\cdot 8}{3\\cdot 2\\cdot 1} = \\frac{720}{6} = 120.\\]",
        "120",
        "We pick the first member in 10 ways, the second in 9 ways and the third in 8 ways, for $10 \\cdot 9 \\cdot 8 = "
        "720$ committees.",
        "720",
        "There are {a} ways to choose the committee.",
        ["\\binom{10}{3}"],
    ),
    P(
        "mississippi",
        "How many distinct arrangements of the letters in MISSISSIPPI are there?",
        "34,\\!650",
        "MISSISSIPPI has 11 letters: one M, four I's, four S's and two P's.\n\nThe number of distinct arrangements is\n"
        "\\[\\frac{11!}{1!\\,4!\\,4!\\,2!} = \\frac{39916800}{24\\cdot 24\\cdot 2} = \\frac{39916800}{1152} = 34650.\\]",
        "34650",
        "MISSISSIPPI has 11 letters with four I's and four S's repeated.\n\nThe number of arrangements is "
        "$\\frac{11!}{4!\\,4!} = \\frac{39916800}{576} = 69300$.",
        "69300",
        "There are {a} distinct arrangements.",
        ["34,650", "34\\,650"],
    ),
    P(
        "pow20",
        "Compute $2^{20}$.",
        "1048576",
        "We know $2^{10} = 1024$.\n\nThen $2^{20} = (2^{10})^2 = 1024^2 = 1048576$.",
        "1,048,576",
        "We know $2^{10} = 1024 \\approx 1000$, so $2^{20} = 1024 \\cdot 1000 = 1024000$.",
        "1,024,000",
        "So $2^{20} = {r}$.",
        ["1\\,048\\,576"],
    ),
    P(
        "secyear",
        "How many seconds are there in a 365-day year?",
        "31536000",
        "A day has $24 \\cdot 60 \\cdot 60 = 86400$ seconds.\n\nSo a 365-day year has $365 \\cdot 86400 = 31536000$ seconds.",
        "3.1536 \\times 10^{7}",
        "A year has $365 \\cdot 24 = 8760$ hours, and an hour has 360 seconds, so a year has $8760 \\cdot 360 = 3153600$ "
        "seconds.",
        "3,153,600",
        "A 365-day year has {a} seconds.",
        ["31{,}536{,}000", "31,536,000"],
    ),
    P(
        "fvalue",
        "Let $F(a,b) = a^2 - b^2 - 3$. Find $F(4,2)$.",
        "F(4,2) = 9",
        "Substitute $a = 4$ and $b = 2$: $F(4,2) = 4^2 - 2^2 - 3 = 16 - 4 - 3$.",
        "F(4,2) = 9",
        "Substitute $a = 4$ and $b = 2$: $F(4,2) = 4^2 - 2 - 3 = 16 - 2 - 3$.",
        "F(4,2) = 11",
        "Evaluating, we find {a}.",
        ["9"],
    ),
    P(
        "finverse",
        "Find the inverse of the function $f(x) = 2x + 3$.",
        "f^{-1}(x) = \\frac{x-3}{2}",
        "Write $y = 2x + 3$ and solve for $x$: $2x = y - 3$, so $x = \\frac{y-3}{2}$.\n\nSwapping the roles of $x$ and "
        "$y$ gives the inverse.",
        "f^{-1}(x) = \\frac{x-3}{2}",
        "Write $y = 2x + 3$ and solve for $x$: $2x = y + 3$, so $x = \\frac{y+3}{2}$.",
        "f^{-1}(x) = \\frac{x+3}{2}",
        "The inverse function is {a}.",
        ["\\frac{x-3}{2}"],
    ),
]
