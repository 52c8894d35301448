"""Reward-model throughput: completions per second at TRL's batch shape, against bare forward passes in the same run.

Run:
  .venv/bin/python bench/bench_reward_model.py                  # CPU: a tiny model (or --size small)
  .venv/bin/python bench/bench_reward_model.py --out out/       # on a GPU: a 1.5B model (Qwen2.5-1.5B's shape), bf16

The model has random weights and is built locally from a config (no download);
throughput does not depend on the weights. Each call scores one TRL batch
(``--batch`` completions, groups of ``--group``), as ``GRPOTrainer`` calls a
reward function. Rows:

  forward only    the model on pre-tokenized, pre-padded batches: the ceiling
  TRL-style       tokenize the batch's texts with padding, one forward pass (what TRL does with a reward model)
  reward_model    grpo_rewards.reward_funcs(["reward_model"]): chat template, tokenizing, length-sorted
                  batches, verdicts, one float per completion

and the ratios between them, the mean input length, and (on a GPU) peak memory.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

SIZES: dict[str, dict[str, Any]] = {
    "tiny": {},
    "small": {"hidden_size": 256, "layers": 4, "heads": 4, "intermediate_size": 1024, "model_vocab_size": 8192},
}
WORDS = (
    "the answer is five because two plus three makes five and we check it by counting on our fingers "
    "photosynthesis turns sunlight water and carbon dioxide into sugar and oxygen inside the leaf "
    "paris is the capital of france while rome is the capital of italy"
).split()


def _sizes() -> dict[str, dict[str, Any]]:
    from grpo_rewards_reward_model.toy import QWEN2_1_5B

    return {**SIZES, "1.5b": dict(QWEN2_1_5B)}


def workload(count: int, group: int, words: int, seed: int = 0) -> tuple[list[str], list[str]]:
    """``count`` completions of about ``words`` words (lengths vary by +-50%), ``group`` per prompt."""
    rng = random.Random(seed)
    prompts, completions = [], []
    for i in range(count):
        prompts.append(f"Question {i // group}: explain your answer step by step.")
        length = max(4, int(words * rng.uniform(0.5, 1.5)))
        completions.append(" ".join(rng.choice(WORDS) for _ in range(length)))
    return prompts, completions


def _sync(device: str) -> None:
    import torch

    if device.startswith("cuda"):
        torch.cuda.synchronize()


def _timed(device: str, call: Any) -> float:
    _sync(device)
    started = time.perf_counter()
    call()
    _sync(device)
    return time.perf_counter() - started


def _texts(tokenizer: Any, prompts: list[str], completions: list[str]) -> list[str]:
    return [
        tokenizer.apply_chat_template([{"role": "user", "content": p}, {"role": "assistant", "content": c}], tokenize=False)
        for p, c in zip(prompts, completions, strict=True)
    ]


def measure(args: argparse.Namespace, model_path: Path) -> dict[str, Any]:
    import torch
    from grpo_rewards_reward_model.loading import load

    import grpo_rewards

    options = {"model": str(model_path), "device": args.device, "batch_size": args.batch, "max_length": args.max_length}
    (func,), _ = grpo_rewards.reward_funcs(["reward_model"], {"reward_model": options})
    loaded = load(func.reward.options)
    model, tokenizer, device = loaded.model, loaded.tokenizer, loaded.device
    prompts, completions = workload(args.samples, args.group, args.words)
    calls = [(prompts[i : i + args.batch], completions[i : i + args.batch]) for i in range(0, len(prompts), args.batch)]
    texts = [_texts(tokenizer, p, c) for p, c in calls]
    encoded = [
        tokenizer(t, padding=True, truncation=True, max_length=args.max_length, add_special_tokens=False, return_tensors="pt")
        for t in texts
    ]
    tokens = statistics.mean(int(m.sum()) / m.shape[0] for m in (e["attention_mask"] for e in encoded))

    def forward_only() -> None:
        with torch.inference_mode():
            for e in encoded:
                model(input_ids=e["input_ids"].to(device), attention_mask=e["attention_mask"].to(device)).logits[
                    :, 0
                ].float().cpu()

    def trl_style() -> None:
        with torch.inference_mode():
            for t in texts:
                e = tokenizer(
                    t, padding=True, truncation=True, max_length=args.max_length, add_special_tokens=False, return_tensors="pt"
                )
                model(input_ids=e["input_ids"].to(device), attention_mask=e["attention_mask"].to(device)).logits[
                    :, 0
                ].float().cpu()

    def reward_model() -> None:
        for p, c in calls:
            scores = func(prompts=p, completions=c)
            assert all(isinstance(s, float) for s in scores), "a completion was not scored"

    paths = {"forward only": forward_only, "TRL-style": trl_style, "reward_model": reward_model}
    for call in paths.values():
        call()  # warm-up (kernels, allocator)
    times: dict[str, list[float]] = {name: [] for name in paths}
    for _ in range(args.repeats):  # round robin, so a burst of load on a shared machine hits every path alike
        for name, call in paths.items():
            times[name].append(_timed(device, call))
    rows = {name: min(seconds) for name, seconds in times.items()}
    peak = torch.cuda.max_memory_allocated() / 2**30 if device.startswith("cuda") else None
    return {
        "device": device,
        "device_name": torch.cuda.get_device_name() if device.startswith("cuda") else "cpu",
        "dtype": loaded.dtype,
        "parameters": loaded.parameters,
        "samples": args.samples,
        "batch": args.batch,
        "mean_tokens": tokens,
        "completions_per_second": {name: args.samples / seconds for name, seconds in rows.items()},
        "peak_gib": peak,
        "torch": torch.__version__,
        "load_average": os.getloadavg()[0],
        "cpus": os.cpu_count(),
    }


def report(result: dict[str, Any], size: str) -> str:
    rates = result["completions_per_second"]
    base = rates["forward only"]
    lines = [
        f"reward model {size}: {result['parameters']:,} parameters, {result['dtype']} on {result['device_name']}; "
        f"{result['samples']} completions in calls of {result['batch']}, mean {result['mean_tokens']:.0f} tokens per input",
        f"machine: {result['cpus']} cores, load average {result['load_average']:.2f}; torch {result['torch']}",
        f"{'path':<16}{'completions/s':>15}{'x forward only':>16}",
    ]
    lines += [f"{name:<16}{rate:>15.1f}{rate / base:>16.2f}" for name, rate in rates.items()]
    lines.append(f"reward_model / TRL-style: {rates['reward_model'] / rates['TRL-style']:.2f}x")
    if result["peak_gib"] is not None:
        lines.append(f"peak GPU memory: {result['peak_gib']:.2f} GiB")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", choices=["auto", *SIZES, "1.5b"], default="auto", help="auto: 1.5b on a GPU, tiny on the CPU")
    parser.add_argument("--device", default="auto")
    parser.add_argument("--samples", type=int, default=None, help="completions scored per repeat (default 1024 GPU, 256 CPU)")
    parser.add_argument("--batch", type=int, default=64, help="completions per reward call (TRL's batch)")
    parser.add_argument("--group", type=int, default=8, help="completions per prompt")
    parser.add_argument("--words", type=int, default=None, help="mean words per completion (default 300 GPU, 60 CPU)")
    parser.add_argument("--max-length", type=int, default=2048)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--model", type=Path, help="an existing reward model folder instead of building one")
    parser.add_argument("--out", type=Path, help="folder for bench_reward_model.json")
    args = parser.parse_args()

    import torch

    gpu = torch.cuda.is_available() and args.device != "cpu"
    size = args.size if args.size != "auto" else ("1.5b" if gpu else "tiny")
    args.samples = args.samples or (1024 if gpu else 256)
    args.words = args.words or (300 if gpu else 60)
    with tempfile.TemporaryDirectory() as tmp:
        model_path = args.model
        if model_path is None:
            from grpo_rewards_reward_model.toy import build_toy_reward_model

            started = time.perf_counter()
            dtype = "bfloat16" if gpu else "float32"
            model_path = build_toy_reward_model(Path(tmp) / size, dtype=dtype, **_sizes()[size])
            print(f"built a random {size} reward model in {time.perf_counter() - started:.1f} s")
        result = measure(args, model_path)
    result["size"] = size
    print(report(result, size))
    if args.out:
        args.out.mkdir(parents=True, exist_ok=True)
        (args.out / "bench_reward_model.json").write_text(json.dumps(result, indent=2) + "\n")


if __name__ == "__main__":
    main()
