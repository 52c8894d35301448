"""More preflight checks: GRPOConfig keys, trackers in --report-to, the rewards' lint over the dataset, seed guidance.

GRPOConfig's settings are read from trl's and transformers' source with
:mod:`ast`, never by importing trl: preflight runs before Unsloth, which must
be imported before trl.
"""

from __future__ import annotations

import ast
import difflib
import importlib.util
import re
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from grpo_rewards.messages import prompt_text
from grpo_rewards.seedlint import seed_warnings

from .config import TrainConfig

if TYPE_CHECKING:  # pragma: no cover
    from .preflight import PreflightReport

__all__ = ["TRACKERS", "check_grpo_keys", "check_lint", "check_report_to", "check_seed", "grpo_config_fields"]

#: ``report_to`` names and the module each needs.
TRACKERS = {
    "wandb": "wandb",
    "tensorboard": "tensorboard",
    "mlflow": "mlflow",
    "comet_ml": "comet_ml",
    "trackio": "trackio",
    "clearml": "clearml",
    "neptune": "neptune",
    "dvclive": "dvclive",
    "swanlab": "swanlab",
    "codecarbon": "codecarbon",
}
_LINES = re.compile(r"\blines? (\d+(?:, \d+)*)(?: and (\d+) more)?")


def _class_fields(path: Path, name: str) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.ClassDef) and node.name == name:
            return {s.target.id for s in node.body if isinstance(s, ast.AnnAssign) and isinstance(s.target, ast.Name)}
    return set()


def _package_file(package: str, relative: str) -> Path | None:
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / relative
    return path if path.is_file() else None


def grpo_config_fields() -> set[str] | None:
    """Every setting GRPOConfig takes (its own and TrainingArguments'), or None when trl is not installed."""
    grpo = _package_file("trl", "trainer/grpo_config.py")
    base = _package_file("transformers", "training_args.py")
    if grpo is None or base is None:
        return None
    return _class_fields(grpo, "GRPOConfig") | _class_fields(base, "TrainingArguments")


def check_grpo_keys(config: TrainConfig, backend: str | None, report: PreflightReport) -> None:
    """A ``grpo`` key GRPOConfig does not know is an error with the closest names (a warning under Unsloth,
    whose UnslothGRPOConfig adds settings of its own)."""
    if not config.grpo:
        return
    known = grpo_config_fields()
    if known is None:
        report.add("grpo", "warning", "trl is not installed, so the --grpo settings were not checked")
        return
    for key in sorted(set(config.grpo) - known):
        close = difflib.get_close_matches(key, known, n=3)
        hint = f" (did you mean {', '.join(close)}?)" if close else ""
        if backend == "unsloth":
            report.add("grpo", "warning", f"--grpo {key}: not a TRL GRPOConfig setting{hint}; passed on in case Unsloth takes it")
        else:
            report.add("grpo", "error", f"--grpo {key}: GRPOConfig has no setting {key!r}{hint}")


def check_report_to(config: TrainConfig, report: PreflightReport) -> None:
    """Each tracker named in ``report_to`` must be installed; TRL would fail at the first log, after the model loaded."""
    for name in (n.strip() for n in config.report_to.split(",")):
        module = TRACKERS.get(name)
        if module is None:
            if name not in ("", "none", "all"):
                known = ", ".join(sorted(TRACKERS))
                report.add("output", "error", f"--report-to {name}: unknown tracker (known: {known}, none, all)")
            continue
        if importlib.util.find_spec(module) is None:
            report.add(
                "output", "error", f"--report-to {name}, but {module} is not installed: pip install {module}, or --report-to none"
            )


def _lines_flagged(messages: Iterable[str], lines: set[int]) -> int:
    """How many of ``lines`` the messages name, by the convention ``line 3: ...`` / ``lines 1, 2 and 5 more: ...``."""
    named: set[int] = set()
    more = 0
    for message in messages:
        for listed, extra in _LINES.findall(message):
            named |= {int(n) for n in listed.split(", ")} & lines
            more += int(extra or 0)
    return min(len(lines), len(named) + more)


def check_lint(report: PreflightReport) -> None:
    """Run each reward's ``lint`` over the dataset: an error when it flags every row, a warning when it flags some."""
    if report.rows is None:
        return
    rows = report.rows
    for name, reward in report.rewards.items():
        subset = [
            {**row, "__line__": line}
            for row, line in zip(rows.rows, rows.lines, strict=True)
            if all(c in row for c in reward.required_columns())
        ]
        if not subset:
            continue
        try:
            messages = list(reward.lint(subset))
        except Exception as exc:  # noqa: BLE001 - a broken lint is reported, not fatal
            report.add("dataset", "warning", f"lint of reward {name!r} failed: {type(exc).__name__}: {exc}")
            continue
        if not messages:
            continue
        flagged = _lines_flagged(messages, {row["__line__"] for row in subset})
        if flagged == len(subset):
            report.add(
                "dataset",
                "error",
                f"every one of the {len(subset)} rows fails reward {name!r}'s lint, so it could judge nothing"
                f" (first: {messages[0]}). Fix the column, or point the reward at another with --reward-option",
            )
        else:
            count = f"{flagged} of {len(subset)} rows" if flagged else f"{len(messages)} message(s)"
            report.add("dataset", "warning", f"reward {name!r} lint: {count} (first: {messages[0]})")


def check_seed(config: TrainConfig, report: PreflightReport) -> None:
    """Seed guidance: warn about identity prompts and golds that are mostly one constant."""
    if report.rows is None:
        return
    rows = report.rows
    prompts = [prompt_text(row.get(config.prompt_column)) if row.get(config.prompt_column) else "" for row in rows.rows]
    golds = [c for reward in report.rewards.values() for c in reward.required_columns()]
    for warning in seed_warnings(rows.lines, prompts, rows.rows, golds):
        report.add("dataset", "warning", f"seed: {warning}")
