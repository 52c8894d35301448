"""The service's engine, without HTTP: the rewards it serves, and one batch of request rows scored the way ``check`` scores.

Rewards are chosen once, at start-up, by :func:`~grpo_rewards.selection.select_rewards`
(the same specs and options as ``check`` and ``reward_funcs``); a request may only
pick some of them by name, never change their options. Request rows are read by
:func:`~grpo_rewards.data.rows_from_records`, the reader ``check`` uses (a row
with a list of completions becomes one row per completion, each with its
``completion_index``), scored by :func:`~grpo_rewards.checking.run_check` and
written by :mod:`grpo_rewards.output`'s record builders, so a row gets the
verdicts ``check`` would give it, in the ``check --output`` shape::

    scorer = Scorer.from_specs(["math", "format:0.2"], {"math": {"mode": "strict"}})
    scorer.score([{"prompt": "1+1?", "completion": "\\\\boxed{2}", "answer": "2"}])
    # {"results": [{"line": 1, "rewards": {"math": {"score": 1.0, "verdict": "correct", ...}, ...}}], ...}
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..checking import AppliedReward, CheckReport, run_check
from ..data import InputRow, ReadResult, rows_from_records
from ..errors import GrpoRewardsError
from ..executors import Executor, executor_name, get_executor
from ..messages import completion_text
from ..output import entries_for, row_record
from ..plugins import PluginManager, load_plugins
from ..pool import get_pool
from ..selection import SelectedReward, Selection, select_rewards
from ..verdict import Verdict
from .envelope import too_many_completions
from .limits import Limits

__all__ = ["REQUEST_SOURCE", "Scorer", "UnknownReward", "options_json", "selection_fingerprint"]

#: What error messages call a request's rows (in place of a file name): ``request:3: ...``.
REQUEST_SOURCE = "request"


class UnknownReward(GrpoRewardsError):
    """A request named a reward this service does not serve."""

    def __init__(self, index: int, name: str, served: Sequence[str]) -> None:
        self.field = f"rewards[{index}]"
        super().__init__(f"reward {name!r} is not served here (served: {', '.join(served) or 'none'})")


def selection_fingerprint(selection: Selection) -> str:
    """A short hash of the rewards, weights and resolved options of ``selection``.

    Two processes that selected the same rewards with the same options get the
    same fingerprint, whatever form the options were given in (``"5"`` or ``5``).
    """
    parts = [[s.name, s.weight, s.plugin, repr(s.reward.options), s.reward.timeout] for s in selection.rewards]
    return hashlib.sha1(json.dumps(parts, default=repr).encode()).hexdigest()[:16]


@dataclass
class Preflight:
    """What one reward's ``preflight()`` said at start-up."""

    ok: bool
    message: str | None

    def to_dict(self) -> dict[str, Any]:
        return {"ok": self.ok, "message": self.message}


