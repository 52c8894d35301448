"""One reader of rows for ``check`` and ``train``: files, standard input, dataset folders and dataset names.

:func:`open_records` takes a *source* and yields ``(line, record)`` pairs:

==============================  ==============================================================
source                          read as
==============================  ==============================================================
``rows.jsonl`` / ``.ndjson``    JSON Lines, one row per line (``line`` is the file's line)
``rows.json``                   a list of rows, or ``{"rows": [...]}`` (``line``: the row's number)
``rows.csv`` / ``.tsv``         a header, then one row per record; every cell is text
``rows.parquet``                Parquet (needs pyarrow)
``rows.jsonl.gz`` ...           any text format above, compressed with gzip, bz2 or xz
``-``                           standard input: gzip/bz2/xz, Parquet, JSON, JSON Lines or CSV,
                                told apart by the first bytes
a ``save_to_disk`` folder       ``datasets.load_from_disk`` (a Dataset or a DatasetDict)
another folder, a ``.py``       ``datasets.load_dataset``: a folder of data files, a dataset
script, a dataset name          script (only ``datasets`` < 4 runs them), or a hub name
==============================  ==============================================================

A row that cannot be read (invalid JSON, bytes that are not UTF-8, a CSV row
with the wrong number of cells) comes as an :class:`~grpo_rewards.InputError`
in place of its record, naming the source and line; every other row is read.
An error about the whole source (a file that is not Parquet, a dataset that
cannot be loaded, a compressed stream that breaks) comes the same way with
``line`` None, after the rows read before it. :func:`open_records` itself
raises only for a source that does not exist or cannot be told apart: a
missing file, an unknown suffix, ``split`` given for a plain file.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

from ..errors import InputError
from .files import COMPRESSIONS, FORMATS, file_records, stream_records
from .hf import dataset_records, is_saved_dataset
from .text import Record

__all__ = ["COMPRESSIONS", "FORMATS", "STDIN", "Record", "open_records"]

#: The source name that reads standard input.
STDIN = "-"


def _looks_like_a_path(spec: str) -> bool:
    path = Path(spec)
    if spec.startswith(("/", "./", "../", "~")) or spec.endswith(("/", ".py")):
        return True
    return any(s.lower() in FORMATS or s.lower() in COMPRESSIONS for s in path.suffixes)


def open_records(source: str | Path, *, split: str | None = None) -> Iterator[Record]:
    """``(line, record)`` for every row of ``source`` (see the module's table), in order.

    Raises :class:`~grpo_rewards.InputError` at once when ``source`` names no
    file, folder or dataset this can read, and when ``split`` is given for a
    source that has no splits.
    """
    spec = str(source)
    if spec == STDIN:
        _no_split(split, "standard input")
        return stream_records(sys.stdin.buffer)
    path = Path(spec).expanduser()
    if path.is_dir():
        return dataset_records(str(path), split, saved=is_saved_dataset(path))
    if path.is_file() and path.suffix.lower() != ".py":
        _no_split(split, str(path))
        return file_records(path)
    if path.is_file() or not _looks_like_a_path(spec):
        return dataset_records(spec, split, saved=False)  # a dataset script, or a name for the hub
    raise InputError("no such file", path=spec)


def _no_split(split: str | None, name: str) -> None:
    if split is not None:
        raise InputError(f"--split {split!r} applies to dataset folders and names; this is a single file", path=name)
