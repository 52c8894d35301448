"""Reading sample files for ``check``: JSONL, JSON or Parquet.

Every row needs ``completion`` (a string or chat messages); ``prompt`` and any
other columns are optional. A bad row becomes an :class:`InputError` naming
the file, line and field; the good rows are returned all the same.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import ConfigError, InputError
from .messages import is_chat, to_sample
from .reward import Sample

__all__ = ["SUFFIXES", "InputRow", "ReadResult", "not_utf8", "read_records", "read_rows", "row_from_record"]


@dataclass(frozen=True)
class InputRow:
    """One row of input. ``line`` is the 1-based line (JSONL) or record number (JSON, Parquet)."""

    line: int
    prompt: Any
    completion: Any
    columns: Mapping[str, Any]

    def sample(self) -> Sample:
        """The row as a :class:`Sample` for scoring."""
        ids = self.columns.get("completion_ids")
        ids = ids if isinstance(ids, list) else None
        return to_sample(self.prompt, self.completion, row=self.columns, completion_ids=ids, index=self.line)


@dataclass(frozen=True)
class ReadResult:
    """The good rows and one error per bad row, both in file order."""

    rows: list[InputRow]
    errors: list[InputError]


def row_from_record(record: Any, *, path: str, line: int) -> InputRow:
    """One record (a mapping with ``completion``, maybe ``prompt``, and columns) as an :class:`InputRow`.

    Raises :class:`InputError` naming ``path``, ``line`` and the field at fault.
    ``check`` reads files through it and ``serve`` reads request rows through it,
    so a row is valid in one exactly when it is valid in the other.
    """
    return _row(path, line, record)


def _row(path: str, line: int, record: Any) -> InputRow:
    if not isinstance(record, Mapping):
        raise InputError(f"expected a JSON object, got {type(record).__name__}", path=path, line=line)
    if "completion" not in record:
        raise InputError("missing required field", path=path, line=line, field="completion")
    completion = record["completion"]
    if not (isinstance(completion, str) or is_chat(completion)):
        raise InputError("must be a string or a list of chat messages with 'content'", path=path, line=line, field="completion")
    prompt = record.get("prompt", "")
    if not (prompt is None or isinstance(prompt, str) or is_chat(prompt)):
        raise InputError("must be a string or a list of chat messages with 'content'", path=path, line=line, field="prompt")
    columns = {k: v for k, v in record.items() if k not in ("prompt", "completion")}
    return InputRow(line, prompt, completion, columns)


def _jsonl(path: Path) -> Iterator[tuple[int, Any]]:
    with path.open(encoding="utf-8", errors="strict") as handle:
        for number, text in enumerate(handle, start=1):
            if not text.strip():
                continue
            try:
                yield number, json.loads(text)
            except json.JSONDecodeError as exc:
                yield number, InputError(f"invalid JSON at column {exc.colno}: {exc.msg}", path=str(path), line=number)


def _json(path: Path) -> Iterator[tuple[int, Any]]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise InputError(
            f"invalid JSON at line {exc.lineno} column {exc.colno}: {exc.msg}", path=str(path), line=exc.lineno
        ) from None
    if isinstance(data, Mapping) and isinstance(data.get("rows"), list):
        data = data["rows"]
    if not isinstance(data, list):
        raise InputError('a JSON file must hold a list of rows (or {"rows": [...]})', path=str(path))
    yield from enumerate(data, start=1)


def _parquet(path: Path) -> Iterator[tuple[int, Any]]:
    try:
        import pyarrow.parquet as pq
    except ImportError:
        raise ConfigError(f"{path}: reading Parquet needs pyarrow: pip install pyarrow") from None
    yield from enumerate(pq.read_table(path).to_pylist(), start=1)


_READERS = {".jsonl": _jsonl, ".ndjson": _jsonl, ".json": _json, ".parquet": _parquet}
SUFFIXES = tuple(_READERS)


def read_records(path: str | Path) -> Iterator[tuple[int, Any]]:
    """``(line, record)`` for every record of a .jsonl, .json or .parquet file, in order.

    A JSONL line that is not JSON yields an :class:`InputError` in place of its
    record, so callers choose to skip it or stop. Raises :class:`InputError` at
    once when the file is missing or of an unknown type; iterating raises
    ``UnicodeDecodeError`` for text that is not UTF-8 (see :func:`not_utf8`).
    """
    path = Path(path)
    if not path.is_file():
        raise InputError("no such file", path=str(path))
    suffix = path.suffix.lower()
    if suffix not in _READERS:
        raise InputError(f"unknown file type {suffix!r}: use .jsonl, .json or .parquet", path=str(path))
    return _READERS[suffix](path)


def not_utf8(path: str | Path, exc: UnicodeDecodeError) -> InputError:
    """The error to report for a file that is not UTF-8 text."""
    return InputError(f"not UTF-8 text: {exc.reason}", path=str(path))


def read_rows(path: str | Path) -> ReadResult:
    """Read every row of ``path`` for scoring; a bad row becomes an error and the others are kept.

    Raises :class:`InputError` only when the file as a whole cannot be read.
    """
    records = read_records(path)
    rows, errors = [], []
    try:
        for line, record in records:
            if isinstance(record, InputError):
                errors.append(record)
                continue
            try:
                rows.append(_row(str(path), line, record))
            except InputError as exc:
                errors.append(exc)
    except UnicodeDecodeError as exc:
        errors.append(not_utf8(path, exc))
    return ReadResult(rows, errors)