@dataclass
class Scorer:
    """The rewards a service serves, and the scoring of request rows with them."""

    selection: Selection
    limits: Limits = field(default_factory=Limits)
    preflight: dict[str, Preflight] = field(default_factory=dict)
    executor: str | Executor | None = None  # None: $GRPO_REWARDS_EXECUTOR, else local

    def __post_init__(self) -> None:
        self.selection.raise_for_errors()
        self.fingerprint = selection_fingerprint(self.selection)
        self._by_name = {s.name: s for s in self.selection.rewards}

    @classmethod
    def from_specs(
        cls,
        specs: Sequence[str],
        options: Mapping[str, Mapping[str, Any]] | None = None,
        *,
        manager: PluginManager | None = None,
        limits: Limits | None = None,
    ) -> Scorer:
        """Select ``specs`` (``NAME[:WEIGHT]``) with ``options``; raises :class:`~grpo_rewards.ConfigError` for any problem."""
        manager = manager or load_plugins()
        return cls(select_rewards(manager.registry, specs, options), limits or Limits())

    @property
    def names(self) -> list[str]:
        return list(self._by_name)

    # -- start-up ------------------------------------------------------------------

    def run_preflight(self) -> dict[str, Preflight]:
        """Start the executor, then each reward's ``preflight()`` where it will score (a sandbox reward starts
        its sandbox there), recorded for ``GET /health``."""
        try:
            executor = get_executor(self.executor)
            executor.start()
        except GrpoRewardsError as exc:
            self.preflight = {s.name: Preflight(False, str(exc)) for s in self.selection.rewards}
            return self.preflight
        for selected in self.selection.rewards:
            try:
                self.preflight[selected.name] = Preflight(True, executor.preflight(selected.reward, plugin=selected.plugin))
            except GrpoRewardsError as exc:
                self.preflight[selected.name] = Preflight(False, str(exc))
        return self.preflight

    def warm(self) -> None:
        """With the local executor, start the worker pool with every pooled reward's preloads (no import on request 1)."""
        pooled = [s.reward for s in self.selection.rewards if s.reward.manifest.isolation == "process"]
        if pooled and executor_name(self.executor) == "local":
            get_pool(tuple(m for r in pooled for m in r.manifest.preload))

    # -- describing ----------------------------------------------------------------

    def describe(self) -> list[dict[str, Any]]:
        """``GET /rewards``: each served reward with its weight, plugin, columns, range, timeout and options."""
        return [_describe(s) for s in self.selection.rewards]

    # -- scoring -------------------------------------------------------------------

    def chosen(self, names: Sequence[str] | None) -> list[SelectedReward]:
        """The served rewards named in a request (all of them for ``None``), in the order named."""
        if names is None:
            return list(self.selection.rewards)
        for index, name in enumerate(names):
            if name not in self._by_name:
                raise UnknownReward(index, name, self.names)
        return [self._by_name[name] for name in names]

    def score(self, records: Sequence[Any], names: Sequence[str] | None = None) -> dict[str, Any]:
        """Score request rows: one result per completion, in request order, in the ``check --output`` shape.

        A row with a list of completions gives one result per completion (with
        ``completion_index``). A malformed row gets ``{"line", "error", "field",
        "rewards": {}}`` and the others are scored as if it were not there.
        Raises :class:`UnknownReward`, and :class:`RequestProblem` (413) for more
        completions than ``max_rows``.
        """
        selected = self.chosen(names)
        read = rows_from_records(REQUEST_SOURCE, enumerate(records, start=1))
        self._check_count(read)
        too_long = {i for i, row in enumerate(read.rows) if self._length(row) > self.limits.max_completion_chars}
        scored = [i for i in range(len(read.rows)) if i not in too_long]
        applied = [AppliedReward(s, scored) for s in selected]
        # One block: the answer goes out whole, so nothing is gained by scoring (and streaming) block by block.
        report = run_check(applied, read.rows, lint=False, executor=self.executor, block_rows=max(1, len(read.rows)))
        self._lowest_for_too_long(report, selected, read.rows, too_long)

        def record_of(position: int) -> dict[str, Any]:
            return row_record(read.rows[position], report.verdicts_of(position))

        results = [entry.build(record_of) for entry in entries_for(read.rows, read.errors)]
        return {"results": results, "rewards": [s.name for s in selected], "bad_rows": len(read.errors)}

    def _check_count(self, read: ReadResult) -> None:
        if len(read.rows) > self.limits.max_rows:
            raise too_many_completions(len(read.rows), self.limits)

    @staticmethod
    def _length(row: InputRow) -> int:
        return len(completion_text(row.completion))

    def _lowest_for_too_long(
        self, report: CheckReport, selected: Sequence[SelectedReward], rows: Sequence[InputRow], positions: set[int]
    ) -> None:
        """Each reward's lowest score for the completions over ``max_completion_chars`` (they are not scored)."""
        limit = self.limits.max_completion_chars
        for position in sorted(positions):
            length = self._length(rows[position])
            for s in selected:
                report.verdicts[s.name][position] = Verdict.incorrect(
                    f"completion_too_long: {length} characters, over this service's limit of {limit}; given the "
                    "reward's lowest score",
                    score=s.reward.manifest.output_range[0],
                    length=length,
                    limit=limit,
                )


def options_json(options: Any) -> dict[str, Any]:
    """A reward's resolved options as JSON values (what ``GET /rewards`` lists, and clients compare)."""
    if not dataclasses.is_dataclass(options) or isinstance(options, type):
        return {}
    fields = {f.name: getattr(options, f.name) for f in dataclasses.fields(options)}
    loaded: dict[str, Any] = json.loads(json.dumps(fields, default=repr))
    return loaded


def _describe(selected: SelectedReward) -> dict[str, Any]:
    reward, manifest = selected.reward, selected.reward.manifest
    return {
        "name": selected.name,
        "weight": selected.weight,
        "plugin": selected.plugin,
        "description": reward.description,
        "required_columns": list(reward.required_columns()),
        "output_range": list(manifest.output_range),
        "timeout": reward.timeout,
        "cost": manifest.cost,
        "unit": reward.unit,
        "options": options_json(reward.options),
    }
