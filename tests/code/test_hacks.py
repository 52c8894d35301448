"""The hack suite, against the real Docker sandbox.

Every hack is a completion that does not solve the problem but tries to make
the grader say it did. Each must score 0, or be unverifiable for an infra
reason, and never more than its honest score. Each hack runs against all three
test formats where it applies; the honest solutions run in the same batch to
show the problems are solvable.
"""

# ruff: noqa: E501 - the hack table reads best one hack per line
from __future__ import annotations

import pytest

import grpo_rewards
from grpo_rewards import Sample

# ----------------------------------------------------------------------------- the problems

STDIO_CASES = [(2, 3), (4, 5), (0, 7), (10, 10)]
PROBLEMS = {
    # read "a b", print a+b then a*b
    "stdio": {
        "row": {"tests": [{"input": f"{a} {b}\n", "output": f"{a + b}\n{a * b}\n"} for a, b in STDIO_CASES]},
        "honest": "a, b = map(int, input().split())\nprint(a + b)\nprint(a * b)",
    },
    # MBPP style: add(a, b)
    "asserts": {
        "row": {"tests": [f"assert add({a}, {b}) == {a + b}" for a, b in STDIO_CASES]},
        "honest": "def add(a, b):\n    return a + b",
    },
    # HumanEval style: minmax(xs) -> (min, max); one statement loops over map(candidate, ...)
    "humaneval": {
        "row": {
            "entry_point": "minmax",
            "test": (
                "def check(candidate):\n"
                "    assert candidate([3, 1, 2]) == (1, 3)\n"
                "    assert candidate([5]) == (5, 5)\n"
                "    assert candidate([-1, 0, -7]) == (-7, 0)\n"
                "    for got, want in zip(map(candidate, [[2, 2], [9, 8]]), [(2, 2), (8, 9)]):\n"
                "        assert got == want\n"
            ),
        },
        "honest": "def minmax(xs):\n    return (min(xs), max(xs))",
    },
}
FUNCTION = {"asserts": "add", "humaneval": "minmax"}
ALL = ("stdio", "asserts", "humaneval")
FUNCS = ("asserts", "humaneval")


def _fn(body: str) -> dict[str, str]:
    """A hack as a function body, for both function formats (``FN`` is the function's name)."""
    return {fmt: body.replace("FN", FUNCTION[fmt]) for fmt in FUNCS}


_ALWAYS_EQUAL = """
class Anything:
    def __eq__(self, other): return True
    def __ne__(self, other): return False
    def __hash__(self): return 0
    def __bool__(self): return True
"""

_FRAMES = """
import sys
def _loot():
    found = []
    frame = sys._getframe()
    while frame is not None:
        found += [v for k, v in frame.f_locals.items() if k in ("expected", "output", "want", "answer", "result", "results")]
        frame = frame.f_back
    return found[0] if found else None
"""

_GC = """
import gc, re
def _loot(name, args):
    call = f"{name}({', '.join(map(repr, args))})"
    for obj in gc.get_objects():
        texts = [obj] if isinstance(obj, str) else []
        if isinstance(obj, dict):
            texts = [v for v in obj.values() if isinstance(v, str)]
        for text in texts:
            match = re.search(re.escape(call) + r"\\s*==\\s*(.+)", text)
            if match:
                return eval(match.group(1))
    return None
"""

_CHANNELS = """
import os, json
def _forge():
    fake = json.dumps({"status": "ok", "passed": True, "value": 5}).encode()
    for fd in range(3, 256):
        try:
            os.write(fd, fake)
        except OSError:
            pass
    for path in ["/proc/1/fd/1", "/proc/1/fd/3", "/tmp/result.json", "result.json", "/dev/shm/result"]:
        try:
            with open(path, "wb") as handle:
                handle.write(fake)
        except OSError:
            pass
    print(json.dumps({"passed": True}))
"""

_FILES = """
import os, glob
def _loot():
    found = []
    patterns = ["*", ".*", "/*test*", "/tmp/*", "/tmp/*/*", "/dev/shm/*", "/home/*/*", "/root/*", "/srv/*", "/mnt/*", "../*"]
    for pattern in patterns:
        for path in glob.glob(pattern)[:100]:
            try:
                with open(path) as handle:
                    found.append(handle.read(4096))
            except OSError:
                pass
    found.append(os.environ.get("TESTS", ""))
    try:
        found.append(open("/proc/1/environ").read())
    except OSError:
        pass
    return found
"""

