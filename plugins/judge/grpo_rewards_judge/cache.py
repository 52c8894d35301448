"""The judge's in-process cache: a row scored again costs no request.

Keys hash everything that decides a judgment: the template (its text and reply
format), the endpoint and model, temperature, ``max_tokens`` and
``max_completion_chars``, the prompt, the completion (for ``ranking`` every
completion of the group, in order), the reference and the rubric. Only parsed
judgments are kept; an outage or an unparseable reply is asked again next time.
"""

from __future__ import annotations

import collections
import hashlib
import json
import threading
from typing import Any, Generic, TypeVar

__all__ = ["CACHE", "JudgeCache", "cache_key"]

V = TypeVar("V")


def cache_key(*parts: Any) -> str:
    """A stable digest of ``parts`` (JSON-able values)."""
    return hashlib.sha256(json.dumps(parts, sort_keys=True, default=repr).encode()).hexdigest()


class JudgeCache(Generic[V]):
    """A thread-safe LRU map with a size set per call (the ``cache_size`` option); size 0 keeps nothing."""

    def __init__(self) -> None:
        self._items: collections.OrderedDict[str, V] = collections.OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: str) -> V | None:
        with self._lock:
            value = self._items.get(key)
            if value is not None:
                self._items.move_to_end(key)
            return value

    def put(self, key: str, value: V, max_entries: int) -> None:
        if max_entries <= 0:
            return
        with self._lock:
            self._items[key] = value
            self._items.move_to_end(key)
            while len(self._items) > max_entries:
                self._items.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._items.clear()

    def __len__(self) -> int:
        return len(self._items)


#: The process-wide cache of parsed judgments.
CACHE: JudgeCache[Any] = JudgeCache()
