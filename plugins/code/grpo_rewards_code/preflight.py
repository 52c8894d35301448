"""A cheap proof, before training starts, that the sandbox is reachable and answers correctly."""

from __future__ import annotations

from grpo_rewards import SandboxUnavailable

from .engines import ENGINES
from .gateway import Call, Infra, Limits, Run
from .judging import call_reply
from .options import CodeOptions
from .programs import CALL_FUNCTION, call_program
from .replies import Returned

__all__ = ["preflight"]


def preflight(options: CodeOptions) -> str:
    """Start the gateway and run one program and one call; raise ``SandboxUnavailable`` if anything is off."""
    gateway = ENGINES.gateway(options.backend, options.sandbox_workers, options.memory_mb)
    limits = Limits(cpu_seconds=30.0, wall_seconds=30.0, memory_mb=options.memory_mb)
    run = gateway.submit(Run("print(input()[::-1])", "olleh\n", limits)).result()
    if isinstance(run, Infra) or not run.ok or run.stdout != "hello\n":
        ENGINES.reset_gateway()
        what = run.message if isinstance(run, Infra) else f"it ended {run.status} ({run.reason or run.stderr[-200:]})"
        raise SandboxUnavailable(
            f"the sandbox ran a trivial program but {what}; run `grpo-rewards-sandbox build` and check the Docker engine"
        )
    program = call_program("def f(x):\n    return (x, [x])\n")
    call = gateway.submit(Call(program, CALL_FUNCTION, ("f", (2,), {}, False), limits)).result()
    reply = call if isinstance(call, Infra) else call_reply(call, limits)
    if reply != Returned((2, [2]), None, None):
        ENGINES.reset_gateway()
        raise SandboxUnavailable(f"the sandbox answered a trivial call wrongly ({reply!r}); check the sandbox image and version")
    return f"sandbox ready: {gateway.size} warm container(s), image {gateway.image}"
