"""What ``check`` does around scoring: stream rows to ``--output``, turn Ctrl-C and SIGTERM into a partial run, exit statuses.

Exit statuses (also in ``check --help``):

==  ===========================================================================
0   everything was scored and nothing failed
1   something failed: a bad row, a plugin that did not load, a sample that
    failed on our side (crash, timeout, sandbox down, missing column), a
    reward that could not use the data of any row, no rows at all, no reward
    that applies, a source that could not be read, or a ``--fail-on`` condition
2   a usage or configuration error (nothing was scored)
130 interrupted by Ctrl-C (SIGINT); 143 by SIGTERM: the rows done so far are
    in ``--output`` and a partial summary is printed
==  ===========================================================================
"""

from __future__ import annotations

import contextlib
import signal
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from ..checking import AppliedReward, CheckReport, run_check
from ..data import InputRow
from ..errors import InputError
from ..executors import Executor
from ..output import OutputSink, RowWriter, entries_for, row_record

__all__ = ["EXIT_FAILED", "EXIT_OK", "EXIT_USAGE", "Interrupted", "ScoringRun", "interrupts_raise", "score_rows"]

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


class Interrupted(KeyboardInterrupt):
    """The run was stopped by a signal; ``exit_code`` is 128 + its number."""

    def __init__(self, signum: int) -> None:
        super().__init__(signal.Signals(signum).name)
        self.exit_code = 128 + signum


@contextlib.contextmanager
def interrupts_raise() -> Iterator[None]:
    """Within the block, SIGTERM raises :class:`Interrupted` as Ctrl-C raises KeyboardInterrupt (main thread only)."""

    def handler(signum: int, frame: Any) -> None:
        raise Interrupted(signum)

    try:
        previous = signal.signal(signal.SIGTERM, handler)
    except ValueError:  # not the main thread: leave signals alone
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


@dataclass
class ScoringRun:
    """How a scoring run ended: its report, and the exit code of the signal that stopped it (None: it finished)."""

    report: CheckReport
    interrupted: int | None = None


def _writer(sink: OutputSink, rows: Sequence[InputRow], errors: Sequence[InputError], report: CheckReport) -> RowWriter:
    def record_of(position: int) -> dict[str, Any]:
        return row_record(rows[position], report.verdicts_of(position))

    return RowWriter(sink.stream, entries_for(rows, errors, skip=sink.resumed.keys), record_of)


def score_rows(
    selected: Sequence[AppliedReward],
    rows: Sequence[InputRow],
    errors: Sequence[InputError],
    *,
    sink: OutputSink | None,
    report: CheckReport,
    err: Console,
    quiet: bool,
    executor: Executor | None = None,
) -> ScoringRun:
    """Score ``rows`` with a progress bar, each row going to ``sink`` as soon as it and the rows before it are done.

    Ctrl-C and SIGTERM end the run early; the rows done are written and the
    report covers them.
    """
    writer = _writer(sink, rows, errors, report) if sink is not None else None
    total = sum(len(s.positions) for s in selected)
    columns = (TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    run = ScoringRun(report)
    with Progress(*columns, console=err, transient=True, disable=quiet or total == 0) as progress:
        tasks = {s.name: progress.add_task(s.name, total=len(s.positions)) for s in selected}
        try:
            with interrupts_raise():
                run_check(
                    selected,
                    rows,
                    on_progress=lambda name, n: progress.advance(tasks[name], n),
                    on_rows=writer.done if writer is not None else None,
                    report=report,
                    executor=executor,
                )
        except KeyboardInterrupt as exc:
            run.interrupted = exc.exit_code if isinstance(exc, Interrupted) else 128 + signal.SIGINT
    return run
