"""Unsloth vs plain TRL: the same model and GRPO config under both backends, through grpo-rewards' train path.

    python bench/bench_train.py --out OUT [--preset small] [--steps 12] [--warmup 2] [--backends unsloth,trl]

Each backend runs in its own process (Unsloth patches trl and transformers on
import). Per step it records wall time, time in generation, time in the reward
functions (math + format: the reward layer), and the rest (log-probs, loss,
backward, optimizer); after warm-up steps it prints medians, peak GPU memory,
unsloth/trl ratios, and the reward layer's share of the step.
"""

from __future__ import annotations

import argparse
import functools
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _arithmetic import corpus, make_splits, write_jsonl  # noqa: E402

PRESETS = {  # hidden, layers, heads; the vocabulary is the toy tokenizer's (a few hundred tokens)
    "toy": (64, 2, 4),
    "small": (512, 8, 8),
    "medium": (1024, 16, 16),
}


def build(args: argparse.Namespace) -> None:
    """The model (random weights) and prompts both backends share."""
    from grpo_rewards_trainer.toy import build_toy_model

    out = Path(args.out)
    splits = make_splits(7, n_sft=2000, n_rl=2000, n_test=0)
    write_jsonl(out / "prompts.jsonl", (p.row() for p in splits["rl"]))
    if args.model:
        return
    hidden, layers, heads = PRESETS[args.preset]
    build_toy_model(out / "model", corpus(splits["sft"]), hidden_size=hidden, layers=layers, heads=heads, vocab_size=320)


class _Clock:
    """Wall time of every call to wrapped functions, by label, since the last ``take``."""

    def __init__(self, sync: Any) -> None:
        self.sync = sync
        self.spent: dict[str, float] = {}

    def wrap(self, label: str, fn: Any) -> Any:
        @functools.wraps(fn)
        def timed(*a: Any, **kw: Any) -> Any:
            started = time.perf_counter()
            try:
                return fn(*a, **kw)
            finally:
                self.sync()
                self.spent[label] = self.spent.get(label, 0.0) + time.perf_counter() - started

        return timed

    def take(self) -> dict[str, float]:
        spent, self.spent = self.spent, {}
        return spent


def _step_callback(clock: _Clock, steps: list[dict[str, float]]) -> Any:
    from transformers import TrainerCallback

    class StepTimer(TrainerCallback):
        def on_step_begin(self, *_: Any, **__: Any) -> None:
            clock.sync()
            self.started = time.perf_counter()

        def on_step_end(self, *_: Any, **__: Any) -> None:
            clock.sync()
            steps.append({"step": time.perf_counter() - self.started, **clock.take()})

    return StepTimer()


def _instrument(trainer: Any, clock: _Clock) -> str:
    trainer.reward_funcs = [clock.wrap("reward", f) for f in trainer.reward_funcs]
    for name in ("_generate", "_generate_single_turn"):
        if callable(getattr(trainer, name, None)):
            setattr(trainer, name, clock.wrap("generation", getattr(trainer, name)))
            return name
    raise SystemExit("bench: this trainer has no _generate method to time")


