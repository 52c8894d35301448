"""The real backend: one warm, hardened Docker container per worker, the supervisor as its PID 1.

Every container gets the full profile (see :meth:`DockerBackend.container_options`):
no network, a read-only root, a capped scratch tmpfs (bytes and inodes), every
capability dropped but the four PID 1 needs to set up its principals (it drops
them before it reads a byte; see ``guest/privileges.py``), no-new-privileges,
our own seccomp profile (``seccomp.json``), a random block of uids of its own,
memory with no extra swap, a pids limit, capped System V IPC, nofile/fsize/core
ulimits, logging off, a fixed environment, no mounts and no Docker socket.

Containers carry labels naming the process that owns them. At start-up
:meth:`DockerBackend.sweep` removes labelled containers whose owner process is
dead (other processes may share the engine; their containers are left alone).
Each container also has ``stdin_once`` and ``auto_remove`` set, so when its
owner dies and the attach socket closes, the supervisor sees end of file,
exits, and the engine removes the container by itself.
"""

from __future__ import annotations

import itertools
import os
import secrets
import socket
import threading
import uuid
from importlib import resources
from typing import Any

from .backend import Worker
from .errors import SandboxTimeout, SandboxUnavailable, WorkerLost
from .image_build import default_image, image_status
from .protocol import JobNotStarted, ProtocolError, request_for, result_from
from .results import Job, Limits, Result
from .transport import AttachedChannel, ChannelClosed

__all__ = ["DockerBackend", "DockerWorker", "LABEL", "OWNER_LABEL", "seccomp_profile"]

