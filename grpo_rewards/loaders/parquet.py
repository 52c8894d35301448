"""Parquet records, read a batch at a time; a file that is not Parquet is one clear error, not a traceback."""

from __future__ import annotations

from collections.abc import Iterator
from typing import IO, Any

from ..errors import ConfigError, InputError
from .text import Record

__all__ = ["parquet_records"]

_BATCH_ROWS = 1024


def parquet_records(source: str | IO[bytes], name: str) -> Iterator[Record]:
    """Every row of a Parquet file as a dict, numbered from 1.

    A file that cannot be opened as Parquet yields one error for the whole
    file; one that breaks part way yields the rows before the break and then
    an error saying where it broke. Needs pyarrow.
    """
    try:
        import pyarrow.parquet as pq
    except ImportError:
        raise ConfigError(f"{name}: reading Parquet needs pyarrow: pip install pyarrow") from None
    try:
        handle: Any = pq.ParquetFile(source)
    except Exception as exc:  # noqa: BLE001 - pyarrow raises ArrowInvalid, OSError, ...: one message for all
        yield None, InputError(f"not a readable Parquet file: {type(exc).__name__}: {exc}", path=name)
        return
    number = 0
    try:
        for batch in handle.iter_batches(batch_size=_BATCH_ROWS):
            for row in batch.to_pylist():
                number += 1
                yield number, row
    except Exception as exc:  # noqa: BLE001 - a corrupt page part way through the file
        yield None, InputError(f"the Parquet file breaks after row {number}: {type(exc).__name__}: {exc}", path=name)
