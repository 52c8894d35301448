"""Starting real ``grpo-rewards serve`` processes for tests (shared by tests/serve and tests/integrations)."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
import uuid
from dataclasses import dataclass
from pathlib import Path


@dataclass
class Service:
    """A running ``grpo-rewards serve`` process."""

    url: str
    pid: int
    process: subprocess.Popen[bytes]
    log: Path

    def stop(self, sig: int = signal.SIGTERM, timeout: float = 60.0) -> int:
        if self.process.poll() is None:
            self.process.send_signal(sig)
        return self.process.wait(timeout)

    def output(self) -> str:
        return self.log.read_text(errors="replace")


def launch(env: dict[str, str], directory: Path, *flags: str, port: int = 0, timeout: float = 180.0) -> Service:
    """Start ``grpo-rewards serve FLAGS`` (on a free port of 127.0.0.1 unless ``--uds`` is given) and wait until it answers."""
    name = uuid.uuid4().hex[:8]
    ready, log = directory / f"ready-{name}.json", directory / f"serve-{name}.log"
    command = [sys.executable, "-m", "grpo_rewards.cli", "serve", "--ready-file", str(ready)]
    if "--uds" not in flags:
        command += ["--host", "127.0.0.1", "--port", str(port)]
    with log.open("wb") as out:
        process = subprocess.Popen([*command, *flags], env=env, stdout=out, stderr=subprocess.STDOUT)
    ends = time.monotonic() + timeout
    while not ready.exists():
        if process.poll() is not None or time.monotonic() > ends:
            process.kill()
            raise AssertionError(f"the service did not start:\n{log.read_text(errors='replace')}")
        time.sleep(0.05)
    info = json.loads(ready.read_text())
    return Service(info["url"], info["pid"], process, log)
