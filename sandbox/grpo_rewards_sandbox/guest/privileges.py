"""Who runs as what inside a sandbox container, and the system calls that make it so.

The container starts as root with four capabilities (``SETUID``, ``SETGID``,
``SETPCAP``, ``KILL``) and no-new-privileges. Within milliseconds, before any
byte of a job is read, every process settles into one of these principals
(all numbers come from a per-container block, so no two containers share one):

=============  ====================  ==========================================
process        uids (real, eff, sv)  capabilities kept
=============  ====================  ==========================================
supervisor     S, S, S               KILL (to kill a job's main process)
zygote         S, S, S               SETUID, SETGID, SETPCAP (to make others)
job            J, J, J  (gid K,J,J)  none; bounding set empty; securebits locked
cleaner        C, J, C               none; bounding set empty; securebits locked
=============  ====================  ==========================================

Each job has its own pair (J, C = J + 1), taken in turn from the block, so the
two prepared slots that may exist at once never share an id.

A job's real and effective gids differ on purpose: an ``execve`` then keeps
the job non-dumpable, so its ``/proc/self`` files (``oom_score_adj`` above
all) stay owned by root and the job cannot lower its OOM score. The per-job
seccomp layer (:mod:`.jobfilter`) stops it from equalising its ids.

Everything here is stdlib (``ctypes``) because it runs inside the image.
"""

from __future__ import annotations

import ctypes
import os
from dataclasses import dataclass

__all__ = ["CAPS", "Ids", "become", "cleaner_of", "set_dumpable", "status_fields"]

LIBC = ctypes.CDLL(None, use_errno=True)

PR_GET_DUMPABLE, PR_SET_DUMPABLE = 3, 4
PR_CAPBSET_DROP = 24
PR_SET_SECUREBITS = 28
PR_SET_NO_NEW_PRIVS = 38
# SECBIT_NOROOT, SECBIT_NO_SETUID_FIXUP and SECBIT_NO_CAP_AMBIENT_RAISE set, SECBIT_KEEP_CAPS clear; all four locked.
SECUREBITS_LOCKED = 0x01 | 0x02 | 0x04 | 0x08 | 0x20 | 0x40 | 0x80
CAPS = {"KILL": 5, "SETGID": 6, "SETUID": 7, "SETPCAP": 8}
_CAP_VERSION_3 = 0x20080522
UID_BLOCK = 4096  # uids per container: the supervisor's, then a (job, cleaner) pair per job in turn


class _Header(ctypes.Structure):
    _fields_ = [("version", ctypes.c_uint32), ("pid", ctypes.c_int)]


class _Data(ctypes.Structure):
    _fields_ = [("effective", ctypes.c_uint32), ("permitted", ctypes.c_uint32), ("inheritable", ctypes.c_uint32)]


@dataclass(frozen=True)
class Ids:
    """The container's block of ids: ``base`` is the supervisor's; each job takes a (job, cleaner) pair."""

    base: int

    @property
    def supervisor(self) -> int:
        return self.base

    def job(self, number: int) -> int:
        """The uid of the ``number``-th job (pairs take turns over the rest of the block)."""
        return self.base + 2 + 2 * (number % ((UID_BLOCK - 2) // 2))


def cleaner_of(job_uid: int) -> int:
    """The uid of the cleaner that goes with a job's uid (also the job's real gid)."""
    return job_uid + 1


def prctl(option: int, arg: int = 0) -> int:
    result = LIBC.prctl(ctypes.c_int(option), ctypes.c_ulong(arg), ctypes.c_ulong(0), ctypes.c_ulong(0), ctypes.c_ulong(0))
    if result < 0:
        errno = ctypes.get_errno()
        raise OSError(errno, f"prctl({option}, {arg}): {os.strerror(errno)}")
    return int(result)


def set_dumpable(value: int) -> None:
    prctl(PR_SET_DUMPABLE, value)


def _capset(names: tuple[str, ...]) -> None:
    mask = sum(1 << CAPS[name] for name in names)
    header, data = _Header(_CAP_VERSION_3, 0), (_Data * 2)()
    data[0].effective = data[0].permitted = mask & 0xFFFFFFFF
    data[1].effective = data[1].permitted = mask >> 32
    if LIBC.capset(ctypes.byref(header), data) != 0:
        errno = ctypes.get_errno()
        raise OSError(errno, f"capset({names}): {os.strerror(errno)}")


def _drop_bounding(keep: tuple[str, ...]) -> None:
    """Remove every capability but ``keep`` from the bounding set (needs SETPCAP)."""
    kept = {CAPS[name] for name in keep}
    for cap in range(64):
        if cap in kept:
            continue
        try:
            prctl(PR_CAPBSET_DROP, cap)
        except OSError as exc:
            if exc.errno == 22:  # EINVAL: past the last capability this kernel knows
                return
            raise


def become(uids: tuple[int, int, int], gids: tuple[int, int, int], keep: tuple[str, ...] = ()) -> None:
    """Switch to ``uids``/``gids`` keeping only the capabilities ``keep``; irreversible.

    Called once by each process before it handles anything of a job, while it
    still holds SETPCAP, SETUID and SETGID: the bounding set is cut to
    ``keep``, the securebits are locked (no root magic, no capability fix-up
    on uid changes, no keep-caps, no ambient capabilities), supplementary
    groups are dropped, the ids change, the capability sets shrink to ``keep``
    and no-new-privileges is set.
    """
    _drop_bounding(keep)
    prctl(PR_SET_SECUREBITS, SECUREBITS_LOCKED)
    os.setgroups([])
    os.setresgid(*gids)
    os.setresuid(*uids)
    _capset(keep)
    prctl(PR_SET_NO_NEW_PRIVS, 1)


def status_fields(pid: str = "self") -> dict[str, str]:
    """The identity lines of ``/proc/PID/status`` (ids, capabilities, no_new_privs, seccomp)."""
    keys = ("Uid", "Gid", "Groups", "CapInh", "CapPrm", "CapEff", "CapBnd", "CapAmb", "NoNewPrivs", "Seccomp")
    fields = {}
    with open(f"/proc/{pid}/status") as handle:
        for line in handle:
            key, _, value = line.partition(":")
            if key in keys:
                fields[key] = " ".join(value.split())
    return fields
