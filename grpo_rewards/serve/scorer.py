"""The service's engine, without HTTP: the rewards it serves, and one batch of request rows scored the way ``check`` scores.

Rewards are chosen once, at start-up, by :func:`~grpo_rewards.selection.select_rewards`
(the same specs and options as ``check`` and ``reward_funcs``); a request may only
pick some of them by name, never change their options. Each row is read by
:func:`~grpo_rewards.data.row_from_record`, the reader ``check`` uses, and scored
by :func:`~grpo_rewards.checking.run_check`, so a row gets the verdicts ``check``
would give it, in the ``check --output`` shape::

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

from ..checking import AppliedReward, error_record, row_record, run_check
from ..data import InputRow, row_from_record
from ..errors import GrpoRewardsError, InputError
from ..executors import executor_name, get_executor
from ..messages import completion_text
from ..plugins import PluginManager, load_plugins
from ..pool import get_pool
from ..selection import SelectedReward, Selection, select_rewards
from ..verdict import Verdict
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
            executor = get_executor()
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
        if pooled and executor_name() == "local":
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
        """Score request rows: one result per row, in order, in the ``check --output`` shape.

        A malformed row gets ``{"line", "error", "field", "rewards": {}}`` and
        the others are scored as if it were not there. Raises :class:`UnknownReward`.
        """
        selected = self.chosen(names)
        rows, errors, too_long = self._read(records)
        report = run_check([AppliedReward(s, list(range(len(rows)))) for s in selected], rows, lint=False)
        results = [(row.line, row_record(row, report, i)) for i, row in enumerate(rows)]
        results += [(row.line, self._too_long_record(row, selected)) for row in too_long]
        results += [(error.line or 0, error_record(error)) for error in errors]
        results.sort(key=lambda item: item[0])
        return {"results": [record for _, record in results], "rewards": [s.name for s in selected], "bad_rows": len(errors)}

    def _read(self, records: Sequence[Any]) -> tuple[list[InputRow], list[InputError], list[InputRow]]:
        rows: list[InputRow] = []
        errors: list[InputError] = []
        too_long: list[InputRow] = []
        for line, record in enumerate(records, start=1):
            try:
                row = row_from_record(record, path=REQUEST_SOURCE, line=line)
            except InputError as exc:
                errors.append(exc)
                continue
            over = len(completion_text(row.completion)) > self.limits.max_completion_chars
            (too_long if over else rows).append(row)
        return rows, errors, too_long

    def _too_long_record(self, row: InputRow, selected: Sequence[SelectedReward]) -> dict[str, Any]:
        length, limit = len(completion_text(row.completion)), self.limits.max_completion_chars
        rewards = {}
        for s in selected:
            verdict = Verdict.incorrect(
                f"completion_too_long: {length} characters, over this service's limit of {limit}; given the reward's "
                "lowest score",
                score=s.reward.manifest.output_range[0],
                length=length,
                limit=limit,
            )
            rewards[s.name] = verdict.to_dict()
        return {"line": row.line, "rewards": rewards}


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