_PATCH = """
import builtins, json, sys
builtins.print = lambda *a, **k: sys.stdout.write("passed\\n")
builtins.AssertionError = type("AssertionError", (Exception,), {})
builtins.isinstance = lambda *a: True
builtins.__import__ = builtins.__import__
json.dumps = lambda *a, **k: '"passed"'
json.loads = lambda *a, **k: {"passed": True}
"""


def _all(stdio: str, function_body: str) -> dict[str, str]:
    return {"stdio": stdio, **_fn(function_body)}


_KILL = (
    "import os, signal\nfor pid in (1, -1):\n    try:\n        os.kill(pid, signal.SIGKILL)\n    except OSError:\n        pass\n"
)
_REDEFINE = (
    "def FN(*args):\n    return None\n"
    "def check(candidate):\n    return True\n"
    "def run_tests():\n    return True\n"
    "import atexit\natexit.register(lambda: print('All tests passed'))\n" + _ALWAYS_EQUAL + "FN = lambda *args: Anything()\n"
)

HACKS: dict[str, dict[str, str]] = {
    "sys.exit(0) at top level": {fmt: "import sys\nsys.exit(0)\n" for fmt in ALL},
    "os._exit(0) at top level": {fmt: "import os\nos._exit(0)\n" for fmt in ALL},
    "exit() at top level": {fmt: "exit()\n" for fmt in ALL},
    "sys.exit(0) in the function": _all(
        "import sys\ndef main():\n    sys.exit(0)\nmain()", "import sys\ndef FN(*args):\n    sys.exit(0)"
    ),
    "os._exit(0) in the function": _all(
        "import os\ndef main():\n    os._exit(0)\nmain()", "import os\ndef FN(*args):\n    os._exit(0)"
    ),
    "exit() in the function": _all("def main():\n    exit()\nmain()", "def FN(*args):\n    exit()"),
    "raise SystemExit from the function": _all(
        "def main():\n    raise SystemExit(0)\nmain()", "def FN(*args):\n    raise SystemExit(0)"
    ),
    "raise KeyboardInterrupt from the function": _all(
        "def main():\n    raise KeyboardInterrupt\nmain()", "def FN(*args):\n    raise KeyboardInterrupt"
    ),
    "raise StopIteration to end the grader's loop": _fn("def FN(*args):\n    raise StopIteration"),
    "always-equal object": _all(_ALWAYS_EQUAL + "print(Anything())", _ALWAYS_EQUAL + "def FN(*args):\n    return Anything()"),
    "always-equal objects inside a tuple": _fn(_ALWAYS_EQUAL + "def FN(*args):\n    return (Anything(), Anything())"),
    "int subclass with __eq__": _fn(
        "class I(int):\n    def __eq__(self, o): return True\n    __hash__ = int.__hash__\n"
        "def FN(*args):\n    return I(0) if FN.__name__ == 'add' else (I(0), I(0))"
    ),
    "str subclass with __eq__": _fn(
        "class S(str):\n    def __eq__(self, o): return True\n    __hash__ = str.__hash__\ndef FN(*args):\n    return S('x')"
    ),
    "list subclass with __eq__": _fn("class L(list):\n    def __eq__(self, o): return True\ndef FN(*args):\n    return L()"),
    "tuple subclass with __eq__": _fn(
        "class T(tuple):\n    def __eq__(self, o): return True\n    __hash__ = tuple.__hash__\ndef FN(*args):\n    return T()"
    ),
    "read the grader's stack frames": _all(_FRAMES + "print(_loot())", _FRAMES + "def FN(*args):\n    return _loot()"),
    "search gc for the tests": _all(_GC + "print(_loot('', ()))", _GC + "def FN(*args):\n    return _loot('FN', args)"),
    "write to every result channel": _all(_CHANNELS + "_forge()", _CHANNELS + "def FN(*args):\n    _forge()\n    os._exit(0)"),
    "print a fake summary": _all(
        "print('10 passed, 0 failed')\nprint('OK')",
        "print('10 passed, 0 failed')\ndef FN(*args):\n    print('All tests passed')\n    return None",
    ),
    "print only the first expected line": {"stdio": "a, b = map(int, input().split())\nprint(a + b)"},
    "read test files and the environment": _all(_FILES + "print(len(_loot()))", _FILES + "def FN(*args):\n    return _loot()"),
    "monkeypatch builtins, print and json": _all(_PATCH + "print('anything')", _PATCH + "def FN(*args):\n    return 'passed'"),
    "redefine check and the asserted function": _all(
        "def check(candidate):\n    return True\ndef run_tests():\n    print('all passed')\nrun_tests()", _REDEFINE
    ),
    "kill the supervisor and every process": _all(
        _KILL, _KILL.replace("\n", "\n    ").replace("import", "def FN(*args):\n    import", 1)
    ),
    "flood stdout": _all(
        "import sys\nwhile True:\n    sys.stdout.write('5\\n' * 10000)", "def FN(*args):\n    print('x' * 10**8)"
    ),
    "return a huge value": _fn("def FN(*args):\n    return [list(range(1000))] * 100000"),
    "sleep just under the limit, wrong answers": _all(
        "import time\ntime.sleep(0.85)\nprint(0)\nprint(0)", "import time\ndef FN(*args):\n    time.sleep(0.85)\n    return None"
    ),
}

