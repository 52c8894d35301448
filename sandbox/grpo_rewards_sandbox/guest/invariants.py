"""What must not change in the supervisor and the zygote, from one job to the next.

:func:`snapshot` records a process's identity (ids, capabilities,
no-new-privileges, seccomp), every resource limit, its OOM score adjustment,
dumpability, niceness, scheduling policy and CPU affinity. PID 1 takes one of
itself and asks the zygote for one of the zygote at start-up, and again after
every job; :func:`differences` names what moved. A job could only move them by
reaching into a process it must not reach, so any difference is charged to
that job and the container is recycled.
"""

from __future__ import annotations

import os
import resource
from typing import Any

from .privileges import PR_GET_DUMPABLE, prctl, status_fields

__all__ = ["differences", "open_fds", "snapshot"]

LIMITS = sorted(name for name in dir(resource) if name.startswith("RLIMIT_"))


def snapshot() -> dict[str, Any]:
    """The calling process's invariants, as plain values."""
    with open("/proc/self/oom_score_adj") as handle:
        oom = handle.read().strip()
    return {
        "identity": status_fields(),
        "limits": {name: list(resource.getrlimit(getattr(resource, name))) for name in LIMITS},
        "oom_score_adj": oom,
        "dumpable": prctl(PR_GET_DUMPABLE),
        "nice": os.getpriority(os.PRIO_PROCESS, 0),
        "policy": os.sched_getscheduler(0),
        "affinity": sorted(os.sched_getaffinity(0)),
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
