"""After every job: wipe the writable places and check that nothing else was left behind.

Runs only once every job process is dead, so nothing races the wipe. Symlinks
are removed, never followed; directories a job made unreadable are opened up
first. Anything that cannot be cleaned is reported as a broken invariant, and
the host then recycles the container.
"""

from __future__ import annotations

import os

IPC_TABLES = ("/proc/sysvipc/shm", "/proc/sysvipc/sem", "/proc/sysvipc/msg")


def wipe(root: str) -> list[str]:
    """Remove everything inside ``root`` (keeping ``root``); return problems found."""
    if not os.path.isdir(root):
        return []
    try:
        _empty(root)
    except (OSError, RecursionError) as exc:  # e.g. paths past PATH_MAX, or nesting past the recursion limit
        return [f"could not wipe {root}: {type(exc).__name__}: {exc}"]
    left = os.listdir(root)
    return [f"{root} still holds {left[:3]}"] if left else []


def _empty(directory: str) -> None:
    with os.scandir(directory) as entries:
        for entry in list(entries):
            if entry.is_dir(follow_symlinks=False):
                os.chmod(entry.path, 0o700)
                _empty(entry.path)
                os.rmdir(entry.path)
            else:
                os.unlink(entry.path)


def check_invariants(baseline_fds: set[str]) -> list[str]:
    """Problems that make this container unfit for another job."""
    problems = []
    others = [name for name in os.listdir("/proc") if name.isdigit() and name != str(os.getpid())]
    if others:
        problems.append(f"processes still running: {others[:5]}")
    problems += _ipc_left()
    problems += wipe("/dev/mqueue")
    fds = set(os.listdir("/proc/self/fd"))
    if len(fds) > len(baseline_fds) + 1:  # +1: the listing's own descriptor
        problems.append(f"supervisor holds {len(fds)} descriptors, {len(baseline_fds)} at start")
    return problems


def _ipc_left() -> list[str]:
    problems = []
    for table in IPC_TABLES:
        try:
            with open(table) as handle:
                rows = handle.read().splitlines()[1:]
        except OSError:
            continue
        if rows:
            problems.append(f"{len(rows)} System V IPC objects left in {table}")
    return problems
