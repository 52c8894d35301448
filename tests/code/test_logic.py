"""The reward's own logic (scheduling, budgets, dedup, cache, fallback, infra) over a host-subprocess sandbox.

These programs are written by the tests, so running them on the host is safe;
the hack suite runs the model-side programs in the real Docker sandbox.
"""

from __future__ import annotations

from grpo_rewards_code.gateway import Call, DockerGateway, Run
from grpo_rewards_sandbox import MockBackend, SandboxUnavailable, WorkerLost

import grpo_rewards
from grpo_rewards import Sample

ADD_STDIO = {"tests": [{"input": f"{a} {b}\n", "output": f"{a + b}\n"} for a, b in [(1, 2), (3, 4), (5, 5), (0, 7)]]}
ADD_ASSERTS = {"tests": ["assert add(1, 2) == 3", "assert add(3, 4) == 7", "assert add(5, 5) == 10", "assert add(0, 7) == 7"]}


def fence(code: str) -> str:
    return f"Here is my solution.\n```python\n{code}\n```\n"


def score(rows_and_completions, **options):
    manager = grpo_rewards.load_plugins()
    reward = manager.registry.create("code", options)
    samples = [Sample(completion, prompt=str(i), row=row) for i, (row, completion) in enumerate(rows_and_completions)]
    return grpo_rewards.score_samples(reward, samples, plugin="code")


def test_identical_completions_run_once_and_are_cached(local_sandbox):
    right = fence("a, b = map(int, input().split())\nprint(a + b)")
    first = score([(ADD_STDIO, right)] * 8)
    assert [v.score for v in first] == [1.0] * 8
    assert len(local_sandbox.jobs) == 4  # one execution per case, not 8 x 4
    again = score([(ADD_STDIO, right)])
    assert again[0].score == 1.0 and again[0].details["cached"] is True
    assert len(local_sandbox.jobs) == 4


def test_cache_key_includes_the_tests(local_sandbox):
    right = fence("a, b = map(int, input().split())\nprint(a + b)")
    other = {"tests": [{"input": "1 1\n", "output": "3\n"}]}
    verdicts = score([(ADD_STDIO, right), (other, right)])
    assert [v.score for v in verdicts] == [1.0, 0.0]


def test_one_timeout_fails_only_its_test(local_sandbox):
    code = "import time\na, b = map(int, input().split())\nif a == 3:\n    time.sleep(30)\nprint(a + b)"
    (verdict,) = score([(ADD_STDIO, fence(code))], test_timeout=1.0)
    assert verdict.score == 0.75
    assert verdict.details["statuses"] == {"ok": 3, "timeout": 1}


def test_stops_after_k_timeouts_and_counts_the_rest_failed(local_sandbox):
    code = "import time\ntime.sleep(30)"
    (verdict,) = score([(ADD_STDIO, fence(code))], test_timeout=0.5, max_timeouts=1)
    assert verdict.score == 0.0
    assert verdict.details["statuses"] == {"timeout": 1, "skipped": 3}


def test_sample_budget_caps_slow_correct_code(local_sandbox):
    code = "import time\ntime.sleep(0.6)\na, b = map(int, input().split())\nprint(a + b)"
    (verdict,) = score([(ADD_STDIO, fence(code))], test_timeout=2.0, timeout=1.0)
    assert verdict.score < 1.0
    assert verdict.details["statuses"].get("skipped", 0) >= 2
    assert "budget" in str(verdict.details["failures"])


def test_assert_tests_through_the_proxy(local_sandbox):
    verdicts = score(
        [
            (ADD_ASSERTS, fence("def add(a, b):\n    return a + b")),
            (ADD_ASSERTS, fence("def add(a, b):\n    return a * b")),
            (ADD_ASSERTS, fence("def add(a, b):\n    return 7")),
            (ADD_ASSERTS, fence("def add(a, b):\n    return a + b if a < 4 else 0")),
        ]
    )
    # a constant passes two tests but earns nothing (see credit.py); a function that really computes earns 3/4
    assert [v.score for v in verdicts] == [1.0, 0.0, 0.0, 0.75]
    assert "does not depend on its input" in verdicts[2].reason
    assert all(j.function == "__grpo_call__" for j in local_sandbox.jobs if isinstance(j, Call))


