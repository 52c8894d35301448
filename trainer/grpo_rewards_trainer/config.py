"""The training configuration: one typed dataclass, read from defaults, a config file and flags.

Precedence, lowest first: the defaults below, a YAML or TOML file (``--config``),
then command-line flags. Field names follow ``GRPOConfig`` where one exists
(``max_steps``, ``num_generations``, ...); on the command line they are
kebab-case (``--max-steps``). GRPOConfig settings not listed here go in
``grpo`` (``--grpo KEY=VALUE``) and are passed through unchanged.

A config file uses the same names (snake_case or kebab-case)::

    model: unsloth/Qwen2.5-7B-Instruct
    dataset: gsm8k.jsonl
    rewards: [math, "format:0.2"]
    reward_options: {math: {mode: strict}}
    max_steps: 500
    grpo: {temperature: 0.9}
"""

from __future__ import annotations

import dataclasses
import difflib
import functools
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, cast

from grpo_rewards import ConfigError, parse_options, parse_reward_spec
from grpo_rewards.config_file import read_config_file

__all__ = ["SECTIONS", "TrainConfig", "load_config_file", "resolve_config"]

Backend = Literal["auto", "unsloth", "trl"]
ChatMode = Literal["auto", "on", "off"]
ExecutorName = Literal["local", "ray"]
SECTIONS = ("model", "data", "rewards", "grpo", "lora", "output")


def _f(default: Any, section: str, help: str, **extra: Any) -> Any:
    """A field with CLI help and a section for ``--dry-run`` and ``--help``."""
    meta = {"help": help, "section": section, **extra}
    if isinstance(default, (list, dict)):
        return field(default_factory=functools.partial(type(default), default), metadata=meta)
    return field(default=default, metadata=meta)


@dataclass(frozen=True)
class TrainConfig:
    """Everything ``grpo-rewards train`` needs. See the module docstring for how it is read."""

    # model
    model: str = _f("", "model", "hub name or local path of the model to train")
    backend: Backend = _f("auto", "model", "unsloth (default with a CUDA GPU), trl (plain TRL + PEFT: CPU, multi-GPU), or auto")
    max_seq_length: int = _f(2048, "model", "longest prompt + completion, in tokens")
    load_in_4bit: bool = _f(False, "model", "load the base model in 4 bits (bitsandbytes; CUDA only)")
    fast_inference: bool = _f(False, "model", "generate with vLLM (unsloth backend; needs vllm installed)")
    gpu_memory_utilization: float = _f(0.6, "model", "share of GPU memory vLLM may take (with fast_inference)")
    bf16: bool | None = _f(None, "model", "train in bfloat16 (default: when the GPU supports it; never on the CPU)")
    # data
    dataset: str = _f("", "data", "local .jsonl/.json/.parquet file, or a datasets name")
    dataset_split: str = _f("train", "data", "split to load when DATASET is a datasets name")
    prompt_column: str = _f("prompt", "data", "column holding the prompt (text or chat messages)")
    system_prompt: str | None = _f(None, "data", "system prompt put before every prompt")
    chat_template: ChatMode = _f(
        "auto", "data", "wrap text prompts as chat messages: on, off, or auto (when the tokenizer has a template)"
    )
    # rewards
    rewards: list[str] = _f(
        [], "rewards", "reward NAME[:WEIGHT] (repeatable), e.g. math, format:0.2", flag="reward", metavar="NAME[:WEIGHT]"
    )
    reward_options: dict[str, dict[str, Any]] = _f(
        {},
        "rewards",
        "reward option NAME.KEY=VALUE (repeatable), e.g. math.mode=strict",
        flag="reward-option",
        metavar="NAME.KEY=VALUE",
    )
    abort_after: int = _f(
        3,
        "rewards",
        "stop after this many reward calls in a row in which one reward was unverifiable for every sample (0: never)",
    )
    executor: ExecutorName | None = _f(
        None,
        "rewards",
        "where rewards run: local (this machine's worker pool) or ray (node actors of the Ray cluster at RAY_ADDRESS, "
        "see docs/cluster.md); default: $GRPO_REWARDS_EXECUTOR, else local",
    )
    async_rewards: bool = _f(
        True, "rewards", "score the rewards of a step concurrently (TRL awaits async reward functions together)"
    )
    reward_service: str = _f(
        "auto",
        "rewards",
        "where rewards are scored: auto (one shared service per host when several ranks run on it, else in-process), "
        "local, node, or a service URL (http://HOST:PORT, unix:/PATH)",
        metavar="auto|local|node|URL",
    )
    # grpo
    num_generations: int = _f(8, "grpo", "completions sampled per prompt (the group size)")
    max_completion_length: int = _f(256, "grpo", "longest completion, in tokens")
    learning_rate: float = _f(5e-6, "grpo", "optimizer learning rate")
    beta: float = _f(0.0, "grpo", "KL coefficient (0: no reference model)")
    loss_type: str | None = _f(None, "grpo", "GRPO loss (grpo, dapo, dr_grpo, bnpo, ...; default: TRL's)")
    scale_rewards: str | None = _f(None, "grpo", "advantage scaling: group, batch or none (default: TRL's)")
    temperature: float = _f(1.0, "grpo", "sampling temperature for generation")
    max_steps: int = _f(-1, "grpo", "optimizer steps (-1: run num_train_epochs)")
    num_train_epochs: float = _f(1.0, "grpo", "epochs over the dataset when max_steps is -1")
    per_device_train_batch_size: int = _f(8, "grpo", "completions per device per micro-step")
    gradient_accumulation_steps: int = _f(1, "grpo", "micro-steps per optimizer step")
    seed: int = _f(42, "grpo", "random seed")
    logging_steps: int = _f(1, "grpo", "log every N steps")
    save_steps: int | None = _f(None, "grpo", "save a checkpoint every N steps (default: none)")
    grpo: dict[str, Any] = _f(
        {}, "grpo", "any other GRPOConfig setting KEY=VALUE (repeatable), e.g. top_p=0.9", flag="grpo", metavar="KEY=VALUE"
    )
    # lora
    lora_r: int = _f(16, "lora", "LoRA rank")
    lora_alpha: int = _f(16, "lora", "LoRA alpha")
    lora_dropout: float = _f(0.0, "lora", "LoRA dropout")
    target_modules: list[str] = _f(
        ["q_proj", "k_proj", "v_proj", "o_proj", "gate_proj", "up_proj", "down_proj"], "lora", "modules to adapt, comma-separated"
    )
    # output
    output_dir: str = _f("outputs/grpo", "output", "where the adapter, tokenizer, config and checkpoints go")
    report_to: str = _f("none", "output", "tensorboard, wandb, none, ... (comma-separated)")
    resume_from_checkpoint: str | None = _f(None, "output", "checkpoint folder to resume from, or 'latest'")
    save_merged: bool = _f(False, "output", "also write the model with the adapter merged in, to OUTPUT_DIR/merged")

    def to_dict(self) -> dict[str, Any]:
        """Plain values, in field order (what ``--dry-run`` prints and ``train_config.json`` holds)."""
        return {f.name: getattr(self, f.name) for f in dataclasses.fields(self)}

    def replace(self, **changes: Any) -> TrainConfig:
        """A copy with ``changes`` applied and checked."""
        return resolve_config(self.to_dict(), changes)


