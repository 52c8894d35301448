"""Pool jobs for tests that run an owner process of their own (importable, so workers can unpickle them)."""

from __future__ import annotations

import os
import signal
import threading
import time
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class SpinAndReport:
    """Each item starts a child that sleeps, writes ``<worker pid> <child pid>`` to ``folder/<item>``, then spins forever."""

    folder: str

    def setup(self) -> None:
        return None

    def run(self, _: None, item: int) -> None:
        child = os.fork()
        if child == 0:
            time.sleep(3600)
            os._exit(0)
        target = Path(self.folder) / str(item)
        target.with_suffix(".tmp").write_text(f"{os.getpid()} {child}")
        target.with_suffix(".tmp").rename(target)
        while True:
            pass


def _spin() -> None:
    while True:
        pass


def _kill_me_after(seconds: float) -> None:
    time.sleep(seconds)
    os.kill(os.getpid(), signal.SIGKILL)


@dataclass(frozen=True)
class Faulty:
    """A job that misbehaves on command, to break the pool at every point of its protocol.

    ``setup_action``: ``ok``, ``crash`` (raise) or ``exit`` (the worker exits).
    Each item is ``(key, action, delay)``: ``ok`` returns ``key``; ``crash``
    raises; ``exit`` exits the worker mid-item; ``hang`` spins until killed;
    ``die_soon`` returns ``key`` and SIGKILLs its own worker ``delay`` seconds
    later, wherever it then is: before or after sending the result, between
    the last result and ``Done``, idle, or in the next task.
    """

    setup_action: str = "ok"

    def setup(self) -> None:
        if self.setup_action == "crash":
            raise KeyError("setup failed on purpose")
        if self.setup_action == "exit":
            os._exit(5)

    def run(self, _: None, item: tuple[int, str, float]) -> int:
        key, action, delay = item
        if action == "crash":
            raise ValueError(f"item {key} failed on purpose")
        if action == "exit":
            os._exit(3)
        if action == "hang":
            _spin()
        if action == "die_soon":
            threading.Thread(target=_kill_me_after, args=(delay,), daemon=True).start()
        return key


def wait_for(path: Path, patience: float) -> bool:
    """True once ``path`` exists, False when ``patience`` seconds pass first."""
    give_up = time.monotonic() + patience
    while not path.exists():
        if time.monotonic() > give_up:
            return False
        time.sleep(0.01)
    return True


@dataclass(frozen=True)
class Rendezvous:
    """Each item ``(me, other)`` leaves ``folder/me`` and waits for ``folder/other``: "met", or "alone" after ``patience`` s.

    Two runs whose items wait for each other both meet only if the pool runs them at the same time.
    """

    folder: str
    patience: float = 120.0

    def setup(self) -> None:
        return None

    def run(self, _: None, item: tuple[str, str]) -> str:
        me, other = item
        (Path(self.folder) / me).touch()
        return "met" if wait_for(Path(self.folder) / other, self.patience) else "alone"


@dataclass(frozen=True)
class Nap:
    """Sleeps for the item's seconds, then returns the item."""

    def setup(self) -> None:
        return None

    def run(self, _: None, item: float) -> float:
        time.sleep(item)
        return item


@dataclass(frozen=True)
class Ask:
    """Asks the parent for the item (``request_parent``) and returns the answer."""

    def setup(self) -> None:
        return None

    def run(self, _: None, item: object) -> object:
        from grpo_rewards.pool import request_parent

        return request_parent(item)
