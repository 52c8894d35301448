"""Tables for bench_train.py, from the records it appends (``steps.jsonl``, ``runs.jsonl``).

Per run (model, backend, precision, new tokens): seconds per step (mean, median,
standard deviation, min-max) over the steps after warm-up, the shares of the step
spent generating, in the reward layer (``_calculate_rewards``: every reward of
the step, sync or async) and in the rest (log-probs, loss, backward, optimizer),
completion tokens per second, how many completions ran to the token limit, and
peak GPU memory (allocated and reserved, over every step including warm-up).
Then Unsloth/TRL ratios where both backends ran the same configuration and
timed at least one step after warm-up (a run stopped during warm-up shows its
one step, marked, and enters no ratio).
"""

from __future__ import annotations

import json
import statistics
from collections.abc import Iterable
from pathlib import Path
from typing import Any

__all__ = ["load_jsonl", "render", "summarize", "unfinished", "write_summary"]

_COLUMNS = (
    ("steps", "steps timed", "{:.0f}"),
    ("mean", "s/step mean", "{:.3f}"),
    ("median", "s/step median", "{:.3f}"),
    ("stdev", "s/step stdev", "{:.3f}"),
    ("range", "s/step min-max", "{}"),
    ("first", "step 1 s (compile, warm-up)", "{:.1f}"),
    ("generation share", "generation share", "{:.1%}"),
    ("reward share", "reward share", "{:.2%}"),
    ("rest share", "rest share", "{:.1%}"),
    ("reward ms", "reward ms/step (mean)", "{:.1f}"),
    ("tokens", "completion tokens/step", "{:.0f}"),
    ("clipped", "completions at the limit", "{:.0%}"),
    ("gen tok/s", "generated tokens/s", "{:.0f}"),
    ("step tok/s", "completion tokens/s (whole step)", "{:.0f}"),
    ("peak alloc", "peak GiB allocated", "{:.2f}"),
    ("peak reserved", "peak GiB reserved", "{:.2f}"),
)
_RATIOS = ("mean", "median", "generation share", "gen tok/s", "peak alloc", "peak reserved")


