"""Keep standard output for our own output while libraries run: whatever they write to fd 1 goes to stderr.

``check --format json`` and ``check --output -`` promise machine-readable
standard output, but a plugin's ``print``, a C extension's ``printf`` or a
process started meanwhile (Ray's raylet, a pool worker) writes to file
descriptor 1 and would corrupt it. :func:`stdout_to_stderr` points fd 1 at
stderr (``os.dup2``, so C code and child processes are covered too) and
hands back a stream on a saved copy of the real standard output, the only
way our output reaches it. Leaving the block flushes what was written
meanwhile (to stderr) and puts fd 1 back.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import sys
from collections.abc import Iterator
from typing import IO

__all__ = ["stdout_to_stderr"]

_STDOUT, _STDERR = 1, 2


@contextlib.contextmanager
def stdout_to_stderr(enabled: bool = True) -> Iterator[IO[bytes]]:
    """While the block runs, fd 1 is stderr; the yielded binary stream writes to the real standard output.

    With ``enabled`` False, or when ``sys.stdout`` is not fd 1, nothing is
    redirected and the stream is ``sys.stdout.buffer``.
    """
    if not enabled or not _stdout_is_fd1():  # e.g. click's test runner: sys.stdout is a buffer of its own
        yield sys.stdout.buffer
        return
    _flush_all()
    saved = os.dup(_STDOUT)  # not inheritable: processes started meanwhile never get the real standard output
    out = os.fdopen(saved, "wb", closefd=True)
    os.dup2(_STDERR, _STDOUT)
    try:
        yield out
    finally:
        _flush_all()  # what libraries left in buffers belongs on stderr, not on the restored stdout
        os.dup2(saved, _STDOUT)
        with contextlib.suppress(OSError):  # a reader that went away (a closed pipe) is not our failure here
            out.close()


def _stdout_is_fd1() -> bool:
    try:
        return sys.stdout.fileno() == _STDOUT
    except (AttributeError, OSError, ValueError):
        return False


def _flush_all() -> None:
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(Exception):  # a closed or replaced stream must not hide the command's outcome
            stream.flush()
    with contextlib.suppress(Exception):  # C stdio buffers (a C extension's printf); absent on some platforms
        ctypes.CDLL(None).fflush(None)
