"""Learning demo: a small model learns multi-digit addition; GRPO with `math` + `format` lifts held-out accuracy.

Stages (each in its own process, so Unsloth is imported first where it is used):

    python bench/learn_arithmetic.py prepare --out OUT   # build a toy Qwen2 + tokenizer, short SFT warm start
    python bench/learn_arithmetic.py grpo --out OUT --backend unsloth --max-steps 200
    python bench/learn_arithmetic.py evaluate --out OUT  # greedy exact match on held-out problems, every checkpoint
    python bench/learn_arithmetic.py all --out OUT ...   # the three in a row, then the plot

`grpo` goes through `grpo_rewards_trainer.train`, the same code path as `grpo-rewards train`.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _arithmetic import Problem, corpus, exact_match, make_splits, write_jsonl  # noqa: E402

SPLIT_SEED = 1234


def _splits(args: argparse.Namespace) -> dict[str, list[Problem]]:
    return make_splits(SPLIT_SEED, args.n_sft, args.n_rl, args.n_test, n_val=300)


def _device() -> str:
    import torch

    return "cuda" if torch.cuda.is_available() else "cpu"


# ----------------------------------------------------------------------------- prepare: toy model + SFT


def _sft_batches(tokenizer: Any, problems: list[Problem], batch: int, rng: Any) -> Any:
    import torch

    while True:
        picks = [problems[i] for i in rng.sample(range(len(problems)), batch)]
        prompts = [tokenizer(p.prompt)["input_ids"] for p in picks]
        fulls = [tokenizer(p.prompt + p.solution())["input_ids"] + [tokenizer.eos_token_id] for p in picks]
        width = max(map(len, fulls))
        ids = torch.full((batch, width), tokenizer.pad_token_id)
        labels = torch.full((batch, width), -100)
        for row, (prompt, full) in enumerate(zip(prompts, fulls, strict=True)):
            ids[row, : len(full)] = torch.tensor(full)
            labels[row, len(prompt) : len(full)] = torch.tensor(full[len(prompt) :])
        yield ids, labels


def sft(model: Any, tokenizer: Any, problems: list[Problem], args: argparse.Namespace, val: list[Problem]) -> dict[str, Any]:
    """Next-token training on worked solutions (loss on the completion only).

    Stops at ``args.sft_steps``, or earlier once greedy exact match on ``val``
    (checked every 25 steps from ``args.sft_min_steps``) reaches ``args.sft_target``:
    a deliberately partial warm start that GRPO can improve on.
    """
    import random

    import torch

    device = next(model.parameters()).device
    optimizer = torch.optim.AdamW(model.parameters(), lr=args.sft_lr, weight_decay=0.0)
    schedule = torch.optim.lr_scheduler.LambdaLR(optimizer, lambda s: min(1.0, (s + 1) / 50))
    batches = _sft_batches(tokenizer, problems, args.sft_batch, random.Random(0))
    val_acc, step, loss = None, 0, float("nan")
    for step in range(1, args.sft_steps + 1):
        model.train()
        ids, labels = next(batches)
        attention = ids != tokenizer.pad_token_id
        out = model(input_ids=ids.to(device), attention_mask=attention.to(device), labels=labels.to(device))
        out.loss.backward()
        optimizer.step()
        schedule.step()
        optimizer.zero_grad()
        loss = float(out.loss)
        if step >= args.sft_min_steps and step % 25 == 0:
            texts = _complete(model, tokenizer, [p.prompt for p in val])
            val_acc = sum(exact_match(t, p.answer) for t, p in zip(texts, val, strict=True)) / len(val)
            print(f"sft step {step}: loss {loss:.3f}, validation exact match {val_acc:.3f}", flush=True)
            if val_acc >= args.sft_target:
                break
    return {"sft_steps": step, "sft_final_loss": loss, "sft_val_exact_match": val_acc}


def prepare(args: argparse.Namespace) -> None:
    import torch
    from grpo_rewards_trainer.toy import build_toy_model
    from transformers import AutoModelForCausalLM, AutoTokenizer

    out = Path(args.out)
    splits = _splits(args)
    write_jsonl(out / "rl.jsonl", (p.row() for p in splits["rl"]))
    write_jsonl(out / "test.jsonl", (p.row() for p in splits["test"]))
    base = build_toy_model(
        out / "base", corpus(splits["sft"]), hidden_size=args.hidden, layers=args.layers, heads=args.heads, vocab_size=320, seed=0
    )
    tokenizer = AutoTokenizer.from_pretrained(base)
    torch.manual_seed(0)
    model = AutoModelForCausalLM.from_pretrained(base, dtype=torch.float32).to(_device())
    started = time.perf_counter()
    info = sft(model, tokenizer, splits["sft"], args, splits["val"])
    model.save_pretrained(out / "sft")
    tokenizer.save_pretrained(out / "sft")
    info.update(params=sum(p.numel() for p in model.parameters()), sft_seconds=time.perf_counter() - started)
    (out / "prepare.json").write_text(json.dumps(info, indent=2))
    print(f"prepare: {info['params'] / 1e6:.2f}M parameters, {json.dumps(info)}", flush=True)


# ----------------------------------------------------------------------------- grpo: through the trainer's train()


def grpo(args: argparse.Namespace) -> None:
    if args.backend == "unsloth":
        import unsloth  # noqa: F401 - before trl, transformers and peft

    from grpo_rewards_trainer import TrainConfig, train

    out = Path(args.out)
    config = TrainConfig(
        model=str(out / "sft"),
        backend=args.backend,
        dataset=str(out / "rl.jsonl"),
        chat_template="off",
        rewards=["math", "format:0.2"],
        num_generations=args.num_generations,
        per_device_train_batch_size=args.batch,
        max_completion_length=48,
        max_seq_length=128,
        learning_rate=args.lr,
        temperature=1.0,
        max_steps=args.max_steps,
        save_steps=args.save_steps,
        lora_r=32,
        lora_alpha=64,
        seed=0,
        output_dir=str(out / "grpo"),
        grpo={"save_only_model": True},
    )
    started = time.perf_counter()
    result = train(config)
    seconds = time.perf_counter() - started
    history = [h for h in result.log_history if "rewards/math/mean" in h]
    (out / "grpo_log.json").write_text(json.dumps({"seconds": seconds, "backend": result.backend, "log": history}, indent=1))
    print(f"grpo: {len(history)} logged steps in {seconds:.0f}s on {result.backend}", flush=True)


# ----------------------------------------------------------------------------- evaluate: greedy exact match


def _complete(model: Any, tokenizer: Any, prompts: list[str], batch: int = 512) -> list[str]:
    """Greedy completions (left-padded batches)."""
    import torch

    tokenizer.padding_side = "left"
    texts: list[str] = []
    model.eval()
    for start in range(0, len(prompts), batch):
        enc = tokenizer(prompts[start : start + batch], return_tensors="pt", padding=True).to(model.device)
        with torch.no_grad():
            gen = model.generate(**enc, max_new_tokens=48, do_sample=False, pad_token_id=tokenizer.pad_token_id)
        texts += tokenizer.batch_decode(gen[:, enc["input_ids"].shape[1] :], skip_special_tokens=True)
    return texts


def _accuracy(model: Any, tokenizer: Any, problems: list[Problem]) -> dict[str, Any]:
    from grpo_rewards import reward_funcs

    texts = _complete(model, tokenizer, [p.prompt for p in problems])
    (fmt,), _ = reward_funcs(["format"])
    format_ok = [s == 1.0 for s in fmt(prompts=[p.prompt for p in problems], completions=texts)]
    return {
        "exact_match": sum(exact_match(t, p.answer) for t, p in zip(texts, problems, strict=True)) / len(problems),
        "format": sum(format_ok) / len(problems),
        "example": texts[0],
    }


def _load(base: Path, adapter: Path | None) -> Any:
    import torch
    from transformers import AutoModelForCausalLM

    model = AutoModelForCausalLM.from_pretrained(base, dtype=torch.float32).to(_device())
    if adapter is None:
        return model
    from peft import PeftModel

    return PeftModel.from_pretrained(model, adapter).merge_and_unload()


def evaluate(args: argparse.Namespace) -> None:
    from transformers import AutoTokenizer

    out = Path(args.out)
    problems = _splits(args)["test"]
    tokenizer = AutoTokenizer.from_pretrained(out / "sft")
    points = [(0, None)] + sorted((int(p.name.split("-")[1]), p) for p in (out / "grpo").glob("checkpoint-*"))
    if (out / "grpo" / "adapter_model.safetensors").exists():
        final = json.loads((out / "grpo_log.json").read_text())["log"][-1]["step"]
        if final not in [s for s, _ in points]:
            points.append((final, out / "grpo"))
    curve = []
    for step, adapter in points:
        scores = _accuracy(_load(out / "sft", adapter), tokenizer, problems)
        curve.append({"step": step, **scores})
        print(f"eval step {step:4d}: exact match {scores['exact_match']:.3f}, format {scores['format']:.3f}", flush=True)
    (out / "curve.json").write_text(json.dumps({"n_test": len(problems), "curve": curve}, indent=1))


# ----------------------------------------------------------------------------- plot


def plot(args: argparse.Namespace) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    out = Path(args.out)
    curve = json.loads((out / "curve.json").read_text())
    log = json.loads((out / "grpo_log.json").read_text())
    fig, (left, right) = plt.subplots(1, 2, figsize=(11, 4))
    steps = [p["step"] for p in curve["curve"]]
    left.plot(steps, [p["exact_match"] for p in curve["curve"]], "o-", label="held-out exact match (greedy)")
    left.plot(steps, [p["format"] for p in curve["curve"]], "s--", label="held-out format pass rate")
    left.set(xlabel="GRPO step", ylabel="rate", title=f"Held-out addition problems (n={curve['n_test']})", ylim=(0, 1.02))
    left.legend(loc="lower right")
    logged = [h["step"] for h in log["log"]]
    for name in ("math", "format"):
        right.plot(logged, [h[f"rewards/{name}/mean"] for h in log["log"]], label=f"{name} reward (mean)", alpha=0.8)
    right.set(xlabel="GRPO step", ylabel="mean reward", title=f"Training rewards ({log['backend']} backend)", ylim=(0, 1.02))
    right.legend(loc="lower right")
    fig.tight_layout()
    fig.savefig(args.plot or out / "learning_curve.png", dpi=120)
    print(f"plot: {args.plot or out / 'learning_curve.png'}")


def _stage(name: str, argv: list[str]) -> None:
    started = time.perf_counter()
    subprocess.run([sys.executable, __file__, name, *argv], check=True)
    print(f"[{name} took {time.perf_counter() - started:.0f}s]", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("stage", choices=["prepare", "grpo", "evaluate", "plot", "all"])
    parser.add_argument("--out", required=True)
    parser.add_argument("--backend", default="auto", choices=["auto", "unsloth", "trl"])
    parser.add_argument("--n-sft", type=int, default=20000)
    parser.add_argument("--n-rl", type=int, default=20000)
    parser.add_argument("--n-test", type=int, default=500)
    parser.add_argument("--hidden", type=int, default=128)
    parser.add_argument("--layers", type=int, default=4)
    parser.add_argument("--heads", type=int, default=4)
    parser.add_argument("--sft-steps", type=int, default=1500, help="most SFT steps")
    parser.add_argument("--sft-min-steps", type=int, default=150, help="first step at which validation may stop SFT")
    parser.add_argument("--sft-target", type=float, default=0.3, help="stop SFT at this validation exact match")
    parser.add_argument("--sft-lr", type=float, default=2e-3)
    parser.add_argument("--sft-batch", type=int, default=128)
    parser.add_argument("--max-steps", type=int, default=150)
    parser.add_argument("--save-steps", type=int, default=25)
    parser.add_argument("--num-generations", type=int, default=8)
    parser.add_argument("--batch", type=int, default=64, help="completions per step (prompts x num_generations)")
    parser.add_argument("--lr", type=float, default=5e-4)
    parser.add_argument("--plot", default=None, help="where to write the PNG (default OUT/learning_curve.png)")
    args, _ = parser.parse_known_args()
    if args.stage == "all":
        argv = sys.argv[2:]
        for stage in ("prepare", "grpo", "evaluate", "plot"):
            _stage(stage, argv)
        return
    {"prepare": prepare, "grpo": grpo, "evaluate": evaluate, "plot": plot}[args.stage](args)


if __name__ == "__main__":
    main()
