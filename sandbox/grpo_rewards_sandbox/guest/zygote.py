"""The pristine fork server: every job and cleaner process is forked from it, never from PID 1.

PID 1 forks the zygote first thing, before it has read a single byte from the
host, so the zygote's memory holds nothing of any job, ever: it receives only
small requests (a role and a uid) with file descriptors attached, which it
passes on unread. A job forked from it therefore inherits no earlier program,
input, output or reply.

Each spawn is a double fork: the launcher forks the new process and exits at
once, so the new process is re-parented to PID 1 (the namespace's init). PID 1
then reaps it and reads the job's exit status and resource usage; the zygote
only ever reaps launchers. Jobs are asked for ahead of time; a cleaner only
after a job that left something PID 1 cannot remove itself. PID 1 checks the zygote's invariants through
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

    def request(self, role: str, uid: int, fds: list[int]) -> None:
        """Ask for a ``role`` process (``"job"`` or ``"cleaner"``) of ``uid`` on ``fds``; :meth:`answer` answers.

        PID 1 asks for jobs ahead, answers the host, and collects the pids only
        when a job arrives: the forks happen meanwhile. Answers come in the
        order of the requests.
        """
        self.sock.settimeout(10.0)
        socket.send_fds(self.sock, [codec.encode({"op": role, "uid": uid})], fds)

    def answer(self) -> int:
        """The pid for the oldest outstanding request: a child of PID 1."""
        self.sock.settimeout(10.0)
        data = self.sock.recv(MAX_MESSAGE)
        if not data:
            raise OSError("the zygote closed its socket")
        reply = codec.decode(data)
        pid = reply.get("pid") if type(reply) is dict else None
        if type(pid) is not int or pid <= 0:
            raise OSError(f"the zygote could not start a process: {reply.get('error') if type(reply) is dict else reply!r}")
        return pid


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


ROLES = {"job": (roles.job, len(roles.JOB_FDS)), "cleaner": (roles.cleaner, len(roles.CLEANER_FDS))}


def _handle(request: Any, fds: list[int]) -> dict[str, Any]:
    op = request.get("op") if type(request) is dict else None
    uid = request.get("uid") if type(request) is dict else None
    if op not in ROLES or type(uid) is not int or len(fds) != ROLES[op][1]:
        return {"error": f"malformed request {request!r:.100}"}
    return {"pid": _spawn(ROLES[op][0], uid, fds)}


def _spawn(role: Any, uid: int, fds: list[int]) -> int:
    """Double fork: the launcher forks the process and exits, so it becomes PID 1's child."""
    reader, writer = os.pipe()
    launcher = os.fork()
    if launcher == 0:
        try:
            os.close(reader)
            os.write(writer, _fork_into(role, uid, fds, writer).to_bytes(4, "big"))
        finally:
            os._exit(0)
    os.close(writer)
    data = os.read(reader, 4)
    os.close(reader)
    os.waitpid(launcher, 0)
    if len(data) != 4:
        raise OSError("the launcher could not fork")
    return int.from_bytes(data, "big")


def _fork_into(role: Any, uid: int, fds: list[int], writer: int) -> int:
    child = os.fork()
    if child == 0:
        os.close(writer)
        role(uid, fds)  # never returns
    return child
