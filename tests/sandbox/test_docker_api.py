"""The public API over real Docker: run, call, batches, async, retries, sweeping, and clear errors."""

from __future__ import annotations

import asyncio
import math
import os
import signal
import socket
import subprocess
import time
from pathlib import Path

import pytest
from engine_proxy import EngineProxy, engine_socket
from grpo_rewards_sandbox import CallJob, Limits, RunJob, SandboxPool, SandboxUnavailable, Status
from grpo_rewards_sandbox.docker_backend import LABEL, OWNER_LABEL, DockerBackend, _owner_id
from grpo_rewards_sandbox.image_build import default_image

pytestmark = pytest.mark.docker
ENSURE_DOCKER = Path(__file__).resolve().parents[2] / "sandbox" / "scripts" / "ensure-docker.sh"


def test_run_reads_stdin_and_reports_times(sandbox):
    result = sandbox.run("import sys\nprint(sum(map(int, sys.stdin.read().split())))", stdin="1 2 3\n")
    assert (result.status, result.stdout, result.exit_code, result.signal) == (Status.OK, b"6\n", 0, None)
    assert result.wall_time > 0 and result.cpu_time > 0 and result.peak_memory > 1024 * 1024


def test_exit_code_zero_is_just_data(sandbox):
    result = sandbox.run("import sys; print('10 passed'); sys.exit(0)")
    assert result.status is Status.OK and result.stdout == b"10 passed\n"
    failing = sandbox.run("raise ValueError('no')")
    assert (failing.status, failing.exit_code, failing.exception) == (Status.RUNTIME_ERROR, 1, "ValueError")
    assert b"ValueError: no" in failing.stderr and b"runner.py" not in failing.stderr


def test_call_returns_exact_builtins(sandbox):
    program = "def f(a, b, *, c):\n    return (a, b, c, {1, 2}, {'k': [1.5, None, b'x']}, float('nan'))"
    result = sandbox.call(program, "f", (1, (2, 3)), {"c": frozenset({4})})
    assert result.status is Status.OK and result.returned
    a, b, c, s, d, nan = result.value
    assert (a, b, c, s, d) == (1, (2, 3), frozenset({4}), {1, 2}, {"k": [1.5, None, b"x"]})
    assert type(b) is tuple and math.isnan(nan)


def test_call_skips_main_block_and_has_empty_stdin(sandbox):
    program = "def f():\n    return 'called'\nif __name__ == '__main__':\n    print(input())\n"
    result = sandbox.call(program, "f")
    assert (result.status, result.value, result.stdout) == (Status.OK, "called", b"")


@pytest.mark.parametrize(
    "program, reason",
    [
        ("class Eq:\n    def __eq__(self, o): return True\ndef f(): return Eq()", "return value rejected"),
        ("class I(int):\n    def __eq__(self, o): return True\ndef f(): return I(3)", "return value rejected"),
        ("class L(list): pass\ndef f(): return [L()]", "return value rejected"),
        ("def f(): return f", "return value rejected"),
        ("import sys\ndef f(): sys.exit(0)", "without returning"),
        ("import os\ndef f(): os._exit(0)", "without returning"),
        ("def f(): raise KeyboardInterrupt", "KeyboardInterrupt"),
        ("import sys\nsys.exit(0)\ndef f(): return 1", "without returning"),
        ("def g(): return 1", "NameError"),
    ],
    ids=[
        "always-equal",
        "int-subclass",
        "list-subclass",
        "function",
        "sys-exit",
        "os-exit",
        "keyboard-interrupt",
        "exit-at-top",
        "missing-function",
    ],
)
def test_call_never_returns_a_fake(sandbox, program, reason):
    result = sandbox.call(program, "f")
    assert result.status is Status.RUNTIME_ERROR and not result.returned and result.value is None
    assert reason in result.reason or reason in (result.exception or "")


def test_forged_report_frame_cannot_return_a_non_builtin(sandbox):
    program = """
import os
def f():
    bad = b"\\x01Q"  # an unknown tag: the host's strict decoder refuses it
    os.write(3, (len(bad) + 1).to_bytes(4, "big") + b"R" + bad)
    os._exit(0)
"""
    result = sandbox.call(program, "f")
    assert result.status is Status.RUNTIME_ERROR and "rejected" in result.reason


def test_map_spreads_a_batch_over_every_container():
    with SandboxPool(2, limits=Limits(timeout=5.0), spares=0) as pool:
        jobs = [RunJob("import time; time.sleep(0.2); print(1)")] * 6 + [CallJob("def f(x): return x", "f", (7,))]
        results = pool.map(jobs)
        assert [r.status for r in results] == [Status.OK] * 7 and results[-1].value == 7
        assert len({r.extra["worker"] for r in results}) == 2

        async def many():
            return await asyncio.gather(*(pool.arun(f"print({i})") for i in range(8)), pool.acall("def f(): return 1", "f"))

        outs = asyncio.run(many())
        assert [o.stdout for o in outs[:8]] == [f"{i}\n".encode() for i in range(8)] and outs[8].value == 1


