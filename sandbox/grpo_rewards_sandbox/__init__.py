"""grpo-rewards-sandbox: run untrusted Python programs in hardened, warm Docker containers.

The library knows nothing of rewards. It runs a program (or calls one function
of it) under :class:`Limits` and returns a :class:`Result` that says what
happened; judging the output is the caller's business, outside the sandbox.

    from grpo_rewards_sandbox import SandboxPool

    with SandboxPool() as pool:
        result = pool.run("print(sum(map(int, input().split())))", stdin="1 2")
        result.status, result.stdout            # (Status.OK, b"3\\n")

Errors (drawn in :mod:`grpo_rewards_sandbox.errors`): :class:`SandboxUnavailable`
when no engine or image is there (the message says what to do), never a wrong
result. The library is standalone: importing it imports nothing of
``grpo_rewards``.
"""

from .backend import Backend, MockBackend, Worker
from .errors import SandboxError, SandboxTimeout, SandboxUnavailable, WorkerLost
from .guest.codec import CodecError, CodecLimits, decode, encode
from .pool import PoolStats, Sandbox, SandboxPool, default_size
from .results import CallJob, Job, Limits, Result, RunJob, Status

__all__ = [
    "Backend",
    "CallJob",
    "CodecError",
    "CodecLimits",
    "Job",
    "Limits",
    "MockBackend",
    "PoolStats",
    "Result",
    "RunJob",
    "Sandbox",
    "SandboxError",
    "SandboxPool",
    "SandboxTimeout",
    "SandboxUnavailable",
    "Status",
    "Worker",
    "WorkerLost",
    "decode",
    "default_size",
    "encode",
]
