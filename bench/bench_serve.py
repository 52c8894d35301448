"""The scoring service against in-process ``reward_funcs`` on the same batches, measured in the same run.

Run: .venv/bin/python bench/bench_serve.py [--batch 64] [--calls 40] [--workers 2] [--clients 4]

Both sides score ``math`` and ``format:0.2`` on the same TRL-shaped batches (64
completions of 8 prompts, from examples/math.jsonl, right and wrong answers),
with worker pools of the same size. Printed per reward-function call (the unit
TRL pays for): p50 and p99 latency, samples per second, and the service's extra
cost per sample (the difference of mean, and of median, latency / batch size),
over TCP on 127.0.0.1 and over a Unix socket. Then ``--clients`` threads call at
once (what several ranks on one host do), against in-process with as many threads. Goal (issue 19): at batch 64 the service
costs at most 2 ms per sample more than in-process.
"""

from __future__ import annotations

import argparse
import concurrent.futures
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]


def batches(size: int, count: int) -> list[dict[str, Any]]:
    rows = [json.loads(line) for line in (ROOT / "examples" / "math.jsonl").read_text().splitlines() if line.strip()]
    out = []
    for b in range(count):
        chosen = [rows[(b + i // 8) % len(rows)] for i in range(size)]
        completions = [
            r["completion"] if i % 3 else r["completion"].replace("boxed{", f"boxed{{{i}") for i, r in enumerate(chosen)
        ]
        out.append(
            {"prompts": [r["prompt"] for r in chosen], "completions": completions, "answer": [r["answer"] for r in chosen]}
        )
    return out


def timed_calls(funcs: list[Any], work: list[dict[str, Any]]) -> list[float]:
    """Seconds per reward-function call, every function on every batch."""
    seconds = []
    for batch in work:
        for func in funcs:
            started = time.perf_counter()
            func(**batch)
            seconds.append(time.perf_counter() - started)
    return seconds


def concurrent_calls(funcs: list[Any], work: list[dict[str, Any]], clients: int) -> tuple[list[float], float]:
    with concurrent.futures.ThreadPoolExecutor(clients) as threads:
        started = time.perf_counter()
        parts = list(threads.map(lambda k: timed_calls(funcs, work[k::clients]), range(clients)))
        wall = time.perf_counter() - started
    return [s for part in parts for s in part], wall


def start_service(args: argparse.Namespace, directory: str, uds: str | None = None) -> tuple[subprocess.Popen[bytes], str]:
    ready = Path(directory) / f"ready-{uds is not None}.json"
    address = ["--uds", uds] if uds else ["--host", "127.0.0.1", "--port", "0"]
    command = [sys.executable, "-m", "grpo_rewards.cli", "serve", "-r", "math", "-r", "format:0.2", "--ready-file", str(ready)]
    process = subprocess.Popen([*command, *address, "--max-concurrent", str(args.clients)], env=os.environ.copy())
    while not ready.exists():
        if process.poll() is not None:
            raise SystemExit("the service did not start")
        time.sleep(0.05)
    return process, json.loads(ready.read_text())["url"]


def row(name: str, seconds: list[float], batch: int, baseline: list[float] | None, wall: float | None = None) -> str:
    """One line: p50, p99, samples/s, and the extra ms per sample against ``baseline`` by mean and by median."""
    ordered = sorted(seconds)
    p50, p99 = statistics.median(seconds), ordered[min(len(ordered) - 1, round(0.99 * (len(ordered) - 1)))]
    rate = batch * len(seconds) / (wall if wall is not None else sum(seconds))
    extra = ""
    if baseline is not None:
        by_mean = (statistics.fmean(seconds) - statistics.fmean(baseline)) / batch * 1e3
        by_median = (p50 - statistics.median(baseline)) / batch * 1e3
        extra = f"{by_mean:+10.3f} {by_median:+10.3f}"
    return f"{name:<34} {p50 * 1e3:9.2f} {p99 * 1e3:9.2f} {rate:11.0f} {extra}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--batch", type=int, default=64)
    parser.add_argument("--calls", type=int, default=40, help="batches per measurement (each scored by both rewards)")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--clients", type=int, default=4)
    args = parser.parse_args()
    os.environ["GRPO_REWARDS_WORKERS"] = str(args.workers)
    import grpo_rewards
    from grpo_rewards.remote import reward_funcs as remote_funcs

    work = batches(args.batch, args.calls)
    warm = batches(args.batch, 4)
    local, _ = grpo_rewards.reward_funcs(["math", "format:0.2"])
    timed_calls(local, warm)
    print(f"batch {args.batch}, {args.calls} batches x 2 rewards, {args.workers} workers, load {os.getloadavg()[0]:.2f}")
    print(f"{'':<34} {'p50 ms':>9} {'p99 ms':>9} {'samples/s':>11} {'+ms/sample':>10} {'(by p50)':>10}")
    base = timed_calls(local, work)
    print(row("in-process reward_funcs", base, args.batch, None))
    with tempfile.TemporaryDirectory() as directory:
        tcp, url = start_service(args, directory)
        uds, uds_url = start_service(args, directory, uds=str(Path(directory) / "s.sock"))
        try:
            for name, address in (("service, TCP 127.0.0.1", url), ("service, Unix socket", uds_url)):
                remote, _ = remote_funcs(address, ["math", "format"])
                timed_calls(remote, warm)
                print(row(name, timed_calls(remote, work), args.batch, base))
            base_c, wall_c = concurrent_calls(local, work, args.clients)
            print(row(f"in-process, {args.clients} threads", base_c, args.batch, None, wall_c))
            remote, _ = remote_funcs(uds_url, ["math", "format"])
            seconds, wall = concurrent_calls(remote, work, args.clients)
            print(row(f"service (Unix), {args.clients} clients", seconds, args.batch, base_c, wall))
        finally:
            for process in (tcp, uds):
                process.terminate()
                process.wait(60)
    print(f"load after: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
