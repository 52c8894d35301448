"""A baseline with the sandbox's CPU share: a bare subprocess per execution, started inside a warm container.

On a loaded host the engine's containers compete for the CPU as one group
against every host process, so a wall-clock comparison of the pool with a bare
host subprocess mostly measures that share. This baseline runs the same bare
subprocess per execution as the ``host`` one, but from a driver inside a
long-lived container of the sandbox image (no isolation beyond Docker's
defaults, no per-execution hardening): the same scheduling handicap as the
pool, none of its work. The difference between it and the pool is what the
pool's isolation costs. The driver writes ``files`` and runs ``setup`` (a
compiler) once, in its working directory, before the first execution.
"""

from __future__ import annotations

import json
import queue
import subprocess
import time
import uuid
from collections.abc import Callable

from _container_cpu import usage

__all__ = ["InContainer"]

DRIVER = r"""
import json, os, subprocess, sys
config = json.loads(sys.argv[1])
for name, text in config["files"].items():
    with open(name, "w") as handle:
        handle.write(text)
for command in config["setup"]:
    subprocess.run(command, check=True)
source, sink = sys.stdin.buffer, sys.stdout.buffer
while len(header := source.read(4)) == 4:
    data = source.read(int.from_bytes(header, "big"))
    done = subprocess.run(config["argv"], input=data, capture_output=True)
    sink.write(len(done.stdout).to_bytes(4, "big") + done.stdout)
    sink.flush()
"""


class InContainer:
    """``count`` warm driver containers of ``image`` that run ``argv`` once per request (one request each at a time)."""

    def __init__(
        self, image: str, argv: list[str], count: int, *, files: dict[str, str] | None = None, setup: list[list[str]] = ()
    ) -> None:
        self.names = [f"grpo-rewards-bench-driver-{uuid.uuid4().hex[:12]}" for _ in range(count)]
        config = json.dumps({"files": files or {}, "setup": list(setup), "argv": argv})
        self.drivers: queue.Queue[subprocess.Popen[bytes]] = queue.Queue()
        for name in self.names:
            command = ["docker", "run", "--rm", "-i", "--name", name, "--network", "none", "--log-driver", "none"]
            command += ["--user", "65534:65534", "--tmpfs", "/tmp:exec,size=256m", "--workdir", "/tmp", "--env", "HOME=/tmp"]
            command += ["--env", "TMPDIR=/tmp", "--entrypoint", "python3", image, "-c", DRIVER, config]
            self.drivers.put(subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE))
        self.ids = [self._id(name) for name in self.names]

    @staticmethod
    def _id(name: str) -> str:
        for _ in range(600):
            done = subprocess.run(["docker", "inspect", "-f", "{{.Id}}", name], capture_output=True, text=True)
            if done.returncode == 0:
                return done.stdout.strip()
            time.sleep(0.1)
        raise RuntimeError(f"the baseline container {name} did not start")

    def cpu(self) -> float | None:
        """CPU seconds the driver containers used so far (None: their cgroups are not readable)."""
        values = [usage(container) for container in self.ids]
        return None if None in values else sum(v for v in values if v is not None)

    def runner(self, stdin: bytes, expected: bytes) -> Callable[[], None]:
        def run() -> None:
            driver = self.drivers.get()
            try:
                assert driver.stdin is not None and driver.stdout is not None
                driver.stdin.write(len(stdin).to_bytes(4, "big") + stdin)
                driver.stdin.flush()
                size = int.from_bytes(driver.stdout.read(4), "big")
                got = driver.stdout.read(size)
                assert got == expected, got
            finally:
                self.drivers.put(driver)

        return run

    def close(self) -> None:
        while not self.drivers.empty():
            driver = self.drivers.get_nowait()
            if driver.stdin is not None:
                driver.stdin.close()
            driver.wait(timeout=30)
