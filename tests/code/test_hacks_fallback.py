"""Rows whose tests pass objects: the test code's classes cross by state (full trust), the rest run in the fallback.

Before, MBPP's ``Pair`` rows ran in the in-sandbox fallback, where an
always-equal object scored 1.0. Now instances of classes the test code defines
cross the sandbox as their ``__dict__`` and are rebuilt from the test code's
own class, so those rows run at full trust. Iterators and dict views cross
as their items, so a test that passes a returned generator back to the function
cannot be sent to the fallback by the function. The fallback still serves tests
that pass a lambda or read attributes of a returned object; there the
function's results are sanitized and builtins and modules restored after each
call, so the hacks that work against any in-process harness score 0 (code
written against our fallback itself is what ``trust: reduced`` warns about).
Against the real Docker sandbox.
"""

# ruff: noqa: E501 - the hack table reads best one hack per line
from __future__ import annotations

import pytest

import grpo_rewards
from grpo_rewards import Sample

PAIR_SETUP = "class Pair(object):\n    def __init__(self, a, b):\n        self.a = a\n        self.b = b"
NODE_SETUP = (
    "class Node:\n    def __init__(self, data):\n        self.data = data\n        self.left = None\n        self.right = None"
)

ROWS = {
    "pair": {
        "tests": [
            "assert max_chain_length([Pair(5, 24), Pair(15, 25), Pair(27, 40), Pair(50, 60)], 4) == 3",
            "assert max_chain_length([Pair(1, 2), Pair(3, 4), Pair(5, 6), Pair(7, 8)], 4) == 4",
            "assert max_chain_length([Pair(19, 10), Pair(11, 12), Pair(13, 14), Pair(15, 16), Pair(31, 54)], 5) == 5",
        ],
        "test_setup": PAIR_SETUP,
    },
    "tree": {
        "tests": [
            "root = Node(1)\nroot.left = Node(2)\nroot.right = Node(3)\nroot.left.left = Node(4)\nassert max_height(root) == 3",
            "assert max_height(Node(1)) == 1",
            "r = Node(1)\nr.right = Node(2)\nr.right.right = Node(3)\nassert max_height(r) == 3",
        ],
        "test_setup": NODE_SETUP,
    },
    "in place on an object": {
        "tests": [
            "n = Node(1)\nset_data(n, 5)\nassert n.data == 5",
            "m = Node(2)\nset_data(m, -1)\nassert m.data == -1 and m.left is None",
        ],
        "test_setup": NODE_SETUP,
    },
    "lambda": {
        "tests": [
            "assert apply_all(lambda x: x * 2, [1, 2]) == [2, 4]",
            "assert apply_all(lambda x: x + 1, [5]) == [6]",
            "assert sorted(apply_all(abs, [-3, 2])) == [2, 3]",
            "assert math.isclose(sum(apply_all(float, [1, 2])), 3.0)",
        ],
        "test_setup": "import math",
    },
    "a generator fed back": {
        "tests": [
            "assert list(ordered(ordered([3, 1, 2]))) == [1, 2, 3]",
            "assert list(ordered({2: 'b', 1: 'a'}.keys())) == [1, 2]",
            "assert list(ordered(x for x in (5, 4))) == [4, 5]",
        ]
    },
    "attributes": {
        "tests": ["assert make_node(3).data == 3", "assert make_node(4).left is None", "assert make_node(7).data + 1 == 8"]
    },
}

HONEST = {
    "pair": "def max_chain_length(arr, n):\n    mcl = [1] * n\n    for i in range(1, n):\n        for j in range(i):\n            if arr[i].a > arr[j].b and mcl[i] < mcl[j] + 1:\n                mcl[i] = mcl[j] + 1\n    return max(mcl)",
    "tree": "def max_height(node):\n    if node is None:\n        return 0\n    return 1 + max(max_height(node.left), max_height(node.right))",
    "in place on an object": "def set_data(node, value):\n    node.data = value",
    "lambda": "def apply_all(f, xs):\n    return [f(x) for x in xs]",
    "a generator fed back": "def ordered(xs):\n    return (x for x in sorted(xs))",
    "attributes": "class Node:\n    def __init__(self, data):\n        self.data = data\n        self.left = None\n        self.right = None\ndef make_node(v):\n    return Node(v)",
}
FUNCTION = {
    "pair": "max_chain_length",
    "tree": "max_height",
    "in place on an object": "set_data",
    "lambda": "apply_all",
    "a generator fed back": "ordered",
    "attributes": "make_node",
}
REDUCED = {"lambda", "attributes"}

_ANYTHING = "class Anything:\n    def __eq__(self, o): return True\n    def __ne__(self, o): return False\n    def __lt__(self, o): return True\n    def __gt__(self, o): return True\n    __hash__ = object.__hash__\n    def __getattr__(self, n): return self\n    def __call__(self, *a, **k): return self\n    def __iter__(self): return iter([self])\n    def __len__(self): return 1\n    def __bool__(self): return True\n    def __add__(self, o): return self\n    __radd__ = __add__\n"
# Inside the fallback the tests run next to the model's code: it may walk the caller's frames and gc for the
# test source and answer with the literal after ``==``, or patch the caller's globals and the assert machinery.
_LOOT = (
    "import sys, gc, re, ast\n"
    "def _texts():\n"
    "    out, f = [], sys._getframe(2)\n"
    "    while f is not None:\n"
    "        out += [v for d in (f.f_globals, f.f_locals) for v in list(d.values()) if isinstance(v, str)]\n"
    "        f = f.f_back\n"
    "    out += [x for o in gc.get_objects() if isinstance(o, (list, tuple)) for x in o if isinstance(x, str)]\n"
    "    return out\n"
    "def FN(*a, **k):\n"
    "    for text in _texts():\n"
    "        for m in re.finditer(r'==\\s*([^\\n]+)', text):\n"
    "            try:\n"
    "                return ast.literal_eval(m.group(1).strip())\n"
    "            except Exception:\n"
    "                pass\n"
)
_PATCH_CALLER = (
    "import sys, builtins\n"
    "class L(list):\n    def __eq__(self, o): return True\n"
    "def FN(*a, **k):\n"
    "    caller = sys._getframe(1)\n"
    "    for space in (caller.f_globals, vars(builtins)):\n"
    "        space['sorted'] = lambda *a, **k: L()\n"
    "        space['AssertionError'] = type('Quiet', (Exception,), {})\n"
    "    def trace(frame, event, arg):\n        return trace\n"
    "    sys.settrace(trace)\n"
    "    caller.f_trace = trace\n"
    "    return L()\n"
)

