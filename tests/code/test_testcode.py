"""Static handling of assert-list and HumanEval test code (no execution of model code)."""

from __future__ import annotations

import pytest
from grpo_rewards_code.formats import AssertTests, HumanEvalTests, TestsError
from grpo_rewards_code.recorder import Recorder
from grpo_rewards_code.testcode import CANDIDATE, RECORDER, build_program

HUMANEVAL = """
METADATA = {"author": "x"}

def check(candidate):
    import math
    assert candidate(1) == 2
    for x in range(3):
        assert candidate(x) == x + 1
    y = candidate(5)
    assert y == 6, "five"
    assert poly([1], 0) == 1
"""


def run(program, namespace):
    recorder = Recorder(program.count)
    namespace = {RECORDER: recorder, **namespace}
    error = None
    try:
        exec(program.source, namespace)
    except BaseException as exc:  # noqa: BLE001
        error = exc
    return recorder.finish(error)


def test_asserts_are_numbered_and_free_names_proxied():
    program = build_program(AssertTests(("assert f(1) == 2", "assert math.isclose(g(2), 3.0)"), "import os"))
    assert program.count == 2 and program.format == "asserts"
    assert program.proxied == ("f", "g") and program.modules == ("math",)
    assert program.labels == ("assert f(1) == 2", "assert math.isclose(g(2), 3.0)")
    assert program.proxy_blocker is None


def test_each_assert_fails_alone():
    import math

    program = build_program(AssertTests(("assert f(1) == 2", "assert f(2) == 5", "assert f(3) == 4")))
    results = run(program, {"f": lambda x: x + 1, "math": math})
    assert [s for s, _ in results] == ["ok", "wrong_answer", "ok"]


def test_humaneval_splits_check_into_statement_tests():
    program = build_program(HumanEvalTests(HUMANEVAL, "inc"))
    assert program.format == "humaneval" and program.entry_point == "inc"
    assert program.count == 5  # every top-level statement that asserts or calls the candidate
    assert program.proxied == ("poly",)
    results = run(program, {CANDIDATE: lambda x: x + 1, "poly": lambda c, x: 1})
    assert [s for s, _ in results] == ["ok"] * 5


def test_humaneval_partial_credit():
    program = build_program(HumanEvalTests(HUMANEVAL, "inc"))
    results = run(program, {CANDIDATE: lambda x: 2, "poly": lambda c, x: 1})
    assert [s for s, _ in results] == ["ok", "wrong_answer", "ok", "wrong_answer", "ok"]
    assert results[3][1] == "assertion failed: five"


def test_humaneval_without_top_level_asserts_is_one_test():
    source = "def _inner(c):\n    assert c(1) == 1\n\ndef check(candidate):\n    _inner(candidate)\n"
    program = build_program(HumanEvalTests(source, "f"))
    assert program.count == 1


def test_definitions_inside_check_are_never_tests():
    source = (
        "def check(candidate):\n"
        "    import math\n"
        "    def helper(x):\n"
        "        assert candidate(x) == x\n"
        "    helper(1)\n"
        "    helper(2)\n"
    )
    program = build_program(HumanEvalTests(source, "ident"))
    assert program.count == 2 and program.labels == ("helper(1)", "helper(2)")
    assert [s for s, _ in run(program, {CANDIDATE: lambda x: 0})] == ["wrong_answer", "wrong_answer"]
    assert [s for s, _ in run(program, {CANDIDATE: lambda x: x})] == ["ok", "ok"]


def test_a_failing_setup_statement_fails_the_tests_after_it():
    source = "def check(candidate):\n    assert candidate(1) == 1\n    data = unbound_data\n    assert candidate(2) == 2\n"
    program = build_program(HumanEvalTests(source, "ident"))
    results = run(program, {CANDIDATE: lambda x: x})  # the free name is left unbound here, so the setup line raises
    assert [s for s, _ in results] == ["ok", "wrong_answer"]
    assert "not run" in results[1][1]


def test_humaneval_check_call_in_the_source_is_dropped():
    source = "def check(candidate):\n    assert candidate() == 1\n\ncheck(f)\n"
    program = build_program(HumanEvalTests(source, "f"))
    assert program.count == 1 and "check(f)" not in program.source


@pytest.mark.parametrize(
    ("test", "blocked"),
    [
        ("assert f(x) is None", False),
        ("assert f(1) is not True", False),
        ("x = [1]\nassert f(x) is x", True),
        ("assert f(1).value == 2", True),
        ("assert f.__name__ == 'f'", True),
        ("assert f(1) == 2", False),
    ],
)
def test_proxy_blockers_come_from_the_test_code(test, blocked):
    program = build_program(AssertTests((test,)))
    assert (program.proxy_blocker is not None) is blocked


def test_unparseable_tests_are_bad_tests():
    with pytest.raises(TestsError, match="test 1 does not parse"):
        build_program(AssertTests(("assert f(1) == 1", "assert f(")))
    with pytest.raises(TestsError, match="no check"):
        build_program(HumanEvalTests("def test(c):\n    pass\n", "f"))
