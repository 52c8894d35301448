"""``train(config)``: preflight, load, train with the reward plugins, save.

::

    from grpo_rewards_trainer import TrainConfig, train
    result = train(TrainConfig(model="Qwen/Qwen2.5-0.5B-Instruct", dataset="gsm8k.jsonl",
                               rewards=["math", "format:0.2"], max_steps=100))
    print(result.output_dir, result.log_history[-1])
"""

from __future__ import annotations

import json
import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from grpo_rewards import ConfigError, PluginManager, load_plugins
from grpo_rewards.bridge import BaseRewardFunction, reward_functions
from grpo_rewards.pool import shutdown_pool

from .backends import Loaded, load_backend
from .config import TrainConfig
from .data import format_prompts
from .environment import Environment
from .preflight import PreflightReport, preflight
from .service import RewardService, service_mode
from .warmup import warm_up

__all__ = ["CONFIG_FILE", "TrainResult", "TrainingRun", "grpo_kwargs", "train"]

CONFIG_FILE = "train_config.json"
logger = logging.getLogger("grpo_rewards_trainer")


@dataclass
class TrainResult:
    """Where the outputs went and what TRL logged."""

    output_dir: Path
    backend: str
    log_history: list[dict[str, Any]] = field(default_factory=list)
    merged_dir: Path | None = None


def _report_to(value: str) -> list[str] | str:
    items = [v.strip() for v in value.split(",") if v.strip()]
    return "none" if not items or items == ["none"] else items


def grpo_kwargs(config: TrainConfig, *, weights: Sequence[float], cuda: bool, bf16: bool) -> dict[str, Any]:
    """Arguments for ``GRPOConfig``: the named settings, then ``config.grpo`` on top."""
    kwargs: dict[str, Any] = {
        "output_dir": config.output_dir,
        "learning_rate": config.learning_rate,
        "beta": config.beta,
        "num_generations": config.num_generations,
        "max_completion_length": config.max_completion_length,
        "temperature": config.temperature,
        "max_steps": config.max_steps,
        "num_train_epochs": config.num_train_epochs,
        "per_device_train_batch_size": config.per_device_train_batch_size,
        "gradient_accumulation_steps": config.gradient_accumulation_steps,
        "seed": config.seed,
        "logging_steps": config.logging_steps,
        "report_to": _report_to(config.report_to),
        "save_strategy": "steps" if config.save_steps else "no",
        "reward_weights": list(weights),
        "bf16": bf16,
        "use_cpu": not cuda,
    }
    if config.save_steps:
        kwargs["save_steps"] = config.save_steps
    for name in ("loss_type", "scale_rewards"):
        if getattr(config, name) is not None:
            kwargs[name] = getattr(config, name)
    kwargs.update(config.grpo)
    return kwargs


def _bf16(config: TrainConfig, env: Environment) -> bool:
    """bfloat16 when asked, else when the GPU supports it (preflight refuses it where it cannot run)."""
    return env.cuda and env.bf16 if config.bf16 is None else config.bf16


def _show_warnings() -> None:
    """Preflight warnings and the bridge's (a reward unverifiable for a whole batch) must reach stderr."""
    if logging.getLogger().handlers:
        return  # the application configured logging itself
    for name in ("grpo_rewards", "grpo_rewards_trainer"):
        log = logging.getLogger(name)
        if not log.handlers:
            handler = logging.StreamHandler()
            handler.setFormatter(logging.Formatter("[grpo-rewards] %(levelname)s: %(message)s"))
            log.addHandler(handler)
            log.setLevel(logging.INFO)


def _chat(config: TrainConfig, tokenizer: Any) -> bool:
    if config.chat_template == "auto":
        return bool(getattr(tokenizer, "chat_template", None))
    return config.chat_template == "on"


def _prompt_rows(config: TrainConfig, report: PreflightReport, tokenizer: Any) -> list[dict[str, Any]]:
    assert report.rows is not None
    return format_prompts(report.rows, config.prompt_column, config.system_prompt, _chat(config, tokenizer))


def _trainer(
    config: TrainConfig, loaded: Loaded, rows: list[dict[str, Any]], args: Any, funcs: list[Any], callbacks: Sequence[Any]
) -> Any:
    from datasets import Dataset

    kwargs: dict[str, Any] = {
        "model": loaded.model,
        "processing_class": loaded.tokenizer,
        "reward_funcs": funcs,
        "args": args,
        "train_dataset": Dataset.from_list(rows),
        "callbacks": list(callbacks),
    }
    if loaded.peft_config is not None:
        kwargs["peft_config"] = loaded.peft_config
    return loaded.grpo_trainer_cls(**kwargs)


def _grpo_args(config: TrainConfig, loaded: Loaded, env: Environment, bf16: bool, weights: list[float]) -> Any:
    kwargs = grpo_kwargs(config, weights=weights, cuda=env.cuda, bf16=bf16)
    try:
        return loaded.grpo_config_cls(**kwargs)
    except TypeError as exc:
        raise ConfigError(f"GRPOConfig rejected a setting ({exc}); check the names given with --grpo KEY=VALUE") from None


