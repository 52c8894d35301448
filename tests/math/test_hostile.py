"""Hostile inputs end with a verdict (decided by a guard, or unverifiable(timeout) at the deadline); the batch completes.

Run with ``-s`` to see each sample's measured time next to its deadline.
"""

from __future__ import annotations

import time

import pytest

from grpo_rewards import WorkerPool

from .conftest import score

LONG_REASONING = "We expand the product term by term and collect like terms carefully. " * 720  # ~50k characters

# (name, gold, completion, expected kind, expected reason)
GUARDED = [
    ("power tower", "9", r"\boxed{9^{9^{9^{9}}}}", "incorrect", "answer_too_big"),
    ("power tower equal to itself", r"9^{9^{9^{9}}}", r"\boxed{9^{9^{9^{9}}}}", "correct", ""),
    ("factorial of a power tower", "5", r"\boxed{(9^{9^{9}})!}", "incorrect", "answer_too_big"),
    ("huge factorial", "5", r"\boxed{1000000000!}", "incorrect", "answer_too_big"),
    ("factorial of a power", "5", r"\boxed{(10^9)!}", "incorrect", "answer_too_big"),
    ("factorial of 2^30", "5", r"The answer is $(2^{30})!$.", "incorrect", "answer_too_big"),
    ("huge binomial", "5", r"\boxed{\binom{10^9}{5 \cdot 10^8}}", "incorrect", "answer_too_big"),
    ("huge gamma", "5", r"\boxed{\Gamma(10^9)}", "incorrect", "answer_too_big"),
    ("huge product", "5", r"\boxed{\prod_{k=1}^{10^9} k}", "incorrect", "answer_too_big"),
    ("a sum of huge terms", "5", r"\boxed{\sum_{k=1}^{10000} k^{10000}}", "incorrect", "answer_too_big"),
    ("iterated factorial", "5", r"\boxed{3" + "!" * 2000 + "}", "incorrect", "answer_too_long"),
    ("iterated factorial, short", "5", r"\boxed{3!!!!!!}", "incorrect", "answer_too_big"),
    ("tiny power", "2", r"\boxed{10^{-10^{10}}}", "incorrect", "answer_too_big"),
    ("tower of 400 unbraced powers", "2", r"\boxed{" + "2^" * 400 + "2}", "incorrect", "answer_too_big"),
    ("50k-character reasoning", "5", LONG_REASONING + r"So \boxed{5}.", "correct", ""),
    ("50k-character boxed answer", "5", r"\boxed{" + "1+" * 25_000 + "5}", "incorrect", "answer_too_long"),
    ("deep nesting", "5", r"\boxed{" + "{" * 200 + "5" + "}" * 200 + "}", "incorrect", "answer_too_deep"),
    ("50k unclosed boxes", "5", r"\boxed{" * 7_000, "incorrect", "no_answer"),
    ("100k unclosed \\(", "5", "\\(" * 50_000 + " so the answer is 4", "incorrect", "wrong_answer"),
    ("100k unclosed \\[", "5", "\\[" * 50_000, "incorrect", "answer_too_long"),
    ("100k dollar signs", "5", "$" * 100_000, "incorrect", "answer_too_long"),
    ("20,000 distinct boxes", "5", " ".join(f"\\boxed{{{i}}}" for i in range(20_000)), "incorrect", "too_many_answers"),
    ("50k answer phrases", "5", "the answer is 4 " * 3_000 + "the answer is 5", "correct", ""),
    ("50k of digits", "5", "7" * 50_000, "incorrect", "answer_too_long"),
    ("injected code", "0", r"\boxed{__import__('os').system('echo pwned') or 0}", "incorrect", "not_math"),
    ("7,000 nested boxes", "5", r"\boxed{" * 7_000 + "5" + "}" * 7_000, "incorrect", "answer_too_long"),
    ("100k dots in a box", "5", r"\boxed{" + "." * 100_000 + "x}", "incorrect", "answer_too_long"),
    ("30,000 inline maths", "5", "$x$ " * 30_000, "incorrect", "wrong_answer"),
    ("20,000 corrections", "5", "Wait, " * 20_000 + "the answer is 5.", "correct", ""),
    ("30,000 conditionals", "5", "if " * 30_000 + "the answer would be 5", "correct", ""),
    ("a 100k-character hedge", "5", "The answer is " + "1 or " * 20_000, "incorrect", "unparseable_answer"),
    ("20,000 unclosed answer tags", "5", "<answer>" * 20_000, "incorrect", "no_answer"),
    ("an integral left to the grader", "1", r"\boxed{\int_{0}^{\pi} \sin^{30}(x) dx}", "incorrect", "unevaluated_answer"),
    ("a limit left to the grader", "1", r"\boxed{\lim_{n \to \infty} (1 + 1/n)^{n^2}}", "incorrect", "unevaluated_answer"),
    (
        "a 6x6 symbolic determinant",
        "5",
        r"\boxed{\begin{vmatrix} a & b & c & d & e & f \\ b & c & d & e & f & a \\"
        r" c & d & e & f & a & b \\ d & e & f & a & b & c \\ e & f & a & b & c & d \\ f & a & b & c & d & e \end{vmatrix}}",
        "incorrect",
        "unevaluated_answer",
    ),
    ("a matrix power", "5", r"\boxed{\begin{pmatrix} a & b \\ c & d \end{pmatrix}^{60}}", "incorrect", "unevaluated_answer"),
    ("injected code in prose", "0", "The answer is __import__('os').system('echo pwned') or 0", "incorrect", "no_answer"),
    ("50,000 newlines between two words", "5", "a" + "\n" * 50_000 + "b", "incorrect", "wrong_answer"),
    ("3,300 block headers before the answer", "5", "Question: why?\n" * 3_300 + "The answer is 5.", "correct", ""),
    (
        "1,500 new problems after the answer",
        "5",
        "The answer is 5.\n" + "Question: more?\nThe answer is 4.\n" * 1_500,
        "correct",
        "",
    ),
    ("a header padded with 50k spaces", "5", "The answer is 5.\n**" + " " * 50_000 + "Question:\nThe answer is 4", "correct", ""),
    (
        "1,500 end tokens of the model's own turns",
        "5",
        "<|im_end|><|im_start|>assistant\n" * 1_500 + "The answer is 5.",
        "correct",
        "",
    ),
    ("50k spaces after an end token", "5", "The answer is 5.<|im_end|>" + " " * 50_000 + "<|im_start|>user", "correct", ""),
]


