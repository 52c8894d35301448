"""Training data: read rows, then shape prompts the way GRPOTrainer wants them.

Rows come through the core's reader (:func:`grpo_rewards.loaders.open_records`),
the same one ``check`` uses: JSONL, JSON, CSV, Parquet, their gzip/bz2/xz
forms, standard input, ``save_to_disk`` folders and ``datasets`` names. Training
data must be whole, so the first bad row stops reading with an
:class:`~grpo_rewards.InputError` naming the source and line.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from grpo_rewards import InputError
from grpo_rewards.loaders import FORMATS, open_records
from grpo_rewards.messages import is_chat

__all__ = ["LOCAL_SUFFIXES", "Rows", "format_prompts", "read_dataset"]

LOCAL_SUFFIXES = tuple(FORMATS)
_DEFAULT_SPLIT = "train"


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


def _object(source: str, line: int | None, record: Any) -> dict[str, Any]:
    if isinstance(record, InputError):
        raise record
    if not isinstance(record, Mapping):
        raise InputError(f"expected a JSON object, got {type(record).__name__}", path=source, line=line)
    return dict(record)


def read_dataset(spec: str, split: str = _DEFAULT_SPLIT) -> Rows:
    """Every row of ``spec`` (a file, ``-``, a dataset folder or name); the first bad row raises InputError.

    ``split`` picks a split of a DatasetDict or a named dataset; left at
    ``train`` it also reads plain files and single-split datasets.
    """
    rows, lines = [], []
    for line, record in open_records(spec, split=None if split == _DEFAULT_SPLIT else split):
        rows.append(_object(spec, line, record))
        lines.append(line or 0)
    return Rows(spec, rows, lines)


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
