"""Run a command in a real pseudo-terminal of a given size and read what it printed (tests of rendering)."""

from __future__ import annotations

import fcntl
import os
import pty
import re
import struct
import subprocess
import sys
import termios
import time

ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b\][^\x07]*\x07")


def run_in_terminal(
    args: list[str], *, columns: int = 80, rows: int = 50, env: dict[str, str] | None = None, timeout: float = 120
):
    """``(exit status, text)`` of ``grpo-rewards ARGS`` run on a pty ``columns`` wide; ANSI codes are stripped."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
    environment = dict(os.environ if env is None else env)
    for name in ("COLUMNS", "LINES", "NO_COLOR"):
        environment.pop(name, None)
    environment["TERM"] = "xterm-256color"
    code = "import sys; from grpo_rewards.cli import main; main(sys.argv[1:])"
    process = subprocess.Popen([sys.executable, "-c", code, *args], stdin=slave, stdout=slave, stderr=slave, env=environment)
    os.close(slave)
    chunks: list[bytes] = []
    deadline = time.monotonic() + timeout
    while True:
        try:
            data = os.read(master, 65536)
        except OSError:  # the child closed its side
            break
        if not data:
            break
        chunks.append(data)
        if time.monotonic() > deadline:
            process.kill()
            break
    os.close(master)
    status = process.wait(timeout=30)
    text = ANSI.sub("", b"".join(chunks).decode("utf-8", "replace")).replace("\r\n", "\n")
    return status, text