def test_in_place_mutation_is_copied_back(local_sandbox):
    row = {"tests": ["xs = [3, 1, 2]\nsort_it(xs)\nassert xs == [1, 2, 3]", "d = {}\nfill(d)\nassert d == {'a': 1}"]}
    code = "def sort_it(xs):\n    xs.sort()\n\ndef fill(d):\n    d['a'] = 1"
    (verdict,) = score([(row, fence(code))])
    assert verdict.score == 1.0 and verdict.details["trust"] == "full"


def test_expected_exceptions_reach_the_test(local_sandbox):
    row = {"tests": ["try:\n    root(-1)\nexcept ValueError:\n    pass\nelse:\n    raise AssertionError('no error')"]}
    good = fence("def root(x):\n    if x < 0:\n        raise ValueError(x)\n    return x ** 0.5")
    bad = fence("def root(x):\n    return abs(x) ** 0.5")
    assert [v.score for v in score([(row, good), (row, bad)])] == [1.0, 0.0]


def test_tuples_stay_tuples(local_sandbox):
    row = {"test": "def check(candidate):\n    assert candidate(2) == (2, 3)\n", "entry_point": "pair"}
    verdicts = score([(row, fence("def pair(x):\n    return (x, x + 1)")), (row, fence("def pair(x):\n    return [x, x + 1]"))])
    assert [v.score for v in verdicts] == [1.0, 0.0]


def test_identity_tests_fall_back_with_reduced_trust(local_sandbox):
    row = {"tests": ["xs = [1]\nassert same(xs) is xs"]}
    (verdict,) = score([(row, fence("def same(xs):\n    return xs"))])
    assert verdict.score == 1.0
    assert verdict.details["trust"] == "reduced" and "identity" in verdict.details["trust_reason"]


def test_callable_argument_falls_back_at_run_time(local_sandbox):
    row = {"tests": ["assert apply(lambda x: x + 1, 1) == 2"]}
    (verdict,) = score([(row, fence("def apply(f, x):\n    return f(x)"))])
    assert verdict.score == 1.0 and verdict.details["trust"] == "reduced"


def test_without_fallback_such_rows_are_unverifiable(local_sandbox):
    row = {"tests": ["xs = [1]\nassert same(xs) is xs"]}
    (verdict,) = score([(row, fence("def same(xs):\n    return xs"))], fallback=False)
    assert verdict.kind == "unverifiable" and verdict.reason == "proxy_unsupported"


def test_no_code_no_tests_and_bad_tests(local_sandbox):
    rows = [(ADD_STDIO, "I think the answer is 3."), ({"prompt_only": 1}, fence("print(1)")), ({"tests": [5]}, fence("x"))]
    verdicts = score(rows)
    assert (verdicts[0].kind, verdicts[0].reason, verdicts[0].score) == ("incorrect", "no_code", 0.0)
    assert (verdicts[1].kind, verdicts[1].reason) == ("unverifiable", "no_tests")
    assert (verdicts[2].kind, verdicts[2].reason) == ("unverifiable", "bad_tests")
    assert local_sandbox.jobs == []


def test_binary_option(local_sandbox):
    (verdict,) = score([(ADD_ASSERTS, fence("def add(a, b):\n    return 7"))], binary=True)
    assert verdict.kind == "incorrect" and verdict.score == 0.0 and verdict.details["passed"] == 2


def test_infra_error_after_retry_is_unverifiable(monkeypatch):
    from grpo_rewards_code import batch
    from grpo_rewards_code.engines import Engines

    def broken(job, limits):
        raise WorkerLost("container vanished")

    engines = Engines(factory=lambda size, memory_mb: DockerGateway(size, memory_mb, sandbox_backend=MockBackend(broken)))
    monkeypatch.setattr(batch, "ENGINES", engines)
    try:
        verdicts = score([(ADD_STDIO, fence("print(3)")), (ADD_ASSERTS, fence("def add(a, b):\n    return a + b"))])
    finally:
        engines.close()
    assert [(v.kind, v.reason) for v in verdicts] == [("unverifiable", "infra_error")] * 2


