"""Preflight: everything that can be checked before a model loads, each failure one clear message.

Checks, in order: the model and backend (with the versions the backend needs),
the rewards (every name installed, every option valid), the dataset (readable,
with the prompt column and every column a reward reads; each reward's lint,
which fails when it flags every row; seed guidance), each reward's own
``preflight()`` (a sandbox reward checks its sandbox there), the batch shape
GRPO needs, every ``--grpo`` key against GRPOConfig, and each tracker in
``--report-to`` (see :mod:`.preflight_more`). Every problem is collected, so one run shows all of them.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from grpo_rewards import BaseReward, ConfigError, GrpoRewardsError, PluginManager, load_plugins
from grpo_rewards.executors import Executor, get_executor
from grpo_rewards.selection import Selection, select_rewards

from .config import TrainConfig
from .data import Rows, read_dataset
from .environment import Environment, version_problems
from .preflight_more import check_grpo_keys, check_lint, check_report_to, check_seed

__all__ = ["Check", "PreflightError", "PreflightReport", "preflight", "resolve_backend"]

Level = Literal["ok", "warning", "error"]


@dataclass(frozen=True)
class Check:
    """One line of the preflight report."""

    topic: str
    level: Level
    message: str


@dataclass
class PreflightReport:
    """What preflight found, plus what later stages reuse (backend, rows, reward instances)."""

    backend: str | None = None
    checks: list[Check] = field(default_factory=list)
    rows: Rows | None = None
    rewards: dict[str, BaseReward] = field(default_factory=dict)
    selection: Selection | None = None
    environment: Environment | None = None
    manager: PluginManager | None = None

    def add(self, topic: str, level: Level, message: str) -> None:
        self.checks.append(Check(topic, level, message))

    @property
    def errors(self) -> list[Check]:
        return [c for c in self.checks if c.level == "error"]

    @property
    def warnings(self) -> list[Check]:
        return [c for c in self.checks if c.level == "warning"]

    @property
    def ok(self) -> bool:
        return not self.errors

    def raise_for_errors(self) -> None:
        """Raise :class:`PreflightError` listing every error, if there is one."""
        if self.errors:
            raise PreflightError(self)


class PreflightError(ConfigError):
    """Training cannot start; the message lists each problem and what to do."""

    def __init__(self, report: PreflightReport) -> None:
        self.report = report
        lines = "\n".join(f"  - [{c.topic}] {c.message}" for c in report.errors)
        super().__init__(f"preflight failed, nothing was loaded:\n{lines}")


def resolve_backend(requested: str, env: Environment) -> str:
    """``auto`` means unsloth when it is installed and a CUDA GPU is present, else trl."""
    if requested != "auto":
        return requested
    return "unsloth" if env.cuda and env.has("unsloth") else "trl"


# ----------------------------------------------------------------------------- model and backend


def _check_model(config: TrainConfig, report: PreflightReport) -> None:
    if not config.model:
        report.add("model", "error", "no model given: pass --model NAME_OR_PATH (a hub name or a local folder)")
        return
    path = Path(config.model).expanduser()
    looks_local = config.model.startswith((".", "/", "~")) or config.model.count("/") > 1
    if looks_local and not path.exists():
        report.add("model", "error", f"model folder {config.model} does not exist")
    else:
        report.add("model", "ok", f"{config.model} ({'local folder' if path.exists() else 'hub name'})")


def _check_backend(config: TrainConfig, env: Environment, report: PreflightReport) -> None:
    backend = report.backend
    if backend == "unsloth":
        if not env.has("unsloth"):
            report.add(
                "backend",
                "error",
                "backend unsloth: Unsloth is not installed: pip install 'grpo-rewards-trainer[unsloth]', or pass --backend trl",
            )
        if not env.cuda:
            report.add(
                "backend", "error", "backend unsloth needs a CUDA GPU and none is visible: pass --backend trl to train on the CPU"
            )
    if not env.has("trl"):
        report.add("backend", "error", "trl is not installed: pip install 'grpo-rewards-trainer[trl]' (or [unsloth])")
    _check_gpu_options(config, env, report)
    for problem in version_problems(env, backend or "trl"):
        report.add("versions", "error", problem)
    if not report.errors:
        versions = ", ".join(f"{d} {env.versions.get(d)}" for d in ("unsloth", "trl", "transformers", "torch") if env.has(d))
        report.add("backend", "ok", f"{backend} on {'CUDA' if env.cuda else 'CPU'} ({versions})")


def _check_gpu_options(config: TrainConfig, env: Environment, report: PreflightReport) -> None:
    if config.bf16 and not env.bf16:
        report.add("backend", "error", "bf16 was asked for, but no CUDA GPU with bfloat16 support is visible: drop --bf16")
    if config.load_in_4bit and not (env.cuda and env.has("bitsandbytes")):
        report.add(
            "backend", "error", "load_in_4bit needs a CUDA GPU and bitsandbytes: pip install bitsandbytes, or drop --load-in-4bit"
        )
    if config.fast_inference:
        if report.backend != "unsloth":
            report.add(
                "backend",
                "error",
                "fast_inference (vLLM) is an Unsloth option: use --backend unsloth, or pass --grpo use_vllm=true to TRL",
            )
        elif not env.has("vllm"):
            report.add(
                "backend",
                "error",
                "fast_inference needs vLLM, which is not installed: pip install vllm, or drop --fast-inference",
            )


# ----------------------------------------------------------------------------- rewards


def _check_rewards(config: TrainConfig, manager: PluginManager, report: PreflightReport) -> None:
    if not config.rewards:
        report.add("rewards", "error", "no reward given: pass --reward NAME[:WEIGHT] (see `grpo-rewards rewards`)")
        return
    report.selection = select_rewards(manager.registry, config.rewards, config.reward_options)
    for error in report.selection.errors:
        report.add("rewards", "error", str(error))
    for selected in report.selection.rewards:
        report.rewards[selected.name] = selected.reward
        cost = selected.reward.manifest.cost
        report.add("rewards", "ok", f"{selected.name} (weight {selected.weight:g}, plugin {selected.plugin}, cost {cost})")


def _check_executor(config: TrainConfig, report: PreflightReport) -> Executor | None:
    """The executor rewards run on, started (for Ray: connected, an actor on every node)."""
    try:
        executor = get_executor(config.executor)
        status = executor.start()
    except GrpoRewardsError as exc:
        report.add("executor", "error", str(exc))
        return None
    if executor.name != "local":
        report.add("executor", "ok", status)
    return executor


#: Runs one reward's preflight where it will score: on the executor, or in the scoring service.
RewardProbe = Callable[[str, BaseReward], "str | None"]


def _executor_probe(config: TrainConfig, report: PreflightReport) -> RewardProbe | None:
    executor = _check_executor(config, report)
    if executor is None:
        return None  # the executor did not start; that error is reported already
    return lambda name, reward: executor.preflight(reward)


def _check_reward_preflight(report: PreflightReport, probe: RewardProbe | None) -> None:
    if probe is None:
        return
    for name, reward in report.rewards.items():
        topic = "sandbox" if reward.manifest.cost == "sandbox" else "rewards"
        try:
            said = probe(name, reward)
        except GrpoRewardsError as exc:
            report.add(topic, "error", f"reward {name!r}: {exc}")
            continue
        if said is not None:
            report.add(topic, "ok", f"reward {name!r}: {said}")
        elif reward.manifest.cost == "sandbox":
            report.add(
                "sandbox",
                "warning",
                f"reward {name!r} runs in a sandbox but has no preflight() check; an outage shows up as "
                "unverifiable(sandbox_unavailable) and stops the run after --abort-after calls",
            )


# ----------------------------------------------------------------------------- dataset


def _check_dataset(config: TrainConfig, report: PreflightReport, reader: Callable[[str, str], Rows]) -> None:
    if not config.dataset:
        report.add("dataset", "error", "no dataset given: pass --dataset FILE.jsonl (or .json, .parquet, or a datasets name)")
        return
    try:
        rows = reader(config.dataset, config.dataset_split)
    except GrpoRewardsError as exc:
        report.add("dataset", "error", f"{exc}. Fix the file, then run again.")
        return
    if not rows.rows:
        report.add("dataset", "error", f"dataset {rows.source} has no rows")
        return
    report.rows = rows
    report.add("dataset", "ok", f"{rows.source}: {len(rows.rows)} rows, columns {', '.join(rows.columns())}")
    needs = [(config.prompt_column, "the prompt (--prompt-column)")]
    needs += [(c, f"reward {name!r}") for name, r in report.rewards.items() for c in r.required_columns()]
    for column, who in needs:
        _check_column(rows, column, who, report)


def _check_column(rows: Rows, column: str, who: str, report: PreflightReport) -> None:
    missing = rows.lines_missing(column)
    columns = ", ".join(rows.columns())
    if len(missing) == len(rows.rows):
        hint = (
            " Rename the column, or point the reward at another one with --reward-option NAME.KEY=VALUE."
            if who.startswith("reward")
            else ""
        )
        report.add("columns", "error", f"{who} needs column {column!r}, which {rows.source} lacks (columns: {columns}).{hint}")
    elif missing:
        shown = ", ".join(map(str, missing[:5])) + (", ..." if len(missing) > 5 else "")
        report.add(
            "columns",
            "warning",
            f"{who} needs column {column!r}, missing in {len(missing)} of {len(rows.rows)} rows "
            f"of {rows.source} (lines {shown}); those samples are scored None",
        )


# ----------------------------------------------------------------------------- batch shape and resume


def _check_batch(config: TrainConfig, report: PreflightReport) -> None:
    if config.num_generations < 2:
        report.add(
            "grpo",
            "error",
            f"num_generations is {config.num_generations}: GRPO compares completions within a group, so use at least 2",
        )
        return
    if "generation_batch_size" in config.grpo or "steps_per_generation" in config.grpo:
        return  # TRL checks its own arithmetic for these
    processes = int(os.environ.get("WORLD_SIZE", "1"))  # set by accelerate/torchrun on every process
    batch = config.per_device_train_batch_size * config.gradient_accumulation_steps * processes
    if batch % config.num_generations:
        report.add(
            "grpo",
            "error",
            f"per_device_train_batch_size x gradient_accumulation_steps x processes = {batch} is not a multiple of "
            f"num_generations = {config.num_generations}: each batch must hold whole groups. "
            f"Use e.g. --per-device-train-batch-size {config.num_generations}",
        )


def _check_resume(config: TrainConfig, report: PreflightReport) -> None:
    target = config.resume_from_checkpoint
    if target is None:
        return
    if target == "latest":
        found = sorted(Path(config.output_dir).glob("checkpoint-*"))
        if not found:
            report.add("output", "error", f"--resume-from-checkpoint latest: no checkpoint-* folder in {config.output_dir}")
    elif not Path(target).is_dir():
        report.add("output", "error", f"--resume-from-checkpoint {target}: no such folder")


def preflight(
    config: TrainConfig,
    *,
    manager: PluginManager | None = None,
    environment: Environment | None = None,
    reader: Callable[[str, str], Rows] = read_dataset,
    probe: RewardProbe | None = None,
) -> PreflightReport:
    """Run every check without loading a model; see :class:`PreflightReport`.

    ``probe(name, reward)`` runs a reward's ``preflight()`` (default: here; the
    trainer passes the scoring service's when rewards are scored there).
    """
    env = environment or Environment.detect()
    report = PreflightReport(environment=env)
    if config.backend not in ("auto", "unsloth", "trl"):
        report.add("backend", "error", f"unknown backend {config.backend!r}: use unsloth, trl or auto")
    else:
        report.backend = resolve_backend(config.backend, env)
        _check_backend(config, env, report)
    _check_model(config, report)
    report.manager = manager or load_plugins()
    _check_rewards(config, report.manager, report)
    _check_dataset(config, report, reader)
    check_lint(report)
    check_seed(config, report)
    if probe is None:
        _check_reward_preflight(report, _executor_probe(config, report))
    elif not report.errors:  # a service starts only for a run that can otherwise go
        _check_reward_preflight(report, probe)
    _check_batch(config, report)
    check_grpo_keys(config, report.backend, report)
    check_report_to(config, report)
    _check_resume(config, report)
    return report
