"""One scoring service per host, shared by every training rank on it, over a Unix domain socket.

With ``accelerate launch`` or ``torchrun``, each rank would otherwise start its
own worker pool (a process per core) and its own sandbox containers. Instead,
every rank calls :meth:`NodeService.ensure`: the first one starts
``grpo-rewards serve --uds SOCKET --lease LEASE`` and the others connect, so
the host runs one pool and one sandbox pool, each sized for the host::

    service = NodeService(["math", "format:0.2"], {"math": {"mode": "strict"}})
    funcs, weights = service.reward_funcs()      # RemoteRewardFunction objects

The files, in a private directory (``$GRPO_REWARDS_RUNTIME_DIR``, else
``/tmp/grpo-rewards-UID``, mode 0700), are named after a hash of the selection
(rewards, weights, options) and of the Python environment, so different
configurations or virtual environments never share a service:

============  =====================================================================
``.sock``     the socket
``.lock``     held exclusively by a rank while it checks for, or starts, the service
``.owner``    held exclusively by the live service (see :mod:`grpo_rewards.serve.server`)
``.lease``    held shared by every rank; the service exits when nobody has held it for a while
``.log``      the service's output
============  =====================================================================

What happens when things go wrong:

* **a rank that started the service dies**: its locks go with it. The service it
  started keeps running while other ranks hold leases; a rank that finds the
  owner lock held but no answer yet waits for that service instead of starting a second one;
* **a stale socket file** (a service killed with SIGKILL): nobody holds the owner
  lock, so the next service removes the file and binds again;
* **the service dies mid-training**: calls in flight get
  ``unverifiable(service_unavailable)``; the next call starts it again (at most
  ``restarts`` times per process); if it stays down, every call is unverifiable
  and the reward functions stop training after ``abort_after`` calls, as they do
  for any reward with no signal.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from ..errors import ConfigError, ServiceUnavailable
from ..plugins import PluginManager, load_plugins
from ..remote import RemoteRewardFunction, ServiceClient, reward_funcs
from ..selection import select_rewards
from .scorer import selection_fingerprint

__all__ = ["RUNTIME_ENV", "NodeService", "runtime_dir"]

RUNTIME_ENV = "GRPO_REWARDS_RUNTIME_DIR"
#: Variables of the launcher that describe a rank; the service is no rank, so it does not inherit them.
_RANK_ENV = ("RANK", "LOCAL_RANK", "WORLD_SIZE", "LOCAL_WORLD_SIZE", "GROUP_RANK", "ROLE_RANK", "MASTER_ADDR", "MASTER_PORT")
_ALREADY_SERVED = 3  # `grpo-rewards serve` exit status when another service owns the socket


def runtime_dir() -> Path:
    """The private directory for per-node sockets and locks (created 0700; refused if others can enter it)."""
    path = Path(os.environ.get(RUNTIME_ENV) or f"/tmp/grpo-rewards-{os.getuid()}")
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    info = path.stat()
    if info.st_uid != os.getuid() or info.st_mode & 0o077:
        raise ConfigError(f"{path} must belong to you and be private (mode 0700); fix it or set {RUNTIME_ENV}")
    return path


def _try_lock(fd: int, kind: int) -> bool:
    try:
        fcntl.flock(fd, kind | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def _open(path: Path) -> int:
    return os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o600)


class NodeService:
    """The per-node service for one selection of rewards; see the module docstring.

    Args:
        specs: rewards with optional weights, as for :func:`grpo_rewards.reward_funcs`.
        options: per-reward options.
        manager: the plugin manager to check the selection against (default: the installed plugins).
        directory: where the socket and locks live (default: :func:`runtime_dir`).
        start_timeout: seconds to wait for a service to answer after it was started.
        restarts: how many times this process starts the service again after losing it.
        idle_exit: seconds the service lives on once no rank holds a lease.
        serve_args: more ``grpo-rewards serve`` flags (limits), e.g. ``("--max-concurrent", "8")``.
        env: variables to set for the service on top of this process's (``GRPO_REWARDS_EXECUTOR``, say).
    """

    def __init__(
        self,
        specs: Sequence[str],
        options: Mapping[str, Mapping[str, Any]] | None = None,
        *,
        manager: PluginManager | None = None,
        directory: str | Path | None = None,
        start_timeout: float = 300.0,
        restarts: int = 3,
        idle_exit: float = 10.0,
        serve_args: Sequence[str] = (),
        env: Mapping[str, str] | None = None,
    ) -> None:
        selection = select_rewards((manager or load_plugins()).registry, specs, options)
        selection.raise_for_errors()
        self.specs = list(specs)
        self.options = {name: dict(values) for name, values in (options or {}).items()}
        self.fingerprint = selection_fingerprint(selection)
        key = hashlib.sha1(f"{self.fingerprint}:{sys.prefix}".encode()).hexdigest()[:16]
        self.base = Path(directory) if directory is not None else runtime_dir()
        self.socket = self.base / f"{key}.sock"
        self.start_timeout = start_timeout
        self.restarts = restarts
        self.idle_exit = idle_exit
        self.serve_args = tuple(serve_args)
        self.env = dict(env or {})
        self._lease: int | None = None

    def __getstate__(self) -> dict[str, Any]:
        return {k: v for k, v in self.__dict__.items() if k != "_lease"}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state, _lease=None)

    def __repr__(self) -> str:
        return f"NodeService({self.specs!r}, socket={str(self.socket)!r})"

    @property
    def url(self) -> str:
        return f"unix:{self.socket}"

    def _path(self, suffix: str) -> Path:
        return self.socket.with_name(self.socket.name + suffix)

    # -- the client's side ---------------------------------------------------------

    def ensure(self) -> dict[str, Any]:
        """Connect to this host's service, starting it if no one has; returns its ``GET /health``.

        Raises :class:`ServiceUnavailable` when it does not answer within ``start_timeout``
        (the message holds the end of its log).
        """
        self._hold_lease()
        with self._start_lock():
            health = self._health() or self._start_or_wait()
        if health.get("fingerprint") != self.fingerprint:
            raise ConfigError(
                f"the service on {self.socket} serves another selection of rewards; stop it (pid {health.get('pid')})"
            )
        return health

    def reconnect(self) -> None:
        """Start the service again after losing it (``restarts`` times at most); what remote functions call."""
        if self._health() is not None:
            return
        if self.restarts <= 0:
            raise ServiceUnavailable(f"the grpo-rewards service on {self.socket} is down and this process restarts it no more")
        self.restarts -= 1
        self.ensure()

    def reward_funcs(
        self, *, abort_after: int | None = 3, deadline: float = 300.0
    ) -> tuple[list[RemoteRewardFunction], list[float]]:
        """Ensure the service, then TRL reward functions and weights that score through it."""
        self.ensure()
        client = ServiceClient(self.url, deadline=deadline)
        return reward_funcs(self.url, self.specs, abort_after=abort_after, reconnect=self.reconnect, client=client)

    def release(self) -> None:
        """Give up this process's lease (also done by the kernel when the process ends)."""
        if self._lease is not None:
            os.close(self._lease)
            self._lease = None

    def _hold_lease(self) -> None:
        if self._lease is None:
            fd = _open(self._path(".lease"))
            try:
                self._wait_for_lock(fd, fcntl.LOCK_SH, ".lease", self.start_timeout)
            except BaseException:
                os.close(fd)
                raise
            self._lease = fd

    @contextlib.contextmanager
    def _start_lock(self) -> Iterator[None]:
        fd = _open(self._path(".lock"))
        try:
            self._wait_for_lock(fd, fcntl.LOCK_EX, ".lock", self.start_timeout + 30)  # its holder may be starting it
            yield
        finally:
            os.close(fd)

    def _wait_for_lock(self, fd: int, kind: int, suffix: str, seconds: float) -> None:
        """Take ``kind`` on ``fd`` within ``seconds``; another process holding it longer is an outage, not a hang."""
        ends = time.monotonic() + seconds
        while not _try_lock(fd, kind):
            if time.monotonic() > ends:
                path = self._path(suffix)
                raise ServiceUnavailable(
                    f"another process held {path} exclusively for too long; find it with `fuser {path}` and stop it"
                )
            time.sleep(0.1)

    def _health(self) -> dict[str, Any] | None:
        if not self.socket.exists():
            return None
        client = ServiceClient(self.url)
        try:
            health = client.health(timeout=5.0)
        except ServiceUnavailable:
            return None
        finally:
            client.close()
        return health if health.get("status") in ("ok", "degraded") else None

    def _owner_alive(self) -> bool:
        fd = _open(self._path(".owner"))
        try:
            return not _try_lock(fd, fcntl.LOCK_EX)
        finally:
            os.close(fd)  # closing drops the lock if we took it

    def _start_or_wait(self) -> dict[str, Any]:
        ends = time.monotonic() + self.start_timeout
        process: subprocess.Popen[bytes] | None = None
        while time.monotonic() < ends:
            health = self._health()
            if health is not None:
                return health
            if process is not None and process.poll() not in (None, _ALREADY_SERVED):
                raise ServiceUnavailable(
                    f"the grpo-rewards service exited with status {process.returncode} while starting:\n{self._log_tail()}"
                )
            if (process is None or process.poll() is not None) and not self._owner_alive():
                process = self._spawn()
            time.sleep(0.2)
        owner, ours = self._path(".owner"), process is not None and process.poll() is None
        held = (
            f"; a process holds {owner} without answering (find it with `fuser {owner}`)"
            if not ours and self._owner_alive()
            else ""
        )
        raise ServiceUnavailable(
            f"the grpo-rewards service on {self.socket} did not answer within {self.start_timeout:g}s{held}:\n{self._log_tail()}"
        )

    def _command(self) -> list[str]:
        command = [sys.executable, "-m", "grpo_rewards.cli", "serve", "--uds", str(self.socket)]
        command += ["--lease", str(self._path(".lease")), "--idle-exit", str(self.idle_exit)]
        for spec in self.specs:
            command += ["--reward", spec]
        if self.options:
            command += ["--options-json", json.dumps(self.options, default=str)]
        return command + list(self.serve_args)

    def _spawn(self) -> subprocess.Popen[bytes]:
        env = {**{k: v for k, v in os.environ.items() if k not in _RANK_ENV}, **self.env}
        with open(os.open(self._path(".log"), os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600), "ab") as log:
            return subprocess.Popen(
                self._command(), stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT, env=env, start_new_session=True
            )

    def _log_tail(self, lines: int = 20) -> str:
        try:
            text = self._path(".log").read_text(encoding="utf-8", errors="replace")
        except OSError:
            return "(no log)"
        return "\n".join(text.splitlines()[-lines:])
