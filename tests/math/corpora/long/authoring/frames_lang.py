"""Frames for completions in Chinese, Japanese, Russian, French, German, Spanish, Portuguese."""

from __future__ import annotations

FRAMES: list = []
