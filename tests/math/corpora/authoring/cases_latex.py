"""Expressions: LaTeX, Python/plain-text golds, complex numbers, angles, infinity, plus-minus, near misses."""

# ruff: noqa: E501 - a table of hand-written strings: one case per line reads and diffs best

from __future__ import annotations

from dsl import case

CASES = [
    # ---------------------------------------------------------------- LaTeX expressions
    case(
        "latex_expression",
        "2\\sqrt{5}-1",
        ["-1+2\\sqrt{5}", "\\sqrt{20}-1", "2\\sqrt5-1", "2 \\sqrt{5} - 1"],
        [("2", "truncated at the radical"), ("2\\sqrt{5}", "dropped the -1"), "2\\sqrt{5}+1", "\\sqrt{5}-1", "2\\sqrt{5-1}"],
    ),
    case(
        "latex_expression",
        "3\\pi",
        ["3 \\pi", "\\pi \\cdot 3", "3\\cdot\\pi", "\\frac{6\\pi}{2}"],
        [("3", "dropped pi"), ("9.42", "decimal approximation"), "3\\pi^2", "\\pi/3"],
    ),
    case("latex_expression", "2^{10}", ["1024", "4^5", "2^{10}"], [("2", "base only"), "20", "2^{9}", "2^{11}"]),
    case(
        "latex_expression",
        "\\frac{\\pi}{4}",
        ["\\pi/4", "\\frac14\\pi", "0.25\\pi", "\\dfrac{\\pi}{4}"],
        ["\\frac{\\pi}{2}", "\\pi", "4", "\\frac{4}{\\pi}", ("0.785", "decimal approximation")],
    ),
    case(
        "latex_expression",
        "\\mathrm{e}^2",
        ["e^2", "e^{2}", "\\exp(2)", "\\operatorname{e}^{2}"],
        ["2e", "e^{3}", ("7.39", "decimal approximation"), "e"],
    ),
    case(
        "latex_expression",
        "\\sqrt{2}",
        ["\\sqrt2", "2^{1/2}", "\\frac{2}{\\sqrt{2}}"],
        ["2", ("1.414", "decimal approximation"), "\\sqrt{3}", "\\frac{\\sqrt2}{2}"],
    ),
    case(
        "latex_expression",
        "4\\sqrt{3}",
        ["\\sqrt{48}", "4 \\sqrt 3", "4\\sqrt{3}"],
        [("4", "truncated"), "4\\sqrt{2}", "\\sqrt{12}", "6.93"],
    ),
    case("latex_expression", "\\sqrt[3]{2}", ["2^{1/3}", "2^{\\frac13}"], ["\\sqrt{2}", "\\frac{2}{3}", "\\sqrt[3]{3}"]),
    case(
        "latex_expression",
        "\\frac{1+\\sqrt{5}}{2}",
        ["\\frac{1}{2}+\\frac{\\sqrt{5}}{2}", "\\frac{\\sqrt5+1}{2}", "(1+\\sqrt5)/2"],
        ["\\frac{1-\\sqrt{5}}{2}", "1+\\sqrt5", "\\frac{1+\\sqrt{5}}{4}"],
    ),
    case("latex_expression", "x^2+2x+1", ["(x+1)^2", "1+2x+x^2", "x^2 + 2x + 1"], ["x^2+1", "(x-1)^2", "x^2+2x"]),
    case(
        "latex_expression",
        "\\log_2 3",
        ["\\frac{\\ln 3}{\\ln 2}", "\\log_{2}3", "\\frac{\\log 3}{\\log 2}"],
        ["\\log_3 2", "\\frac{3}{2}", "\\ln 3"],
    ),
    case("latex_expression", "6!", ["720", "6!"], ["6", "120", "5040"]),
    case("latex_expression", "\\binom{10}{3}", ["120", "\\dbinom{10}{3}", "\\binom{10}{7}"], ["720", "\\binom{10}{2}", "30"]),
    case(
        "latex_expression",
        "\\frac{4}{3}\\pi r^3",
        ["\\frac{4\\pi r^3}{3}", "4\\pi r^3/3", "\\frac43 \\pi r^{3}"],
        ["\\frac{4}{3}\\pi r^2", "\\frac43\\pi", "4\\pi r^2"],
    ),
    case(
        "latex_expression",
        "\\frac{\\sqrt{2}}{2}",
        ["\\frac{1}{\\sqrt{2}}", "\\frac{\\sqrt2}2", "\\frac{\\sqrt{2}}{2}"],
        ["\\sqrt{2}", "\\frac{1}{2}", "2\\sqrt2"],
    ),
    case(
        "latex_expression",
        "-\\frac{\\pi}{3}",
        ["-\\pi/3", "\\frac{-\\pi}{3}"],
        ["\\frac{\\pi}{3}", "-\\frac{3}{\\pi}", "-\\frac{\\pi}{6}"],
    ),
    case(
        "latex_expression",
        "3\\sqrt{2}+2\\sqrt{3}",
        ["2\\sqrt{3}+3\\sqrt{2}", "\\sqrt{18}+\\sqrt{12}"],
        ["3\\sqrt{3}+2\\sqrt{2}", "5\\sqrt{5}", "3\\sqrt{2}"],
    ),
    case(
        "latex_expression",
        "\\frac{n(n+1)}{2}",
        ["\\frac{n^2+n}{2}", "\\binom{n+1}{2}"],
        [("\\frac{n(n-1)}{2}", "n-1 for n+1"), "n(n+1)", "\\frac{n+1}{2}"],
    ),
    case("latex_expression", "2^{2^{3}}", ["256", "2^8", "4^4"], [("64", "(2^2)^3, not 2^(2^3)"), "2^{6}", "2^{2^{2}}"]),
    case(
        "latex_expression",
        "\\frac{2004!}{2002!}",
        ["2004\\cdot 2003", "4014012", "2004 \\times 2003"],
        ["2004", "\\frac{2004}{2002}", "2003\\cdot 2002"],
    ),
    case("latex_expression", "a^2-b^2", ["(a-b)(a+b)", "(a+b)(a-b)", "-b^2+a^2"], ["(a-b)^2", "a^2+b^2", "b^2-a^2"]),
    case("latex_expression", "\\sin^2 x", ["1-\\cos^2 x", "(\\sin x)^2", "\\sin^{2}(x)"], ["\\sin x^2", "\\cos^2 x", "2\\sin x"]),
    # ---------------------------------------------------------------- plain-text / Python golds
    case(
        "plain_text_gold",
        "3**(1/3)",
        ["\\sqrt[3]{3}", "3^{1/3}", "3^{\\frac{1}{3}}"],
        ["\\sqrt{3}", "1", "3^{3}", "\\frac{3}{3}"],
        note="Python power in the gold",
    ),
    case(
        "plain_text_gold",
        "sqrt(5) + 2",
        ["2+\\sqrt{5}", "\\sqrt{5}+2", "\\sqrt5 + 2"],
        ["\\sqrt{7}", "\\sqrt{5}-2", "2\\sqrt{5}", "5"],
    ),
    case("plain_text_gold", "2 - sqrt(2)", ["2-\\sqrt{2}", "-\\sqrt2+2"], ["\\sqrt{2}-2", "2+\\sqrt{2}", ("2", "truncated")]),
    case(
        "plain_text_gold", "pi/2", ["\\frac{\\pi}{2}", "\\pi/2", "\\frac12\\pi"], ["\\frac{\\pi}{3}", "2\\pi", "\\frac{2}{\\pi}"]
    ),
    case("plain_text_gold", "1/3", ["\\frac13", "\\dfrac{1}{3}", "\\frac{2}{6}"], ["3", "\\frac{1}{3}\\pi", "0.3"]),
    case("plain_text_gold", "2*sqrt(3)", ["2\\sqrt{3}", "\\sqrt{12}"], ["\\sqrt{6}", "2\\sqrt{2}", "2"]),
    case("plain_text_gold", "exp(1)", ["e", "\\mathrm{e}", "e^1"], ["1", "e^{-1}", "\\exp(2)"]),
    case(
        "plain_text_gold",
        "log(2)",
        ["\\ln 2", "\\ln(2)", "\\log_e 2"],
        [("\\log_{10} 2", "common log, not natural log"), "2", "\\ln 3"],
        note="Python log is the natural log",
    ),
    case("plain_text_gold", "x**2 - 1", ["x^2-1", "(x-1)(x+1)"], ["x^2+1", "x-1", "x^{2}"]),
    case("plain_text_gold", "sqrt(2)/2", ["\\frac{\\sqrt{2}}{2}", "\\frac{1}{\\sqrt2}"], ["\\sqrt2", "\\frac{2}{\\sqrt{3}}"]),
    case("plain_text_gold", "5/2", ["\\frac52", "2.5", "2\\frac12"], ["2", "\\frac25"]),
    case(
        "plain_text_gold",
        "3*pi/4",
        ["\\frac{3\\pi}{4}", "\\frac34\\pi", "0.75\\pi"],
        ["\\frac{\\pi}{4}", "\\frac{4\\pi}{3}", "3\\pi"],
    ),
    case("plain_text_gold", "2**(-3)", ["\\frac18", "0.125", "2^{-3}"], ["-8", "-6", "\\frac{1}{6}"]),
    case(
        "plain_text_gold",
        "sqrt(3)/3",
        ["\\frac{1}{\\sqrt3}", "\\frac{\\sqrt{3}}{3}"],
        ["\\sqrt{3}", "\\frac{3}{\\sqrt{3}}", "\\frac{1}{3}"],
    ),
    case(
        "plain_text_gold",
        "(1 + sqrt(5))/2",
        ["\\frac{1+\\sqrt{5}}{2}", "\\frac{\\sqrt5+1}2"],
        ["1+\\frac{\\sqrt5}{2}", "\\frac{1-\\sqrt5}{2}"],
    ),
    # ---------------------------------------------------------------- complex numbers
    case(
        "complex_number",
        "3+4i",
        ["4i+3", "3+4 i", "3 + 4\\mathrm{i}", "(3+4i)"],
        [("3-4i", "conjugate"), "4+3i", "3+4", ("5", "modulus")],
    ),
    case("complex_number", "-1+i", ["i-1", "-1 + i"], ["1-i", "-1-i", "-1"]),
    case("complex_number", "2i", ["2 i", "i\\cdot 2", "2\\mathrm{i}"], ["2", "-2i", "i"]),
    case(
        "complex_number",
        "\\frac{1}{2}+\\frac{\\sqrt{3}}{2}i",
        ["\\frac{1+i\\sqrt3}{2}", "e^{i\\pi/3}", "\\cos\\frac{\\pi}{3}+i\\sin\\frac{\\pi}{3}"],
        ["\\frac12-\\frac{\\sqrt3}{2}i", "\\frac{\\sqrt3}{2}+\\frac12 i", "\\frac12"],
    ),
    case("complex_number", "-i", ["-\\mathrm{i}", "\\frac{1}{i}", "i^3"], ["i", "-1", "1"]),
    case("complex_number", "1-2i", ["-2i+1", "1 - 2i"], ["1+2i", "-1-2i", "1"]),
    case("complex_number", "-1", ["e^{i\\pi}", "i^2", "-1"], ["1", "i", "-i"]),
    case(
        "complex_number",
        "\\frac{3}{5}-\\frac{4}{5}i",
        ["\\frac{3-4i}{5}", "0.6-0.8i"],
        ["\\frac{3+4i}{5}", "3-4i", "\\frac{4}{5}-\\frac{3}{5}i"],
    ),
    # ---------------------------------------------------------------- degrees and radians
    case(
        "degrees_radians",
        "30^\\circ",
        ["30", "T:30°", "30^{\\circ}", "30\\text{ degrees}", "30 ^\\circ"],
        ["60^\\circ", "150^\\circ", "\\frac{\\pi}{3}"],
        contested=[("\\frac{\\pi}{6}", True, "same angle in radians when degrees were asked")],
    ),
    case(
        "degrees_radians",
        "\\frac{\\pi}{6}",
        ["\\pi/6", "\\frac{1}{6}\\pi"],
        [("30", "30 radians: a degree value without the degree sign"), "\\frac{\\pi}{3}", "6\\pi"],
        contested=[("30^\\circ", True, "same angle in degrees when radians were asked")],
    ),
    case("degrees_radians", "135^\\circ", ["135", "135^{\\circ}", "T:135 degrees"], ["45^\\circ", "T:135 rad", "225^\\circ"]),
    case(
        "degrees_radians",
        "\\frac{2\\pi}{3}",
        ["\\frac{2}{3}\\pi", "2\\pi/3"],
        [("120", "degrees without a sign for a radian answer"), "\\frac{3\\pi}{2}", "\\frac{\\pi}{3}"],
    ),
    case("degrees_radians", "90^\\circ", ["90", "T:90 degrees", "90^{\\circ}"], ["180^\\circ", "9^\\circ", "45^\\circ"]),
    case("degrees_radians", "72^{\\circ}", ["72", "72^\\circ", "T:72°"], ["108^\\circ", "27^\\circ", "36^\\circ"]),
    # ---------------------------------------------------------------- infinity
    case(
        "infinity",
        "(-\\infty, 3]",
        ["(-\\infty,3]", "x \\le 3", "T:(-∞, 3]", "\\left(-\\infty, 3\\right]"],
        [("(-\\infty,3)", "open where closed"), "[3,\\infty)", "(-\\infty,-3]"],
    ),
    case(
        "infinity",
        "\\infty",
        ["+\\infty", "T:∞", "T:infinity"],
        ["-\\infty", "0", ("T:does not exist", "the limit diverges to infinity, which was asked")],
    ),
    case("infinity", "(0,\\infty)", ["x>0", "(0, \\infty)", "(0,+\\infty)"], ["[0,\\infty)", "(-\\infty, 0)", "(1,\\infty)"]),
    case(
        "infinity",
        "(-\\infty,-2)\\cup(2,\\infty)",
        ["(2,\\infty)\\cup(-\\infty,-2)", "|x|>2", "x<-2 \\text{ or } x>2"],
        ["(-2,2)", "(-\\infty,-2]\\cup[2,\\infty)", "(2,\\infty)"],
    ),
    case("infinity", "-\\infty", ["-\\infty", "T:-∞", "T:negative infinity"], ["\\infty", "0", "-1"]),
    case("infinity", "[1,\\infty)", ["x \\ge 1", "[1, +\\infty)"], ["(1,\\infty)", "[-1,\\infty)", "(-\\infty,1]"]),
    # ---------------------------------------------------------------- plus-minus
    case(
        "plus_minus",
        "\\pm 3",
        ["3,-3", "-3, 3", "\\pm3", "x=\\pm 3"],
        [("3", "one of two values"), ("-3", "one of two values"), "\\pm 9"],
    ),
    case(
        "plus_minus",
        "1\\pm\\sqrt{2}",
        ["1+\\sqrt{2}, 1-\\sqrt{2}", "1-\\sqrt2,1+\\sqrt2", "1 \\pm \\sqrt2"],
        [("1+\\sqrt{2}", "one of two values"), "\\pm\\sqrt{2}", "-1\\pm\\sqrt2"],
    ),
    case(
        "plus_minus",
        "x=\\frac{-2\\pm\\sqrt{7}}{3}",
        [
            "\\frac{-2+\\sqrt7}{3},\\frac{-2-\\sqrt7}{3}",
            "\\frac{-2\\pm\\sqrt{7}}{3}",
            "x = -\\frac{2}{3} \\pm \\frac{\\sqrt{7}}{3}",
        ],
        [("\\frac{-2+\\sqrt7}{3}", "one of two roots"), "\\frac{2\\pm\\sqrt7}{3}", "\\frac{-2\\pm\\sqrt{7}}{6}"],
    ),
    case("plus_minus", "2, -2", ["\\pm 2", "-2, 2", "x = \\pm 2"], [("2", "one of two values"), "4, -4", "\\pm 4"]),
    case(
        "plus_minus",
        "\\pm\\frac{1}{2}",
        ["\\frac12, -\\frac12", "\\pm 0.5"],
        [("\\frac12", "one of two values"), "\\pm 2", "\\pm\\frac{1}{4}"],
    ),
    case("plus_minus", "3 \\pm 2i", ["3+2i, 3-2i", "3-2i,\\ 3+2i"], ["3+2i", "-3\\pm 2i", "3\\pm 2"]),
    # ---------------------------------------------------------------- near misses (wrong answers a sloppy grader accepts)
    case(
        "near_miss",
        "\\frac{1}{2^{10}}",
        ["\\frac{1}{1024}", "2^{-10}"],
        ["\\frac{1}{2^{11}}", "\\frac{1}{2^{9}}", "\\frac{1}{1000}", "\\frac{1}{210}"],
    ),
    case("near_miss", "\\binom{10}{4}", ["210", "\\binom{10}{6}"], ["\\binom{10}{3}", "\\binom{11}{4}", "5040"]),
    case("near_miss", "10^{-3}", ["0.001", "\\frac{1}{1000}"], ["10^{3}", "10^{-2}", "0.0001"]),
    case("near_miss", "\\pi", ["\\pi"], [("3.14", "approximation"), ("\\frac{22}{7}", "approximation"), "\\pi^2", "2\\pi"]),
    case("near_miss", "e", ["\\mathrm{e}", "\\exp(1)"], [("2.718", "approximation"), "\\frac{1}{e}", "e^2"]),
    case(
        "near_miss",
        "1",
        ["0.\\overline{9}", "1.0", "\\frac{7}{7}"],
        [("0.999", "finite decimal below 1"), ("0.9999", "finite decimal below 1"), "-1"],
        note="0.(9) repeating equals 1",
    ),
    case("near_miss", "2^{100}", ["2^{100}", "4^{50}"], ["2^{101}", "2^{99}", "100^2", "10^{30}"]),
    case("near_miss", "100!", ["100!"], ["99!", "101!", "100", "\\frac{100!}{2}"]),
    case("near_miss", "\\sqrt{13}", ["\\sqrt{13}", "13^{1/2}"], ["\\sqrt{31}", "13", "\\sqrt{12}", ("3.606", "approximation")]),
    case("near_miss", "1000000", ["10^{6}"], ["1000001", "999999", "10^{7}"]),
    case(
        "near_miss",
        "\\frac{7}{9}",
        ["0.\\overline{7}", "\\frac{14}{18}"],
        [("0.77", "truncated decimal"), ("0.778", "rounded decimal"), "\\frac{7}{8}"],
    ),
    case("near_miss", "2016", ["2016"], ["2106", "2015", "2017"]),
    case("near_miss", "-\\frac{1}{2}", ["-0.5", "\\frac{-1}{2}"], [("\\frac{1}{2}", "sign dropped"), "-2", "-\\frac{1}{3}"]),
]
