"""Fixtures for the real-Docker sandbox tests: one shared single-container sandbox and a clean-up probe."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from grpo_rewards_sandbox import Limits, Result, Sandbox, SandboxUnavailable, Status

LIMITS = Limits(timeout=3.0, memory_mb=128, max_output=256 * 1024, keep_output=16 * 1024)
HOST_CANARY = Path("/tmp/grpo-rewards-sandbox-host-canary")

# A program that reports what the previous job may have left behind.
PROBE = """
import json, os
def uids(pid):
    try:
        lines = open(f"/proc/{pid}/status").read().splitlines()
    except OSError:
        return []  # a process that just exited (a launcher)
    if any(line.startswith("State:") and line.split()[1] == "Z" for line in lines):
        return []  # a last cleaner that exited and is not reaped yet
    return [[int(x) for x in line.split()[1:3]] for line in lines if line.startswith("Uid:")]
print(json.dumps({
    "tmp": sorted(os.listdir("/tmp")),
    "job": sorted(os.listdir(".")),
    "shm": sorted(os.listdir("/dev/shm")),
    "procs": [ids for p in os.listdir("/proc") if p.isdigit() for ids in uids(p)],
    "uid": os.getuid(),
    "gids": os.getresgid(),
    "oom": open("/proc/self/oom_score_adj").read().strip(),
}))
"""


@pytest.fixture(scope="session")
def sandbox():
    """One warm container (plus a spare), shared by the whole session, as a pool of size 1."""
    box = Sandbox(limits=LIMITS)
    try:
        box.start()
    except SandboxUnavailable as exc:
        pytest.fail(f"the Docker tests need an engine and the image: {exc}")
    HOST_CANARY.write_text("untouched")
    yield box
    box.close()


@pytest.fixture
def unaffected(sandbox):
    """``unaffected(attack_result)`` asserts the sandbox and the host are as if the attack never ran."""
    return lambda attack: assert_next_job_unaffected(sandbox, attack)


def probe(box: Sandbox) -> dict:
    result = box.run(PROBE)
    assert result.status is Status.OK, result
    return json.loads(result.stdout)


def assert_next_job_unaffected(box: Sandbox, attack: Result) -> None:
    """The next job (in the same container unless the attack got it recycled) sees a pristine sandbox."""
    state = probe(box)
    assert (state["tmp"], state["job"], state["shm"]) == (["job"], ["main.py"], [])
    assert state["uid"] >= 1 << 20 and state["oom"] == "1000"  # an unprivileged uid of its own, first for the OOM killer
    # By real uid: the supervisor's (PID 1, the zygote, a process being forked), ours (this job and its
    # cleaner), and at most one prepared slot (a waiting job and its cleaner). Nothing of the attack is left.
    supervisor = min(real for real, _ in state["procs"])  # the base of the container's block
    others = {real for real, _ in state["procs"]} - {supervisor, state["uid"], state["uid"] + 1}
    assert len(others) <= 2 and (len(others) < 2 or max(others) - min(others) == 1), state["procs"]
    echo = box.run("import sys; print(sys.stdin.read()[::-1], end='')", stdin="abc")
    assert (echo.status, echo.stdout) == (Status.OK, b"cba")
    assert_host_untouched()


def assert_host_untouched() -> None:
    assert HOST_CANARY.read_text() == "untouched"
    assert not Path("/tmp/pwned-by-sandbox").exists()
    assert os.path.exists("/var/run/docker.sock") or os.environ.get("DOCKER_HOST")
