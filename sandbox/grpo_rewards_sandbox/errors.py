"""Every exception grpo-rewards-sandbox raises on purpose, in one place.

The tree::

    SandboxError                 anything the sandbox library raises on purpose
    ├── SandboxUnavailable       no engine, no image, or the engine went away: nothing can run
    ├── SandboxTimeout           a container (not the program) did not answer in time
    └── WorkerLost               one worker broke under a job; the pool retries the job on a fresh one

    CodecError (a ValueError)    a value is not allowed through the strict codec (guest.codec)
    FrameError                   a malformed or oversized protocol frame (guest.framing)

``CodecError`` and ``FrameError`` are defined in the guest package because
that code also runs inside the image, stdlib-only and on its own; they are
re-exported here so that every error has one place to be found.

A program that fails (a crash, a timeout, too much memory) is *not* an
exception: it is a :class:`~grpo_rewards_sandbox.Result` with a status. These
exceptions mean the sandbox itself could not run the program. The library is
standalone: it imports nothing of ``grpo_rewards``. A caller that has its own
error tree (the code reward translates to ``grpo_rewards.errors``) does so at
its boundary.
"""

from __future__ import annotations

from .guest.codec import CodecError
from .guest.framing import FrameError

__all__ = ["CodecError", "FrameError", "SandboxError", "SandboxTimeout", "SandboxUnavailable", "WorkerLost"]


class SandboxError(Exception):
    """Base class of every error the sandbox library raises on purpose."""


class SandboxUnavailable(SandboxError):
    """No sandbox can be reached: the message says what is wrong and what to do."""


class SandboxTimeout(SandboxError):
    """The sandbox itself (a container or its supervisor, not the program) stopped answering in time."""


class WorkerLost(SandboxError):
    """A worker (its container or supervisor) failed under a job; the job may be retried elsewhere."""