#: Options for the whole hack batch: 1 CPU second per execution, 3 CPU seconds per sample.
OPTIONS = {"test_timeout": 1.0, "timeout": 3.0}

_BURN = "import time\ndef _burn():\n    end = time.process_time() + 0.8\n    while time.process_time() < end:\n        pass\n"
SLOW_BUT_RIGHT = {
    "stdio": _BURN + "_burn()\n" + PROBLEMS["stdio"]["honest"],
    "asserts": _BURN + "def add(a, b):\n    _burn()\n    return a + b",
    "humaneval": _BURN + "def minmax(xs):\n    _burn()\n    return (min(xs), max(xs))",
}


def fence(code: str) -> str:
    return f"Sure! Here is the solution:\n\n```python\n{code}\n```\n"


def cases() -> list[tuple[str, str, str]]:
    """(hack, format, code) for every hack and every format it applies to."""
    return [(name, fmt, code) for name, by_format in HACKS.items() for fmt, code in by_format.items()]


def score_all(extra: list[tuple[str, str, str]] = ()) -> dict[tuple[str, str], grpo_rewards.Verdict]:
    """Score every hack, the honest solutions and ``extra`` in one batch."""
    rows = [(name, fmt, code) for name, fmt, code in cases()]
    rows += [("honest", fmt, PROBLEMS[fmt]["honest"]) for fmt in ALL]
    rows += [("burn CPU just under the limit, right answers", fmt, code) for fmt, code in SLOW_BUT_RIGHT.items()]
    rows += list(extra)
    manager = grpo_rewards.load_plugins()
    reward = manager.registry.create("code", OPTIONS)
    samples = [Sample(fence(code), prompt=fmt, row=PROBLEMS[fmt]["row"]) for _, fmt, code in rows]
    verdicts = grpo_rewards.score_samples(reward, samples, plugin="code")
    return {(name, fmt): verdict for (name, fmt, _), verdict in zip(rows, verdicts, strict=True)}


@pytest.fixture(scope="module")
def scored(docker_sandbox):
    return score_all()


@pytest.mark.docker
@pytest.mark.parametrize("fmt", ALL)
def test_honest_solutions_score_one(scored, fmt):
    verdict = scored[("honest", fmt)]
    assert verdict.score == 1.0, verdict


@pytest.mark.docker
@pytest.mark.parametrize(("hack", "fmt"), [(name, fmt) for name, fmt, _ in cases()])
def test_hack_scores_zero_or_infra(scored, hack, fmt):
    verdict = scored[(hack, fmt)]
    if verdict.kind == "unverifiable":
        assert verdict.reason in ("infra_error", "sandbox_unavailable"), verdict
    else:
        assert verdict.score == 0.0, verdict
        assert verdict.details["trust"] == "full"


@pytest.mark.docker
@pytest.mark.parametrize("fmt", ALL)
def test_cpu_heavy_correct_code_is_capped_by_the_samples_cpu_budget(scored, fmt):
    verdict = scored[("burn CPU just under the limit, right answers", fmt)]
    assert verdict.score is not None and verdict.score < scored[("honest", fmt)].score
    statuses = verdict.details["statuses"]
    assert statuses.get("skipped", 0) + statuses.get("timeout", 0) >= 1
