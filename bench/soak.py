"""Soak: a long mixed math + code ``grpo-rewards check`` while pool workers are killed and the Docker engine is cut.

Goals: rows lost 0, silent zeros 0, rows past deadline + 1 s 0.

It runs rounds until ``--minutes`` are spent. Each round writes a fresh
dataset of ``--rows`` rows: math and code (stdin/stdout and assert) prompts,
four completions per prompt, half of them right, so every row's true score is
known. It runs ``grpo-rewards check --output`` on it as its own process while a
chaos thread SIGKILLs random pool workers of that process and cuts the Docker
engine for a few seconds at a time. After each round every row is checked:

* **lost**: an input row (or one reward's verdict of it) missing from the output;
* **silent zero**: a judged verdict below the row's true score (an outage scored as wrong);
* **free credit**: a judged verdict above it;
* **past deadline + 1 s**: a verdict whose ``seconds`` exceed its reward's timeout by more than 1 s;
* **unexpected unverifiable**: an unverifiable reason that is not one of our failures
  (``timeout``, ``crash``, ``memory``, ``sandbox_unavailable``, ``infra_error``).

The engine is cut through ``tests/support/engine_proxy.py`` by default:
``DOCKER_HOST`` of the checked process points at a proxy socket, and cutting
the proxy is what a stopped daemon looks like to it; the real daemon (shared
with other users) is never touched. ``--stop-real-daemon`` stops and starts
the real daemon instead (``systemctl stop docker``), for a machine where this
run owns the engine.

    .venv/bin/python bench/soak.py --minutes 20
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "support"))

from engine_proxy import EngineProxy, engine_socket  # noqa: E402

OUR_FAILURES = {"timeout", "crash", "memory", "sandbox_unavailable", "infra_error"}
TIMEOUTS = {"math": 5.0, "code": 20.0}


# ----------------------------------------------------------------------------- data with known answers


def _math_rows(rng: random.Random, prompt_id: int) -> list[tuple[dict[str, Any], str, float]]:
    a, b = rng.randint(2, 999), rng.randint(2, 999)
    prompt = f"[{prompt_id}] What is {a} + {b}?"
    rows = []
    for right in (True, False, True, False):
        value = a + b if right else a + b + 1
        completion = f"<think>{a} plus {b}.</think>\nThe answer is $\\boxed{{{value}}}$."
        rows.append(({"prompt": prompt, "completion": completion, "answer": str(a + b)}, "math", 1.0 if right else 0.0))
    return rows


def _stdio_rows(rng: random.Random, prompt_id: int) -> list[tuple[dict[str, Any], str, float]]:
    k = rng.randint(1, 9)
    pairs = [(rng.randint(0, 99), rng.randint(0, 99)) for _ in range(3)]
    tests = [{"input": f"{x} {y}\n", "output": f"{x + y + k}\n"} for x, y in pairs]
    prompt = f"[{prompt_id}] Read two integers and print their sum plus {k}."
    rows = []
    for right in (True, False, True, False):
        extra = k if right else 0
        code = f"x, y = map(int, input().split())\nprint(x + y + {extra})"
        rows.append(({"prompt": prompt, "completion": f"```python\n{code}\n```", "tests": tests}, "code", 1.0 if right else 0.0))
    return rows


def _assert_rows(rng: random.Random, prompt_id: int) -> list[tuple[dict[str, Any], str, float]]:
    k = rng.randint(2, 9)
    tests = [f"assert f({x}) == {x * k}" for x in (1, 2, 7)]
    prompt = f"[{prompt_id}] Write f(x) that returns x times {k}."
    rows = []
    for right in (True, False, True, False):
        factor = k if right else k + 1
        code = f"def f(x):\n    return x * {factor}"
        rows.append(({"prompt": prompt, "completion": f"```python\n{code}\n```", "tests": tests}, "code", 1.0 if right else 0.0))
    return rows


def dataset(rng: random.Random, rows: int) -> list[tuple[dict[str, Any], str, float]]:
    """``rows`` rows (a multiple of 4), each with the reward that judges it and its true score."""
    makers = (_math_rows, _math_rows, _stdio_rows, _assert_rows)
    out: list[tuple[dict[str, Any], str, float]] = []
    while len(out) < rows:
        out += makers[len(out) // 4 % len(makers)](rng, len(out) // 4)
    return out[:rows]


# ----------------------------------------------------------------------------- chaos


def _children(pid: int) -> list[int]:
    try:
        text = Path(f"/proc/{pid}/task/{pid}/children").read_text()
    except OSError:
        return []
    return [int(p) for p in text.split()]


def pool_workers(check_pid: int) -> list[int]:
    """The pool workers of the check process: the children of its multiprocessing fork server."""
    workers = []
    for child in _children(check_pid):
        try:
            cmdline = Path(f"/proc/{child}/cmdline").read_bytes()
        except OSError:
            continue
        if b"forkserver" in cmdline:
            workers += _children(child)
    return workers


class Engine:
    """Cuts and restores the Docker engine the checked process sees."""

    def __init__(self, real_daemon: bool, folder: Path) -> None:
        self.real_daemon = real_daemon
        self.proxy = None if real_daemon else EngineProxy(folder / "docker.sock", engine_socket())
        self.up = False
        self.restore()

    @property
    def docker_host(self) -> str | None:
        return None if self.proxy is None else f"unix://{self.proxy.path}"

    def cut(self) -> None:
        if not self.up:
            return
        if self.proxy is not None:
            self.proxy.stop()
        else:
            subprocess.run(["systemctl", "stop", "docker.socket", "docker"], check=False)
        self.up = False

    def restore(self) -> None:
        if self.up:
            return
        if self.proxy is not None:
            self.proxy.start()
        else:
            subprocess.run(["systemctl", "start", "docker"], check=False)
        self.up = True


@dataclass
class Chaos:
    """What the chaos thread did."""

    kills: int = 0
    cuts: int = 0
    seconds_down: float = 0.0
    next_cut: float = 0.0  # monotonic time of the next engine cut (kept across rounds)


def chaos(proc: subprocess.Popen[bytes], engine: Engine, rng: random.Random, stats: Chaos, args: argparse.Namespace) -> None:
    """Until ``proc`` ends: now and then SIGKILL a random pool worker; less often cut the engine for a while."""
    if not stats.next_cut:
        stats.next_cut = time.monotonic() + rng.uniform(*args.cut_every)
    while proc.poll() is None:
        time.sleep(rng.uniform(*args.kill_every))
        if proc.poll() is not None:
            return
        workers = pool_workers(proc.pid)
        if workers:
            try:
                os.kill(rng.choice(workers), signal.SIGKILL)
                stats.kills += 1
            except ProcessLookupError:
                pass
        if time.monotonic() >= stats.next_cut:
            down = rng.uniform(*args.cut_for)
            engine.cut()
            stats.cuts += 1
            deadline = time.monotonic() + down
            while time.monotonic() < deadline and proc.poll() is None:
                time.sleep(0.2)
            engine.restore()
            stats.seconds_down += down
            stats.next_cut = time.monotonic() + rng.uniform(*args.cut_every)


# ----------------------------------------------------------------------------- judging a round


@dataclass
class Tally:
    """Counts over every round (see the module docstring), and the first few cases of anything that went wrong."""

    rows: int = 0
    lost: int = 0
    silent_zeros: int = 0
    free_credit: int = 0
    past_deadline: int = 0
    unexpected: int = 0
    judged: int = 0
    unverifiable: collections.Counter[str] = field(default_factory=collections.Counter)
    exits: collections.Counter[int] = field(default_factory=collections.Counter)
    examples: list[str] = field(default_factory=list)

    def note(self, text: str) -> None:
        if len(self.examples) < 10:
            self.examples.append(text)


def judge_round(rows: list[tuple[dict[str, Any], str, float]], out: Path, tally: Tally) -> None:
    records: dict[int, dict[str, Any]] = {}
    if out.exists():
        for raw in out.read_bytes().splitlines():
            record = json.loads(raw)
            records[record["line"]] = record
    for line, (_, reward, truth) in enumerate(rows, start=1):
        tally.rows += 1
        verdict = records.get(line, {}).get("rewards", {}).get(reward)
        if verdict is None:
            tally.lost += 1
            tally.note(f"lost: line {line} ({reward}) of {out}")
            continue
        if verdict["seconds"] > TIMEOUTS[reward] + 1.0:
            tally.past_deadline += 1
            tally.note(f"past deadline: line {line} {reward} took {verdict['seconds']:.1f} s")
        if verdict["verdict"] == "unverifiable":
            tally.unverifiable[f"{reward}:{verdict['reason']}"] += 1
            if verdict["reason"] not in OUR_FAILURES:
                tally.unexpected += 1
                tally.note(f"unexpected unverifiable: line {line} {reward} {verdict['reason']}: {verdict['details']}")
            continue
        tally.judged += 1
        if verdict["score"] < truth:
            tally.silent_zeros += 1
            tally.note(f"silent zero: line {line} {reward} scored {verdict['score']} ({verdict['reason']}), truth {truth}")
        elif verdict["score"] > truth:
            tally.free_credit += 1
            tally.note(f"free credit: line {line} {reward} scored {verdict['score']}, truth {truth}")


@dataclass
class Soak:
    """One soak run: its settings, its engine, its random source and its counts."""

    args: argparse.Namespace
    folder: Path
    engine: Engine
    rng: random.Random
    tally: Tally = field(default_factory=Tally)
    stats: Chaos = field(default_factory=Chaos)
    rounds: int = 0


def run_round(soak: Soak) -> None:
    soak.rounds += 1
    number, folder, engine, rng, args, tally, stats = (
        soak.rounds,
        soak.folder,
        soak.engine,
        soak.rng,
        soak.args,
        soak.tally,
        soak.stats,
    )
    rows = dataset(rng, args.rows)
    data, out = folder / f"round{number}.jsonl", folder / f"round{number}.out.jsonl"
    data.write_text("".join(json.dumps(row) + "\n" for row, _, _ in rows))
    env = dict(os.environ)
    if engine.docker_host:
        env["DOCKER_HOST"] = engine.docker_host
    options = [f"--option={name}.timeout={seconds:g}" for name, seconds in TIMEOUTS.items()]
    entry = "from grpo_rewards.cli import main; main()"
    command = [sys.executable, "-c", entry, "check", str(data), "--output", str(out), "--format", "json", *options]
    with (folder / f"round{number}.log").open("wb") as log:
        proc = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT)
        thread = threading.Thread(target=chaos, args=(proc, engine, rng, stats, args), daemon=True)
        thread.start()
        proc.wait()
        thread.join()
    tally.exits[proc.returncode] += 1
    judge_round(rows, out, tally)


def _load(values: list[float]) -> str:
    return "/".join(f"{x:.1f}" for x in values)


def report(soak: Soak, minutes: float, load: tuple[list[float], list[float]]) -> str:
    tally, stats, args = soak.tally, soak.stats, soak.args
    how = "the real daemon stopped" if args.stop_real_daemon else "through tests/support/engine_proxy.py"
    kinds = "math, code stdin/stdout, code asserts; 4 completions per prompt"
    lines = [
        f"soak: {minutes:.1f} min, {soak.rounds} rounds of {args.rows} rows ({kinds})",
        f"load average (1/5/15 min) at start {_load(load[0])}, at end {_load(load[1])} ({os.cpu_count()} cores)",
        f"chaos: {stats.kills} pool workers SIGKILLed, {stats.cuts} engine cuts ({how}), "
        f"{stats.seconds_down:.0f} s without an engine",
        f"check exit statuses: {dict(sorted(tally.exits.items()))}",
        f"rows: {tally.rows} scored rows expected, {tally.judged} judged",
        f"rows lost: {tally.lost}",
        f"silent zeros: {tally.silent_zeros}",
        f"free credit: {tally.free_credit}",
        f"rows past deadline + 1 s: {tally.past_deadline}",
        f"unexpected unverifiable reasons: {tally.unexpected}",
        "unverifiable (ours, never 0.0): " + (", ".join(f"{k} {v}" for k, v in sorted(tally.unverifiable.items())) or "none"),
    ]
    lines += [f"  e.g. {example}" for example in tally.examples]
    return "\n".join(lines)


def _range(text: str) -> tuple[float, float]:
    low, _, high = text.partition(",")
    return float(low), float(high or low)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--minutes", type=float, default=20.0, help="how long to keep starting rounds")
    parser.add_argument("--rows", type=int, default=2000, help="rows per round (a multiple of 4)")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--kill-every", type=_range, default=(1.0, 6.0), help="seconds between worker kills: LOW,HIGH")
    parser.add_argument("--cut-every", type=_range, default=(5.0, 25.0), help="seconds between engine cuts: LOW,HIGH")
    parser.add_argument("--cut-for", type=_range, default=(2.0, 10.0), help="seconds each cut lasts: LOW,HIGH")
    parser.add_argument(
        "--stop-real-daemon", action="store_true", help="stop the real Docker daemon (only where this run owns it)"
    )
    parser.add_argument("--keep", type=Path, help="keep the rounds' data, outputs and logs in this folder")
    parser.add_argument("--json", type=Path, help="also write the counts here as JSON")
    args = parser.parse_args(argv)
    started, load_start = time.monotonic(), list(os.getloadavg())
    with tempfile.TemporaryDirectory(prefix="grpo-soak-") as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        soak = Soak(args, folder, Engine(args.stop_real_daemon, Path(tmp)), random.Random(args.seed))
        try:
            while time.monotonic() - started < args.minutes * 60:
                run_round(soak)
                t = soak.tally
                print(f"round {soak.rounds}: {t.rows} rows so far, lost {t.lost}, silent zeros {t.silent_zeros}", flush=True)
        finally:
            soak.engine.restore()
    minutes = (time.monotonic() - started) / 60
    print(report(soak, minutes, (load_start, list(os.getloadavg()))))
    tally = soak.tally
    if args.json:
        counts = {k: v for k, v in vars(tally).items() if k != "examples"}
        chaos = {k: v for k, v in vars(soak.stats).items() if k != "next_cut"}
        summary = {**counts, **chaos, "rounds": soak.rounds, "minutes": minutes}
        args.json.write_text(json.dumps(summary, indent=2, default=dict))
    return 0 if tally.lost == tally.silent_zeros == tally.past_deadline == tally.free_credit == tally.unexpected == 0 else 1


if __name__ == "__main__":
    raise SystemExit(main())
