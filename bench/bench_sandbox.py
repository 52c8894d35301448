"""Sandbox throughput and latency against two baselines measured in the same run.

    .venv/bin/python bench/bench_sandbox.py [--quick]

For a trivial stdin-to-stdout program and a 50 ms CPU-bound one, at
concurrency 1 and one per core, it times:

* ``host``: a bare ``python3`` subprocess per execution on the host (no isolation);
* ``docker run``: ``docker run --rm -i`` per execution (a fresh container each time);
* ``pool``: :class:`grpo_rewards_sandbox.SandboxPool` with the full hardening profile.

It prints p50 and p99 latency, executions per second, the pool's throughput as
a multiple of each baseline, and the pool's per-execution overhead (p50
latency at concurrency 1 minus the program's own CPU time measured in-process).
Run it when the machine is otherwise idle: other load shows up as latency.
Goals: pool >= 1x host, >= 40x docker run, overhead <= 10 ms p50.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from grpo_rewards_sandbox import Limits, RunJob, SandboxPool, Status
from grpo_rewards_sandbox.image_build import default_image

PROGRAMS = {
    "trivial": ("import sys; sys.stdout.write(sys.stdin.read())", b"hello sandbox\n"),
    "cpu-50ms": (
        "import sys, time\nt = time.process_time()\nwhile time.process_time() - t < 0.05: pass\n"
        "sys.stdout.write(sys.stdin.read())",
        b"done\n",
    ),
}


@dataclass
class Timing:
    latencies: list[float]
    wall: float

    @property
    def p50(self) -> float:
        return statistics.median(self.latencies)

    @property
    def p99(self) -> float:
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, int(0.99 * len(ordered)))]

    @property
    def rate(self) -> float:
        return len(self.latencies) / self.wall


def measure(execute: Callable[[], None], count: int, concurrency: int) -> Timing:
    def timed(_: int) -> float:
        started = time.perf_counter()
        execute()
        return time.perf_counter() - started

    started = time.perf_counter()
    with ThreadPoolExecutor(concurrency) as executor:
        latencies = list(executor.map(timed, range(count)))
    return Timing(latencies, time.perf_counter() - started)


def host_python() -> str:
    """The distribution's plain python3 (same as the image's), else the interpreter under this venv."""
    if os.path.exists("/usr/bin/python3"):
        return "/usr/bin/python3"
    return getattr(sys, "_base_executable", None) or "python3"


def host_runner(program: str, stdin: bytes) -> Callable[[], None]:
    python = host_python()

    def run() -> None:
        done = subprocess.run([python, "-c", program], input=stdin, capture_output=True, check=True)
        assert done.stdout == stdin

    return run


def docker_runner(program: str, stdin: bytes) -> Callable[[], None]:
    command = ["docker", "run", "--rm", "-i", "--network", "none", "--log-driver", "none", "--user", "65534:65534"]
    command += ["--entrypoint", "python3"]
    command += [default_image(), "-c", program]

    def run() -> None:
        done = subprocess.run(command, input=stdin, capture_output=True, check=True)
        assert done.stdout == stdin

    return run


def pool_runner(pool: SandboxPool, program: str, stdin: bytes) -> Callable[[], None]:
    def run() -> None:
        result = pool.run(program, stdin)
        assert result.status is Status.OK and result.stdout == stdin, result

    return run


def own_time(program: str, stdin: bytes) -> float:
    """The program's own CPU time, measured in-process on the host (no process start at all)."""
    import io

    code = compile(program, "<bench>", "exec")
    samples = []
    for _ in range(5):
        sys.stdin, sys.stdout = io.TextIOWrapper(io.BytesIO(stdin)), io.StringIO()
        started = time.process_time()
        try:
            exec(code, {"__name__": "__main__"})  # noqa: S102 - our own benchmark program
        finally:
            sys.stdin, sys.stdout = sys.__stdin__, sys.__stdout__
        samples.append(time.process_time() - started)
    return statistics.median(samples)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="fewer executions (a smoke run, not for reporting)")
    args = parser.parse_args()
    cores = os.cpu_count() or 1
    counts = {"host": 60, "docker run": 12, "pool": 300} if not args.quick else {"host": 10, "docker run": 3, "pool": 30}
    print(f"machine: {cores} cores, load average {os.getloadavg()[0]:.2f}; image {default_image()}; host {host_python()}")
    rows = []
    with SandboxPool(cores, limits=Limits(timeout=10.0)) as pool:
        for name, (program, stdin) in PROGRAMS.items():
            pool.map([RunJob(program, stdin)] * 4)  # warm
            for concurrency in sorted({1, cores}):
                runners = {
                    "host": host_runner(program, stdin),
                    "docker run": docker_runner(program, stdin),
                    "pool": pool_runner(pool, program, stdin),
                }
                scale = 1 if name == "trivial" else 4
                timings = {kind: measure(run, max(2, counts[kind] // scale), concurrency) for kind, run in runners.items()}
                rows.append((name, concurrency, timings, own_time(program, stdin)))
    print_table(rows)
    print(f"load average after: {os.getloadavg()[0]:.2f}")


def print_table(rows: list) -> None:
    header = f"{'program':<10} {'conc':>4} {'runner':<11} {'p50 ms':>8} {'p99 ms':>8} {'exec/s':>8}  ratios"
    print(header)
    print("-" * (len(header) + 40))
    for name, concurrency, timings, own in rows:
        pool = timings["pool"]
        for kind, timing in timings.items():
            note = ""
            if kind == "pool":
                note = (
                    f"{pool.rate / timings['host'].rate:.2f}x host, {pool.rate / timings['docker run'].rate:.1f}x docker run"
                    + (f", overhead p50 {(pool.p50 - own) * 1000:.1f} ms" if concurrency == 1 else "")
                )
            print(
                f"{name:<10} {concurrency:>4} {kind:<11} {timing.p50 * 1000:>8.1f} {timing.p99 * 1000:>8.1f} "
                f"{timing.rate:>8.1f}  {note}"
            )


if __name__ == "__main__":
    main()
