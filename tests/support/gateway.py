"""A TCP listener on the Docker bridge's gateway (this machine's own address), for tests that prove there is no network.

The only address a network test may aim at from inside a sandbox: a listener
we start ourselves, never anything outside this machine.
"""

from __future__ import annotations

import contextlib
import socket
import subprocess
import threading
from collections.abc import Iterator

__all__ = ["gateway_listener"]


@contextlib.contextmanager
def gateway_listener() -> Iterator[tuple[tuple[str, int], list]]:
    """Yield ``((host, port), accepted)``: the listener's address and the connections it accepted so far."""
    out = subprocess.run(
        ["docker", "network", "inspect", "bridge", "--format", "{{(index .IPAM.Config 0).Gateway}}"],
        capture_output=True,
        text=True,
        check=True,
    )
    server = socket.create_server((out.stdout.strip(), 0))
    server.settimeout(0.2)
    accepted: list = []

    def serve() -> None:
        while server.fileno() != -1:
            try:
                accepted.append(server.accept())
            except OSError:
                continue

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield server.getsockname()[:2], accepted
    finally:
        server.close()
