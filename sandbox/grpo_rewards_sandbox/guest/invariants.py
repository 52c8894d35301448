"""What must not change in the supervisor and the zygote, from one job to the next.

:func:`snapshot` records a process's identity (ids, capabilities,
no-new-privileges, seccomp), every resource limit, its OOM score adjustment,
dumpability, niceness, scheduling policy and CPU affinity. PID 1 takes one of
itself and one of the zygote at start-up, and again after every job;
:func:`differences` names what moved. A job could only move them by
reaching into a process it must not reach, so any difference is charged to
that job and the container is recycled.
"""

from __future__ import annotations

import os
from typing import Any

from .privileges import status_fields

__all__ = ["differences", "open_fds", "snapshot"]


def snapshot(pid: int = 0) -> dict[str, Any]:
    """The invariants of process ``pid`` (0: the caller), read from ``/proc`` as plain values.

    PID 1 reads the zygote's this way too: it is the same uid, and the zygote
    need not be asked (so a request queued in its socket never delays a check).
    """
    where = str(pid) if pid else "self"
    with open(f"/proc/{where}/oom_score_adj") as handle:
        oom = handle.read().strip()
    with open(f"/proc/{where}/limits") as handle:  # "Max cpu time   unlimited   unlimited   seconds"
        limits = {line[:25].strip(): line[25:].split()[:2] for line in handle.read().splitlines()[1:]}
    return {
        "identity": status_fields(where),
        "limits": limits,
        "oom_score_adj": oom,
        "proc owner": os.stat(f"/proc/{where}").st_uid,  # root while non-dumpable
        "nice": os.getpriority(os.PRIO_PROCESS, pid),
        "policy": os.sched_getscheduler(pid),
        "affinity": sorted(os.sched_getaffinity(pid)),
    }


def differences(who: str, before: dict[str, Any], after: dict[str, Any]) -> list[str]:
    """One line per invariant of ``who`` that differs between two snapshots."""
    found = []
    for key in sorted(set(before) | set(after)):
        old, new = before.get(key), after.get(key)
        if isinstance(old, dict) and isinstance(new, dict):
            found += [
                f"{who}'s {name} changed from {old.get(name)!r} to {new.get(name)!r}"
                for name in sorted(set(old) | set(new))
                if old.get(name) != new.get(name)
            ]
        elif old != new:
            found.append(f"{who}'s {key} changed from {old!r} to {new!r}")
    return found


def open_fds() -> int:
    """How many descriptors the calling process holds (the listing's own one not counted)."""
    return len(os.listdir("/proc/self/fd")) - 1
