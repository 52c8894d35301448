"""Selecting rewards: specs and options, checked against the registry, give the rewards to score with or every error.

Every front end selects through :func:`select_rewards`, so a name, a weight or
an option means the same everywhere: :func:`grpo_rewards.reward_funcs` (TRL),
``grpo-rewards check``, ``grpo-rewards train``'s preflight, and any later
front end or executor that must build the same rewards from the same specs::

    selection = select_rewards(manager.registry, ["math", "format:0.2"], parse_option_flags(["math.mode=strict"]))
    selection.raise_for_errors()          # or show selection.errors one by one
    [(s.name, s.weight) for s in selection.rewards]   # [("math", 1.0), ("format", 0.2)]

A spec is ``NAME`` or ``NAME:WEIGHT``, where ``NAME`` may be qualified as
``PLUGIN/NAME`` to pick one of several plugins that register the same name
(``math/math:1.0``); the selected reward keeps the bare name, which is its
metric key and the key of its options. An option flag is ``NAME.KEY=VALUE``.
Errors are collected, not raised one at a time: an unparseable spec, a reward
named twice, an unknown reward, a name two plugins register (asked for without
its plugin), options for a reward that is not selected, and a bad option
value, each a :class:`~grpo_rewards.ConfigError` naming the reward.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from .errors import ConfigError
from .options import parse_option_assignment
from .registry import RegisteredReward, RewardRegistry, split_qualified
from .reward import BaseReward

__all__ = ["SelectedReward", "Selection", "parse_option_flags", "parse_reward_spec", "select_rewards"]

Options = Mapping[str, Mapping[str, Any]]


def parse_reward_spec(spec: str) -> tuple[str, float]:
    """``"format:0.2"`` -> ``("format", 0.2)``; ``"math"`` -> ``("math", 1.0)``; ``"math/math:2"`` -> ``("math/math", 2.0)``."""
    name, sep, weight = spec.strip().rpartition(":") if ":" in spec else (spec.strip(), "", "")
    name = name.strip()
    if not name or not split_qualified(name)[1]:
        raise ConfigError(f"reward {spec!r}: expected NAME or NAME:WEIGHT, e.g. format:0.2")
    if not sep:
        return name, 1.0
    try:
        return name, float(weight)
    except ValueError:
        raise ConfigError(f"reward {spec!r}: weight {weight!r} is not a number (expected NAME:WEIGHT, e.g. format:0.2)") from None


def parse_option_flags(flags: Sequence[str]) -> dict[str, dict[str, str]]:
    """``["math.mode=strict"]`` -> ``{"math": {"mode": "strict"}}``; a malformed flag raises :class:`ConfigError`."""
    options: dict[str, dict[str, str]] = {}
    for flag in flags:
        reward, key, value = parse_option_assignment(flag)
        options.setdefault(reward, {})[key] = value
    return options


@dataclass(frozen=True)
class SelectedReward:
    """One reward to score with: its instance (options applied), its weight and where it comes from."""

    name: str
    weight: float
    reward: BaseReward
    registered: RegisteredReward

    @property
    def plugin(self) -> str:
        return self.registered.plugin


@dataclass(frozen=True)
class Selection:
    """The selected rewards, in the order given, and every problem found."""

    rewards: list[SelectedReward] = field(default_factory=list)
    errors: list[ConfigError] = field(default_factory=list)

    @property
    def weights(self) -> list[float]:
        return [s.weight for s in self.rewards]

    def raise_for_errors(self) -> None:
        """Raise one :class:`ConfigError` holding every problem (one per line), if there is any."""
        if len(self.errors) == 1:
            raise self.errors[0]
        if self.errors:
            raise ConfigError("\n".join(str(e) for e in self.errors))


def _named(specs: Sequence[str], errors: list[ConfigError]) -> list[tuple[str, float]]:
    named: list[tuple[str, float]] = []
    for spec in specs:
        try:
            name, weight = parse_reward_spec(spec)
        except ConfigError as exc:
            errors.append(exc)
            continue
        bare = split_qualified(name)[1]
        if bare in [split_qualified(n)[1] for n, _ in named]:
            errors.append(
                ConfigError(
                    f"reward {bare!r} is listed twice; give it once with its weight"
                    " (two rewards of one name cannot both be scored: the name is the metric key)"
                )
            )
            continue
        named.append((name, weight))
    return named


def _create(
    registry: RewardRegistry, name: str, weight: float, options: Options, errors: list[ConfigError]
) -> SelectedReward | None:
    bare = split_qualified(name)[1]
    try:
        registered = registry.get(name)
        return SelectedReward(bare, weight, registered.create(options.get(bare)), registered)
    except ConfigError as exc:
        errors.append(exc)
        return None


def select_rewards(
    registry: RewardRegistry, specs: Sequence[str], options: Options | None = None, *, every_installed: bool = False
) -> Selection:
    """The rewards named in ``specs`` (``NAME`` or ``NAME:WEIGHT``), each created with its ``options``.

    With ``every_installed`` and no specs, every installed reward is selected
    at weight 1 (``check`` then keeps those whose columns the rows have).
    Never raises for a bad spec or option: see :attr:`Selection.errors`.
    """
    options = options or {}
    errors: list[ConfigError] = []
    named = _named(specs, errors)
    if not specs and every_installed:
        named = [(name, 1.0) for name in registry.names()]
    candidates = [split_qualified(name)[1] for name, _ in named]
    for name in sorted(set(options) - set(candidates)):
        listed = ", ".join(candidates) or "none"
        errors.append(ConfigError(f"options given for reward {name!r}, which is not a selected reward (selected: {listed})"))
    chosen = [_create(registry, name, weight, options, errors) for name, weight in named]
    return Selection([s for s in chosen if s is not None], errors)