def _reward_funcs(
    config: TrainConfig, report: PreflightReport, service: RewardService | None
) -> tuple[list[BaseRewardFunction], list[float]]:
    """The reward functions (scoring here, or through the service), warmed up on the first row before any model loads."""
    assert report.selection is not None and report.rows is not None  # preflight passed
    abort_after = config.abort_after or None
    funcs: list[BaseRewardFunction]
    if service is not None:
        remote, weights = service.reward_funcs(abort_after)
        funcs = list(remote)
        logger.info("rewards are scored by the grpo-rewards service at %s (pid %s)", service.url, service.health().get("pid"))
    else:
        local, weights = reward_functions(report.selection, abort_after=abort_after, executor=config.executor)
        funcs = list(local)
    row = report.rows.rows[0]
    warm_up(report, funcs, row.get(config.prompt_column), row)
    for check in report.checks:
        if check.topic == "warm-up":
            logger.info("warm-up: %s", check.message)
    report.raise_for_errors()
    return funcs, weights


def _resume(config: TrainConfig) -> str | bool | None:
    return True if config.resume_from_checkpoint == "latest" else config.resume_from_checkpoint


def save_outputs(config: TrainConfig, trainer: Any, loaded: Loaded, report: PreflightReport) -> Path | None:
    """Adapter, tokenizer and resolved config in ``output_dir``; the merged model too if asked."""
    out = Path(config.output_dir)
    trainer.save_model(str(out))
    loaded.tokenizer.save_pretrained(str(out))
    env = report.environment
    record = {"config": config.to_dict(), "backend": loaded.backend, "versions": dict(env.versions) if env else {}}
    (out / CONFIG_FILE).write_text(json.dumps(record, indent=2, default=str) + "\n", encoding="utf-8")
    if not config.save_merged:
        return None
    merged = out / "merged"
    if loaded.backend == "unsloth":
        loaded.model.save_pretrained_merged(str(merged), loaded.tokenizer, save_method="merged_16bit")
    else:
        trainer.model.merge_and_unload().save_pretrained(str(merged))
        loaded.tokenizer.save_pretrained(str(merged))
    return merged


@dataclass
class TrainingRun:
    """A trainer ready to go: what :func:`train` does, in two halves.

    ``TrainingRun.prepare(config)`` runs preflight, loads the model and builds the
    ``GRPOTrainer`` (reachable as ``run.trainer``, e.g. to add instrumentation);
    ``run.execute()`` trains and saves the outputs.
    """

    config: TrainConfig
    report: PreflightReport
    loaded: Loaded
    trainer: Any

    @classmethod
    def prepare(
        cls,
        config: TrainConfig,
        *,
        callbacks: Sequence[Any] = (),
        manager: PluginManager | None = None,
        environment: Environment | None = None,
        loaded: Loaded | None = None,
    ) -> TrainingRun:
        """Preflight, warm the rewards up, load the model for the resolved backend, and build the trainer.

        With a scoring service (``config.reward_service``), the rewards' preflight
        and warm-up run there and the trainer's reward functions score through it.
        ``loaded`` reuses a model loaded before (for instance ``dataclasses.replace(run.loaded,
        model=run.trainer.model, peft_config=None)`` to train the same LoRA model again
        under other settings in one process); it must come from the same backend.
        """
        manager = manager or load_plugins()
        mode = service_mode(config)
        service = None if mode == "local" else RewardService(config, mode, manager)
        probe = service.probe if service is not None else None
        report = preflight(config, manager=manager, environment=environment, probe=probe)
        if service is not None:
            shutdown_pool()  # a reward's lint may have used this process's pool; training scores in the service
        report.raise_for_errors()
        _show_warnings()
        for warning in report.warnings:
            logger.warning("%s: %s", warning.topic, warning.message)
        funcs, weights = _reward_funcs(config, report, service)
        env = report.environment or Environment.detect()
        bf16 = _bf16(config, env)
        loaded = loaded or load_backend(report.backend or "trl", config, bf16=bf16)
        rows = _prompt_rows(config, report, loaded.tokenizer)
        args = _grpo_args(config, loaded, env, bf16, weights)
        trainer_funcs = [f.as_async() for f in funcs] if config.async_rewards else funcs
        trainer = _trainer(config, loaded, rows, args, trainer_funcs, callbacks)
        if config.async_rewards and not getattr(trainer, "_has_async_funcs", False):
            name = type(trainer).__name__
            logger.warning("%s does not run async reward functions; scoring the rewards one after another", name)
            trainer = _trainer(config, loaded, rows, args, funcs, callbacks)
        return cls(config, report, loaded, trainer)

    def execute(self) -> TrainResult:
        """Train, then save the adapter, tokenizer and resolved config (and the merged model if asked)."""
        self.trainer.train(resume_from_checkpoint=_resume(self.config))
        merged = save_outputs(self.config, self.trainer, self.loaded, self.report)
        history = list(self.trainer.state.log_history)
        return TrainResult(Path(self.config.output_dir), self.loaded.backend, history, merged)


def train(
    config: TrainConfig,
    *,
    callbacks: Sequence[Any] = (),
    manager: PluginManager | None = None,
    environment: Environment | None = None,
) -> TrainResult:
    """Train ``config.model`` with GRPO on ``config.dataset`` using the reward plugins in ``config.rewards``.

    ``callbacks`` are ``transformers.TrainerCallback`` objects handed to the trainer.

    Raises:
        PreflightError: a check failed; nothing was loaded.
        RewardError: a reward was unverifiable for every sample ``abort_after`` calls in a row.
        ConfigError: GRPOConfig rejected a setting.
    """
    return TrainingRun.prepare(config, callbacks=callbacks, manager=manager, environment=environment).execute()
