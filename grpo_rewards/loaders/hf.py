"""Datasets through the ``datasets`` library: ``save_to_disk`` folders, other local folders and scripts, hub names.

``datasets`` is imported only here and only when such a source is read, so
the core stays light. Every failure is one :class:`~grpo_rewards.InputError`
naming the dataset and saying what to do.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from ..errors import ConfigError, InputError
from .text import Record

__all__ = ["dataset_records", "is_saved_dataset"]


def is_saved_dataset(path: Path) -> bool:
    """True for a folder written by ``Dataset.save_to_disk`` or ``DatasetDict.save_to_disk``."""
    return (path / "dataset_dict.json").is_file() or ((path / "state.json").is_file() and (path / "dataset_info.json").is_file())


def _datasets() -> Any:
    try:
        import datasets
    except ImportError:
        raise ConfigError("reading dataset folders and dataset names needs the datasets library: pip install datasets") from None
    return datasets


def _pick_split(loaded: Any, split: str | None, name: str) -> Any:
    """The split to read: ``split`` when given; else the only one, or ``train``."""
    if not isinstance(loaded, Mapping):
        return loaded
    splits = list(loaded)
    if split is None:
        if len(splits) == 1:
            return loaded[splits[0]]
        if "train" in splits:
            return loaded["train"]
        raise InputError(f"has splits {', '.join(splits)}: pick one (check --split, train --dataset-split)", path=name)
    if split not in splits:
        raise InputError(f"has no split {split!r}; it has {', '.join(splits) or 'none'}", path=name)
    return loaded[split]


def _load(spec: str, saved: bool) -> Any:
    datasets = _datasets()
    try:
        return datasets.load_from_disk(spec) if saved else datasets.load_dataset(spec)
    except Exception as exc:  # noqa: BLE001 - datasets raises many types; one message names the dataset and the way out
        raise InputError(_explain(spec, exc, datasets.__version__)) from None


def _explain(spec: str, exc: Exception, version: str) -> str:
    text = f"{type(exc).__name__}: {exc}"
    if spec.endswith(".py") and "no longer supported" in str(exc):
        return (
            f"{spec}: datasets {version} no longer runs dataset scripts ({text}); save the data as files "
            "(JSONL, Parquet, ...) or a save_to_disk folder, or run the script with datasets<4"
        )
    if not Path(spec).exists():
        return (
            f"{spec!r} is not a file or folder here, and datasets could not load it by name ({text}); "
            "check the name and the network (HF_HUB_OFFLINE and HF_DATASETS_OFFLINE keep it offline), "
            "or pass a local copy (a file, a folder, or a save_to_disk folder)"
        )
    return f"{spec}: datasets could not load it ({text})"


def dataset_records(spec: str, split: str | None, *, saved: bool) -> Iterator[Record]:
    """Every row of dataset ``spec`` (``split`` of a DatasetDict), numbered from 1; loading errors come as one error."""
    try:
        dataset = _pick_split(_load(spec, saved), split, spec)
    except InputError as exc:
        yield None, exc
        return
    for number, row in enumerate(dataset, start=1):
        yield number, dict(row)