@pytest.mark.slow
def test_hostile_inputs_are_decided_by_guards(math_pool: WorkerPool) -> None:
    started = time.perf_counter()
    verdicts = score(math_pool, [(gold, completion) for _, gold, completion, _, _ in GUARDED], timeout=5.0)
    wall = time.perf_counter() - started
    print(f"\nhostile batch of {len(GUARDED)} with a 5 s deadline finished in {wall:.2f} s")
    for (name, _, _, kind, reason), verdict in zip(GUARDED, verdicts, strict=True):
        print(f"  {name:32s} {verdict.kind:12s} {verdict.reason:16s} {verdict.seconds:7.3f} s (deadline 5 s)")
        assert (verdict.kind, verdict.reason) == (kind, reason), (name, verdict)


@pytest.mark.slow
def test_work_past_the_deadline_becomes_unverifiable_timeout_and_the_batch_completes(math_pool: WorkerPool) -> None:
    # A gold that is itself an integral makes comparing two integrals honest work; SymPy integrates these for minutes.
    gold = r"\int_{0}^{\pi} \sin^{31}(x) \cos^{7}(3x) dx"
    slow = r"\boxed{\int_{0}^{\pi} \sin^{30}(x) \cos^{7}(3x) dx}"
    rows = [(gold, slow), ("5", r"\boxed{5}"), (gold, slow), ("7", r"\boxed{6}")]
    started = time.perf_counter()
    verdicts = score(math_pool, rows, timeout=1.0)
    wall = time.perf_counter() - started
    print(
        f"\nslow SymPy work with a 1 s deadline: batch of {len(rows)} finished in {wall:.2f} s;"
        f" samples took {[round(v.seconds, 3) for v in verdicts]} s"
    )
    assert [(v.kind, v.reason) for v in verdicts] == [
        ("unverifiable", "timeout"),
        ("correct", ""),
        ("unverifiable", "timeout"),
        ("incorrect", "wrong_answer"),
    ]
    assert verdicts[0].details["plugin"] == "math"


def test_the_plugin_never_sets_an_alarm() -> None:
    import pathlib

    import grpo_rewards_math

    source = "\n".join(p.read_text() for p in pathlib.Path(grpo_rewards_math.__file__).parent.glob("*.py"))
    assert "signal" not in source.replace("signal.alarm``", "")  # only the docstring that explains why
