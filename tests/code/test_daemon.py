"""With the Docker daemon stopped, every row is unverifiable(sandbox_unavailable) and ``check`` fails. Never 0.0.

Three ways to stop it, all against real Docker:

* a stopped daemon as the client sees it: ``DOCKER_HOST`` names a socket that
  nothing listens on (a fresh ``check`` process, end to end);
* a daemon that goes away mid-run: the reward's pool talks to the engine
  through a forwarder this test owns, and the test stops the forwarder
  between two batches, then brings it back and the reward recovers;
* the shared daemon itself, stopped and restarted in a ``finally`` block.
  Other engineers use that daemon, so this one runs only when
  ``GRPO_REWARDS_TEST_STOP_DOCKER=1`` says this test run owns the engine (CI).
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from engine_proxy import EngineProxy, engine_socket

import grpo_rewards
from grpo_rewards import Sample

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples" / "code.jsonl"
STDIO = {"tests": [{"input": "2 3\n", "output": "5\n"}, {"input": "1 1\n", "output": "2\n"}]}
RIGHT = "```python\na, b = map(int, input().split())\nprint(a + b)\n```"


def rows_with_code(tmp_path: Path) -> Path:
    """The bundled examples that contain code (a completion without code is judged no_code with no sandbox)."""
    lines = [line for line in EXAMPLES.read_text().splitlines() if "```" in line]
    path = tmp_path / "rows.jsonl"
    path.write_text("\n".join(lines) + "\n")
    return path


def run_check(path: Path, out: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    command = [
        sys.executable,
        "-c",
        "from grpo_rewards.cli import main; main()",
        "check",
        str(path),
        "--reward",
        "code",
        "--output",
        str(out),
        "--format",
        "json",
    ]
    return subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)


def assert_all_unavailable(out: Path) -> int:
    records = [json.loads(line) for line in out.read_text().splitlines()]
    for record in records:
        verdict = record["rewards"]["code"]
        assert (verdict["verdict"], verdict["reason"], verdict["score"]) == ("unverifiable", "sandbox_unavailable", None), record
        assert "Docker" in verdict["details"]["message"]
    return len(records)


@pytest.mark.docker
def test_check_with_no_daemon_answering(tmp_path):
    env = {**os.environ, "DOCKER_HOST": f"unix://{tmp_path}/stopped-docker.sock"}
    done = run_check(rows_with_code(tmp_path), tmp_path / "out.jsonl", env)
    assert done.returncode == 1, done.stderr
    assert assert_all_unavailable(tmp_path / "out.jsonl") >= 10
    summary = json.loads(done.stdout)
    assert summary["failed"] is True and summary["rewards"]["code"]["mean"] is None


# ----------------------------------------------------------------------------- mid-run


def _score(rows: list[tuple[dict, str]], engines) -> list[grpo_rewards.Verdict]:
    from grpo_rewards_code.batch import score_samples
    from grpo_rewards_code.options import CodeOptions

    samples = [Sample(completion, prompt=str(i), row=row) for i, (row, completion) in enumerate(rows)]
    return score_samples(samples, CodeOptions(cache_size=0), 20.0, engines)


@pytest.mark.docker
def test_daemon_gone_mid_run_then_back(tmp_path, monkeypatch, docker_sandbox):
    from grpo_rewards_code.engines import Engines

    target = engine_socket()
    forwarder = EngineProxy(tmp_path / "docker.sock", target)
    forwarder.start()
    monkeypatch.setenv("DOCKER_HOST", f"unix://{forwarder.path}")
    engines = Engines()
    asserts = {"tests": ["assert add(1, 2) == 3"]}
    rows = [(STDIO, RIGHT), (asserts, "```python\ndef add(a, b):\n    return a + b\n```")]
    try:
        assert [v.score for v in _score(rows, engines)] == [1.0, 1.0]
        forwarder.stop()
        down = _score(rows, engines)
        assert [(v.kind, v.reason) for v in down] == [("unverifiable", "sandbox_unavailable")] * 2, down
        assert all("Docker" in v.details["message"] for v in down)
    finally:
        forwarder.start()
        time.sleep(0.2)
    try:
        assert [v.score for v in _score(rows, engines)] == [1.0, 1.0]  # a fresh pool, once the engine answers again
    finally:
        engines.close()
        forwarder.stop()
        _remove_our_containers(target)


def _remove_our_containers(target: str) -> None:
    """Containers this test process started and could not remove while the engine was away."""
    import docker
    from grpo_rewards_sandbox.docker_backend import LABEL, OWNER_LABEL

    client = docker.DockerClient(base_url=f"unix://{target}")
    for container in client.containers.list(all=True, filters={"label": LABEL}):
        owner = container.labels.get(OWNER_LABEL, "")
        if owner.split(":")[:2] == [socket.gethostname(), str(os.getpid())]:
            container.remove(force=True)


# ----------------------------------------------------------------------------- the shared daemon itself


def _dockerd_pid() -> int:
    found = subprocess.run(["pgrep", "-x", "dockerd"], capture_output=True, text=True).stdout.split()
    assert len(found) == 1, f"expected one dockerd, found {found}"
    return int(found[0])


@pytest.mark.docker
@pytest.mark.skipif(
    os.environ.get("GRPO_REWARDS_TEST_STOP_DOCKER") != "1",
    reason="stops the shared Docker daemon: set GRPO_REWARDS_TEST_STOP_DOCKER=1 where this run owns it (CI)",
)
def test_shared_daemon_stopped_and_restarted(tmp_path, docker_sandbox):
    pid = _dockerd_pid()
    try:
        os.kill(pid, signal.SIGTERM)
        for _ in range(300):
            if subprocess.run(["docker", "version"], capture_output=True).returncode != 0 and not Path(f"/proc/{pid}").exists():
                break
            time.sleep(0.1)
        done = run_check(rows_with_code(tmp_path), tmp_path / "out.jsonl", dict(os.environ))
        assert done.returncode == 1, done.stderr
        assert_all_unavailable(tmp_path / "out.jsonl")
    finally:
        subprocess.run(["bash", str(ROOT / "sandbox" / "scripts" / "ensure-docker.sh")], check=True, timeout=180)
    from grpo_rewards_code.engines import ENGINES

    ENGINES.reset_gateway()
    verdicts = _score([(STDIO, RIGHT)], ENGINES)
    assert verdicts[0].score == 1.0