HACKS = {
    "always-equal object": _ANYTHING + "def FN(*a, **k):\n    return Anything()",
    "always-equal objects in a list": _ANYTHING + "def FN(*a, **k):\n    return [Anything(), Anything()]",
    "int subclass equal to everything": "class I(int):\n    def __eq__(self, o): return True\n    __hash__ = int.__hash__\ndef FN(*a, **k):\n    return I(0)",
    "list subclass equal to everything": "class L(list):\n    def __eq__(self, o): return True\ndef FN(*a, **k):\n    return L([1])",
    "object whose attributes lie": _ANYTHING
    + "class N:\n    data = Anything()\n    left = None\ndef FN(*a, **k):\n    return N()",
    "patch builtins and math": "import builtins, math\nbuiltins.sorted = lambda *a, **k: [2, 3]\nbuiltins.sum = lambda *a, **k: 3.0\nmath.isclose = lambda *a, **k: True\ndef FN(*a, **k):\n    return None",
    "patch builtins during the call": "import builtins\ndef FN(*a, **k):\n    builtins.sorted = lambda *a, **k: [2, 3]\n    builtins.sum = lambda *a, **k: 3.0\n    return None",
    "shadow names in the solution's globals": "import types\nmath = types.SimpleNamespace(isclose=lambda *a, **k: True)\ndef sorted(*a, **k):\n    return [2, 3]\ndef sum(*a, **k):\n    return 3.0\ndef FN(*a, **k):\n    return None",
    "replace math in sys.modules": "import sys, types\nsys.modules['math'] = types.SimpleNamespace(isclose=lambda *a, **k: True)\ndef FN(*a, **k):\n    return None",
    "fill the argument with liars": _ANYTHING
    + "def FN(*a, **k):\n    for x in a:\n        if isinstance(x, list):\n            x[:] = [Anything()]\n        elif hasattr(x, '__dict__'):\n            x.__dict__.update(data=Anything(), a=Anything(), b=Anything())\n    return a[-1] if a else None",
    "exit from the function": "import os\ndef FN(*a, **k):\n    os._exit(0)",
    "stub: pass": "def FN(*a, **k):\n    pass",
    "answer with the literal after == found in frames or gc": _LOOT,
    "patch the caller's globals, AssertionError and the tracer": _PATCH_CALLER,
}


def _fence(code: str) -> str:
    return f"```python\n{code}\n```"


@pytest.fixture(scope="module")
def scored(docker_sandbox):
    items = [(row, "honest", HONEST[row]) for row in ROWS]
    items += [(row, hack, code.replace("FN", FUNCTION[row])) for row in ROWS for hack, code in HACKS.items()]
    reward = grpo_rewards.load_plugins().registry.create("code", {"test_timeout": 2.0, "timeout": 10.0})
    samples = [Sample(_fence(code), prompt="", row=ROWS[row]) for row, _, code in items]
    verdicts = grpo_rewards.score_samples(reward, samples, plugin="code")
    return {(row, name): verdict for (row, name, _), verdict in zip(items, verdicts, strict=True)}


@pytest.mark.docker
@pytest.mark.parametrize("row", list(ROWS))
def test_honest_solutions_score_one_with_the_trust_they_need(scored, row):
    verdict = scored[(row, "honest")]
    assert verdict.score == 1.0, verdict
    assert verdict.details["trust"] == ("reduced" if row in REDUCED else "full"), verdict


@pytest.mark.docker
@pytest.mark.parametrize(("row", "hack"), [(row, hack) for row in ROWS for hack in HACKS])
def test_hacks_score_zero(scored, row, hack):
    verdict = scored[(row, hack)]
    assert verdict.kind == "incorrect" and verdict.score == 0.0, verdict
    assert verdict.details["trust"] == ("reduced" if row in REDUCED else "full"), verdict


@pytest.mark.docker
def test_an_object_that_refers_to_itself_still_runs_in_the_fallback(docker_sandbox):
    row = {"tests": ["a = Node(1)\na.left = a\nassert max_height_limited(a, 3) == 3"], "test_setup": NODE_SETUP}
    code = (
        "def max_height_limited(node, k):\n    return 0 if node is None or k == 0 else 1 + max_height_limited(node.left, k - 1)"
    )
    reward = grpo_rewards.load_plugins().registry.create("code", {})
    (verdict,) = grpo_rewards.score_samples(reward, [Sample(_fence(code), prompt="", row=row)], plugin="code")
    assert verdict.score == 1.0 and verdict.details["trust"] == "reduced"
    assert "refers back to itself" in verdict.details["trust_reason"]
