"""A content-addressed cache of sample outcomes.

The key hashes everything that decides an outcome: the program, the tests, the
limits and options that affect running or judging, and the sandbox image. Two
identical completions of one group share a key and run once; a completion seen
again in a later batch is not run again. Only judged outcomes are stored: an
infra failure is retried next time.
"""

from __future__ import annotations

import collections
import hashlib
import json
import threading
from collections.abc import Mapping
from typing import Any

from .outcome import SampleOutcome

__all__ = ["OutcomeCache", "cache_key"]


def cache_key(code: str, tests: str, settings: Mapping[str, Any], image: str) -> str:
    """The key of a run of ``code`` against tests with fingerprint ``tests``."""
    text = json.dumps({"code": code, "tests": tests, "settings": dict(settings), "image": image}, sort_keys=True)
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


class OutcomeCache:
    """A thread-safe LRU of judged :class:`SampleOutcome` objects."""

    def __init__(self, capacity: int = 8192) -> None:
        self.capacity = capacity
        self._items: collections.OrderedDict[str, SampleOutcome] = collections.OrderedDict()
        self._lock = threading.Lock()
        self.hits = 0
        self.misses = 0

    def get(self, key: str) -> SampleOutcome | None:
        with self._lock:
            outcome = self._items.get(key)
            if outcome is None:
                self.misses += 1
                return None
            self._items.move_to_end(key)
            self.hits += 1
            return outcome

    def put(self, key: str, outcome: SampleOutcome) -> None:
        if not outcome.judged or self.capacity <= 0:
            return
        with self._lock:
            self._items[key] = outcome
            self._items.move_to_end(key)
            while len(self._items) > self.capacity:
                self._items.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._items.clear()
            self.hits = self.misses = 0

    def __len__(self) -> int:
        return len(self._items)
