"""Length-prefixed frames: a 4-byte big-endian length, then that many bytes of codec data.

Used by the supervisor on its stdin/stdout and by the host on the attached socket.
"""

from __future__ import annotations

import os
import struct
from typing import Any

from . import codec

__all__ = ["FrameError", "HEADER", "pack", "read_frame", "write_frame"]

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
