"""Every exception grpo-rewards raises, in one place.

The tree::

    GrpoRewardsError                 anything grpo-rewards raises on purpose
    ├── PluginError                  a plugin failed to load, misspelled a hook, or clashes
    │   └── DuplicateRewardError     one plugin registered two rewards under one name
    ├── RewardError                  a reward misbehaved (carries .reward and .plugin)
    ├── SandboxError                 the sandbox cannot run a program for us
    │   ├── SandboxUnavailable       no engine, no image, or the daemon went away
    │   └── SandboxTimeout           the sandbox itself stopped answering
    ├── ServiceUnavailable           a scoring service (``grpo-rewards serve``) cannot be reached
    ├── ConfigError                  a bad reward name, option or setting
    │   └── AmbiguousRewardError     a reward name that two plugins register, asked for alone
    └── InputError                   bad input data (carries .path, .line, .field)

A sample that fails to score is *not* an exception: it becomes an
``unverifiable`` verdict (see :mod:`grpo_rewards.verdict`). Exceptions are for
conditions where going on would silently give wrong rewards.
"""

from __future__ import annotations

__all__ = [
    "AmbiguousRewardError",
    "ConfigError",
    "DuplicateRewardError",
    "GrpoRewardsError",
    "InputError",
    "PluginError",
    "RewardError",
    "SandboxError",
    "SandboxTimeout",
    "SandboxUnavailable",
    "ServiceUnavailable",
]


class GrpoRewardsError(Exception):
    """Base class of every error raised on purpose by grpo-rewards."""


class PluginError(GrpoRewardsError):
    """A plugin could not be loaded or registered something invalid."""


class DuplicateRewardError(PluginError):
    """One plugin registered two different rewards under the same name."""


class RewardError(GrpoRewardsError):
    """A reward misbehaved; names the reward and the plugin that provides it."""

    def __init__(self, message: str, *, reward: str, plugin: str | None = None) -> None:
        self.reward = reward
        self.plugin = plugin
        where = f"reward {reward!r}" + (f" (plugin {plugin!r})" if plugin else "")
        super().__init__(f"{where}: {message}")


class SandboxError(GrpoRewardsError):
    """The sandbox could not run a program."""


class SandboxUnavailable(SandboxError):
    """No sandbox can be reached: the message says what is wrong and what to do."""


class SandboxTimeout(SandboxError):
    """The sandbox itself (not the program) stopped answering in time."""


class ServiceUnavailable(GrpoRewardsError):
    """A scoring service did not answer in time; ``reason`` is ``service_unavailable`` or ``service_timeout``.

    The remote reward functions turn it into ``unverifiable(reason)`` verdicts, never 0.
    """

    def __init__(self, message: str, *, reason: str = "service_unavailable") -> None:
        self.reason = reason
        super().__init__(message)


class ConfigError(GrpoRewardsError):
    """A reward name, option or setting is wrong; the message says which."""


class AmbiguousRewardError(ConfigError):
    """A reward name registered by more than one plugin was asked for alone; pick one as ``PLUGIN/NAME``."""


class InputError(GrpoRewardsError):
    """Input data is malformed; names the file, line and field at fault."""

    def __init__(self, message: str, *, path: str | None = None, line: int | None = None, field: str | None = None) -> None:
        self.path = path
        self.line = line
        self.field = field
        where = ":".join(str(p) for p in (path, line) if p is not None)
        prefix = f"{where}: " if where else ""
        suffix = f" (field {field!r})" if field else ""
        super().__init__(f"{prefix}{message}{suffix}")
