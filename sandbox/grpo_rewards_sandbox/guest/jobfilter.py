"""The job's own seccomp layer, stacked on the container's profile before any untrusted byte runs.

The container's profile (``grpo_rewards_sandbox/seccomp.json``) must let the
zygote switch ids, so it cannot forbid ``setresuid``. Jobs never need to, so
each job installs this second filter on itself after dropping its
privileges. It answers ``EPERM`` to:

* every call that changes ids (``setuid``, ``setresgid``, ``setgroups``, ...):
  a job whose real and effective gids differ stays non-dumpable across
  ``execve``, so it can never open its own ``oom_score_adj`` for writing;
* ``prctl(PR_SET_DUMPABLE, ...)``, for the same reason;

and ``ENOSYS`` to any system call made through another ABI (32-bit or x32
entry points), which the filter does not describe. Filters are inherited by
every child and survive ``execve``; nothing can remove them.
"""

from __future__ import annotations

import ctypes
import errno
import platform
import struct

from .privileges import PR_SET_DUMPABLE, PR_SET_NO_NEW_PRIVS, prctl

__all__ = ["FORBIDDEN", "install", "supported"]

FORBIDDEN = ("setuid", "setgid", "setreuid", "setregid", "setresuid", "setresgid", "setfsuid", "setfsgid", "setgroups")
# (audit arch, syscall numbers) per machine; "prctl" is filtered on its first argument.
_TABLES = {
    "x86_64": (
        0xC000003E,
        {"setuid": 105, "setgid": 106, "setreuid": 113, "setregid": 114, "setresuid": 117, "setresgid": 119}
        | {"setfsuid": 122, "setfsgid": 123, "setgroups": 116, "prctl": 157},
    ),
    "aarch64": (
        0xC00000B7,
        {"setuid": 146, "setgid": 144, "setreuid": 145, "setregid": 143, "setresuid": 147, "setresgid": 149}
        | {"setfsuid": 151, "setfsgid": 152, "setgroups": 159, "prctl": 167},
    ),
}
_X32_BIT = 0x40000000

# Classic BPF opcodes and seccomp return values.
_LD_W_ABS, _JEQ_K, _JGE_K, _RET_K = 0x20, 0x15, 0x35, 0x06
_ALLOW = 0x7FFF0000
_ERRNO = 0x00050000
_PR_SET_SECCOMP, _SECCOMP_MODE_FILTER = 22, 2
_NR, _ARCH, _ARG0 = 0, 4, 16  # offsets in struct seccomp_data (little-endian low word of args[0])


def supported() -> bool:
    """True on the machines this filter has numbers for."""
    return platform.machine() in _TABLES


def _instruction(code: int, jt: int, jf: int, k: int) -> bytes:
    return struct.pack("=HBBI", code, jt, jf, k)


def program(machine: str | None = None) -> list[bytes]:
    """The filter as classic BPF instructions (exposed for tests)."""
    arch, numbers = _TABLES[machine or platform.machine()]
    denied = [numbers[name] for name in FORBIDDEN]
    deny_at = 5 + len(denied) + 5  # index of the EPERM return; ENOSYS follows it
    code = [
        _instruction(_LD_W_ABS, 0, 0, _ARCH),
        _instruction(_JEQ_K, 1, 0, arch),
        _instruction(_RET_K, 0, 0, _ERRNO | errno.ENOSYS),  # another ABI
        _instruction(_LD_W_ABS, 0, 0, _NR),
        _instruction(_JGE_K, deny_at - 4, 0, _X32_BIT),  # x32 entry points: to the ENOSYS return at the end
    ]
    for index, number in enumerate(denied):
        code.append(_instruction(_JEQ_K, deny_at - (5 + index) - 1, 0, number))
    code += [
        _instruction(_JEQ_K, 1, 0, numbers["prctl"]),
        _instruction(_RET_K, 0, 0, _ALLOW),
        _instruction(_LD_W_ABS, 0, 0, _ARG0),
        _instruction(_JEQ_K, 1, 0, PR_SET_DUMPABLE),
        _instruction(_RET_K, 0, 0, _ALLOW),
        _instruction(_RET_K, 0, 0, _ERRNO | errno.EPERM),
        _instruction(_RET_K, 0, 0, _ERRNO | errno.ENOSYS),
    ]
    assert len(code) == deny_at + 2 and struct.unpack("=HBBI", code[deny_at])[3] == _ERRNO | errno.EPERM
    return code


class _Program(ctypes.Structure):
    _fields_ = [("len", ctypes.c_ushort), ("filter", ctypes.c_void_p)]


def install() -> None:
    """Load the filter into the calling process (and so into all it starts); raise OSError on failure."""
    code = b"".join(program())
    buffer = ctypes.create_string_buffer(code, len(code))
    fprog = _Program(len(code) // 8, ctypes.addressof(buffer))
    prctl(PR_SET_NO_NEW_PRIVS, 1)
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.prctl(_PR_SET_SECCOMP, _SECCOMP_MODE_FILTER, ctypes.byref(fprog), 0, 0) != 0:
        number = ctypes.get_errno()
        raise OSError(number, f"loading the job's seccomp filter failed: {errno.errorcode.get(number, number)}")