def load_jsonl(path: Path) -> list[dict[str, Any]]:
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _attempt_steps(steps: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    """Each run's steps from its attempt with the most steps (a killed attempt loses to a finished rerun)."""
    by_attempt: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for record in steps:
        by_attempt.setdefault((record["run"], record["attempt"]), []).append(record)
    best: dict[str, list[dict[str, Any]]] = {}
    for (run, _), records in by_attempt.items():
        if len(records) >= len(best.get(run, [])):
            best[run] = sorted(records, key=lambda r: r["step"])
    return best


def _stats(records: list[dict[str, Any]], warmup: int, batch: int) -> dict[str, Any]:
    timed = records[warmup:] or records[-1:]
    seconds = [r["seconds"] for r in timed]
    total = sum(seconds)
    generation = sum(r.get("generation", 0.0) for r in timed)
    reward = sum(r.get("reward", 0.0) for r in timed)
    tokens = [r.get("completions/mean_length", 0.0) * batch for r in timed]
    return {
        "steps": len(timed) if records[warmup:] else 0,
        "mean": statistics.fmean(seconds),
        "median": statistics.median(seconds),
        "stdev": statistics.stdev(seconds) if len(seconds) > 1 else 0.0,
        "range": f"{min(seconds):.2f}-{max(seconds):.2f}",
        "first": records[0]["seconds"],
        "generation share": generation / total,
        "reward share": reward / total,
        "rest share": (total - generation - reward) / total,
        "reward ms": 1000 * reward / len(timed),
        "tokens": statistics.fmean(tokens),
        "clipped": statistics.fmean(r.get("completions/clipped_ratio", 0.0) for r in timed),
        "gen tok/s": sum(tokens) / generation if generation else 0.0,
        "step tok/s": sum(tokens) / total,
        "peak alloc": max(r.get("peak_alloc_gib", 0.0) for r in records),
        "peak reserved": max(r.get("peak_reserved_gib", 0.0) for r in records),
    }


def summarize(steps: list[dict[str, Any]], runs: list[dict[str, Any]], warmup: int) -> dict[str, dict[str, Any]]:
    """Run id -> its facts (from ``runs.jsonl``) and statistics; runs with no finished step are left out."""
    facts: dict[str, dict[str, Any]] = {}
    for record in runs:
        facts.setdefault(record["run"], {}).update({k: v for k, v in record.items() if k != "event"})
    out = {}
    for run, records in _attempt_steps(steps).items():
        meta = facts.get(run, {}) | {k: records[0][k] for k in ("preset", "backend", "precision", "tokens", "batch")}
        out[run] = meta | {"stats": _stats(records, warmup, meta["batch"])}
    return out


def _header(run: dict[str, Any]) -> str:
    warm_only = "" if run["stats"]["steps"] else " (warm-up step only)"
    return f"{run['backend']} {run['precision']} {run['tokens']}{warm_only}"


def _table(rows: list[str], columns: list[str], cells: list[list[str]]) -> list[str]:
    lines = ["| | " + " | ".join(columns) + " |", "|---|" + "---|" * len(columns)]
    lines += [f"| {row} | " + " | ".join(c[i] for c in cells) + " |" for i, row in enumerate(rows)]
    return lines


def _ratio_lines(group: list[dict[str, Any]]) -> list[str]:
    pairs = {}
    for run in group:
        pairs.setdefault((run["precision"], run["tokens"]), {})[run["backend"]] = run["stats"]
    both = {k: v for k, v in sorted(pairs.items()) if {"unsloth", "trl"} <= set(v) and all(s["steps"] for s in v.values())}
    if not both:
        return []
    columns = [f"{p} {t}" for p, t in both]
    keys = [(key, label) for key, label, _ in _COLUMNS if key in _RATIOS]
    cells = [[f"{v['unsloth'][k] / v['trl'][k]:.3f}" if v["trl"][k] else "-" for k, _ in keys] for v in both.values()]
    labels = [label for _, label in keys]
    return ["", "Unsloth / TRL (below 1: Unsloth is faster or smaller; above 1 for tokens/s: faster)", ""] + _table(
        labels, columns, cells
    )


def _count(n: float) -> str:
    return f"{n / 1e9:.2f}B" if n >= 1e9 else f"{n / 1e6:.1f}M"


def _describe(group: list[dict[str, Any]]) -> str:
    first = group[0]
    parts = [f"model {_count(first.get('params', 0))} params", f"{first['batch']} completions/step"]
    if first.get("device"):
        parts.insert(0, first["device"])
    return "; ".join(parts)


def render(summary: dict[str, dict[str, Any]], warmup: int) -> str:
    """Markdown: one table per model preset, then its Unsloth/TRL ratios."""
    by_preset: dict[str, list[dict[str, Any]]] = {}
    for run in summary.values():
        by_preset.setdefault(run["preset"], []).append(run)
    lines: list[str] = []
    for preset, group in by_preset.items():
        group.sort(key=lambda r: (r["precision"], int(r["tokens"]), r["backend"] != "unsloth"))
        lines += [f"### {preset}: {_describe(group)}; statistics over the steps after the first {warmup}", ""]
        cells = [[fmt.format(run["stats"][key]) for key, _, fmt in _COLUMNS] for run in group]
        lines += _table([label for _, label, _ in _COLUMNS], [_header(r) for r in group], cells)
        lines += _ratio_lines(group) + [""] + [_facts(run) for run in group] + [""]
    return "\n".join(lines)


def _facts(run: dict[str, Any]) -> str:
    text = f"- {_header(run)}: {_count(run.get('trainable_params', 0))} trainable (LoRA)"
    ready = "ready (model reused from the run before)" if run.get("reused_model") else "loaded and ready"
    text += f"; {ready} in {run.get('load_s', 0):.0f}s"
    text += f"; {run.get('steps_done', '?')} of {run.get('steps_planned', '?')} steps"
    if run.get("stopped_early"):
        text += " (stopped at the deadline)"
    text += f"; reward functions async: {run.get('async_reward_funcs')}"
    return text + f", awaited together by {run.get('trainer_class')}: {run.get('calculate_rewards_gathers')}"


def unfinished(runs: list[dict[str, Any]]) -> list[str]:
    """One line per run that errored or was skipped and never finished."""
    done = {r["run"] for r in runs if r["event"] == "done"}
    lines = {}
    for r in runs:
        if r["run"] in done or r["event"] not in ("error", "skipped"):
            continue
        why = "skipped: not enough time left" if r["event"] == "skipped" else "failed: " + r["error"].strip().splitlines()[-1]
        lines[r["run"]] = f"- not run: {r['run']} ({why})"
    return list(lines.values())


def write_summary(out: Path, warmup: int, extra: Iterable[str] = ()) -> str:
    """Render ``out``'s records to ``out/summary.md`` and return the text."""
    runs = load_jsonl(out / "runs.jsonl")
    summary = summarize(load_jsonl(out / "steps.jsonl"), runs, warmup)
    text = render(summary, warmup) + "".join(f"\n{line}" for line in [*unfinished(runs), *extra])
    (out / "summary.md").write_text(text + "\n", encoding="utf-8")
    (out / "summary.json").write_text(json.dumps(summary, indent=1) + "\n", encoding="utf-8")
    return text
