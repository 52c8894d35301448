"""Pool workers, and what their jobs started, die with the process that owns the pool, however it dies."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

SUPPORT = Path(__file__).resolve().parents[1] / "support"

OWNER = textwrap.dedent(
    """
    import sys
    sys.path.insert(0, {support!r})
    from grpo_rewards import Task, WorkerPool
    from pool_jobs import SpinAndReport

    pool = WorkerPool(2, memory_limit_mb=0)
    pool.run([Task(SpinAndReport({folder!r}), [i], 3600.0) for i in range(2)])
    """
)


def state(pid: int) -> str | None:
    """The process state letter from /proc (R, S, Z, ...), or None when there is no such process."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except (FileNotFoundError, ProcessLookupError):
        return None
    return stat.rsplit(")", 1)[1].split()[0]


def alive(pid: int) -> bool:
    return state(pid) not in (None, "Z", "X")


def group_members(pgid: int) -> list[int]:
    members = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[2]) == pgid:
                members.append(int(entry.name))
    return members


def wait_for(condition, seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(what)
        time.sleep(0.1)


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc")
@pytest.mark.parametrize("how", [signal.SIGKILL, signal.SIGTERM], ids=["SIGKILL", "SIGTERM"])
def test_workers_busy_on_a_hung_item_die_with_their_owner(tmp_path, how):
    owner = subprocess.Popen([sys.executable, "-c", OWNER.format(support=str(SUPPORT), folder=str(tmp_path))])
    try:
        wait_for(lambda: len(list(tmp_path.glob("[0-9]"))) == 2, 180, "the workers never started their items")
        reported = [tuple(map(int, f.read_text().split())) for f in sorted(tmp_path.glob("[0-9]"))]
        workers = [worker for worker, _ in reported]
        doomed = sorted({pid for worker in workers for pid in group_members(worker)} | {c for _, c in reported})
        assert len(doomed) >= 6  # per worker: itself, its job's child and its guard
        assert all(alive(pid) for pid in doomed)
        owner.send_signal(how)
        owner.wait(timeout=60)
        wait_for(lambda: not any(alive(pid) for pid in doomed), 60, f"processes outlived their owner: {doomed}")
    finally:
        if owner.poll() is None:
            owner.kill()
            owner.wait()
        for report in tmp_path.glob("[0-9]"):  # a failed run must not leave spinning workers behind
            with contextlib.suppress(OSError):
                os.killpg(int(report.read_text().split()[0]), signal.SIGKILL)
