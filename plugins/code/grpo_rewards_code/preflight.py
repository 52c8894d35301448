"""A cheap proof, before training starts, that the sandbox is reachable and answers correctly."""

from __future__ import annotations

from dataclasses import replace

from .engines import ENGINES
from .judging import call_reply
from .options import CodeOptions
from .programs import CALL_FUNCTION, call_program
from .sandbox_api import core_errors

__all__ = ["preflight"]


def preflight(options: CodeOptions) -> str:
    """Start the sandbox pool and run one program and one call; raise ``SandboxUnavailable`` if anything is off."""
    from grpo_rewards_sandbox import CallJob, Limits, RunJob

    from grpo_rewards import SandboxUnavailable

    pool = ENGINES.sandbox(options.sandbox_workers, options.memory_mb)
    limits = replace(pool.limits if isinstance(pool.limits, Limits) else Limits(), timeout=30.0)
    with core_errors():
        run = pool.submit(RunJob("print(input()[::-1])", "olleh\n", limits)).result()
    if not run.ok or run.stdout != b"hello\n":
        ENGINES.reset_sandbox()
        raise SandboxUnavailable(
            f"the sandbox ran a trivial program but it ended {run.status.value} ({run.reason or run.stderr_text()[-200:]}); "
            "run `grpo-rewards-sandbox build` and check the Docker engine"
        )
    program = call_program("def f(x):\n    return (x, [x])\n")
    with core_errors():
        call = pool.submit(CallJob(program, CALL_FUNCTION, ("f", (2,), {}, False), None, limits)).result()
    reply = call_reply(call, limits.timeout)
    if reply != ("value", (2, [2]), None, None):
        ENGINES.reset_sandbox()
        raise SandboxUnavailable(
            f"the sandbox answered a trivial call wrongly ({reply[:3]!r}); check the sandbox image and version"
        )
    return f"sandbox ready: {pool.size} warm container(s), image {pool.image}"
