"""The job directory, and wiping the writable places after every job.

PID 1 makes the job directory (``/tmp/job``) and writes the program into it
before the job starts (:func:`make_job_dir`). The directory is PID 1's, open
to the job, so after the job PID 1 removes what the job left in it by itself
(:func:`tidy_job_dir`): that is all a job leaves behind, almost always.
Anything else (a file elsewhere in ``/tmp``, in ``/dev/shm`` or
``/dev/mqueue``, a subdirectory, a System V object) belongs to the job's uid,
and only a process with that effective uid may remove it: the cleaner
(:func:`clean`, see :mod:`.roles`), forked only then. Its ``kill(-1,
SIGKILL)`` also reaches every process of the job at once. Symlinks are
removed, never followed; directories a job made unreadable are opened up
first. What cannot be cleaned is reported, and the container is recycled.
:func:`leftovers` is PID 1's own check afterwards.
"""

from __future__ import annotations

import ctypes
import os
import signal

__all__ = ["JOB_DIR", "WRITABLE", "clean", "leftovers", "make_job_dir", "needs_cleaner", "tidy_job_dir", "wipe"]

JOB_DIR = "/tmp/job"
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
    """Remove everything of the caller's inside ``root`` (keeping ``root``); return the errors met.

    What is left is for PID 1's :func:`leftovers` to judge (its own job directory may still be there).
    """
    if not os.path.isdir(root):
        return []
    try:
        _empty(root)
    except (OSError, RecursionError) as exc:  # e.g. paths past PATH_MAX, or nesting past the recursion limit
        return [f"could not wipe {root}: {type(exc).__name__}: {exc}"]
    return []


def _empty(directory: str) -> None:
    """Remove what is the caller's inside ``directory``; recurse into PID 1's (the job directory) too.

    Entries that are not the caller's to remove (PID 1's job directory) are
    left: PID 1 removes them, and its own check afterwards sees what is left.
    """
    with os.scandir(directory) as entries:
        for entry in list(entries):
            if entry.is_dir(follow_symlinks=False):
                mine = entry.stat(follow_symlinks=False).st_uid == os.geteuid()
                if mine:
                    os.chmod(entry.path, 0o700)
                _empty(entry.path)
                if mine:
                    os.rmdir(entry.path)
            else:
                try:
                    os.unlink(entry.path)
                except PermissionError:
                    pass  # PID 1's


def make_job_dir(files: dict[str, bytes]) -> None:
    """PID 1: create the job directory (its own, open to the job) holding ``files`` (readable by the job)."""
    os.mkdir(JOB_DIR, 0o700)
    os.chmod(JOB_DIR, 0o777)  # the job may create files here; PID 1, the owner, may remove any of them
    for name, data in files.items():
        fd = os.open(os.path.join(JOB_DIR, name), os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o644)
        try:
            os.fchmod(fd, 0o644)  # PID 1's umask is 077
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view) :]
        finally:
            os.close(fd)


def tidy_job_dir() -> None:
    """PID 1: remove the entries of the job directory it can (files, empty directories), then the directory.

    The directory is PID 1's, so it may unlink whatever the job put directly in
    it; the contents of a subdirectory the job made are the job's, left for
    the cleaner (:func:`needs_cleaner` then says so).
    """
    try:
        with os.scandir(JOB_DIR) as entries:
            for entry in list(entries):
                try:
                    if entry.is_dir(follow_symlinks=False):
                        os.rmdir(entry.path)
                    else:
                        os.unlink(entry.path)
                except OSError:
                    pass  # not ours to remove: the cleaner's
        os.rmdir(JOB_DIR)
    except OSError:
        pass  # gone already, or not empty yet


def needs_cleaner() -> bool:
    """PID 1, after :func:`tidy_job_dir`: whether the job left anything only its own uid may remove."""
    for root in WRITABLE:
        try:
            if os.listdir(root):
                return True
        except OSError:
            return True
    return any(_ipc_ids(table) for table in IPC_TABLES)


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


def leftovers() -> list[str]:
    """PID 1's check after a clean-up: files in the writable places, System V objects."""
    problems = []
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
