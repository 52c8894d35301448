"""Running the service: bind an address, serve with uvicorn, shut down gracefully.

* **Addresses.** TCP on ``127.0.0.1`` by default (the service has no
  authentication: anything that can connect can score), or a Unix domain socket,
  made readable and writable by its owner only. Port 0 picks a free port; the
  address actually bound is what ``--ready-file`` receives.
* **Graceful shutdown.** On SIGTERM or SIGINT uvicorn stops accepting
  connections and lets in-flight batches finish (up to ``graceful_seconds``),
  then the worker pool stops.
* **One owner per socket.** A service on a Unix socket holds an exclusive lock
  on ``SOCKET.owner`` for its whole life, so two services never race for one
  path, and a socket file nobody holds the lock for is stale and removed.
* **Leases** (per-node services, :mod:`grpo_rewards.serve.node`): every client
  holds a shared lock on a lease file; the service exits when no one has held it
  for ``idle_exit`` seconds. The kernel drops a dead client's lock, so the service
  outlives no training job.
"""

from __future__ import annotations

import contextlib
import fcntl
import ipaddress
import json
import logging
import math
import os
import socket
import stat
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import ConfigError
from .scorer import Scorer

__all__ = ["Address", "AlreadyServed", "hold_owner_lock", "run_service"]

logger = logging.getLogger("grpo_rewards.serve")


class AlreadyServed(ConfigError):
    """Another live service holds the socket's owner lock."""


@dataclass(frozen=True)
class Address:
    """Where a service listens: ``uds`` (a socket path) if given, else ``host:port``."""

    host: str = "127.0.0.1"
    port: int = 8000
    uds: str | None = None

    @property
    def url(self) -> str:
        if self.uds:
            return f"unix:{self.uds}"
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}"

    @property
    def loopback(self) -> bool:
        if self.uds:
            return True
        try:
            return ipaddress.ip_address(self.host).is_loopback
        except ValueError:
            return self.host == "localhost"


def _lock_file(path: str) -> int:
    return os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o600)


def hold_owner_lock(uds: str) -> int:
    """Take ``UDS.owner`` exclusively and return its descriptor (keep it open); :class:`AlreadyServed` if held."""
    fd = _lock_file(uds + ".owner")
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(fd)
        raise AlreadyServed(f"another grpo-rewards service already serves {uds}") from None
    return fd


def _bind_unix(path: str) -> socket.socket:
    with contextlib.suppress(FileNotFoundError):
        if not stat.S_ISSOCK(os.lstat(path).st_mode):
            raise ConfigError(f"{path} exists and is not a socket: remove it, or serve on another --uds path")
        os.unlink(path)  # stale: we hold the owner lock, so no live service is behind it
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    old = os.umask(0o177)
    try:
        sock.bind(path)
    finally:
        os.umask(old)
    os.chmod(path, 0o600)
    return sock


def _bind_tcp(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    # Accepted connections inherit TCP_NODELAY: a response's headers and body are two writes, and with Nagle's
    # algorithm the body would wait for the client's delayed ACK (about 40 ms a request on loopback).
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    sock.bind((host, port))
    return sock


def _bind(address: Address) -> tuple[socket.socket, Address]:
    if address.uds:
        return _bind_unix(address.uds), address
    sock = _bind_tcp(address.host, address.port)
    return sock, Address(address.host, sock.getsockname()[1])


def _write_ready(path: str | None, address: Address) -> None:
    if path is None:
        return
    target = Path(path)
    partial = target.with_name(target.name + ".partial")
    partial.write_text(json.dumps({"url": address.url, "pid": os.getpid()}) + "\n", encoding="utf-8")
    partial.replace(target)


def _watch_lease(server: Any, lease: str, idle_exit: float) -> None:
    """Tell ``server`` to exit once no client has held ``lease`` (a shared lock) for ``idle_exit`` seconds."""
    fd = _lock_file(lease)
    free_since: float | None = None
    try:
        while not server.should_exit:
            time.sleep(min(0.5, idle_exit / 4 or 0.1))
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                free_since = None
                continue
            fcntl.flock(fd, fcntl.LOCK_UN)
            free_since = free_since or time.monotonic()
            if time.monotonic() - free_since >= idle_exit:
                logger.warning("grpo-rewards serve: no client has held %s for %gs; shutting down", lease, idle_exit)
                server.should_exit = True
    finally:
        os.close(fd)


@contextlib.contextmanager
def _owned(address: Address) -> Iterator[None]:
    if not address.uds:
        yield
        return
    fd = hold_owner_lock(address.uds)
    try:
        yield
    finally:
        with contextlib.suppress(FileNotFoundError):
            if stat.S_ISSOCK(os.lstat(address.uds).st_mode):
                os.unlink(address.uds)  # ours (or stale: we hold the owner lock); any other file is not ours to remove
        os.close(fd)


def run_service(
    scorer: Scorer,
    address: Address,
    *,
    ready_file: str | None = None,
    lease: str | None = None,
    idle_exit: float = 10.0,
    log_level: str = "warning",
) -> None:
    """Serve ``scorer`` at ``address`` until SIGTERM/SIGINT (or, with ``lease``, until no client holds it).

    Raises :class:`AlreadyServed` when another live service owns the socket.
    """
    import uvicorn

    from .app import create_app

    if not address.loopback:
        logger.warning(
            "grpo-rewards serve: listening on %s, which is not loopback; the service has no authentication", address.host
        )
    with _owned(address):
        sock, bound = _bind(address)
        app = create_app(scorer, on_ready=lambda: _write_ready(ready_file, bound))
        config = uvicorn.Config(
            app,
            log_level=log_level,
            access_log=False,
            lifespan="on",
            # uvicorn takes whole seconds, and None waits for ever: 0.5 is 1, and 0 stays 0 (no waiting).
            timeout_graceful_shutdown=math.ceil(scorer.limits.graceful_seconds),
            timeout_keep_alive=30,
        )
        server = uvicorn.Server(config)
        if lease is not None:
            threading.Thread(target=_watch_lease, args=(server, lease, idle_exit), name="lease-watch", daemon=True).start()
        logger.warning("grpo-rewards serve: %s on %s (pid %d)", ", ".join(scorer.names), bound.url, os.getpid())
        server.run(sockets=[sock])