_FIELDS = {f.name: f for f in dataclasses.fields(TrainConfig)}


def _normalise_key(key: str) -> str:
    return key.strip().replace("-", "_")


def _convert(name: str, value: Any) -> Any:
    if name == "rewards":
        items = [value] if isinstance(value, str) else list(value or [])
        for spec in items:
            parse_reward_spec(str(spec))
        return [str(s) for s in items]
    if name == "target_modules":
        items = value.split(",") if isinstance(value, str) else list(value or [])
        return [str(s).strip() for s in items if str(s).strip()]
    if name in ("reward_options", "grpo"):
        if not isinstance(value, Mapping):
            raise ConfigError(f"setting {name!r}: expected a mapping, got {value!r}")
        return {str(k): (dict(v) if isinstance(v, Mapping) else v) for k, v in value.items()}
    return value


def _apply(values: dict[str, Any], layer: Mapping[str, Any], source: str) -> None:
    for raw_key, value in layer.items():
        key = _normalise_key(str(raw_key))
        if key not in _FIELDS:
            close = difflib.get_close_matches(key, _FIELDS, n=3)
            hint = f" (did you mean {', '.join(close)}?)" if close else ""
            raise ConfigError(f"{source}: unknown setting {raw_key!r}{hint}. GRPOConfig settings not listed go under 'grpo'.")
        if key in ("reward_options", "grpo") and isinstance(value, Mapping):
            merged = {**values.get(key, {})}
            for k, v in _convert(key, value).items():
                merged[k] = {**merged.get(k, {}), **v} if isinstance(v, dict) and isinstance(merged.get(k), dict) else v
            values[key] = merged
        else:
            values[key] = _convert(key, value)


def _typed(values: dict[str, Any]) -> TrainConfig:
    """Check every value against its type hint (strings from flags and files are converted)."""
    return cast(TrainConfig, parse_options(TrainConfig, values, owner="train config"))


def load_config_file(path: str | Path) -> dict[str, Any]:
    """Read a YAML (.yaml/.yml), TOML (.toml) or JSON (.json) config file into a flat mapping.

    The core's reader (:func:`grpo_rewards.config_file.read_config_file`), which
    ``check --config`` uses too: it also takes the sectioned layout and the
    ``train_config.json`` a run saves, so both replay as ``--config``.
    """
    return read_config_file(path)


def resolve_config(*layers: Mapping[str, Any] | None, sources: tuple[str, ...] = ()) -> TrainConfig:
    """Merge ``layers`` over the defaults, later layers winning; check types and required settings.

    ``sources`` names each layer in error messages (default ``layer 1``, ...).
    """
    values = TrainConfig().to_dict()
    for index, layer in enumerate(layers):
        if layer:
            _apply(values, layer, sources[index] if index < len(sources) else f"layer {index + 1}")
    return _typed(values)
