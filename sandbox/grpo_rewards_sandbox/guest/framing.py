"""Length-prefixed frames: a 4-byte big-endian length, then that many bytes of codec data.

Used by the supervisor on its stdin/stdout and by the host on the attached socket.
"""

from __future__ import annotations

import os
import struct
from typing import Any

from . import codec

__all__ = ["FrameError", "FrameReader", "HEADER", "pack", "read_frame", "write_frame"]

HEADER = struct.Struct(">I")
MAX_REQUEST = 256 * 1024 * 1024
# Frames carry protocol messages (strings and bytes); real nesting is shallow, items are few.
PROTOCOL_LIMITS = codec.CodecLimits(max_bytes=MAX_REQUEST, max_depth=8, max_items=10_000, max_int_bytes=16)


class FrameError(Exception):
    """A frame was malformed or larger than allowed."""


def pack(message: dict[str, Any]) -> bytes:
    """One frame holding ``message``."""
    body = codec.encode(message, PROTOCOL_LIMITS)
    return HEADER.pack(len(body)) + body


def write_frame(fd: int, message: dict[str, Any]) -> None:
    """Write one frame to a blocking file descriptor."""
    view = memoryview(pack(message))
    while view:
        view = view[os.write(fd, view) :]


def read_frame(fd: int, limit: int = MAX_REQUEST) -> dict[str, Any] | None:
    """Read one frame from a blocking file descriptor; None at a clean end of file."""
    header = _read_exact(fd, HEADER.size, eof_ok=True)
    if header is None:
        return None
    (size,) = HEADER.unpack(header)
    if size > limit:
        raise FrameError(f"frame of {size} bytes is over the limit of {limit}")
    message = codec.decode(_read_exact(fd, size) or b"", PROTOCOL_LIMITS)
    if type(message) is not dict:
        raise FrameError("a frame must hold a dict")
    return message


def _read_exact(fd: int, size: int, eof_ok: bool = False) -> bytes | None:
    chunks: list[bytes] = []
    remaining = size
    while remaining:
        chunk = os.read(fd, min(remaining, 1 << 20))
        if not chunk:
            if eof_ok and remaining == size:
                return None
            raise FrameError("end of file inside a frame")
        chunks.append(chunk)
        remaining -= len(chunk)
    return b"".join(chunks)


class FrameReader:
    """Length-prefixed frames from an untrusted writer, parsed as bytes arrive: linear time, bounded.

    ``feed`` takes a chunk and raises :class:`FrameError` as soon as the writer
    passes any bound: more than ``max_frames`` frames, one frame larger than
    ``max_frame``, or more than ``max_total`` bytes in all. Each byte is looked
    at once; only the last complete frame is kept (earlier ones are dropped),
    plus at most one partial frame.
    """

    def __init__(self, *, max_frames: int, max_frame: int, max_total: int) -> None:
        self.max_frames, self.max_frame, self.max_total = max_frames, max_frame, max_total
        self.frames = 0
        self.total = 0
        self.last: bytes | None = None
        self._header = bytearray()
        self._body = bytearray()
        self._need = -1  # bytes still missing from the current body; -1 while reading a header

    def feed(self, chunk: bytes) -> None:
        self.total += len(chunk)
        if self.total > self.max_total:
            raise FrameError(f"more than {self.max_total} bytes")
        view = memoryview(chunk)
        while view:
            view = self._header_part(view) if self._need < 0 else self._body_part(view)

    def _header_part(self, view: memoryview) -> memoryview:
        take = HEADER.size - len(self._header)
        self._header += view[:take]
        if len(self._header) == HEADER.size:
            (size,) = HEADER.unpack(self._header)
            if size > self.max_frame:
                raise FrameError(f"a frame of {size} bytes (limit {self.max_frame})")
            self.frames += 1
            if self.frames > self.max_frames:
                raise FrameError(f"more than {self.max_frames} frames")
            self._header.clear()
            self._need = size
            if size == 0:
                self._complete()
        return view[take:]

    def _body_part(self, view: memoryview) -> memoryview:
        piece = view[: self._need]
        self._body += piece
        self._need -= len(piece)
        if self._need == 0:
            self._complete()
        return view[len(piece) :]

    def _complete(self) -> None:
        self.last = bytes(self._body)
        self._body.clear()
        self._need = -1
