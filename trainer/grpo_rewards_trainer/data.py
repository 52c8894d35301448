"""Training data: read rows, then shape prompts the way GRPOTrainer wants them.

Local ``.jsonl``, ``.json`` and ``.parquet`` files are read here, so a bad line is
an :class:`~grpo_rewards.InputError` naming the file and line. Anything else is
handed to ``datasets.load_dataset`` (a hub name or a local dataset folder).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from grpo_rewards import ConfigError, InputError
from grpo_rewards.data import SUFFIXES, not_utf8, read_records
from grpo_rewards.messages import is_chat

__all__ = ["LOCAL_SUFFIXES", "Rows", "format_prompts", "read_dataset"]

LOCAL_SUFFIXES = SUFFIXES


@dataclass(frozen=True)
class Rows:
    """The rows of a dataset, each with the line (or record number) it came from."""

    source: str
    rows: list[dict[str, Any]]
    lines: list[int]

    def columns(self) -> list[str]:
        """Every column that appears in any row, in first-seen order."""
        return list(dict.fromkeys(key for row in self.rows for key in row))

    def lines_missing(self, column: str) -> list[int]:
        """Lines of rows that lack ``column``."""
        return [line for line, row in zip(self.lines, self.rows, strict=True) if column not in row]


def _object(path: Path, line: int, record: Any) -> dict[str, Any]:
    if isinstance(record, InputError):
        raise record
    if not isinstance(record, Mapping):
        raise InputError(f"expected a JSON object, got {type(record).__name__}", path=str(path), line=line)
    return dict(record)


def _read_local(path: Path) -> Rows:
    """A local file, through the core's reader; the first bad line stops it (training data must be whole)."""
    rows, lines = [], []
    try:
        for line, record in read_records(path):
            rows.append(_object(path, line, record))
            lines.append(line)
    except UnicodeDecodeError as exc:
        raise not_utf8(path, exc) from None
    return Rows(str(path), rows, lines)


def _read_hub(name: str, split: str) -> Rows:
    try:
        import datasets
    except ImportError:
        raise ConfigError(
            f"dataset {name!r} is not a local .jsonl/.json/.parquet file; loading it needs: pip install datasets"
        ) from None
    try:
        loaded = datasets.load_dataset(name, split=split)
    except Exception as exc:  # noqa: BLE001 - datasets raises many types; one message names the dataset
        raise ConfigError(f"dataset {name!r} (split {split!r}) could not be loaded: {type(exc).__name__}: {exc}") from None
    rows = [dict(row) for row in loaded]
    return Rows(name, rows, list(range(1, len(rows) + 1)))


def read_dataset(spec: str, split: str = "train") -> Rows:
    """Every row of ``spec``: a local file by suffix, else a ``datasets`` name or folder."""
    path = Path(spec).expanduser()
    suffix = path.suffix.lower()
    if suffix in LOCAL_SUFFIXES:
        return _read_local(path)
    return _read_hub(spec, split)


def _prompt(value: Any, system: str | None, chat: bool) -> Any:
    if is_chat(value):
        messages = [dict(m) for m in value]
        if system and (not messages or messages[0].get("role") != "system"):
            messages.insert(0, {"role": "system", "content": system})
        return messages
    text = "" if value is None else str(value)
    if chat:
        return ([{"role": "system", "content": system}] if system else []) + [{"role": "user", "content": text}]
    return f"{system}\n\n{text}" if system else text


def format_prompts(rows: Rows, prompt_column: str, system_prompt: str | None, chat: bool) -> list[dict[str, Any]]:
    """Rows with a ``prompt`` column as GRPOTrainer reads it.

    Chat messages stay messages (the system prompt is put first unless one is
    there). Text prompts become a user message when ``chat`` is true, and stay
    text (after the system prompt and a blank line) otherwise. The original
    prompt column is kept under its own name when it is not ``prompt``.
    """
    out = []
    for row in rows.rows:
        shaped = dict(row)
        shaped["prompt"] = _prompt(row[prompt_column], system_prompt, chat)
        out.append(shaped)
    return out
