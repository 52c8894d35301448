"""The code reward's error boundary: the standalone sandbox's errors become the core's in the gateway."""

from __future__ import annotations

from concurrent.futures import Future

import grpo_rewards_sandbox as sandbox
import pytest
from grpo_rewards_code.engines import Engines
from grpo_rewards_code.gateway import DockerGateway, Infra, Limits, core_errors

import grpo_rewards


@pytest.mark.parametrize(
    "raised, expected",
    [
        (sandbox.SandboxUnavailable, grpo_rewards.SandboxUnavailable),
        (sandbox.SandboxTimeout, grpo_rewards.SandboxTimeout),
        (sandbox.WorkerLost, grpo_rewards.SandboxError),
        (sandbox.SandboxError, grpo_rewards.SandboxError),
    ],
)
def test_each_sandbox_error_becomes_the_core_error_of_the_same_meaning(raised, expected):
    with pytest.raises(expected, match="start dockerd") as caught:
        with core_errors():
            raise raised("start dockerd")
    assert type(caught.value) is expected and isinstance(caught.value.__cause__, raised)


def test_other_exceptions_pass_unchanged():
    with pytest.raises(KeyError), core_errors():
        raise KeyError("x")


def test_a_down_engine_reaches_the_caller_as_the_cores_sandbox_unavailable():
    class Down(sandbox.MockBackend):
        def check(self):
            raise sandbox.SandboxUnavailable("no Docker engine answers: start it")

    engines = Engines(
        factory=lambda size, memory_mb: DockerGateway(size, memory_mb, sandbox_backend=Down(lambda job, limits: None))
    )
    with pytest.raises(grpo_rewards.SandboxUnavailable, match="start it"):
        engines.gateway("docker", 1, 64)


def test_a_job_whose_sandbox_went_away_is_sandbox_unavailable_not_infra_error():
    future: Future = Future()
    future.set_exception(sandbox.SandboxUnavailable("the engine went away"))
    assert DockerGateway._outcome(future, Limits()) == Infra("sandbox_unavailable", "the engine went away")
