"""Text from the model, made safe to show: nothing it holds can break the terminal or the encoder.

A completion is hostile input. :func:`printable` escapes what a terminal
would act on or an encoder would refuse: C0 and C1 control characters (an
ANSI escape could rewrite the screen), bidirectional overrides (they reorder
what is shown) and lone surrogates (legal in JSON, not encodable as UTF-8).
Newlines and tabs are kept. :func:`never_fail_on_encoding` makes a text
stream write any character it cannot encode as an escape instead of raising.
"""

from __future__ import annotations

import contextlib
import re
from typing import IO, Any

__all__ = ["never_fail_on_encoding", "printable"]

_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: Any) -> str:
    """``text`` (made a string) with control characters, bidi overrides and lone surrogates escaped (``\\x1b``, ``\\ud800``)."""
    return _UNSAFE.sub(_escape, str(text))


def never_fail_on_encoding(*streams: IO[str]) -> None:
    """Make each text stream escape characters it cannot encode (``errors="backslashreplace"``) where it can."""
    for stream in streams:
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            with contextlib.suppress(Exception):
                reconfigure(errors="backslashreplace")
