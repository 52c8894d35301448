"""After every job: kill what is left of it, wipe the writable places, remove its IPC objects.

:func:`clean` runs in the cleaner process (see :mod:`.roles`), whose
effective uid is the job's: ``kill(-1, SIGKILL)`` then reaches every process
of the job in one atomic step (a fork bomb cannot outrun it), and the job's
files and System V objects are its own to delete. Symlinks are removed, never
followed; directories a job made unreadable are opened up first. What cannot
be cleaned is reported, and the host then recycles the container.
:func:`leftovers` is PID 1's own check afterwards.
"""

from __future__ import annotations

import ctypes
import os
import signal

__all__ = ["WRITABLE", "clean", "leftovers", "wipe"]

WRITABLE = ("/tmp", "/dev/shm", "/dev/mqueue")
IPC_TABLES = {"/proc/sysvipc/shm": "shmctl", "/proc/sysvipc/sem": "semctl", "/proc/sysvipc/msg": "msgctl"}
IPC_RMID = 0


def clean() -> list[str]:
    """Kill every process of the job, then wipe and remove what it left; return the problems."""
    try:
        os.kill(-1, signal.SIGKILL)
    except ProcessLookupError:
        pass  # nothing of the job was still running
    problems: list[str] = []
    for root in WRITABLE:
        problems += wipe(root)
    return problems + _remove_ipc()


def wipe(root: str) -> list[str]:
    """Remove everything inside ``root`` (keeping ``root``); return problems found."""
    if not os.path.isdir(root):
        return []
    try:
        _empty(root)
        left = os.listdir(root)
    except (OSError, RecursionError) as exc:  # e.g. paths past PATH_MAX, or nesting past the recursion limit
        return [f"could not wipe {root}: {type(exc).__name__}: {exc}"]
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


def _ipc_ids(table: str) -> list[int]:
    try:
        with open(table) as handle:
            rows = handle.read().splitlines()[1:]
    except OSError:
        return []
    return [int(row.split()[1]) for row in rows if len(row.split()) > 1]


def _remove_ipc() -> list[str]:
    libc = ctypes.CDLL(None, use_errno=True)
    problems = []
    for table, call in IPC_TABLES.items():
        for ident in _ipc_ids(table):
            args = (ident, 0, IPC_RMID) if call == "semctl" else (ident, IPC_RMID, None)
            if getattr(libc, call)(*args) != 0:
                problems.append(f"could not remove System V object {ident} ({table}): {os.strerror(ctypes.get_errno())}")
    return problems


def leftovers(uids: set[int]) -> list[str]:
    """PID 1's check after a clean-up: processes of the job's ``uids`` (zombies too), files, IPC objects."""
    others = [int(name) for name in os.listdir("/proc") if name.isdigit() and _real_uid(name) in uids]
    problems = [f"processes still running: {others[:5]}"] if others else []
    for root in WRITABLE:
        try:
            left = os.listdir(root)
        except OSError:
            continue  # PID 1 cannot list a directory the job made unreadable; the cleaner reported it
        if left:
            problems.append(f"{root} still holds {left[:3]}")
    for table in IPC_TABLES:
        if _ipc_ids(table):
            problems.append(f"System V IPC objects left in {table}")
    return problems


def _real_uid(pid: str) -> int | None:
    try:
        with open(f"/proc/{pid}/status") as handle:
            for line in handle:
                if line.startswith("Uid:"):
                    return int(line.split()[1])
    except (OSError, ValueError, IndexError):
        pass
    return None
