"""Typed reward options.

A reward declares its options as a frozen dataclass. Each field's type hint
says how a string from the CLI or a config file is converted, and
``field(metadata={"help": "..."})`` documents it::

    @dataclass(frozen=True)
    class MathOptions:
        gold_column: str = field(default="answer", metadata={"help": "column holding the gold answer"})
        mode: Literal["strict", "lenient"] = "lenient"
        tolerance: float = 0.0

Supported types: ``str``, ``int``, ``float``, ``bool``, ``Literal[...]``,
``tuple[str, ...]`` (comma-separated on the command line) and ``X | None``.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Mapping
from typing import Any, Literal, Union

from .errors import ConfigError

__all__ = ["NoOptions", "OptionInfo", "describe_options", "parse_options", "parse_option_assignment"]

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off"}


@dataclasses.dataclass(frozen=True)
class NoOptions:
    """Options of a reward that takes none."""


@dataclasses.dataclass(frozen=True)
class OptionInfo:
    """One option, as ``grpo-rewards rewards`` shows it."""

    name: str
    type: str
    default: Any
    help: str


def _hints(options_cls: type) -> dict[str, Any]:
    return typing.get_type_hints(options_cls)


def _type_name(hint: Any) -> str:
    origin = typing.get_origin(hint)
    if origin is Literal:
        return "|".join(str(a) for a in typing.get_args(hint))
    if origin in (Union, types.UnionType):
        return " or ".join(_type_name(a) for a in typing.get_args(hint))
    if origin is tuple:
        return "list of " + _type_name(typing.get_args(hint)[0])
    return getattr(hint, "__name__", str(hint))


def describe_options(options_cls: type) -> list[OptionInfo]:
    """The options of a reward, in declaration order."""
    hints = _hints(options_cls)
    infos = []
    for f in dataclasses.fields(options_cls):
        default = f.default if f.default is not dataclasses.MISSING else None
        if f.default_factory is not dataclasses.MISSING:
            default = f.default_factory()
        infos.append(OptionInfo(f.name, _type_name(hints[f.name]), default, f.metadata.get("help", "")))
    return infos


def _convert(value: Any, hint: Any, where: str) -> Any:
    origin = typing.get_origin(hint)
    if origin in (Union, types.UnionType):
        args = typing.get_args(hint)
        if type(None) in args and (value is None or (isinstance(value, str) and value.lower() in ("", "none", "null"))):
            return None
        errors = []
        for arg in (a for a in args if a is not type(None)):
            try:
                return _convert(value, arg, where)
            except ConfigError as exc:
                errors.append(str(exc))
        raise ConfigError(errors[0] if errors else f"{where}: invalid value {value!r}")
    if origin is Literal:
        choices = typing.get_args(hint)
        for choice in choices:
            if value == choice or (isinstance(value, str) and str(choice) == value):
                return choice
        raise ConfigError(f"{where}: {value!r} is not one of {', '.join(map(str, choices))}")
    if origin is tuple:
        (item,) = typing.get_args(hint)[:1]
        items = [v.strip() for v in value.split(",") if v.strip()] if isinstance(value, str) else list(value)
        return tuple(_convert(v, item, where) for v in items)
    if hint is bool:
        if isinstance(value, bool):
            return value
        if isinstance(value, str) and value.lower() in _TRUE | _FALSE:
            return value.lower() in _TRUE
        raise ConfigError(f"{where}: expected true or false, got {value!r}")
    if hint in (int, float):
        if isinstance(value, bool):
            raise ConfigError(f"{where}: expected a number, got {value!r}")
        try:
            converted = hint(value)
        except (TypeError, ValueError):
            raise ConfigError(f"{where}: expected {hint.__name__}, got {value!r}") from None
        if hint is int and isinstance(value, float) and converted != value:
            raise ConfigError(f"{where}: expected an integer, got {value!r}")
        return converted
    if hint is str:
        if not isinstance(value, str):
            raise ConfigError(f"{where}: expected a string, got {value!r}")
        return value
    return value


def parse_options(options_cls: type, raw: Mapping[str, Any], *, owner: str = "reward") -> Any:
    """Build ``options_cls`` from ``raw`` values (strings or typed), converting by type hint.

    Raises :class:`ConfigError` naming ``owner`` and the option for an unknown key
    or a value of the wrong type.
    """
    hints = _hints(options_cls)
    known = {f.name for f in dataclasses.fields(options_cls)}
    unknown = sorted(set(raw) - known)
    if unknown:
        valid = ", ".join(sorted(known)) or "none"
        raise ConfigError(f"{owner}: unknown option {unknown[0]!r} (valid options: {valid})")
    values = {key: _convert(value, hints[key], f"{owner} option {key!r}") for key, value in raw.items()}
    try:
        options = options_cls(**values)
    except (TypeError, ValueError) as exc:
        raise ConfigError(f"{owner}: {exc}") from None
    return options


def parse_option_assignment(text: str) -> tuple[str, str, str]:
    """Split ``"reward.key=value"`` into ``(reward, key, value)``."""
    target, sep, value = text.partition("=")
    reward, dot, key = target.strip().partition(".")
    if not sep or not dot or not reward or not key:
        raise ConfigError(f"option {text!r} must look like REWARD.KEY=VALUE, e.g. math.mode=strict")
    return reward, key.strip(), value.strip()
