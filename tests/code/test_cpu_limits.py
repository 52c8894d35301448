"""CPU-time limits with a generous wall cap, and every test run after a timeout. Real Docker.

No test here depends on how busy the machine is: sleeping uses no CPU, and
the CPU burners run far past their limit.
"""

from __future__ import annotations

import pytest

import grpo_rewards
from grpo_rewards import Sample

STDIO = {"tests": [{"input": f"{n}\n", "output": f"{2 * n}\n"} for n in (0, 1, 2, 3)]}
ASSERTS = {"tests": [f"assert double({n}) == {2 * n}" for n in (0, 1, 2, 3)]}
_SPIN = (
    "import time\ndef spin(seconds):\n    end = time.process_time() + seconds\n"
    "    while time.process_time() < end:\n        pass\n"
)
_SPIN_ON_0 = _SPIN + "n = int(input())\nif n == 0:\n    spin(30)\nprint(2 * n)"


def fence(code: str) -> str:
    return f"```python\n{code}\n```"


CASES = {
    # name: (row, code, options)
    "sleeps 1.5 s per case, right": (STDIO, "import time\ntime.sleep(1.5)\nprint(2 * int(input()))", {"wall_timeout": 8.0}),
    "sleeps past the wall cap": (STDIO, "import time\ntime.sleep(60)", {}),
    "spins past the CPU limit": (STDIO, _SPIN + "spin(30)", {}),
    "spins on case 0 only": (STDIO, _SPIN_ON_0, {}),
    "spins on case 0, max_timeouts=1": (STDIO, _SPIN_ON_0, {"max_timeouts": 1}),
    "asserts: spins on the first call only": (
        ASSERTS,
        _SPIN + "def double(n):\n    if n == 0:\n        spin(30)\n    return 2 * n",
        {},
    ),
}


@pytest.fixture(scope="module")
def scored(docker_sandbox):
    manager = grpo_rewards.load_plugins()
    out = {}
    for name, (row, code, options) in CASES.items():
        reward = manager.registry.create("code", {"test_timeout": 1.0, "timeout": 10.0, **options})
        (out[name],) = grpo_rewards.score_samples(reward, [Sample(fence(code), prompt=name, row=row)], plugin="code")
    return out


@pytest.mark.docker
def test_sleeping_costs_no_cpu_and_passes_under_the_wall_cap(scored):
    verdict = scored["sleeps 1.5 s per case, right"]  # 1.5 s wall per case: over the 1 s CPU limit, under the wall cap
    assert verdict.score == 1.0, verdict


@pytest.mark.docker
def test_the_wall_cap_still_stops_a_sleeper(scored):
    verdict = scored["sleeps past the wall cap"]
    assert verdict.score == 0.0 and verdict.details["statuses"].get("timeout", 0) >= 1
    assert "wall-clock" in verdict.details["failures"][0]["message"]


@pytest.mark.docker
def test_spinning_past_the_cpu_limit_is_a_timeout(scored):
    verdict = scored["spins past the CPU limit"]
    assert verdict.score == 0.0 and verdict.details["statuses"] == {"timeout": 4}
    # the CPU limit, or on a very busy host the wall cap, whichever comes first
    assert any(word in verdict.details["failures"][0]["message"] for word in ("CPU", "wall-clock"))


@pytest.mark.docker
def test_every_case_runs_after_a_timeout_by_default(scored):
    assert scored["spins on case 0 only"].details["statuses"] == {"timeout": 1, "ok": 3}
    assert scored["asserts: spins on the first call only"].details["statuses"] == {"timeout": 1, "ok": 3}


@pytest.mark.docker
def test_max_timeouts_stops_the_rest(scored):
    assert scored["spins on case 0, max_timeouts=1"].details["statuses"] == {"timeout": 1, "skipped": 3}


@pytest.mark.docker
def test_samples_whose_calls_sleep_to_the_cap_do_not_starve_a_sample_of_many_quick_calls(docker_sandbox):
    # Each sleeper call holds a sandbox slot for its whole wall cap; the dispatcher serves the least-served sample first.
    many = {"tests": [f"assert double({n}) == {2 * n}" for n in range(40)]}
    sleeper = fence("import time\ndef double(n):\n    time.sleep(60)\n    return 2 * n")
    quick = fence("def double(n):\n    return 2 * n")
    reward = grpo_rewards.load_plugins().registry.create("code", {"test_timeout": 1.0, "timeout": 4.0})
    samples = [Sample(sleeper + f"\n# {i}", prompt=f"sleeper {i}", row=many) for i in range(4)]
    samples.append(Sample(quick, prompt="quick", row=many))
    *sleepers, fast = grpo_rewards.score_samples(reward, samples, plugin="code")
    assert fast.score == 1.0, fast
    for verdict in sleepers:
        assert verdict.score == 0.0 and verdict.details["statuses"].get("timeout", 0) >= 1, verdict