def test_engine_down_is_sandbox_unavailable(monkeypatch):
    from grpo_rewards_code import batch
    from grpo_rewards_code.engines import Engines

    class Down(MockBackend):
        def check(self):
            raise SandboxUnavailable("Docker daemon is not running: start it with `dockerd`")

    down = Down(lambda job, limits: None)
    engines = Engines(factory=lambda size, memory_mb: DockerGateway(size, memory_mb, sandbox_backend=down))
    monkeypatch.setattr(batch, "ENGINES", engines)
    verdicts = score([(ADD_STDIO, fence("print(3)"))])
    assert verdicts[0].kind == "unverifiable" and verdicts[0].reason == "sandbox_unavailable"
    assert "dockerd" in verdicts[0].details["message"]


def test_stdio_runs_the_program_as_main(local_sandbox):
    code = "def main():\n    print(int(input()) * 2)\n\nif __name__ == '__main__':\n    main()"
    (verdict,) = score([({"tests": [{"input": "21\n", "output": "42\n"}]}, fence(code))])
    assert verdict.score == 1.0
    assert isinstance(local_sandbox.jobs[0], Run) and local_sandbox.jobs[0].stdin == "21\n"


def test_check_applies_code_only_to_rows_with_tests():
    manager = grpo_rewards.load_plugins()
    reward = manager.registry.create("code")
    assert reward.applies_to({"tests": []}) and reward.applies_to({"test": "...", "entry_point": "f"})
    assert not reward.applies_to({"answer": "4"}) and not reward.applies_to({"test": "..."})
    renamed = manager.registry.create("code", {"tests_column": "cases"})
    assert renamed.applies_to({"cases": []}) and not renamed.applies_to({"tests": []})


def test_a_result_that_makes_our_test_code_loop_fails_that_test(local_sandbox):
    row = {"tests": ["for _ in range(count(1)):\n    pass", "assert count(2) == 2"]}
    (verdict,) = score([(row, fence("def count(x):\n    return 10 ** 15 if x == 1 else x"))], test_timeout=1.0)
    assert verdict.score == 0.5
    assert verdict.details["failures"][0]["status"] == "timeout" and "CPU" in verdict.details["failures"][0]["message"]


def test_model_text_cannot_carry_terminal_escapes(local_sandbox):
    code = "import sys\nsys.stderr.write('\\x1b[2J\\x1b[32mOK all passed\\u202e')\nraise SystemExit(3)"
    (verdict,) = score([(ADD_STDIO, fence(code))])
    shown = verdict.reason + verdict.details["stderr"] + str(verdict.details["failures"])
    assert "\x1b" not in shown and "\u202e" not in shown
    assert "\\x1b[2J" in verdict.details["stderr"]


HUMANEVAL_ADD = {
    "test": "def check(candidate):\n    assert candidate(1, 2) == 3\n    assert candidate(0, 7) == 7\n",
    "entry_point": "add",
}
ADD_PROMPT = 'def add(a, b):\n    """Add two numbers."""\n'


def test_bare_code_and_humaneval_continuations_are_programs(local_sandbox):
    manager = grpo_rewards.load_plugins()
    reward = manager.registry.create("code")
    samples = [
        Sample("def add(a, b):\n    return a + b\n", prompt="Write add.", row=HUMANEVAL_ADD),
        Sample("    return a + b\n", prompt=ADD_PROMPT, row=HUMANEVAL_ADD),  # HumanEval's protocol: prompt + completion
        Sample("    return a - b\n", prompt=ADD_PROMPT, row=HUMANEVAL_ADD),
        Sample("It adds them.", prompt=ADD_PROMPT, row=HUMANEVAL_ADD),
        Sample("", prompt=ADD_PROMPT, row=HUMANEVAL_ADD),
        Sample("    return a + b\n", prompt="Write add.", row=ADD_ASSERTS),  # a continuation only for HumanEval rows
    ]
    verdicts = grpo_rewards.score_samples(reward, samples, plugin="code")
    assert [v.score for v in verdicts[:3]] == [1.0, 1.0, 0.0]
    assert [(v.kind, v.reason) for v in verdicts[3:]] == [("incorrect", "no_code")] * 3
