"""A Unix-socket proxy to the Docker engine that a test can cut and restore: what a stopped daemon looks like."""

from __future__ import annotations

import os
import socket
import threading
from pathlib import Path


def engine_socket() -> str:
    """The engine's socket path, from DOCKER_HOST or the default."""
    return os.environ.get("DOCKER_HOST", "unix:///var/run/docker.sock").removeprefix("unix://")


class EngineProxy:
    """Forwards connections from ``path`` to the engine at ``target`` until :meth:`stop`; :meth:`start` again restores it."""

    def __init__(self, path: Path, target: str) -> None:
        self.path, self.target = path, target
        self.connections: list[socket.socket] = []
        self.server: socket.socket | None = None

    def start(self) -> None:
        self.path.unlink(missing_ok=True)
        self.server = socket.socket(socket.AF_UNIX)
        self.server.bind(str(self.path))
        self.server.listen(64)
        threading.Thread(target=self._accept, args=(self.server,), daemon=True).start()

    def stop(self) -> None:
        if self.server is not None:
            self.server.close()
            self.server = None
        for conn in self.connections:
            try:
                conn.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            conn.close()
        self.connections.clear()
        self.path.unlink(missing_ok=True)

    def _accept(self, server: socket.socket) -> None:
        while True:
            try:
                client, _ = server.accept()
            except OSError:
                return
            upstream = socket.socket(socket.AF_UNIX)
            upstream.connect(self.target)
            self.connections += [client, upstream]
            for a, b in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pump, args=(a, b), daemon=True).start()

    @staticmethod
    def _pump(source: socket.socket, sink: socket.socket) -> None:
        try:
            while data := source.recv(65536):
                sink.sendall(data)
        except OSError:
            pass
        for s in (source, sink):
            try:
                s.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
