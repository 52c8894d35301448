"""Shutdown and start-up: SIGTERM finishes in-flight batches; the core imports none of the service's stack."""

from __future__ import annotations

import concurrent.futures
import json
import signal
import subprocess
import sys
import time

import httpx
import pytest


def test_sigterm_lets_the_in_flight_batch_finish_then_exits(start_service):
    service = start_service("--reward", "sleepy", "--reward", "echo")
    rows = [{"completion": "2", "answer": "2"}, {"completion": "1", "answer": "x"}]
    with concurrent.futures.ThreadPoolExecutor(1) as threads:
        call = threads.submit(httpx.post, f"{service.url}/score", content=json.dumps({"rows": rows}), timeout=60)
        while httpx.get(f"{service.url}/health").json()["in_flight"] == 0:
            time.sleep(0.02)
        service.process.send_signal(signal.SIGTERM)
        response = call.result(timeout=60)
    assert response.status_code == 200
    results = response.json()["results"]
    assert [r["rewards"]["sleepy"]["verdict"] for r in results] == ["correct", "correct"]
    assert [r["rewards"]["echo"]["verdict"] for r in results] == ["correct", "incorrect"]
    assert service.process.wait(60) in (0, -signal.SIGTERM)  # uvicorn re-raises the signal once it has shut down
    with pytest.raises(httpx.ConnectError):
        httpx.get(f"{service.url}/health", timeout=5)


def test_a_second_service_on_the_same_socket_refuses_to_start(start_service, tmp_path, service_env):
    sock = str(tmp_path / "s.sock")
    first = start_service("--reward", "echo", "--uds", sock)
    second = subprocess.run(
        [sys.executable, "-m", "grpo_rewards.cli", "serve", "--reward", "echo", "--uds", sock],
        env=service_env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert second.returncode == 3 and f"another grpo-rewards service already serves {sock}" in second.stderr
    health = httpx.Client(transport=httpx.HTTPTransport(uds=sock)).get("http://x/health").json()
    assert health["pid"] == first.pid


def test_an_unknown_reward_is_a_usage_error(service_env):
    result = subprocess.run(
        [sys.executable, "-m", "grpo_rewards.cli", "serve", "--reward", "nope", "--port", "0"],
        env=service_env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 2 and "nope" in result.stderr


def test_the_core_and_its_cli_import_neither_fastapi_uvicorn_nor_httpx():
    probe = "import sys, grpo_rewards, grpo_rewards.cli, grpo_rewards.remote, grpo_rewards.serve, grpo_rewards.serve.node\n"
    probe += "print(sorted({m.split('.')[0] for m in sys.modules} & {'fastapi', 'uvicorn', 'httpx', 'starlette', 'pydantic'}))"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
