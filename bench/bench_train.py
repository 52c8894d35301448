"""Unsloth vs plain TRL: the same model and GRPO config under both backends, through grpo-rewards' train path.

    python bench/bench_train.py --out OUT --preset 7b --batch 8 --warmup 1 \\
        --plan "unsloth:4bit=1024x4,256x11; trl:4bit=256x11" [--stop-at EPOCH] [--work DIR]
    python bench/bench_train.py --out OUT --preset small --steps 12 --warmup 2    # the older form

A plan is groups separated by ``;``: ``BACKEND:PRECISION=TOKENSxSTEPS,...``.
Each group runs in its own process (Unsloth patches trl and transformers on
import) that imports and loads the model once, then trains it for each
``TOKENSxSTEPS`` in turn (new tokens per completion, optimizer steps).
PRECISION is ``4bit`` (bitsandbytes NF4) or ``16bit`` (bfloat16 on a GPU).

Models are built here with random weights (``_train_models``: the toy family or
the shapes of Qwen2.5-1.5B/3B/7B), once, under ``--work``. Random weights rarely
emit the end token, so every completion runs to the token limit: the table's
"completions at the limit" row shows it.

Per step it records wall time, time in generation, time in the reward layer
(TRL's ``_calculate_rewards``; math + format unless ``--reward`` names others) and peak GPU memory, appending to
``OUT/steps.jsonl`` as each step ends; ``OUT/runs.jsonl`` says what each run
was. ``OUT/summary.md`` (and ``.json``) is rewritten after every group, so a
killed call still returns its tables. With ``--stop-at`` (Unix time) training
stops before a step that, judging by the last one, would end after it; no group
starts with less than ``--min-group-s`` left, and a worker still running 15 s
past it is killed (its finished steps are kept). Rerun with the same ``OUT``
and finished runs are skipped.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _arithmetic import corpus, make_splits, write_jsonl  # noqa: E402
from _train_models import QWEN25, SYSTEM_PROMPT, TOY, build_model, is_qwen_like  # noqa: E402
from _train_report import load_jsonl, write_summary  # noqa: E402

PRESETS = sorted({*TOY, *QWEN25})


@dataclass(frozen=True)
class Group:
    """One process: a backend and precision, trained for each (new tokens, steps) in turn."""

    backend: str
    precision: str
    lengths: tuple[tuple[int, int], ...]

    @classmethod
    def parse(cls, text: str) -> Group:
        head, _, tail = text.strip().partition("=")
        backend, _, precision = head.partition(":")
        if backend not in ("unsloth", "trl") or precision not in ("4bit", "16bit") or not tail:
            raise SystemExit(f"bench: bad plan group {text!r}; expected e.g. unsloth:4bit=1024x4,256x11")
        lengths = tuple((int(t), int(s)) for t, _, s in (item.partition("x") for item in tail.split(",")))
        return cls(backend, precision, lengths)

    def spec(self) -> str:
        return f"{self.backend}:{self.precision}=" + ",".join(f"{t}x{s}" for t, s in self.lengths)


def plan(args: argparse.Namespace) -> list[Group]:
    if args.plan:
        return [Group.parse(g) for g in args.plan.split(";") if g.strip()]
    backends = [b.strip() for b in args.backends.split(",") if b.strip()]
    return [Group(b, args.precision, ((args.completion_length, args.steps),)) for b in backends]


def label(args: argparse.Namespace) -> str:
    if args.label:
        return str(args.label)
    return Path(args.model).name if args.model else args.preset


def run_id(args: argparse.Namespace, backend: str, precision: str, tokens: int) -> str:
    return f"{label(args)}-{backend}-{precision}-{tokens}"


def batch_size(args: argparse.Namespace) -> int:
    return args.batch or (8 if is_qwen_like(args.preset) and not args.model else 64)


def model_dir(args: argparse.Namespace) -> Path:
    return Path(args.model) if args.model else Path(args.work) / "models" / args.preset


def append(path: Path, record: dict[str, Any]) -> None:
    with path.open("a", encoding="utf-8") as f:
        f.write(json.dumps(record, default=str) + "\n")


# ----------------------------------------------------------------------------- build (own process: no torch here)


def build(args: argparse.Namespace) -> None:
    """The model (random weights) and prompts every run shares."""
    work = Path(args.work)
    splits = make_splits(7, n_sft=2000, n_rl=2000, n_test=0)
    work.mkdir(parents=True, exist_ok=True)
    if not (work / "prompts.jsonl").exists():
        write_jsonl(work / "prompts.jsonl", (p.row() for p in splits["rl"]))
    if not args.model:
        started = time.perf_counter()
        build_model(model_dir(args), args.preset, corpus(splits["sft"]))
        print(f"[build {args.preset}: {time.perf_counter() - started:.0f}s]", flush=True)


# ----------------------------------------------------------------------------- worker (one process per group)


def _train_config(args: argparse.Namespace, group: Group, tokens: int, steps: int) -> Any:
    from grpo_rewards_trainer import TrainConfig

    from grpo_rewards.selection import parse_option_flags

    qwen = is_qwen_like(args.preset) and not args.model
    modules = ["q_proj", "k_proj", "v_proj", "o_proj"]  # the seed's LoRA targets
    return TrainConfig(
        model=str(model_dir(args)),
        backend=group.backend,
        dataset=str(Path(args.work) / "prompts.jsonl"),
        chat_template="on" if qwen else "off",
        system_prompt=SYSTEM_PROMPT if qwen else None,
        rewards=args.reward or ["math", "format:0.2"],
        reward_options=parse_option_flags(args.reward_option),
        async_rewards=not args.sync_rewards,
        num_generations=8,
        per_device_train_batch_size=batch_size(args),
        max_completion_length=tokens,
        max_seq_length=2048 if qwen else tokens + 32,
        load_in_4bit=group.precision == "4bit",
        learning_rate=1e-5,
        max_steps=steps,
        lora_r=16,
        lora_alpha=16,
        target_modules=modules if qwen else [*modules, "gate_proj", "up_proj", "down_proj"],
        seed=0,
        output_dir=str(Path(args.work) / "runs" / f"{group.backend}-{group.precision}-{tokens}"),
    )


def _checkpoint_params(folder: Path) -> int:
    """Parameters of the saved base model (4-bit loading packs two weights per element, so count here)."""
    from safetensors import safe_open

    total = 0
    for file in folder.glob("*.safetensors"):
        with safe_open(str(file), "pt") as f:
            for key in f.keys():  # noqa: SIM118 - safe_open is not a mapping
                shape = f.get_slice(key).get_shape()
                total += math.prod(shape)
    return total


class _Cuda:
    def __init__(self) -> None:
        import torch

        self.torch = torch
        self.on = torch.cuda.is_available()

    def sync(self) -> None:
        if self.on:
            self.torch.cuda.synchronize()

    def memory(self) -> dict[str, float]:
        if not self.on:
            return {}
        cuda = self.torch.cuda
        return {"peak_alloc_gib": cuda.max_memory_allocated() / 2**30, "peak_reserved_gib": cuda.max_memory_reserved() / 2**30}

    def reset(self) -> None:
        if self.on:
            self.torch.cuda.empty_cache()
            self.torch.cuda.reset_peak_memory_stats()

    def device(self) -> str:
        return self.torch.cuda.get_device_name() if self.on else "cpu"


def _one_run(args: argparse.Namespace, group: Group, tokens: int, steps: int, reuse: Any, started: float) -> Any:
    """Train once; returns what the next length can reuse (the loaded LoRA model)."""
    import dataclasses

    from _train_timing import Clock, StepRecorder, instrument, trainer_facts
    from grpo_rewards_trainer import TrainingRun

    out, cuda = Path(args.out), _Cuda()
    rid = run_id(args, group.backend, group.precision, tokens)
    attempt = f"{os.getpid()}-{int(time.time())}"
    base = {"run": rid, "attempt": attempt, "preset": label(args), "backend": group.backend}
    base |= {"precision": group.precision, "tokens": tokens, "batch": batch_size(args)}
    clock = Clock(cuda.sync)
    callback = StepRecorder.make(out / "steps.jsonl", base, clock, cuda.memory, args.stop_at)
    load_started = time.perf_counter()
    run = TrainingRun.prepare(_train_config(args, group, tokens, steps), callbacks=[callback], loaded=reuse)
    facts = {"load_s": time.perf_counter() - load_started, "since_process_start_s": time.perf_counter() - started}
    facts["reused_model"] = reuse is not None
    facts |= {"timed": instrument(run.trainer, clock), **trainer_facts(run.trainer), **cuda.memory()}
    trainable = sum(p.numel() for p in run.trainer.model.parameters() if p.requires_grad)
    facts |= {"params": _checkpoint_params(model_dir(args)), "trainable_params": trainable, "device": cuda.device()}
    facts |= {"steps_planned": steps, "versions": dict(run.report.environment.versions) if run.report.environment else {}}
    append(out / "runs.jsonl", {"event": "start", **base, **facts})
    cuda.reset()
    train_started = time.perf_counter()
    run.trainer.train()
    recorder = callback.recorder
    done = {"steps_done": recorder.count, "stopped_early": recorder.stopped_early, "train_s": time.perf_counter() - train_started}
    append(out / "runs.jsonl", {"event": "done", **base, **done})
    return dataclasses.replace(run.loaded, model=run.trainer.model, peft_config=None)


def worker(args: argparse.Namespace) -> None:
    started = time.perf_counter()
    group = Group.parse(args.worker)
    if group.backend == "unsloth":
        import unsloth  # noqa: F401 - before trl, transformers and peft
    print(f"[{group.backend}: imports {time.perf_counter() - started:.0f}s]", flush=True)
    reuse = None
    for tokens, steps in group.lengths:
        rid = run_id(args, group.backend, group.precision, tokens)
        if args.stop_at and time.time() > args.stop_at - args.min_group_s / 2:
            append(Path(args.out) / "runs.jsonl", {"event": "skipped", "run": rid})
            continue
        try:
            reuse = _one_run(args, group, tokens, steps, reuse, started)
        except Exception as exc:  # noqa: BLE001 - record it, then try the next length (an OOM at 1024 may pass at 256)
            import traceback

            append(Path(args.out) / "runs.jsonl", {"event": "error", "run": rid, "error": traceback.format_exc()[-3000:]})
            print(f"[{rid}: {type(exc).__name__}: {exc}]", flush=True)


# ----------------------------------------------------------------------------- orchestration


def _finished(args: argparse.Namespace) -> set[str]:
    return {
        r["run"]
        for r in load_jsonl(Path(args.out) / "runs.jsonl")
        if r["event"] == "done" and r["steps_done"] >= r.get("steps_planned", 0)
    }


def _pending(args: argparse.Namespace, group: Group) -> Group | None:
    done = _finished(args)
    lengths = tuple((t, s) for t, s in group.lengths if run_id(args, group.backend, group.precision, t) not in done)
    return Group(group.backend, group.precision, lengths) if lengths else None


def _child(args: argparse.Namespace, extra: list[str], timeout: float | None) -> int:
    command = [sys.executable, __file__, *sys.argv[1:], *extra]
    # trainer logs and progress bars go to OUT/bench.log; a new session lets a timeout kill its pool workers too
    with (Path(args.out) / "bench.log").open("a", encoding="utf-8") as log:
        child = subprocess.Popen(command, start_new_session=True, stdout=log, stderr=subprocess.STDOUT)
        try:
            return child.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(child.pid, signal.SIGKILL)
            child.wait()
            return -9


def _time_left(args: argparse.Namespace) -> float | None:
    return None if not args.stop_at else args.stop_at - time.time()


def orchestrate(args: argparse.Namespace) -> None:
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    args.work = args.work or str(out / "work")
    if _child(args, ["--build-only", "--work", args.work], None) != 0:
        raise SystemExit("bench: building the model failed")
    for group in plan(args):
        todo = _pending(args, group)
        left = _time_left(args)
        if todo is None:
            print(f"[{group.spec()}: already done]", flush=True)
            continue
        if left is not None and left < args.min_group_s:
            for tokens, _ in todo.lengths:
                append(out / "runs.jsonl", {"event": "skipped", "run": run_id(args, todo.backend, todo.precision, tokens)})
            print(f"[{todo.spec()}: skipped, {left:.0f}s left]", flush=True)
            continue
        started = time.perf_counter()
        code = _child(args, ["--worker", todo.spec(), "--work", args.work], None if left is None else left + 15)
        print(f"[{todo.spec()}: exit {code}, {time.perf_counter() - started:.0f}s]", flush=True)
        write_summary(out, args.warmup)
    print("\n" + write_summary(out, args.warmup), flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", required=True, help="results: steps.jsonl, runs.jsonl, summary.md, summary.json")
    parser.add_argument("--work", default=None, help="models, prompts and trainer outputs (default OUT/work)")
    parser.add_argument("--preset", default="small", choices=PRESETS)
    parser.add_argument("--model", default=None, help="use this model folder instead of building a preset")
    parser.add_argument("--plan", default=None, help="groups BACKEND:PRECISION=TOKENSxSTEPS,...; separated by ';'")
    parser.add_argument("--backends", default="unsloth,trl", help="without --plan: one group per backend")
    parser.add_argument("--precision", default="16bit", choices=("4bit", "16bit"), help="without --plan")
    parser.add_argument("--steps", type=int, default=12, help="without --plan")
    parser.add_argument("--completion-length", type=int, default=128, help="without --plan")
    parser.add_argument("--warmup", type=int, default=2, help="first steps left out of the statistics")
    parser.add_argument("--batch", type=int, default=None, help="completions per step (default 8 for 1.5b/3b/7b/tiny, else 64)")
    parser.add_argument("--reward", action="append", default=[], help="NAME[:WEIGHT], repeatable (default: math, format:0.2)")
    parser.add_argument("--reward-option", action="append", default=[], help="NAME.KEY=VALUE, repeatable")
    parser.add_argument("--label", default=None, help="name runs by this instead of the preset or model folder")
    parser.add_argument("--sync-rewards", action="store_true", help="score rewards one after another (no async)")
    parser.add_argument("--stop-at", type=float, default=None, help="Unix time by which every step must have ended")
    parser.add_argument("--min-group-s", type=float, default=90.0, help="start no group with less time than this left")
    parser.add_argument("--worker", default=None, help=argparse.SUPPRESS)
    parser.add_argument("--build-only", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.build_only:
        build(args)
    elif args.worker:
        worker(args)
    else:
        orchestrate(args)


if __name__ == "__main__":
    main()
