"""Structured answers: intervals, sets, tuples, ordered sequences, matrices, equations, function values, words."""

# ruff: noqa: E501 - a table of hand-written strings: one case per line reads and diffs best

from __future__ import annotations

from dsl import case

CASES = [
    # ---------------------------------------------------------------- intervals
    case(
        "interval",
        "[2,5)",
        ["[2, 5)", "2\\le x<5", "x\\in[2,5)", "\\left[2,5\\right)"],
        [("(2,5)", "left end must be closed"), ("[2,5]", "right end must be open"), "(2,5]", ("2", "left end only")],
        per_form=3,
    ),
    case(
        "interval",
        "[-1, 1]",
        ["-1 \\le x \\le 1", "[-1,1]", "|x| \\le 1"],
        ["(-1,1)", "[-1,1)", ("\\{-1,1\\}", "the endpoints, not the interval")],
    ),
    case(
        "interval",
        "(1, 4)",
        ["1<x<4", "x \\in (1,4)", "\\left(1, 4\\right)"],
        ["[1,4]", "(1,4]", "(4,1)"],
        note="the domain, an open interval",
    ),
    case("interval", "[0,1)", ["0\\le x<1", "[0, 1)"], ["[0,1]", "(0,1)", "(0,1]"]),
    case(
        "interval",
        "(-3, \\frac{1}{2}]",
        ["-3 < x \\le \\frac12", "(-3, 0.5]", "\\left(-3,\\tfrac{1}{2}\\right]"],
        ["(-3,\\frac12)", "[-3,\\frac12]", "(-3, 2]"],
    ),
    case(
        "interval",
        "[-2,0]\\cup[3,\\infty)",
        ["[3,\\infty)\\cup[-2,0]", "-2\\le x\\le 0 \\text{ or } x\\ge 3"],
        ["[-2,0)\\cup[3,\\infty)", "[-2,\\infty)", "[-2,0]"],
    ),
    case(
        "interval",
        "\\left(\\frac{1}{3}, 3\\right)",
        ["(\\frac13, 3)", "\\frac{1}{3}<x<3", "(1/3,3)"],
        ["(\\frac13,3]", "(3,\\frac13)", "(0,3)"],
    ),
    # ---------------------------------------------------------------- sets and unordered solution lists
    case(
        "set", "\\{1,2,3\\}", ["\\{3,1,2\\}", "1,2,3", "\\{1, 2, 3\\}", "3, 2, 1"], ["\\{1,2\\}", "\\{1,2,3,4\\}", "\\{0,1,2\\}"]
    ),
    case(
        "set",
        "-4, 2",
        ["2,-4", "x=-4, x=2", "\\{-4, 2\\}", "x=2 \\text{ or } x=-4"],
        [("-4", "one of two roots"), "4,-2", "-4, -2", ("2", "one of two roots")],
        note="the roots, in any order",
    ),
    case(
        "set",
        "\\emptyset",
        ["\\varnothing", "\\{\\}", "T:no solution", "T:there are no solutions"],
        ["0", ("\\{0\\}", "the set containing zero is not empty")],
    ),
    case("set", "\\{2,3,5,7\\}", ["2, 3, 5, 7", "7,5,3,2", "\\{7, 5, 3, 2\\}"], ["2,3,5", "\\{2,3,5,7,9\\}", "\\{1,2,3,5,7\\}"]),
    case(
        "set",
        "\\mathbb{R}",
        ["(-\\infty,\\infty)", "T:all real numbers", "\\mathbb R"],
        ["(0,\\infty)", "\\mathbb{Z}", "\\mathbb{R}\\setminus\\{0\\}"],
    ),
    case(
        "set",
        "1, -1, 3",
        ["-1, 1, 3", "3, 1, -1", "x \\in \\{-1, 1, 3\\}"],
        ["1, 3", "1, -1, -3", "-1, 3"],
        note="the real roots, in any order",
    ),
    case("set", "0, 1", ["1, 0", "x=0 \\text{ and } x=1", "\\{0,1\\}"], ["0", "1", "0, 1, -1"]),
    case("set", "\\{-3, \\frac{1}{2}\\}", ["\\frac12, -3", "-3, 0.5"], ["3, -\\frac12", "-3", "\\{-3, 2\\}"]),
    case(
        "set",
        "5, 12, 13",
        ["5, 12, 13"],
        ["5, 12, 14", "3, 4, 5"],
        contested=[("13, 12, 5", True, "side lengths; no order asked, but the gold lists them increasing")],
        note="side lengths of the triangle",
    ),
    # ---------------------------------------------------------------- tuples and points
    case(
        "tuple",
        "(2,-3)",
        ["(2, -3)", "\\left(2,-3\\right)", "(2,\\ -3)", "x=2, y=-3"],
        [("(-3,2)", "coordinates swapped"), "(2,3)", "(-2,3)"],
        per_form=3,
    ),
    case(
        "tuple",
        "(1,3),(3,1)",
        ["(3,1),(1,3)", "\\{(1,3),(3,1)\\}", "(1, 3), (3, 1)"],
        [("(1,3)", "one of two pairs"), "(1,3),(3,2)", "(1,1),(3,3)"],
    ),
    case(
        "tuple",
        "(0, \\frac{1}{2})",
        ["\\left(0,\\tfrac12\\right)", "(0, 0.5)", "(0,1/2)"],
        [("(\\frac12,0)", "coordinates swapped"), "(0,2)", "\\frac12"],
    ),
    case(
        "tuple",
        "(3,5)",
        ["a=3, b=5", "(a,b)=(3,5)", "b=5, a=3"],
        [("a=5, b=3", "values assigned to the wrong names"), "(5,3)", "(3,6)"],
        note="the ordered pair (a, b)",
    ),
    case(
        "tuple",
        "\\begin{pmatrix} 1 \\\\ -2 \\\\ 3 \\end{pmatrix}",
        ["(1,-2,3)", "\\begin{bmatrix}1\\\\-2\\\\3\\end{bmatrix}", "\\langle 1,-2,3\\rangle"],
        ["(1,2,3)", ("(3,-2,1)", "components reversed"), "\\begin{pmatrix}-1\\\\2\\\\-3\\end{pmatrix}"],
    ),
    case("tuple", "(6, 9)", ["(6,9)", "\\left( 6, 9 \\right)"], ["(9,6)", "(6,8)", "69"]),
    case("tuple", "(-1, 2, 0)", ["(-1,2,0)", "x=-1, y=2, z=0"], ["(-1,0,2)", "(1,2,0)", "(0,2,-1)"]),
    case(
        "tuple",
        "(\\sqrt{2}, \\frac{\\pi}{4})",
        ["\\left(\\sqrt2,\\frac{\\pi}{4}\\right)", "(\\sqrt{2}, \\pi/4)"],
        ["(\\frac{\\pi}{4},\\sqrt2)", "(2,\\frac{\\pi}{4})", "(\\sqrt2,\\frac{\\pi}{2})"],
        note="polar coordinates (r, theta)",
    ),
    # ---------------------------------------------------------------- ordered sequences
    case(
        "ordered_sequence",
        "5, 1, 4",
        ["5,1,4", "S(1)=5, S(2)=1, S(3)=4", "(5, 1, 4)"],
        [("1,4,5", "same values, sorted: order matters"), ("4,1,5", "wrong order"), ("5,4,1", "wrong order")],
        note="S(1), S(2), S(3) in that order",
        per_form=3,
    ),
    case(
        "ordered_sequence",
        "2, 4, 8, 16",
        ["2,4,8,16", "a_1=2, a_2=4, a_3=8, a_4=16"],
        [("16,8,4,2", "reversed"), "2,4,8", "4,8,16,32"],
        note="the first four terms",
    ),
    case(
        "ordered_sequence",
        "(a, b, c) = (1, 2, 3)",
        ["(1,2,3)", "a=1,b=2,c=3", "c=3, b=2, a=1"],
        [("(3,2,1)", "values reversed"), ("a=3, b=2, c=1", "values on the wrong names"), "(1,3,2)"],
    ),
    case(
        "ordered_sequence",
        "1, 1, 2, 3, 5",
        ["1,1,2,3,5"],
        [("1,2,3,5", "a term missing"), ("1,1,2,3,5,8", "an extra term"), "5,3,2,1,1"],
    ),
    case(
        "ordered_sequence",
        "\\text{E, B, D, A, C}",
        ["E, B, D, A, C", "T:EBDAC", "\\text{EBDAC}"],
        [("A, B, C, D, E", "alphabetical, not the ranking"), "E, B, A, D, C", "C, A, D, B, E"],
        note="runners from first to last",
    ),
    case(
        "ordered_sequence",
        "10, 6, 3",
        ["10,6,3", "T:10 > 6 > 3"],
        [("3,6,10", "ascending instead of descending"), "10, 3, 6"],
        note="in decreasing order",
    ),
    case(
        "ordered_sequence",
        "x_1 = 2, x_2 = 7",
        ["2, 7", "x_1=2,\\ x_2=7"],
        [("7, 2", "swapped"), ("x_1=7, x_2=2", "swapped")],
        note="first and second coordinate of the solution",
    ),
    case("ordered_sequence", "3, 0, -3", ["3,0,-3", "(3, 0, -3)"], ["-3,0,3", "0, 3, -3", "3, -3, 0"], note="f(1), f(2), f(3)"),
    # ---------------------------------------------------------------- matrices
    case(
        "matrix",
        "\\begin{pmatrix} 1 & 2 \\\\ 3 & 4 \\end{pmatrix}",
        [
            "\\begin{bmatrix}1&2\\\\3&4\\end{bmatrix}",
            "\\left(\\begin{array}{cc}1&2\\\\3&4\\end{array}\\right)",
            "\\begin{pmatrix}1 & 2\\\\ 3 & 4\\end{pmatrix}",
            "T:[[1, 2], [3, 4]]",
        ],
        [
            ("\\begin{pmatrix}1&3\\\\2&4\\end{pmatrix}", "transposed"),
            "\\begin{pmatrix}4&3\\\\2&1\\end{pmatrix}",
            "\\begin{pmatrix}1&2\\\\3&5\\end{pmatrix}",
        ],
    ),
    case(
        "matrix",
        "\\begin{pmatrix} 0 & -1 \\\\ 1 & 0 \\end{pmatrix}",
        ["\\begin{bmatrix}0&-1\\\\1&0\\end{bmatrix}"],
        [("\\begin{pmatrix}0&1\\\\-1&0\\end{pmatrix}", "rotation the other way"), "\\begin{pmatrix}1&0\\\\0&1\\end{pmatrix}"],
    ),
    case(
        "matrix",
        "\\begin{pmatrix} \\frac12 & 0 \\\\ 0 & \\frac13\\end{pmatrix}",
        ["\\begin{pmatrix}0.5&0\\\\0&\\frac{1}{3}\\end{pmatrix}", "\\begin{bmatrix}1/2&0\\\\0&1/3\\end{bmatrix}"],
        [
            ("\\begin{pmatrix}2&0\\\\0&3\\end{pmatrix}", "the matrix, not its inverse"),
            "\\begin{pmatrix}\\frac13&0\\\\0&\\frac12\\end{pmatrix}",
        ],
    ),
    case(
        "matrix",
        "\\begin{pmatrix} -5 \\\\ 7 \\end{pmatrix}",
        ["(-5,7)", "\\begin{bmatrix}-5\\\\7\\end{bmatrix}", "\\langle -5, 7 \\rangle"],
        [("\\begin{pmatrix}7\\\\-5\\end{pmatrix}", "swapped"), "\\begin{pmatrix}5\\\\-7\\end{pmatrix}"],
    ),
    case(
        "matrix",
        "\\begin{pmatrix} 2 & 0 \\\\ 0 & 2 \\end{pmatrix}",
        ["2I", "\\begin{bmatrix}2&0\\\\0&2\\end{bmatrix}"],
        ["2", "\\begin{pmatrix}2&2\\\\2&2\\end{pmatrix}", "\\begin{pmatrix}1&0\\\\0&1\\end{pmatrix}"],
        note="2I for the 2x2 identity",
    ),
    # ---------------------------------------------------------------- equations as golds
    case(
        "equation_gold",
        "x = \\frac13",
        ["\\frac13", "x=1/3", "x = \\dfrac{1}{3}", "x=0.\\overline{3}"],
        ["x=3", ("\\frac{1}{3}x", "an expression, not a value"), "x = -\\frac13"],
    ),
    case(
        "equation_gold",
        "x = \\frac13, x = \\frac{-2\\pm\\sqrt{7}}{3}",
        [
            "\\frac13, \\frac{-2+\\sqrt{7}}{3}, \\frac{-2-\\sqrt{7}}{3}",
            "x=\\frac{-2\\pm\\sqrt7}{3}, x = \\frac{1}{3}",
            "\\frac{-2-\\sqrt7}{3},\\ \\frac13,\\ \\frac{-2+\\sqrt7}{3}",
        ],
        [
            ("\\frac13", "one root of three"),
            ("\\frac{-2\\pm\\sqrt{7}}{3}", "two roots of three"),
            "\\frac13, \\frac{2\\pm\\sqrt7}{3}",
        ],
        per_form=3,
    ),
    case(
        "equation_gold",
        "y = 2x + 3",
        ["y=3+2x", "2x - y + 3 = 0", "y = 2x+3"],
        ["y=2x-3", ("x = 2y + 3", "x and y swapped"), "y = 3x + 2"],
        note="the equation of the line",
    ),
    case("equation_gold", "x^2 + y^2 = 25", ["y^2+x^2=25", "x^2+y^2-25=0"], ["x^2+y^2=5", "x^2+y^2=625", "(x-5)^2+y^2=25"]),
    case("equation_gold", "k = 12", ["12", "k=12", "k = 12.0"], ["k=21", "k=13", "k = 11"]),
    case(
        "equation_gold",
        "a=2, b=-1",
        ["a = 2, b = -1", "b=-1, a=2", "(a,b)=(2,-1)"],
        [("a=-1, b=2", "values swapped"), "a=2, b=1", ("2", "only a")],
    ),
    case("equation_gold", "x = -5", ["-5", "x=-5", "x = - 5"], ["5", "x=5", "x=-\\frac15"]),
    case(
        "equation_gold",
        "y = -\\frac{1}{2}x + 4",
        ["y=4-\\frac{x}{2}", "x + 2y = 8", "y=-0.5x+4"],
        ["y=-2x+4", ("x=-\\frac12y+4", "x and y swapped"), "y = \\frac12 x + 4"],
    ),
    case("equation_gold", "n = 7", ["7", "n=7"], ["n=6", "n=8", "n = 49"]),
    # ---------------------------------------------------------------- function values
    case(
        "function_value",
        "F(4,2) = 9",
        ["9", "F(4,2)=9", "F(4, 2) = 9"],
        ["F(4,2)=8", ("4", "an argument, not the value"), ("2", "an argument, not the value"), "10"],
    ),
    case("function_value", "f(3) = -2", ["-2", "f(3)=-2"], [("3", "the argument"), "f(-2)=3", "2"]),
    case("function_value", "9", ["F(4,2) = 9", "f(2) = 9"], [("F(9) = 4", "9 is the argument here"), "F(4,2)=8"]),
    case("function_value", "g(x) = 3x - 1", ["3x-1", "g(x)=-1+3x"], ["3x+1", "g(x)=3x", "1-3x"]),
    case(
        "function_value",
        "f^{-1}(x) = \\frac{x-3}{2}",
        ["\\frac{x-3}{2}", "\\frac{x}{2}-\\frac32", "f^{-1}(x)=(x-3)/2"],
        ["\\frac{x+3}{2}", "2x+3", "\\frac{2}{x-3}"],
    ),
    case("function_value", "P(2) = 17", ["17", "P(2)=17"], ["P(2)=2", "2", "P(17)=2"]),
    case("function_value", "h(-1) = 0", ["0", "h(-1)=0"], [("-1", "the argument"), "h(0)=-1", "1"]),
    case(
        "function_value", "f(x) = x^2 - 4x + 7", ["x^2-4x+7", "(x-2)^2+3", "f(x)=7-4x+x^2"], ["x^2-4x+3", "(x-2)^2-3", "x^2+4x+7"]
    ),
    # ---------------------------------------------------------------- words and text answers
    case("text_answer", "\\text{Tuesday}", ["T:Tuesday", "\\text{Tuesday}", "T:tuesday"], ["T:Wednesday", "T:Thursday", "2"]),
    case("text_answer", "\\text{odd}", ["T:odd", "\\text{odd}", "T:odd function"], ["T:even", "T:neither", "T:even function"]),
    case("text_answer", "\\text{No}", ["T:No", "T:no, it is not possible", "\\text{no}"], ["T:Yes", "T:yes, it is possible"]),
    case("text_answer", "\\text{east}", ["T:East", "\\text{east}", "T:due east"], ["T:west", "T:north-east"]),
    case("text_answer", "\\text{Devon}", ["T:Devon", "\\text{Devon}"], ["T:Kevin", "T:Devin"]),
]
