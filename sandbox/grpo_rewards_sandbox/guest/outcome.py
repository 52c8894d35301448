"""What the supervisor saw of one job, and the status that follows from it.

Every channel from the job is bounded as it is read: stdout and stderr keep
``keep`` bytes each and count the rest (the job is killed past
``max_output``), and the report pipe goes through a
:class:`~.framing.FrameReader` (a few frames, each at most the return-value
limit), so a flood costs the flooder, in linear time, within its own deadline.
"""

from __future__ import annotations

import signal
from dataclasses import dataclass, field
from typing import Any

from . import codec
from .framing import FrameReader

__all__ = ["Capture", "KILL_REASONS", "Outcome", "report_reader"]

REPORT_FRAMES = 8  # the runner writes one; the program may write a few of its own (it gains nothing by it)


@dataclass
class Capture:
    """The first ``keep`` bytes of a stream, and whether more came."""

    keep: int
    chunks: list[bytes] = field(default_factory=list)
    kept: int = 0
    total: int = 0

    def add(self, chunk: bytes) -> None:
        self.total += len(chunk)
        room = self.keep - self.kept
        if room > 0:
            piece = chunk[:room]
            self.chunks.append(piece)
            self.kept += len(piece)

    @property
    def data(self) -> bytes:
        return b"".join(self.chunks)

    @property
    def truncated(self) -> bool:
        return self.total > self.kept


def report_reader(max_value: int) -> FrameReader:
    """The bounds of one job's report channel."""
    frame = max_value + 16
    return FrameReader(max_frames=REPORT_FRAMES, max_frame=frame, max_total=frame + 1024)


KILL_REASONS = {
    "timeout": "wall-clock limit reached",
    "output_limit": "printed more than the output limit",
    "report_limit": "wrote more to the report channel than a return value may take",
}


@dataclass
class Outcome:
    """What the supervisor saw of one job."""

    stdout: Capture
    stderr: Capture
    report: FrameReader
    started: bool = False
    killed_for: str | None = None
    exit_code: int | None = None
    signal: int | None = None
    wall: float = 0.0
    cpu: float = 0.0
    peak_kb: int = 0
    cpu_limit: float = 0.0
    oom_killed: bool = False

    @property
    def returned(self) -> bytes | None:
        last = self.report.last or b""
        return last[1:] if last[:1] == b"R" else None

    @property
    def exception(self) -> str | None:
        last = self.report.last or b""
        if last[:1] != b"E":
            return None
        try:
            name = codec.decode(last[1:], codec.CodecLimits(max_bytes=1024, max_depth=1))
        except codec.CodecError:
            return None
        return name if type(name) is str else None

    def classify(self, mode: Any) -> tuple[str, str]:
        """The status and a reason in words."""
        if self.killed_for is not None:
            status = "output_limit" if self.killed_for == "report_limit" else self.killed_for
            return status, KILL_REASONS[self.killed_for]
        if self.oom_killed or (self.exception == "MemoryError" and self.exit_code != 0):
            return "memory", "ran out of memory"
        if self.signal is not None:
            if self.signal == signal.SIGXCPU or (self.signal == signal.SIGKILL and self.cpu >= self.cpu_limit):
                return "timeout", f"CPU time limit of {self.cpu_limit:g} s"
            return "runtime_error", f"killed by {_signal_name(self.signal)}"
        if self.exit_code != 0 and self.exception == "ReturnValueRejected":
            return "runtime_error", "return value rejected: only exact builtin values pass (details on stderr)"
        if self.exit_code != 0:
            what = f" ({self.exception})" if self.exception else ""
            return "runtime_error", f"exit code {self.exit_code}{what}"
        if mode == "call" and self.returned is None:
            return "runtime_error", "the process ended without returning a value"
        return "ok", "exit code 0"


def _signal_name(number: int) -> str:
    try:
        return signal.Signals(number).name
    except ValueError:
        return f"signal {number}"
