"""JSON Lines, JSON and CSV records from bytes, one bad row at a time.

Each reader yields ``(line, record)`` pairs, where a record that cannot be
read is an :class:`~grpo_rewards.InputError` in place of the record, naming
the source and the line. Bytes that are not UTF-8 spoil only the row that
holds them: JSON Lines are decoded line by line; JSON and CSV are decoded with
``surrogateescape`` (a byte that is not UTF-8 becomes one character in
U+DC80..U+DCFF, which strict UTF-8 never yields) and each row's own text is
checked for such characters. A lone surrogate written as a JSON escape
(``"\\ud800"``) is legal JSON and is kept as data.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator, Mapping
from typing import IO, Any

from ..errors import InputError

__all__ = ["Record", "csv_records", "json_records", "jsonl_records", "looks_like_jsonl"]

#: ``(line, record)``: ``line`` is 1-based (None for an error about the whole source); the record may be an InputError.
Record = tuple[int | None, Any]

_BOM = b"\xef\xbb\xbf"
_BAD_BYTE = re.compile("[\udc80-\udcff]")
_SPACE = re.compile(r"[ \t\n\r]*")


def _bad_byte(raw: bytes, exc: UnicodeDecodeError) -> str:
    return f"not UTF-8 text: byte {raw[exc.start : exc.start + 1]!r} at column {exc.start + 1} ({exc.reason})"


def jsonl_records(stream: IO[bytes], name: str) -> Iterator[Record]:
    """One record per non-blank line; a line that is not UTF-8 or not JSON is an error for that line only."""
    for number, raw in enumerate(stream, start=1):
        if number == 1:
            raw = raw.removeprefix(_BOM)
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            yield number, InputError(_bad_byte(raw, exc), path=name, line=number)
            continue
        if not text.strip():
            continue
        try:
            yield number, json.loads(text)
        except json.JSONDecodeError as exc:
            yield number, InputError(f"invalid JSON at column {exc.colno}: {exc.msg}", path=name, line=number)


def looks_like_jsonl(data: bytes) -> bool:
    """True when the first non-blank line is a JSON value on its own (JSON Lines), False for a JSON document."""
    for raw in data.removeprefix(_BOM).splitlines():
        if raw.strip():
            try:
                json.loads(raw.decode("utf-8", errors="surrogateescape"))
            except json.JSONDecodeError:
                return False
            return True
    return True


# ----------------------------------------------------------------------------- JSON: a list of rows, or {"rows": [...]}


class _Cursor:
    """Walks a JSON document whose rows array is read element by element."""

    def __init__(self, text: str, name: str) -> None:
        self.text, self.name, self.pos = text, name, 0
        self.decoder = json.JSONDecoder()

    def line(self, pos: int | None = None) -> int:
        return self.text.count("\n", 0, self.pos if pos is None else pos) + 1

    def space(self) -> str:
        self.pos = _SPACE.match(self.text, self.pos).end()  # type: ignore[union-attr]  # matches the empty string too
        return self.text[self.pos : self.pos + 1]

    def expect(self, *chars: str) -> str:
        char = self.space()
        if char not in chars:
            found = repr(char) if char else "the end of the file"
            wanted = " or ".join(map(repr, chars))
            raise InputError(f"invalid JSON at line {self.line()}: expected {wanted}, found {found}", path=self.name)
        self.pos += 1
        return char

    def value(self) -> tuple[Any, int]:
        """The JSON value at the cursor and where it started; the cursor moves past it."""
        start = self.pos
        try:
            value, self.pos = self.decoder.raw_decode(self.text, self.pos)
        except json.JSONDecodeError as exc:
            raise InputError(f"invalid JSON at line {exc.lineno} column {exc.colno}: {exc.msg}", path=self.name) from None
        return value, start

    def find_rows(self) -> None:
        """Move to just inside the rows array: the document itself, or the ``rows`` key of an object."""
        if self.expect("[", "{") == "[":
            return
        while self.space() != "}":
            key, _ = self.value()
            self.expect(":")
            if self.space() == "[" and key == "rows":
                self.pos += 1
                return
            self.value()
            if self.expect(",", "}") == "}":
                break
        raise InputError('a JSON file must hold a list of rows (or {"rows": [...]})', path=self.name)


def json_records(data: bytes, name: str) -> Iterator[Record]:
    """The rows of a JSON document, numbered from 1. A row holding bytes that are not UTF-8 is an error for that row."""
    cursor = _Cursor(data.removeprefix(_BOM).decode("utf-8", errors="surrogateescape"), name)
    try:
        cursor.find_rows()
        number = 0
        while cursor.space() != "]":
            if number:
                cursor.expect(",")
            number += 1
            cursor.space()
            value, start = cursor.value()
            bad = _BAD_BYTE.search(cursor.text, start, cursor.pos)
            if bad is not None:
                where = f"line {cursor.line(bad.start())}"
                yield number, InputError(f"not UTF-8 text: a byte that is not UTF-8 at {where}", path=name, line=number)
            else:
                yield number, value
    except InputError as exc:
        yield None, exc


# ----------------------------------------------------------------------------- CSV / TSV


def csv_records(stream: IO[bytes], name: str, delimiter: str = ",") -> Iterator[Record]:
    """One record per row after the header, keyed by the header; every cell is text. ``line`` is the row's first line."""
    text = io.TextIOWrapper(stream, encoding="utf-8-sig", errors="surrogateescape", newline="")
    reader = csv.reader(text, delimiter=delimiter)
    try:
        header = next(reader, None)
    except csv.Error as exc:
        yield None, InputError(f"invalid CSV header: {exc}", path=name, line=1)
        return
    if header is None:
        return
    if any(_BAD_BYTE.search(cell) for cell in header):
        yield None, InputError("not UTF-8 text in the header row", path=name, line=1)
        return
    while True:
        start = reader.line_num + 1
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield start, InputError(f"invalid CSV: {exc}", path=name, line=start)
            return
        if cells:
            yield start, _csv_row(header, cells, name, start)


def _csv_row(header: list[str], cells: list[str], name: str, line: int) -> Mapping[str, str] | InputError:
    if any(_BAD_BYTE.search(cell) for cell in cells):
        return InputError("not UTF-8 text: a byte that is not UTF-8 in this row", path=name, line=line)
    if len(cells) != len(header):
        return InputError(f"has {len(cells)} cells, the header has {len(header)}", path=name, line=line)
    return dict(zip(header, cells, strict=True))
