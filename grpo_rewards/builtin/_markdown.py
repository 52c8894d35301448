"""Where the code is in Markdown text, so tags shown as code are not taken for structure.

Two kinds of code count, close to CommonMark and in linear time:

* fenced blocks: a line starting (after at most three spaces) with three or more
  backticks or tildes opens a block, closed by a line with a fence of the same
  character at least as long; a fence never closed runs to the end of the text;
* inline code spans outside fenced blocks: a run of N backticks opens a span
  that the next run of exactly N backticks on the same line closes. Spans are
  kept to one line so that one stray backtick cannot swallow the rest of a
  completion.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

__all__ = ["CodeRegions", "code_regions"]

_FENCE = re.compile(r"[ ]{0,3}(`{3,}|~{3,})")
_BACKTICKS = re.compile(r"`+")


@dataclass(frozen=True)
class CodeRegions:
    """Sorted, disjoint ``[start, end)`` character ranges that are code."""

    starts: tuple[int, ...]
    ends: tuple[int, ...]

    def contains(self, position: int) -> bool:
        """True when ``position`` falls inside a code region."""
        i = bisect.bisect_right(self.starts, position) - 1
        return i >= 0 and position < self.ends[i]


def _lines(text: str) -> list[tuple[int, str]]:
    out, start = [], 0
    for line in text.splitlines(keepends=True):
        out.append((start, line))
        start += len(line)
    return out


def _inline_spans(line: str, offset: int) -> list[tuple[int, int]]:
    runs: dict[int, list[int]] = {}
    matches = list(_BACKTICKS.finditer(line))
    for index, match in enumerate(matches):
        runs.setdefault(len(match.group()), []).append(index)
    spans, after = [], -1
    for index, match in enumerate(matches):
        if index <= after:
            continue
        same = runs[len(match.group())]
        k = bisect.bisect_right(same, index)
        if k < len(same):
            closer = matches[same[k]]
            spans.append((offset + match.start(), offset + closer.end()))
            after = same[k]
    return spans


def code_regions(text: str) -> CodeRegions:
    """The fenced blocks and inline code spans of ``text``."""
    regions: list[tuple[int, int]] = []
    fence: tuple[str, int, int] | None = None  # (character, length, start offset)
    if "`" not in text and "~" not in text:
        return CodeRegions((), ())
    for offset, line in _lines(text):
        if "`" not in line and "~" not in line:
            continue  # neither opens, closes nor holds code markers
        match = _FENCE.match(line)
        if fence is not None:
            char, length, start = fence
            if match and match.group(1)[0] == char and len(match.group(1)) >= length and not line[match.end() :].strip():
                regions.append((start, offset + len(line)))
                fence = None
            continue
        if match and not (match.group(1)[0] == "`" and "`" in line[match.end() :]):
            fence = (match.group(1)[0], len(match.group(1)), offset)
            continue
        regions.extend(_inline_spans(line, offset))
    if fence is not None:
        regions.append((fence[2], len(text)))
    return CodeRegions(tuple(s for s, _ in regions), tuple(e for _, e in regions))
