"""The pristine fork server: every job and cleaner process is forked from it, never from PID 1.

PID 1 forks the zygote first thing, before it has read a single byte from the
host, so the zygote's memory holds nothing of any job, ever: it receives only
small requests (a role and a uid) with file descriptors attached, which it
passes on unread. A job forked from it therefore inherits no earlier program,
input, output or reply.

Each spawn is a double fork: the launcher forks the new process and exits at
once, so the new processes are re-parented to PID 1 (the namespace's init). PID 1
then reaps them and reads the job's exit status and resource usage; the zygote
only ever reaps launchers. PID 1 checks the zygote's invariants through
``/proc`` (it is the same uid), without asking it. The zygote keeps ``SETUID``, ``SETGID`` and ``SETPCAP``
(to make jobs and cleaners unprivileged principals) and nothing else; it runs
as the supervisor's uid and is non-dumpable, so no job can signal, trace,
``prlimit`` or read it.
"""

from __future__ import annotations

import gc
import os
import socket
from typing import Any

from . import codec, privileges, roles

__all__ = ["MAX_MESSAGE", "ZygoteClient", "start"]

MAX_MESSAGE = 64 * 1024
KEEP = ("SETUID", "SETGID", "SETPCAP")


def start(ids: privileges.Ids) -> ZygoteClient:
    """Fork the zygote (PID 1 calls this before anything else) and return PID 1's handle on it."""
    ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
    pid = os.fork()
    if pid == 0:
        try:
            ours.close()
            _serve(theirs, ids)
        finally:
            os._exit(0)
    theirs.close()
    client = ZygoteClient(pid, ours)
    client.wait_ready()
    return client


class ZygoteClient:
    """PID 1's side of the control socket. Requests queue up in it and are answered in order."""

    def __init__(self, pid: int, sock: socket.socket) -> None:
        self.pid = pid
        self.sock = sock
        self.pidfd = os.pidfd_open(pid)

    def wait_ready(self) -> None:
        """Block until the zygote has become its own principal (PID 1 records its invariants after that)."""
        self.sock.settimeout(30.0)
        if codec.decode(self.sock.recv(MAX_MESSAGE)) != {"ready": True}:
            raise OSError("the zygote did not start")

    def request_slot(self, uid: int, fds: list[int]) -> None:
        """Ask for a job (``uid``, the first six ``fds``) and its cleaner (the last two); :meth:`slot_pids` answers.

        PID 1 asks, answers the host, and collects the pids only when a job
        arrives: the forks happen meanwhile.
        """
        self.sock.settimeout(10.0)
        socket.send_fds(self.sock, [codec.encode({"op": "slot", "uid": uid})], fds)

    def slot_pids(self) -> tuple[int, int]:
        """The (job, cleaner) pids for the oldest outstanding request; both are PID 1's children."""
        self.sock.settimeout(10.0)
        data = self.sock.recv(MAX_MESSAGE)
        if not data:
            raise OSError("the zygote closed its socket")
        reply = codec.decode(data)
        pids = reply.get("pids") if type(reply) is dict else None
        if type(pids) is not tuple or len(pids) != 2 or not all(type(p) is int and p > 0 for p in pids):
            raise OSError(f"the zygote could not start a job: {reply.get('error') if type(reply) is dict else reply!r}")
        return pids


def _serve(sock: socket.socket, ids: privileges.Ids) -> None:
    _settle_fds(sock.fileno())
    uid = ids.supervisor
    privileges.become((uid, uid, uid), (uid, uid, uid), keep=KEEP)
    privileges.set_dumpable(0)
    gc.collect()
    gc.freeze()  # forked children need not copy pages to scan what was here before the fork
    sock.sendall(codec.encode({"ready": True}))
    while True:
        try:
            data, fds, _, _ = socket.recv_fds(sock, MAX_MESSAGE, 16)
        except OSError:
            return
        if not data:
            return  # PID 1 is gone: so is the container
        try:
            reply = _handle(codec.decode(data), fds)
        except Exception as exc:  # noqa: BLE001 - answered, so PID 1 can recycle the container
            reply = {"error": f"{type(exc).__name__}: {exc}"}
        finally:
            for fd in fds:
                os.close(fd)
        sock.sendall(codec.encode(reply))


def _settle_fds(keep: int) -> None:
    """Nothing of PID 1's but the control socket: /dev/null on stdin and stdout, stderr kept for diagnostics."""
    null = os.open("/dev/null", os.O_RDWR)
    for fd in (0, 1):
        os.dup2(null, fd)
    os.close(null)
    os.closerange(3, keep)
    os.closerange(keep + 1, 1 << 16)


def _handle(request: Any, fds: list[int]) -> dict[str, Any]:
    uid = request.get("uid") if type(request) is dict else None
    if request.get("op") != "slot" or type(uid) is not int or len(fds) != len(roles.JOB_FDS) + len(roles.CLEANER_FDS):
        return {"error": f"malformed request {request!r:.100}"}
    return {"pids": _spawn(uid, fds[: len(roles.JOB_FDS)], fds[len(roles.JOB_FDS) :])}


def _spawn(uid: int, job_fds: list[int], cleaner_fds: list[int]) -> tuple[int, int]:
    """Double fork: the launcher forks the job and the cleaner and exits, so both become PID 1's children."""
    reader, writer = os.pipe()
    launcher = os.fork()
    if launcher == 0:
        try:
            os.close(reader)
            pids = [_fork_into(roles.job, uid, job_fds, writer), _fork_into(roles.cleaner, uid, cleaner_fds, writer)]
            os.write(writer, b"".join(pid.to_bytes(4, "big") for pid in pids))
        finally:
            os._exit(0)
    os.close(writer)
    data = os.read(reader, 8)
    os.close(reader)
    os.waitpid(launcher, 0)
    if len(data) != 8:
        raise OSError("the launcher could not fork")
    return int.from_bytes(data[:4], "big"), int.from_bytes(data[4:], "big")


def _fork_into(role: Any, uid: int, fds: list[int], writer: int) -> int:
    child = os.fork()
    if child == 0:
        os.close(writer)
        role(uid, fds)  # never returns
    return child
