"""CPU time the sandbox's containers used, read from their cgroups on the host (for the benchmarks).

Wall-clock numbers on a shared, loaded machine mostly measure the load: the
engine's containers compete for the CPU as one group against every process on
the host. CPU time per execution does not depend on the load, so the
benchmarks print it beside the latencies.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from grpo_rewards_sandbox.docker_backend import LABEL, OWNER_LABEL

__all__ = ["ContainerCpu", "usage"]

_PATHS = (
    "/sys/fs/cgroup/cpuacct/docker/{id}/cpuacct.usage",  # cgroup v1, cgroupfs driver (nanoseconds)
    "/sys/fs/cgroup/cpu,cpuacct/docker/{id}/cpuacct.usage",
    "/sys/fs/cgroup/system.slice/docker-{id}.scope/cpu.stat",  # cgroup v2, systemd driver (usage_usec)
    "/sys/fs/cgroup/docker/{id}/cpu.stat",  # cgroup v2, cgroupfs driver
)


def usage(container_id: str) -> float | None:
    """CPU seconds used by one container so far, or None."""
    for pattern in _PATHS:
        path = Path(pattern.format(id=container_id))
        try:
            text = path.read_text()
        except OSError:
            continue
        if path.name == "cpu.stat":
            fields = dict(line.split() for line in text.splitlines() if line.strip())
            return int(fields["usage_usec"]) / 1e6
        return int(text) / 1e9
    return None


class ContainerCpu:
    """Seconds of CPU used by this process's running containers of one image (``owner``: the backend's label)."""

    def __init__(self, client: Any, owner: str, image: str) -> None:
        self.client, self.owner, self.image = client, owner, image

    def total(self) -> float | None:
        """CPU seconds of those containers so far (None: their cgroups are not readable here)."""
        filters = {"label": [f"{LABEL}=1", f"{OWNER_LABEL}={self.owner}"]}
        found = False
        total = 0.0
        for container in self.client.api.containers(filters=filters):
            if container.get("Image") != self.image:
                continue
            used = usage(container["Id"])
            if used is not None:
                found = True
                total += used
        return total if found else None