LABEL = "grpo-rewards-sandbox"
OWNER_LABEL = "grpo-rewards-sandbox.owner"
START_USER = "0:0"  # PID 1 only, with the four capabilities below, until it has set up its principals
CAPABILITIES = ["SETUID", "SETGID", "SETPCAP", "KILL"]
UID_BLOCK = 4096  # ids per container (guest/privileges.py: supervisor, cleaner, then the jobs in turn)
FIRST_UID, LAST_UID = 1 << 20, 1 << 31  # far from any account on the host
RESERVED_PIDS = 16  # of the pids limit: PID 1, the zygote, cleaners, launchers and the next job's processes
IPC_LIMITS = {  # System V and POSIX IPC outlive processes: bound what a job can park there (IPC namespace sysctls)
    "kernel.shmmax": str(16 << 20),
    "kernel.shmall": str((16 << 20) // 4096),
    "kernel.shmmni": "64",
    "kernel.msgmni": "16",
    "fs.mqueue.queues_max": "16",
}
START_TIMEOUT = 60.0  # seconds for a container to start and say hello, on a busy machine
# Seconds past the job's own timeout before the supervisor counts as lost: its set-up deadline (10 s), the
# cleaner's (5 s) and reaping (2 s), with room to spare on a loaded machine.
ANSWER_GRACE = 20.0
NO_ENGINE = (
    "no Docker engine answers ({detail}). Start one: `bash sandbox/scripts/ensure-docker.sh` in a checkout "
    "(installs docker.io and starts dockerd), or `sudo systemctl start docker`; set DOCKER_HOST for a remote engine."
)


class DockerBackend:
    """Starts hardened containers of the sandbox image.

    ``image``: tag to run (default: the one built from this package's
    sources). ``limits``: the largest per-job limits the containers must
    allow. ``launcher``: ``"fork"`` (fork each job from the warm supervisor)
    or ``"spawn"`` (a fresh ``python3 -I`` per job). ``cpus``: CPU share per
    container. ``pids``: processes per container. ``scratch_mb`` and
    ``scratch_inodes``: the ``/tmp`` tmpfs.
    """

    def __init__(
        self,
        image: str | None = None,
        *,
        limits: Limits | None = None,
        launcher: str = "fork",
        cpus: float = 1.0,
        pids: int = 128,
        scratch_mb: int = 64,
        scratch_inodes: int = 4096,
        client: Any = None,
    ) -> None:
        if launcher not in ("fork", "spawn"):
            raise ValueError(f"launcher must be 'fork' or 'spawn', not {launcher!r}")
        self.image = image or default_image()
        self.limits = limits or Limits()
        self.launcher = launcher
        self.cpus, self.pids = cpus, pids
        self.scratch_mb, self.scratch_inodes = scratch_mb, scratch_inodes
        self._client = client
        self._lock = threading.Lock()
        self._ids = itertools.count(1)
        self.owner = _owner_id(os.getpid())

    @property
    def client(self) -> Any:
        with self._lock:
            if self._client is None:
                self._client = _connect()
            return self._client

    def check(self) -> None:
        """Raise ``SandboxUnavailable`` unless the engine answers and the image is built."""
        self.ping()
        problem = image_status(self.client, self.image).problem()
        if problem:
            raise SandboxUnavailable(problem)

    def ping(self) -> None:
        import docker.errors

        try:
            self.client.ping()
        except (docker.errors.DockerException, OSError) as exc:
            raise SandboxUnavailable(NO_ENGINE.format(detail=_short(exc))) from None

    def sweep(self) -> int:
        """Remove sandbox containers whose owning process (on this machine) is dead."""
        removed = 0
        # One list call (the high-level list inspects each container, and one removed meanwhile raises NotFound).
        for container in self.client.api.containers(all=True, filters={"label": LABEL}):
            if _owner_dead((container.get("Labels") or {}).get(OWNER_LABEL, "")):
                _remove(self.client.api, container["Id"])
                removed += 1
        return removed

    def start_worker(self) -> Worker:
        """Create, attach and start one container; return it once its supervisor says hello."""
        import docker.errors

        api = self.client.api
        create, host = self.container_options()
        try:
            created = api.create_container(self.image, host_config=api.create_host_config(**host), **create)
        except docker.errors.ImageNotFound:
            raise SandboxUnavailable(image_status(self.client, self.image).problem() or "image missing") from None
        except (docker.errors.DockerException, OSError) as exc:
            self.ping()
            raise SandboxUnavailable(f"could not create a sandbox container: {_short(exc)}") from None
        container = _Container(api, created["Id"], create["name"])
        try:
            return self._attach(container)
        except (docker.errors.DockerException, OSError) as exc:
            container.remove()
            self.ping()
            raise SandboxUnavailable(f"could not start a sandbox container: {_short(exc)}") from None
        except BaseException:
            container.remove()
            raise

    def _attach(self, container: _Container) -> DockerWorker:
        params = {"stdin": 1, "stdout": 1, "stderr": 1, "stream": 1}
        channel = AttachedChannel(container.api.attach_socket(container.id, params=params), _max_reply(self.limits))
        container.api.start(container.id)
        try:
            channel.send({"op": "hello"})
            hello = channel.receive(START_TIMEOUT)
        except ChannelClosed as exc:
            channel.close()
            raise SandboxTimeout(f"sandbox container did not start: {exc}. {channel.tail()}".strip()) from None
        if hello.get("op") != "ready":
            channel.close()
            raise SandboxUnavailable(f"sandbox container answered {hello!r} instead of hello")
        return DockerWorker(container, channel, self)

    def container_options(self) -> tuple[dict[str, Any], dict[str, Any]]:
        """The hardening profile: arguments for ``create_container`` and for ``create_host_config``.

        ``stdin_open`` without ``detach`` also sets StdinOnce: the supervisor's stdin
        closes when our attach socket does, so an orphaned container exits by itself.
        """
        from docker.types import LogConfig, Ulimit

        # job + scratch + /dev/shm + System V shm + the supervisor, the zygote and the next job's processes
        memory = f"{self.limits.memory_mb + self.scratch_mb + 16 + 16 + 80}m"
        fsize = self.scratch_mb * 1024 * 1024
        base = FIRST_UID + secrets.randbelow((LAST_UID - FIRST_UID) // UID_BLOCK) * UID_BLOCK
        create = {
            "name": f"{LABEL}-{os.getpid()}-{next(self._ids)}-{uuid.uuid4().hex[:6]}",
            "labels": {LABEL: "1", OWNER_LABEL: self.owner},
            "user": START_USER,
            "command": ["--uid-base", str(base), "--nproc", str(self.pids - RESERVED_PIDS)],
            "hostname": "sandbox",
            "detach": False,
            "stdin_open": True,
            "tty": False,
            "network_disabled": True,
            "environment": {},
        }
        host = {
            "auto_remove": True,
            "network_mode": "none",
            "read_only": True,
            "tmpfs": {"/tmp": f"rw,nosuid,nodev,noexec,size={self.scratch_mb}m,nr_inodes={self.scratch_inodes},mode=1777"},
            "shm_size": "16m",
            "ipc_mode": "private",
            "cap_drop": ["ALL"],
            "cap_add": CAPABILITIES,
            "security_opt": ["no-new-privileges:true", f"seccomp={seccomp_profile()}"],
            "sysctls": IPC_LIMITS,
            "mem_limit": memory,
            "memswap_limit": memory,
            "pids_limit": self.pids,
            "nano_cpus": int(self.cpus * 1e9),
            "ulimits": [
                Ulimit(name="nofile", soft=256, hard=256),
                Ulimit(name="fsize", soft=fsize, hard=fsize),
                Ulimit(name="core", soft=0, hard=0),
            ],
            "log_config": LogConfig(type=LogConfig.types.NONE),
        }
        return create, host

    def close(self) -> None:
        with self._lock:
            if self._client is not None:
                self._client.close()
                self._client = None


class DockerWorker:
    """One warm container; runs one job at a time through its supervisor."""

    def __init__(self, container: _Container, channel: AttachedChannel, backend: DockerBackend) -> None:
        self.container = container
        self.channel = channel
        self.backend = backend
        self.name = container.name
        self._recycle = False
        self._closed = False

    @property
    def needs_recycle(self) -> bool:
        return self._recycle

    def execute(self, job: Job, limits: Limits) -> Result:
        request = request_for(job, limits, self.backend.launcher)
        try:
            self.channel.send(request)
            reply = self.channel.receive(limits.timeout + ANSWER_GRACE)
            result, recycle, broken = result_from(reply, job, limits)
        except (ChannelClosed, ProtocolError, JobNotStarted) as exc:
            self._recycle = True
            self.backend.ping()  # raises SandboxUnavailable if the engine itself went away
            raise WorkerLost(f"{self.name}: {exc}") from None
        self._recycle = recycle
        extra = {"worker": self.name, "broken": broken} if broken else {"worker": self.name}
        return _with_extra(result, **extra)

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        self.channel.close()
        self.container.remove()


class _Container:
    """A container we created: its id and name, and the API client to reach it."""

    def __init__(self, api: Any, container_id: str, name: str) -> None:
        self.api, self.id, self.name = api, container_id, name

    def remove(self) -> None:
        _remove(self.api, self.id)


def seccomp_profile() -> str:
    """Our seccomp profile (Docker's default minus io_uring, userfaultfd, perf, bpf, keyrings, namespaces), as JSON."""
    return resources.files("grpo_rewards_sandbox").joinpath("seccomp.json").read_text()


def _with_extra(result: Result, **extra: Any) -> Result:
    from dataclasses import replace

    return replace(result, extra={**result.extra, **extra})


def _connect() -> Any:
    import docker

    try:
        client = docker.from_env(timeout=60)
        client.ping()
    except Exception as exc:  # noqa: BLE001 - docker-py raises many kinds here; all mean "no engine"
        raise SandboxUnavailable(NO_ENGINE.format(detail=_short(exc))) from None
    return client


def _max_reply(limits: Limits) -> int:
    return 2 * limits.keep_output + limits.max_value_bytes + 64 * 1024


def _remove(api: Any, container_id: str) -> None:
    import docker.errors

    try:
        api.remove_container(container_id, force=True)
    except (docker.errors.DockerException, OSError):
        pass  # already gone (auto_remove), being removed, or the engine is down: nothing left to do


def _short(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {text[0] if text else ''}"[:300]


def _start_time(pid: int) -> str | None:
    try:
        with open(f"/proc/{pid}/stat") as handle:
            return handle.read().rsplit(")", 1)[1].split()[19]
    except (OSError, IndexError):
        return None


def _owner_id(pid: int) -> str:
    return f"{socket.gethostname()}:{pid}:{_start_time(pid)}"


def _owner_dead(owner: str) -> bool:
    """True only for an owner on this machine whose process is gone (a reused pid has another start time)."""
    host, _, rest = owner.partition(":")
    pid, _, started = rest.partition(":")
    if host != socket.gethostname() or not pid.isdigit():
        return False
    return _start_time(int(pid)) != started
