"""Config files shared by ``check`` and ``train``: YAML, TOML or JSON, including what ``train`` writes.

``grpo-rewards train --config run.yaml`` and ``grpo-rewards check FILE --config
run.yaml`` read the same file; ``check`` takes the reward settings from it
(``rewards`` with their weights, ``reward_options``) and leaves the rest to
``train``. Three shapes are read:

* a flat mapping of settings (what you write, and what ``train --dry-run`` prints);
* the same settings grouped in sections (``model:``, ``rewards:``, ...), as older
  ``--dry-run`` output printed them;
* ``train_config.json`` as ``train`` saves it next to the adapter
  (``{"backend": ..., "config": {...}, "versions": {...}}``).

YAML needs PyYAML (installed with the trainer); TOML needs Python 3.11 or tomli.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import ConfigError

__all__ = ["SECTIONS", "RewardSettings", "read_config_file", "reward_settings"]

#: Section names of the grouped shape; a section's settings are merged into the top level.
SECTIONS = ("model", "data", "rewards", "grpo", "lora", "output")


def _parse(path: Path, text: str) -> Any:
    suffix = path.suffix.lower()
    if suffix in (".yaml", ".yml"):
        try:
            import yaml
        except ImportError:
            raise ConfigError(f"config file {path}: reading YAML needs PyYAML: pip install pyyaml") from None
        return yaml.safe_load(text) or {}
    if suffix == ".toml":
        if sys.version_info >= (3, 11):
            import tomllib
        else:  # pragma: no cover
            import tomli as tomllib
        return tomllib.loads(text)
    if suffix == ".json":
        return json.loads(text)
    raise ConfigError(f"config file {path}: unknown type {suffix!r}; use .yaml, .toml or .json")


def _is_section(key: str, value: Any) -> bool:
    """A section holds settings; ``grpo`` and ``rewards`` are also settings, told apart by what they hold."""
    if key not in SECTIONS or not isinstance(value, Mapping):
        return False
    if key == "grpo":
        return "num_generations" in value or "grpo" in value or "max_steps" in value
    return True


def _flatten(data: Mapping[str, Any]) -> dict[str, Any]:
    if isinstance(data.get("config"), Mapping) and ("versions" in data or "backend" in data):
        data = data["config"]  # train_config.json
    flat: dict[str, Any] = {}
    for key, value in data.items():
        key = str(key).replace("-", "_")
        if _is_section(key, value):
            flat.update({str(k).replace("-", "_"): v for k, v in value.items()})
        else:
            flat[key] = value
    return flat


def read_config_file(path: str | Path) -> dict[str, Any]:
    """The settings in ``path`` as one flat mapping (snake_case keys), whichever of the three shapes it has."""
    path = Path(path)
    if not path.is_file():
        raise ConfigError(f"config file {path} does not exist")
    try:
        data = _parse(path, path.read_text(encoding="utf-8"))
    except ConfigError:
        raise
    except Exception as exc:  # noqa: BLE001 - any parser error becomes one message naming the file
        raise ConfigError(f"config file {path} does not parse: {exc}") from None
    if not isinstance(data, Mapping):
        raise ConfigError(f"config file {path}: expected a mapping of settings at the top level")
    return _flatten(data)


@dataclass(frozen=True)
class RewardSettings:
    """The reward part of a config: specs (``NAME[:WEIGHT]``) and options per reward."""

    rewards: list[str] = field(default_factory=list)
    reward_options: dict[str, dict[str, Any]] = field(default_factory=dict)


def reward_settings(settings: Mapping[str, Any], source: str) -> RewardSettings:
    """Read ``rewards`` and ``reward_options`` from flat settings, checking their shapes."""
    rewards = settings.get("rewards") or []
    rewards = [rewards] if isinstance(rewards, str) else rewards
    if not isinstance(rewards, list) or not all(isinstance(r, str) for r in rewards):
        raise ConfigError(f"{source}: 'rewards' must be a list of NAME[:WEIGHT] strings, got {rewards!r}")
    options = settings.get("reward_options") or {}
    if not isinstance(options, Mapping) or not all(isinstance(v, Mapping) for v in options.values()):
        raise ConfigError(f"{source}: 'reward_options' must map each reward to its options, got {options!r}")
    return RewardSettings(list(rewards), {str(k): dict(v) for k, v in options.items()})
