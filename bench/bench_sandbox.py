"""Sandbox throughput and latency against baselines measured in the same run, interleaved.

    .venv/bin/python bench/bench_sandbox.py [--quick] [--against IMAGE]

For a trivial stdin-to-stdout program and a 50 ms CPU-bound one, at
concurrency 1 and one per core, it times:

* ``host``: a bare ``python3`` subprocess per execution on the host (no isolation);
* ``in docker``: the same bare subprocess per execution, started by a driver in a
  warm container of the image: the pool's CPU share without any of its work
  (see ``_in_container.py``);
* ``docker run``: ``docker run --rm -i`` per execution (a fresh container each time);
* ``pool``: :class:`grpo_rewards_sandbox.SandboxPool` with the full hardening profile;
* ``pool@IMAGE`` (with ``--against``): the same pool on another build of the image
  (say the main branch's), for an A/B of two sandbox designs.

Then, per language (``--languages``), a trivial stdin-to-stdout program at
concurrency one per core: ``host`` (compiled once on the host, same flags, a
bare subprocess per execution), ``in docker`` and ``pool`` (compiled once by
the pool; the table prints the compile steps per program).

Every runner's executions are split into rounds that take turns, so a change in
the machine's load hits all of them alike. It prints p50 and p99 latency,
executions per second, the pool's throughput as a multiple of each baseline, and
CPU per execution: the children's for ``host`` (RUSAGE_CHILDREN), the containers'
own (their cgroups) for the pools. On a loaded machine wall-clock time mostly
measures the load (the engine's containers compete for the CPU as one group
against every host process); CPU per execution does not.
Goals: pool >= 1x host, >= 40x docker run.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from _container_cpu import ContainerCpu  # noqa: E402
from _in_container import InContainer  # noqa: E402
from _languages import ECHO, HostBuild, echo_job, in_container  # noqa: E402
from grpo_rewards_sandbox import Limits, RunJob, SandboxPool, Status  # noqa: E402
from grpo_rewards_sandbox.docker_backend import DockerBackend  # noqa: E402
from grpo_rewards_sandbox.image_build import default_image  # noqa: E402

PROGRAMS = {
    "trivial": ("import sys; sys.stdout.write(sys.stdin.read())", b"hello sandbox\n"),
    "cpu-50ms": (
        "import sys, time\nt = time.process_time()\nwhile time.process_time() - t < 0.05: pass\n"
        "sys.stdout.write(sys.stdin.read())",
        b"done\n",
    ),
}
ROUNDS = 5


@dataclass
class Timing:
    latencies: list[float] = field(default_factory=list)
    wall: float = 0.0
    cpu: float | None = 0.0

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

    @property
    def cpu_ms(self) -> str:
        return f"{self.cpu / len(self.latencies) * 1000:.1f}" if self.cpu is not None else "-"


@dataclass
class Runner:
    """One way to run the program: ``execute`` runs it once; ``cpu`` reads a CPU-seconds counter."""

    name: str
    execute: Callable[[], None]
    cpu: Callable[[], float | None]
    count: int


def measure_round(runner: Runner, count: int, concurrency: int, timing: Timing) -> None:
    def timed(_: int) -> float:
        started = time.perf_counter()
        runner.execute()
        return time.perf_counter() - started

    cpu_before = runner.cpu()
    started = time.perf_counter()
    with ThreadPoolExecutor(concurrency) as executor:
        timing.latencies += list(executor.map(timed, range(count)))
    timing.wall += time.perf_counter() - started
    cpu_after = runner.cpu()
    if timing.cpu is not None and cpu_before is not None and cpu_after is not None:
        timing.cpu += cpu_after - cpu_before
    else:
        timing.cpu = None


def interleaved(runners: list[Runner], concurrency: int) -> dict[str, Timing]:
    """Each runner's executions in ``ROUNDS`` rounds, the runners taking turns within each round."""
    timings = {runner.name: Timing() for runner in runners}
    for _ in range(ROUNDS):
        for runner in runners:
            measure_round(runner, max(1, runner.count // ROUNDS), concurrency, timings[runner.name])
    return timings


def host_python() -> str:
    """The distribution's plain python3 (same as the image's), else the interpreter under this venv."""
    if os.path.exists("/usr/bin/python3"):
        return "/usr/bin/python3"
    return getattr(sys, "_base_executable", None) or "python3"


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def subprocess_runner(name: str, command: list[str], stdin: bytes, count: int) -> Runner:
    def run() -> None:
        done = subprocess.run(command, input=stdin, capture_output=True, check=True)
        assert done.stdout == stdin, done

    return Runner(name, run, children_cpu, count)


def docker_command(image: str, argv: list[str]) -> list[str]:
    command = ["docker", "run", "--rm", "-i", "--network", "none", "--log-driver", "none", "--user", "65534:65534"]
    return command + ["--entrypoint", argv[0], image, *argv[1:]]


def pool_runner(name: str, pool: SandboxPool, cpu: ContainerCpu, job: RunJob, expected: bytes, count: int) -> Runner:
    def run() -> None:
        result = pool.submit(job).result()
        assert result.status is Status.OK and result.stdout == expected, result

    return Runner(name, run, cpu.total, count)


def start_pool(size: int, image: str) -> tuple[SandboxPool, ContainerCpu]:
    limits = Limits(timeout=10.0)
    backend = DockerBackend(image=image, limits=limits)
    pool = SandboxPool(size, limits=limits, backend=backend)
    pool.start()
    return pool, ContainerCpu(backend.client, backend.owner, image)


def python_rows(pools: dict[str, tuple[SandboxPool, ContainerCpu]], counts: dict[str, int], cores: int) -> list:
    rows = []
    for name, (program, stdin) in PROGRAMS.items():
        job = RunJob(program, stdin)
        scale = 1 if name == "trivial" else 4
        for concurrency in sorted({1, cores}):
            drivers = InContainer(default_image(), ["python3", "-c", program], concurrency)
            runners = [
                subprocess_runner("host", [host_python(), "-c", program], stdin, counts["host"] // scale),
                Runner("in docker", drivers.runner(stdin, stdin), drivers.cpu, counts["host"] // scale),
                subprocess_runner(
                    "docker run",
                    docker_command(default_image(), ["python3", "-c", program]),
                    stdin,
                    max(ROUNDS, counts["docker run"] // scale),
                ),  # fmt: skip
            ]
            for label, (pool, cpu) in pools.items():
                pool.map([job] * 4)  # warm
                runners.append(pool_runner(label, pool, cpu, job, stdin, counts["pool"] // scale))
            try:
                rows.append((name, concurrency, interleaved(runners, concurrency)))
            finally:
                drivers.close()
    return rows


def print_python_table(rows: list) -> None:
    header = f"{'program':<10} {'conc':>4} {'runner':<22} {'p50 ms':>8} {'p99 ms':>8} {'exec/s':>8} {'cpu ms':>7}  ratios"
    print(header)
    print("-" * (len(header) + 40))
    for name, concurrency, timings in rows:
        for kind, timing in timings.items():
            note = ""
            if kind.startswith("pool"):
                host, docker, inside = timings["host"].rate, timings["docker run"].rate, timings["in docker"].rate
                note = f"{timing.rate / host:.2f}x host, {timing.rate / inside:.2f}x in docker, "
                note += f"{timing.rate / docker:.1f}x docker run"
                if kind != "pool" and "pool" in timings:
                    note += f"; pool is {timings['pool'].rate / timing.rate:.2f}x this"
            print(
                f"{name:<10} {concurrency:>4} {kind:<22} {timing.p50 * 1000:>8.1f} {timing.p99 * 1000:>8.1f} "
                f"{timing.rate:>8.1f} {timing.cpu_ms:>7}  {note}"
            )


def language_rows(pool: SandboxPool, cpu: ContainerCpu, languages: list[str], count: int, cores: int) -> list:
    rows = []
    stdin = b"hello sandbox\n"
    for language in languages:
        host, drivers = HostBuild(language), in_container(default_image(), language, cores)
        before = pool.stats().compiles
        try:
            pool.map([echo_job(language, stdin)] * cores)  # warm: the one compile step happens here
            runners = [Runner("in docker", drivers.runner(stdin, stdin), drivers.cpu, count // 2)]
            runners[0].execute()  # the driver compiles before its first execution
            if host.argv is not None:
                runners.insert(0, subprocess_runner("host", host.argv, stdin, count // 2))
            runners.append(pool_runner("pool", pool, cpu, echo_job(language, stdin), stdin, count))
            timings = interleaved(runners, cores)
        finally:
            host.close()
            drivers.close()
        rows.append((language, timings, pool.stats().compiles - before))
    return rows


def print_language_table(rows: list, cores: int) -> None:
    header = f"{'language':<11} {'runner':<10} {'p50 ms':>8} {'p99 ms':>8} {'exec/s':>8} {'cpu ms':>7}  {'compiles':>8}  ratios"
    print(f"\ntrivial stdin-to-stdout program per language, concurrency {cores}")
    print(header)
    print("-" * (len(header) + 30))
    for language, timings, compiles in rows:
        for kind, timing in timings.items():
            note, count = "", ""
            if kind == "pool":
                count = f"{compiles}/program"
                note = ", ".join(
                    f"{timing.rate / timings[base].rate:.2f}x {base}" for base in ("host", "in docker") if base in timings
                )
                note += "" if "host" in timings else " (no host toolchain: no host baseline)"
            print(
                f"{language:<11} {kind:<10} {timing.p50 * 1000:>8.1f} {timing.p99 * 1000:>8.1f} {timing.rate:>8.1f} "
                f"{timing.cpu_ms:>7}  {count:>8}  {note}"
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="fewer executions (a smoke run, not for reporting)")
    parser.add_argument("--against", metavar="IMAGE", help="also run the pool on this image, interleaved (an A/B)")
    parser.add_argument("--languages", default=",".join(ECHO), help="languages of the per-language rows ('' for none)")
    parser.add_argument("--no-python-rows", action="store_true", help="only the per-language rows")
    args = parser.parse_args()
    cores = os.cpu_count() or 1
    counts = {"host": 60, "docker run": 12, "pool": 300} if not args.quick else {"host": 10, "docker run": 5, "pool": 30}
    print(f"machine: {cores} cores, load average {os.getloadavg()[0]:.2f}; image {default_image()}; host {host_python()}")
    pools = {"pool": start_pool(cores, default_image())}
    if args.against:
        pools[f"pool@{args.against.rsplit(':', 1)[-1]}"] = start_pool(cores, args.against)
    languages = [name for name in args.languages.split(",") if name]
    try:
        rows = [] if args.no_python_rows else python_rows(pools, counts, cores)
        per_language = language_rows(*pools["pool"], languages, counts["pool"] // 3, cores) if languages else []
    finally:
        for pool, _ in pools.values():
            pool.close()
    if rows:
        print_python_table(rows)
    if per_language:
        print_language_table(per_language, cores)
    print(f"load average after: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
