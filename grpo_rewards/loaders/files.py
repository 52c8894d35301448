"""Local files and standard input: the format from the suffix (or, for stdin, the first bytes), gzip/bz2/xz undone."""

from __future__ import annotations

import bz2
import gzip
import io
import lzma
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, cast

from ..errors import InputError
from .parquet import parquet_records
from .text import Record, csv_records, json_records, jsonl_records, looks_like_jsonl

__all__ = ["COMPRESSIONS", "FORMATS", "file_format", "file_records", "stream_records"]

#: Suffix -> format read by that suffix.
FORMATS = {".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "json", ".csv": "csv", ".tsv": "tsv", ".parquet": "parquet"}
#: Suffix -> how to open a compressed file (text formats only; Parquet compresses itself).
COMPRESSIONS: dict[str, Callable[[Path], IO[bytes]]] = {
    ".gz": lambda p: cast(IO[bytes], gzip.open(p, "rb")),
    ".bz2": lambda p: cast(IO[bytes], bz2.open(p, "rb")),
    ".xz": lambda p: cast(IO[bytes], lzma.open(p, "rb")),
}
_BROKEN_STREAM = (OSError, EOFError, lzma.LZMAError, zlib.error)
_MAGIC = ((b"\x1f\x8b", gzip.decompress), (b"BZh", bz2.decompress), (b"\xfd7zXZ\x00", lzma.decompress))


def file_format(path: Path) -> tuple[str, str | None]:
    """``(format, compression suffix or None)`` of ``path`` by its suffixes; raises InputError for an unknown type."""
    suffixes = [s.lower() for s in path.suffixes]
    compression = suffixes.pop() if suffixes and suffixes[-1] in COMPRESSIONS else None
    fmt = FORMATS.get(suffixes[-1]) if suffixes else None
    if fmt is None or (compression and fmt == "parquet"):
        known = ", ".join([*FORMATS, *(f".jsonl{c}" for c in COMPRESSIONS)])
        raise InputError(f"unknown file type {''.join(path.suffixes) or '(no suffix)'!r}: use {known}, ...", path=str(path))
    return fmt, compression


def _read(fmt: str, stream: IO[bytes], name: str) -> Iterator[Record]:
    if fmt == "jsonl":
        return jsonl_records(stream, name)
    if fmt == "json":
        return json_records(stream.read(), name)
    if fmt in ("csv", "tsv"):
        return csv_records(stream, name, delimiter="\t" if fmt == "tsv" else ",")
    return parquet_records(stream, name)


def file_records(path: Path) -> Iterator[Record]:
    """Every record of a local file; a compressed stream that breaks part way ends with an error saying where.

    Raises InputError at once (not when iterated) for an unknown file type.
    """
    fmt, compression = file_format(path)
    return _file_records(path, fmt, compression)


def _file_records(path: Path, fmt: str, compression: str | None) -> Iterator[Record]:
    name = str(path)
    if fmt == "parquet":
        yield from parquet_records(name, name)
        return
    opener = COMPRESSIONS[compression] if compression else (lambda p: p.open("rb"))
    last = 0
    try:
        with opener(path) as stream:
            for line, record in _read(fmt, stream, name):
                last = line or last
                yield line, record
    except _BROKEN_STREAM as exc:
        yield None, InputError(f"cannot read past line {last}: {type(exc).__name__}: {exc}", path=name)


def _sniff(data: bytes) -> str:
    if data.startswith(b"PAR1"):
        return "parquet"
    head = data.lstrip()[:1]
    if head == b"[":
        return "json"
    if head == b"{":
        return "jsonl" if looks_like_jsonl(data) else "json"
    return "csv" if head else "jsonl"


def stream_records(stream: IO[bytes], name: str = "<stdin>") -> Iterator[Record]:
    """Every record of a byte stream (standard input).

    gzip, bz2 or xz is undone first; then the first bytes tell Parquet, JSON, JSON Lines or CSV apart.
    """
    data = stream.read()
    for magic, decompress in _MAGIC:
        if data.startswith(magic):
            try:
                data = decompress(data)
            except _BROKEN_STREAM as exc:
                yield None, InputError(f"compressed input is corrupt: {type(exc).__name__}: {exc}", path=name)
                return
            break
    yield from _read(_sniff(data), io.BytesIO(data), name)