def worker(args: argparse.Namespace) -> None:
    if args.backend == "unsloth":
        import unsloth  # noqa: F401 - before trl, transformers and peft
    import torch
    from grpo_rewards_trainer import TrainConfig, TrainingRun

    out = Path(args.out)
    config = TrainConfig(
        model=args.model or str(out / "model"),
        backend=args.backend,
        dataset=str(out / "prompts.jsonl"),
        chat_template="off",
        rewards=["math", "format:0.2"],
        num_generations=8,
        per_device_train_batch_size=args.batch,
        max_completion_length=args.completion_length,
        max_seq_length=args.completion_length + 32,
        learning_rate=1e-5,
        max_steps=args.steps,
        lora_r=16,
        lora_alpha=16,
        seed=0,
        output_dir=str(out / f"run-{args.backend}"),
    )
    sync = torch.cuda.synchronize if torch.cuda.is_available() else (lambda: None)
    clock, steps = _Clock(sync), []
    run = TrainingRun.prepare(config, callbacks=[_step_callback(clock, steps)])
    timed_method = _instrument(run.trainer, clock)
    if torch.cuda.is_available():
        torch.cuda.reset_peak_memory_stats()
    run.execute()
    peak = torch.cuda.max_memory_allocated() / 2**30 if torch.cuda.is_available() else 0.0
    device = torch.cuda.get_device_name() if torch.cuda.is_available() else "cpu"
    params = sum(p.numel() for p in run.trainer.model.parameters())
    record = {"backend": args.backend, "device": device, "params": params, "timed": timed_method}
    record.update(peak_gib=peak, steps=steps)
    (out / f"bench-{args.backend}.json").write_text(json.dumps(record, indent=1))


def _summary(record: dict[str, Any], warmup: int) -> dict[str, float]:
    steps = record["steps"][warmup:]
    med = {k: statistics.median(s.get(k, 0.0) for s in steps) for k in ("step", "generation", "reward")}
    totals = {k: sum(s.get(k, 0.0) for s in steps) for k in ("step", "generation", "reward")}
    rest = totals["step"] - totals["generation"] - totals["reward"]
    return {
        "s/step": med["step"],
        "generation share": totals["generation"] / totals["step"],
        "reward share": totals["reward"] / totals["step"],
        "rest share": rest / totals["step"],
        "reward s/step": med["reward"],
        "peak GiB": record["peak_gib"],
    }


def report(args: argparse.Namespace, backends: list[str]) -> None:
    out = Path(args.out)
    records = {b: json.loads((out / f"bench-{b}.json").read_text()) for b in backends}
    rows = {b: _summary(r, args.warmup) for b, r in records.items()}
    first = next(iter(records.values()))
    print(
        f"\ndevice: {first['device']}; model {first['params'] / 1e6:.1f}M params (incl. LoRA); "
        f"{args.batch} completions/step ({args.batch // 8} prompts x 8), max {args.completion_length} new tokens; "
        f"median/share over steps {args.warmup + 1}..{args.steps}"
    )
    keys = list(next(iter(rows.values())))
    print(f"{'':<18}" + "".join(f"{b:>12}" for b in rows) + ("     unsloth/trl" if {"unsloth", "trl"} <= set(rows) else ""))
    for key in keys:
        line = f"{key:<18}" + "".join(f"{rows[b][key]:>12.4f}" for b in rows)
        if {"unsloth", "trl"} <= set(rows) and rows["trl"][key]:
            line += f"{rows['unsloth'][key] / rows['trl'][key]:>16.3f}"
        print(line)
    worst = max(r["reward share"] for r in rows.values())
    print(f"reward layer (math + format) share of step time: max {worst:.2%} (goal <= 5%)")
    (out / "bench_summary.json").write_text(json.dumps(rows, indent=1))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", required=True)
    parser.add_argument("--preset", default="small", choices=sorted(PRESETS))
    parser.add_argument("--model", default=None, help="use this model folder instead of building a preset")
    parser.add_argument("--backends", default="unsloth,trl")
    parser.add_argument("--steps", type=int, default=12)
    parser.add_argument("--warmup", type=int, default=2)
    parser.add_argument("--batch", type=int, default=64, help="completions per step")
    parser.add_argument("--completion-length", type=int, default=128)
    parser.add_argument("--worker", dest="backend", default=None, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.backend:
        worker(args)
        return
    build(args)
    backends = [b.strip() for b in args.backends.split(",") if b.strip()]
    for backend in backends:
        started = time.perf_counter()
        subprocess.run([sys.executable, __file__, *sys.argv[1:], "--worker", backend], check=True)
        print(f"[{backend}: {time.perf_counter() - started:.0f}s including import and load]", flush=True)
    report(args, backends)


if __name__ == "__main__":
    main()
