"""Rows to score for ``check``: every source :mod:`grpo_rewards.loaders` reads, one completion per row.

Every row needs a completion (a string or chat messages) in its completion
column (``completion`` by default); the prompt column (``prompt``) and any
other columns are optional. A row may instead hold a *list* of completions
for one prompt (``completions: [...]``, the way vLLM and TRL dumps look):
each completion becomes its own row, with the row's line and its
``completion_index``, and they share the row's prompt and columns. Items of
such a list are strings, chat messages, or objects with a ``text`` string
(vLLM's outputs).

A bad row becomes an :class:`InputError` naming the source, line and field;
the good rows are returned all the same.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import InputError
from .loaders import FORMATS, Record, open_records
from .messages import is_chat, to_sample
from .reward import Sample

__all__ = ["SUFFIXES", "Columns", "InputRow", "ReadResult", "read_records", "read_rows", "row_from_record", "rows_from_records"]

SUFFIXES = tuple(FORMATS)
read_records = open_records


@dataclass(frozen=True)
class InputRow:
    """One completion to score. ``line`` is the 1-based line (JSONL, CSV) or record number (JSON, Parquet, datasets).

    ``completion_index`` is the completion's place in its row's list of
    completions, or None for a row with one completion.
    """

    line: int
    prompt: Any
    completion: Any
    columns: Mapping[str, Any]
    completion_index: int | None = None

    @property
    def key(self) -> tuple[int, int]:
        """Where the row came from, in input order: ``(line, completion_index or 0)``."""
        return (self.line, self.completion_index or 0)

    @property
    def label(self) -> str:
        """The line, with the completion's index for rows of a list of completions (``"7[2]"``)."""
        return str(self.line) if self.completion_index is None else f"{self.line}[{self.completion_index}]"

    def sample(self) -> Sample:
        """The row as a :class:`Sample` for scoring."""
        ids = self.columns.get("completion_ids")
        ids = ids if isinstance(ids, list) and self.completion_index is None else None
        return to_sample(self.prompt, self.completion, row=self.columns, completion_ids=ids, index=self.line)


@dataclass(frozen=True)
class Columns:
    """Which columns hold the prompt and the completion(s). ``completion=None``: ``completion``, else ``completions``."""

    prompt: str = "prompt"
    completion: str | None = None


@dataclass(frozen=True)
class ReadResult:
    """The good rows and one error per bad row, both in input order."""

    rows: list[InputRow]
    errors: list[InputError] = field(default_factory=list)


_MESSAGES = "must be a string or a list of chat messages with 'content'"


def _text_or_chat(value: Any) -> bool:
    return isinstance(value, str) or is_chat(value)


def _one_of_many(value: Any) -> Any:
    if isinstance(value, Mapping) and isinstance(value.get("text"), str) and "content" not in value:
        return value["text"]  # a vLLM CompletionOutput
    return value


def _completion_column(record: Mapping[str, Any], columns: Columns) -> str:
    return columns.completion or ("completion" if "completion" in record or "completions" not in record else "completions")


def _completions(record: Mapping[str, Any], columns: Columns, where: dict[str, Any]) -> tuple[str, list[Any] | None, Any]:
    """``(column, completions of a grouped row or None, the single completion)``."""
    name = _completion_column(record, columns)
    if name not in record:
        raise InputError("missing required field", **where, field=name)
    value = record[name]
    if isinstance(value, str) or (is_chat(value) and (value or name == "completion")):
        return name, None, value  # one completion ([] is an empty chat only in a 'completion' column)
    if not isinstance(value, list):
        raise InputError(f"{_MESSAGES}, or a list of completions", **where, field=name)
    if not value:
        raise InputError("holds an empty list of completions", **where, field=name)
    items = [_one_of_many(item) for item in value]
    for index, item in enumerate(items):
        if not _text_or_chat(item):
            raise InputError(f"item {index} {_MESSAGES} (or an object with 'text')", **where, field=name)
    return name, items, None


def _rows(source: str, line: int | None, record: Any, columns: Columns) -> list[InputRow]:
    where: dict[str, Any] = {"path": source, "line": line}
    if not isinstance(record, Mapping):
        raise InputError(f"expected a JSON object, got {type(record).__name__}", **where)
    name, many, one = _completions(record, columns, where)
    prompt = record.get(columns.prompt, "")
    if not (prompt is None or _text_or_chat(prompt)):
        raise InputError(_MESSAGES, **where, field=columns.prompt)
    rest = {k: v for k, v in record.items() if k not in (columns.prompt, name)}
    number = line or 0
    if many is None:
        return [InputRow(number, prompt, one, rest)]
    return [InputRow(number, prompt, item, rest, index) for index, item in enumerate(many)]


def row_from_record(record: Any, *, path: str, line: int | None) -> InputRow:
    """One record that holds one completion (what an engine adapter builds) as an :class:`InputRow`.

    Raises :class:`InputError` naming ``path``, ``line`` and the field for what
    ``check`` refuses in a row, and for a record holding a list of completions.
    """
    rows = _rows(path, line, record, Columns())
    if rows[0].completion_index is not None:
        name = _completion_column(record, Columns())
        raise InputError("holds a list of completions; give one completion per row here", path=path, line=line, field=name)
    return rows[0]


def rows_from_records(source: str, records: Iterable[Record], columns: Columns = Columns()) -> ReadResult:
    """Rows (and errors) from ``(line, record)`` pairs, as :func:`read_rows` returns them.

    ``check`` reads its sources through it and ``serve`` its request rows
    (``source`` ``"request"``), so a row is valid in one exactly when it is
    valid in the other, a row with a list of completions included.
    """
    result = ReadResult([], [])
    for line, record in records:
        if isinstance(record, InputError):
            result.errors.append(record)
            continue
        try:
            result.rows.extend(_rows(source, line, record, columns))
        except InputError as exc:
            result.errors.append(exc)
    return result


def read_rows(source: str | Path, *, split: str | None = None, columns: Columns = Columns()) -> ReadResult:
    """Read every row of ``source`` for scoring; a bad row becomes an error and the others are kept.

    ``source`` is anything :func:`grpo_rewards.loaders.open_records` reads (a
    file, ``-`` for standard input, a dataset folder or name). Raises
    :class:`InputError` only when the source cannot be opened at all.
    """
    return rows_from_records(str(source), open_records(source, split=split), columns)
