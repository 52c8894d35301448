"""Frames over a container's attached stdin/stdout (the only channel into the sandbox).

Docker multiplexes an attached, non-tty container's stdout and stderr on one
socket: each chunk has an 8-byte header (stream id, three zero bytes, a 4-byte
big-endian length). :class:`AttachedChannel` strips those headers, keeps the
supervisor's stderr aside for diagnostics, and reads protocol frames from
stdout with a deadline.
"""

from __future__ import annotations

import socket
import struct
import time
from typing import Any

from .guest import codec, framing

__all__ = ["AttachedChannel", "ChannelClosed"]

_MUX_HEADER = struct.Struct(">BxxxI")
STDOUT, STDERR = 1, 2


class ChannelClosed(Exception):
    """The channel broke: end of stream, a socket error, a bad frame or a missed deadline."""


class AttachedChannel:
    """Send request frames and receive reply frames over one attach socket."""

    def __init__(self, sock: Any, max_reply: int) -> None:
        self.sock: socket.socket = getattr(sock, "_sock", sock)
        self.max_reply = max_reply
        self.raw = bytearray()
        self.out = bytearray()
        self.diagnostics = bytearray()
        self.stream = 0
        self.pending = 0

    def send(self, message: dict[str, Any]) -> None:
        try:
            self.sock.settimeout(None)
            self.sock.sendall(framing.pack(message))
        except OSError as exc:
            raise ChannelClosed(f"could not send to the supervisor: {exc}") from None

    def receive(self, timeout: float) -> dict[str, Any]:
        deadline = time.monotonic() + timeout
        header = self._read(framing.HEADER.size, deadline)
        (size,) = framing.HEADER.unpack(header)
        if size > self.max_reply:
            raise ChannelClosed(f"the supervisor sent a frame of {size} bytes (limit {self.max_reply})")
        try:
            message = codec.decode(self._read(size, deadline), framing.PROTOCOL_LIMITS)
        except codec.CodecError as exc:
            raise ChannelClosed(f"the supervisor sent a malformed frame: {exc}") from None
        if type(message) is not dict:
            raise ChannelClosed("the supervisor sent a frame that is not a dict")
        return message

    def close(self) -> None:
        try:
            self.sock.close()
        except OSError:
            pass

    def tail(self) -> str:
        """The last lines the supervisor wrote to its stderr, for error messages."""
        return bytes(self.diagnostics[-2000:]).decode("utf-8", "replace").strip()

    def _read(self, size: int, deadline: float) -> bytes:
        while len(self.out) < size:
            self._fill(deadline)
        data = bytes(self.out[:size])
        del self.out[:size]
        return data

    def _fill(self, deadline: float) -> None:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise ChannelClosed("the supervisor did not answer in time")
        try:
            self.sock.settimeout(remaining)
            chunk = self.sock.recv(1 << 18)
        except TimeoutError:
            raise ChannelClosed("the supervisor did not answer in time") from None
        except OSError as exc:
            raise ChannelClosed(f"the connection to the container broke: {exc}") from None
        if not chunk:
            raise ChannelClosed("the container closed its output (it exited or was removed)")
        self.raw += chunk
        self._demux()

    def _demux(self) -> None:
        while self.raw:
            if self.pending == 0:
                if len(self.raw) < _MUX_HEADER.size:
                    return
                self.stream, self.pending = _MUX_HEADER.unpack_from(self.raw)
                del self.raw[: _MUX_HEADER.size]
                continue
            piece = self.raw[: self.pending]
            del self.raw[: len(piece)]
            self.pending -= len(piece)
            if self.stream == STDOUT:
                self.out += piece
            else:
                self.diagnostics = (self.diagnostics + piece)[-8192:]
