"""The pristine fork server: every job and cleaner process is forked from it, never from PID 1.

PID 1 forks the zygote first thing, before it has read a single byte from the
host, so the zygote's memory holds nothing of any job, ever: it receives only
small requests (a role and a uid) with file descriptors attached, which it
passes on unread. A job forked from it therefore inherits no earlier program,
input, output or reply.

Each spawn is a double fork: the launcher forks the new process and exits at
once, so the new process is re-parented to PID 1 (the namespace's init). PID 1
then reaps it and reads its exit status and resource usage; the zygote only
ever reaps launchers. The zygote keeps ``SETUID``, ``SETGID`` and ``SETPCAP``
(to make jobs and cleaners unprivileged principals) and nothing else; it runs
as the supervisor's uid and is non-dumpable, so no job can signal, trace,
``prlimit`` or read it.
"""

from __future__ import annotations

import os
import socket
from typing import Any

from . import codec, invariants, privileges, roles

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
    return ZygoteClient(pid, ours)


class ZygoteClient:
    """PID 1's side of the control socket."""

    def __init__(self, pid: int, sock: socket.socket) -> None:
        self.pid = pid
        self.sock = sock
        self.pidfd = os.pidfd_open(pid)
        self.baseline: dict[str, Any] | None = None

    def request_spawn(self, role: str, uid: int, fds: list[int]) -> None:
        """Ask for a ``role`` process with ``uid`` and ``fds``; :meth:`spawned` collects its pid.

        Requests queue up in the socket, so PID 1 can ask, answer the host, and
        collect the pid only when the next job arrives: the forks happen meanwhile.
        """
        self._send({"op": "spawn", "role": role, "uid": uid}, fds)

    def spawned(self, role: str) -> int:
        """The pid of the process from the oldest outstanding spawn request (it is PID 1's child)."""
        reply = self._receive()
        pid = reply.get("pid")
        if type(pid) is not int or pid <= 0:
            raise OSError(f"the zygote could not start a {role}: {reply.get('error')}")
        return pid

    def state(self) -> dict[str, Any]:
        """The zygote's invariants, as it reports them."""
        self._send({"op": "check"}, [])
        return dict(self._receive()["state"])

    def _send(self, message: dict[str, Any], fds: list[int]) -> None:
        self.sock.settimeout(10.0)
        socket.send_fds(self.sock, [codec.encode(message)], fds)

    def _receive(self) -> dict[str, Any]:
        self.sock.settimeout(10.0)
        data = self.sock.recv(MAX_MESSAGE)
        if not data:
            raise OSError("the zygote closed its socket")
        reply = codec.decode(data)
        if type(reply) is not dict:
            raise OSError("the zygote sent a malformed reply")
        return reply


def _serve(sock: socket.socket, ids: privileges.Ids) -> None:
    _settle_fds(sock.fileno())
    uid = ids.supervisor
    privileges.become((uid, uid, uid), (uid, uid, uid), keep=KEEP)
    privileges.set_dumpable(0)
    while True:
        try:
            data, fds, _, _ = socket.recv_fds(sock, MAX_MESSAGE, 16)
        except OSError:
            return
        if not data:
            return  # PID 1 is gone: so is the container
        try:
            reply = _handle(codec.decode(data), fds, ids)
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


def _handle(request: Any, fds: list[int], ids: privileges.Ids) -> dict[str, Any]:
    op = request.get("op") if type(request) is dict else None
    if op == "check":
        return {"state": invariants.snapshot()}
    if op == "spawn" and request.get("role") in roles.ROLES and type(request.get("uid")) is int:
        return {"pid": _spawn(request["role"], request["uid"], fds, ids)}
    return {"error": f"unknown request {op!r}"}


def _spawn(role: str, uid: int, fds: list[int], ids: privileges.Ids) -> int:
    reader, writer = os.pipe()
    launcher = os.fork()
    if launcher == 0:
        try:
            os.close(reader)
            child = os.fork()
            if child == 0:
                os.close(writer)
                roles.ROLES[role](ids, uid, fds)  # never returns
            os.write(writer, child.to_bytes(4, "big"))
        finally:
            os._exit(0)
    os.close(writer)
    data = os.read(reader, 4)
    os.close(reader)
    os.waitpid(launcher, 0)
    return int.from_bytes(data, "big") if len(data) == 4 else -1