def test_spawn_launcher_runs_the_same_jobs():
    backend = DockerBackend(limits=Limits(timeout=5.0), launcher="spawn")
    with SandboxPool(1, backend=backend, limits=Limits(timeout=5.0), spares=0) as pool:
        run = pool.run("import sys; print(sys.flags.isolated, input())", stdin="x")
        call = pool.call("def f(a): return (a, a)", "f", (2,))
        boom = pool.run("while True: pass", limits=Limits(timeout=1.0))
    assert (run.status, run.stdout) == (Status.OK, b"1 x\n")
    assert (call.status, call.value) == (Status.OK, (2, 2))
    assert boom.status is Status.TIMEOUT


def test_container_killed_under_a_job_is_retried_on_a_fresh_one():
    with SandboxPool(1, limits=Limits(timeout=5.0)) as pool:
        victim = pool.run("pass").extra["worker"]
        killer = subprocess.Popen(["sh", "-c", f"sleep 1; docker rm -f {victim}"], stdout=subprocess.DEVNULL)
        result = pool.run("import time; time.sleep(3); print('second try')")
        killer.wait()
        assert (result.status, result.attempts, result.stdout) == (Status.OK, 2, b"second try\n")
        assert result.extra["worker"] != victim and pool.stats().infra_retries == 1


def test_timeouts_recycle_the_container_off_the_critical_path():
    with SandboxPool(1, limits=Limits(timeout=1.0)) as pool:
        first = pool.run("while True: pass")
        after = pool.run("print('fresh')")
        assert first.status is Status.TIMEOUT and after.stdout == b"fresh\n"
        assert after.extra["worker"] != first.extra["worker"]
        assert after.wall_time < 1.0  # the spare was already warm


def test_sweep_removes_only_containers_of_dead_owners():
    backend = DockerBackend()
    dead = subprocess.Popen(["true"])
    dead.wait()  # a pid that no longer runs
    owners = (f"{socket.gethostname()}:{dead.pid}:0", _owner_id(os.getppid()), "another-host:1:1")
    made = []
    try:
        for owner in owners:
            made.append(_labelled_container(owner))
        removed = backend.sweep()
        left = set(_ours())
        assert removed >= 1 and made[0] not in left and made[1] in left and made[2] in left
    finally:
        for name in made:
            subprocess.run(["docker", "rm", "-f", name], capture_output=True)


def _labelled_container(owner: str) -> str:
    name = f"{LABEL}-sweep-test-{abs(hash(owner)) % 10**8}"
    subprocess.run(
        [
            "docker",
            "create",
            "--name",
            name,
            "--label",
            f"{LABEL}=1",
            "--label",
            f"{OWNER_LABEL}={owner}",
            "--network",
            "none",
            default_image(),
        ],
        check=True,
        capture_output=True,
    )
    return name


def _ours() -> list[str]:
    out = subprocess.run(
        ["docker", "ps", "-a", "--filter", f"label={LABEL}", "--format", "{{.Names}}"], capture_output=True, text=True
    )
    return out.stdout.split()


def test_no_engine_gives_a_message_that_says_what_to_do(monkeypatch):
    monkeypatch.setenv("DOCKER_HOST", "unix:///nonexistent/docker.sock")
    with pytest.raises(SandboxUnavailable, match="no Docker engine answers.*ensure-docker.sh"):
        SandboxPool(1).start()


def test_missing_image_gives_a_message_that_says_what_to_do():
    with pytest.raises(SandboxUnavailable, match="not built.*grpo-rewards-sandbox build"):
        SandboxPool(1, image="grpo-rewards-sandbox:no-such-sources").start()


def test_engine_gone_mid_run_raises_sandbox_unavailable(tmp_path, monkeypatch):
    proxy = EngineProxy(tmp_path / "docker.sock", engine_socket())
    proxy.start()
    monkeypatch.setenv("DOCKER_HOST", f"unix://{proxy.path}")
    with SandboxPool(1, limits=Limits(timeout=5.0)) as pool:
        assert pool.run("print('engine up')").stdout == b"engine up\n"
        proxy.stop()
        with pytest.raises(SandboxUnavailable, match="no Docker engine answers"):
            pool.run("print('engine gone')")


@pytest.mark.skipif(
    os.environ.get("GRPO_REWARDS_TEST_STOP_DOCKER") != "1",
    reason="stops the shared Docker daemon: set GRPO_REWARDS_TEST_STOP_DOCKER=1 where this run owns it (.ci/run does)",
)
@pytest.mark.skipif(not os.path.exists("/var/run/docker.pid"), reason="no local dockerd to stop")
def test_daemon_stopped_mid_run_raises_sandbox_unavailable():
    """Stops dockerd (this test restarts it in its finally block, with ensure-docker.sh)."""
    pid = int(open("/var/run/docker.pid").read())
    try:
        with SandboxPool(1, limits=Limits(timeout=5.0)) as pool:
            assert pool.run("pass").ok
            os.kill(pid, signal.SIGTERM)
            _wait_gone(pid)
            with pytest.raises(SandboxUnavailable, match="no Docker engine answers"):
                pool.run("print('engine gone')")
    finally:
        subprocess.run(["bash", str(ENSURE_DOCKER)], check=True)


def _wait_gone(pid: int) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return
        time.sleep(0.2)
    raise AssertionError("dockerd did not stop")
