"""``check --output``: one JSON line per input row, in input order, written as soon as it can be.

A row's line is written, and the file flushed, as soon as that row and every
row before it are scored, so a crash, a kill or Ctrl-C keeps everything done
so far. Each line is ``{"line": N, "rewards": {NAME: verdict}}`` (plus
``"completion_index"`` for a row of a list of completions), or
``{"line": N, "error": ..., "field": ..., "rewards": {}}`` for a bad row.

Any string survives: lines are UTF-8 with JSON's escapes for control
characters, and a lone surrogate (legal in JSON, not in UTF-8) is written as
its ``\\uXXXX`` escape, so every line reads back as the same string.

``--resume`` reads an existing output (:func:`read_resume`): rows already in
it are not scored again, a last line cut short by a crash is dropped, and new
rows are appended.
"""

from __future__ import annotations

import contextlib
import json
import sys
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from .data import InputRow
from .errors import ConfigError, InputError
from .verdict import Verdict

__all__ = [
    "Entry",
    "OutputSink",
    "Resumed",
    "STDOUT",
    "RowWriter",
    "encode_json",
    "encode_record",
    "entries_for",
    "error_record",
    "open_output",
    "read_resume",
    "row_record",
]

STDOUT = "-"
Key = tuple[int, int]
_LAST = sys.maxsize  # errors about a whole source go after every row


def encode_json(value: Any) -> bytes:
    """``value`` as JSON in UTF-8, with lone surrogates as ``\\uXXXX`` escapes (never an encoding error)."""
    return json.dumps(value, ensure_ascii=False, default=repr).encode("utf-8", errors="backslashreplace")


def encode_record(record: Mapping[str, Any]) -> bytes:
    """One output line: :func:`encode_json` of ``record`` and a newline."""
    return encode_json(record) + b"\n"


def row_record(row: InputRow, verdicts: Mapping[str, Verdict]) -> dict[str, Any]:
    """The output record of a scored row."""
    record: dict[str, Any] = {"line": row.line}
    if row.completion_index is not None:
        record["completion_index"] = row.completion_index
    record["rewards"] = {name: verdict.to_dict() for name, verdict in verdicts.items()}
    return record


def error_record(error: InputError) -> dict[str, Any]:
    """The output record of a row that could not be read."""
    return {"line": error.line, "error": str(error), "field": error.field, "rewards": {}}


def error_key(error: InputError) -> Key:
    return (error.line if error.line is not None else _LAST, 0)


@dataclass(frozen=True)
class Entry:
    """One line of output: a scored row (``position`` in the row list) or a bad row (``record`` ready now)."""

    key: Key
    position: int | None = None
    record: dict[str, Any] | None = None

    def build(self, record_of: Callable[[int], dict[str, Any]]) -> dict[str, Any]:
        """The line's record: the bad row's, or ``record_of(position)`` for a scored row."""
        if self.record is not None:
            return self.record
        assert self.position is not None
        return record_of(self.position)


def entries_for(rows: Sequence[InputRow], errors: Sequence[InputError], skip: Iterable[Key] = ()) -> list[Entry]:
    """Output lines for ``rows`` and ``errors`` in input order, leaving out keys in ``skip`` (already written)."""
    done = set(skip)
    entries = [Entry(row.key, position=i) for i, row in enumerate(rows) if row.key not in done]
    entries += [Entry(error_key(e), record=error_record(e)) for e in errors if error_key(e) not in done]
    entries.sort(key=lambda entry: entry.key)
    return entries


class RowWriter:
    """Writes entries in order, each as soon as it and every entry before it are ready; flushes after each write."""

    def __init__(self, sink: IO[bytes], entries: Sequence[Entry], record_of: Callable[[int], dict[str, Any]]) -> None:
        self.sink, self.entries, self.record_of = sink, list(entries), record_of
        self.ready: set[int] = set()
        self.written = 0
        self.done([])  # bad rows before the first scored row go out at once

    def done(self, positions: Iterable[int]) -> None:
        """Rows at ``positions`` are scored: write every entry now ready, in order."""
        self.ready.update(positions)
        lines = []
        while self.written < len(self.entries):
            entry = self.entries[self.written]
            if entry.record is None and entry.position not in self.ready:
                break
            lines.append(encode_record(entry.build(self.record_of)))
            self.written += 1
        if lines:
            self.sink.write(b"".join(lines))
            self.sink.flush()


# ----------------------------------------------------------------------------- where the output goes


@dataclass
class Resumed:
    """What an earlier run already wrote: the keys of its rows and the verdicts per reward (for the summary)."""

    keys: set[Key] = field(default_factory=set)
    verdicts: dict[str, list[Verdict]] = field(default_factory=dict)
    dropped_partial_line: bool = False

    @property
    def count(self) -> int:
        return len(self.keys)


def _resumed_record(resumed: Resumed, record: Any) -> None:
    if not isinstance(record, Mapping) or "line" not in record or not isinstance(record.get("rewards"), Mapping):
        raise ValueError("not a line that check --output writes")
    line = record["line"] if record["line"] is not None else _LAST
    resumed.keys.add((line, record.get("completion_index") or 0))
    for name, data in record["rewards"].items():
        resumed.verdicts.setdefault(name, []).append(Verdict.from_dict(data))


def read_resume(path: Path) -> Resumed:
    """The rows an earlier ``check --output path`` wrote; a last line cut short (no newline) is dropped from the file.

    Raises ConfigError when a complete line is not a record ``check`` writes
    (the file is something else: resuming into it would mix two things).
    """
    resumed = Resumed()
    if not path.exists():
        return resumed
    data = path.read_bytes()
    complete = data[: data.rfind(b"\n") + 1]
    if len(complete) < len(data):
        resumed.dropped_partial_line = True
        with path.open("r+b") as handle:
            handle.truncate(len(complete))
    for number, raw in enumerate(complete.splitlines(), start=1):
        try:
            _resumed_record(resumed, json.loads(raw))
        except (ValueError, KeyError, TypeError) as exc:
            raise ConfigError(f"--resume: {path}:{number} is not a line that check --output writes ({exc})") from None
    return resumed


@dataclass
class OutputSink:
    """The opened output: its stream, whether it is standard output, and what an earlier run left (``--resume``)."""

    stream: IO[bytes]
    to_stdout: bool
    resumed: Resumed
    name: str

    def close(self) -> None:
        if not self.to_stdout:
            with contextlib.suppress(OSError):
                self.stream.close()


def open_output(target: str, *, resume: bool = False, stdout: IO[bytes] | None = None) -> OutputSink:
    """Open ``target`` (``-``: standard output, or ``stdout`` when given) before anything is scored; creates missing folders.

    Raises ConfigError when it cannot be written, or for ``--resume`` on standard output.
    """
    if target == STDOUT:
        if resume:
            raise ConfigError("--resume needs --output FILE: there is nothing to resume on standard output")
        return OutputSink(stdout or sys.stdout.buffer, True, Resumed(), "<stdout>")
    path = Path(target).expanduser()
    if path.is_dir():
        raise ConfigError(f"--output {target}: is a folder; give a file name, e.g. {path / 'results.jsonl'}")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        resumed = read_resume(path) if resume else Resumed()
        stream = path.open("ab" if resume else "wb")
    except OSError as exc:
        raise ConfigError(f"--output {target}: cannot write there: {exc.strerror or exc}") from None
    return OutputSink(stream, False, resumed, str(path))
