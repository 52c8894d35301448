"""Throughput of the ray executor against the number of Ray nodes, and its overhead against the local pool.

Run (loopback only; every node is a raylet on this machine):

    .venv/bin/python bench/bench_scale.py                       # nodes 1, 2, 4, ... up to the cores
    .venv/bin/python bench/bench_scale.py --nodes 1,2,4,8,16 --no-code
    PYTHONPATH=/tmp/raypack:. python3 bench/bench_scale.py      # from a trimmed Ray (bench/pack_ray.sh)

One process starts a ``ray.cluster_utils.Cluster`` whose nodes each declare
``--cores-per-node`` CPUs (and, for the code reward, as many ``grpo_sandbox``
slots), then measures, in the same run:

1. overhead: a trivial reward on a batch of ``--batch`` samples, through a
   local :class:`~grpo_rewards.WorkerPool` of ``--cores-per-node`` workers and
   through the ray executor on one node of the same size; the difference per
   sample is the executor's own cost (goal: at most 1 ms at batch 512);
2. a CPU-bound reward (``--work-ms`` of CPU per sample) on the same batch, on
   the local pool and on 1, 2, 4, ... nodes: samples per second, and scaling
   efficiency ``throughput(N) / (N x throughput(1 node))`` (goal: at least 80%
   up to the cores available);
3. the code reward (real Docker sandbox; skipped when no engine answers or with
   ``--no-code``): CPU-bound programs, every one distinct so nothing is cached,
   on the local executor and on 1, 2, ... sandbox nodes.

Each figure is the best of ``--repeats`` timed batches after one warm-up batch.
The machine's load average is printed with the table: other work on the
machine lowers every figure, and the ratios are what to compare.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent


def _environment() -> None:
    """Loopback only, and every node's workers import this tree (set before Ray is imported or any raylet starts)."""
    os.environ["RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER"] = "0"
    os.environ["GRPO_REWARDS_RAY_IDLE_SECONDS"] = "0"
    paths = [str(BENCH), str(ROOT), *filter(None, os.environ.get("PYTHONPATH", "").split(os.pathsep))]
    os.environ["PYTHONPATH"] = os.pathsep.join(dict.fromkeys(paths))
    for path in (str(ROOT), str(BENCH)):
        if path not in sys.path:
            sys.path.insert(0, path)


_environment()

import ray  # noqa: E402
from _bench_rewards import Trivial  # noqa: E402
from _scale_rewards import Spin  # noqa: E402
from ray.cluster_utils import Cluster  # noqa: E402

from grpo_rewards import Sample, WorkerPool, score_samples  # noqa: E402
from grpo_rewards.executors import LocalExecutor  # noqa: E402
from grpo_rewards.executors.ray import RayExecutor, RaySettings  # noqa: E402

OBJECT_STORE = 80 * 1024 * 1024
CODE = "```python\n# sample {tag}\nx = 0\nfor i in range({loops}):\n    x ^= i * i\nprint(int(input()) * 2)\n```"


def best_of(repeats: int, call: Callable[[int], Any]) -> float:
    """The shortest wall time of ``call(repeat)`` over ``repeats`` runs."""
    times = []
    for repeat in range(repeats):
        started = time.perf_counter()
        call(repeat)
        times.append(time.perf_counter() - started)
    return min(times)


def spin_batch(size: int, work_ms: float) -> list[Sample]:
    return [Sample(str(work_ms), prompt=f"prompt {i // 8}") for i in range(size)]


def trivial_batch(size: int) -> list[Sample]:
    return [Sample("x" if i % 2 else "y", prompt=f"prompt {i // 8}") for i in range(size)]


def code_batch(size: int, tag: str, loops: int) -> list[Sample]:
    tests = [{"input": "21\n", "output": "42\n"}]
    return [
        Sample(CODE.format(tag=f"{tag}-{i}", loops=loops), prompt=f"double it ({i // 4})", row={"tests": tests})
        for i in range(size)
    ]


def _check(verdicts: list[Any], what: str) -> None:
    kinds = {v.kind for v in verdicts}
    if kinds - {"correct", "incorrect"}:
        reasons = sorted({v.reason for v in verdicts if v.kind == "unverifiable"})
        raise SystemExit(f"{what}: unverifiable verdicts ({', '.join(reasons)}); the figures would mean nothing")


def score(reward: Any, samples: list[Sample], executor: Any) -> None:
    _check(score_samples(reward, samples, executor=executor), reward.name)


def docker_ready() -> str | None:
    """Why the code reward cannot run here (None when it can)."""
    try:
        from grpo_rewards_code.reward import CodeReward
    except ImportError as exc:
        return f"the code plugin is not importable ({exc})"
    try:
        CodeReward().preflight()
    except Exception as exc:  # noqa: BLE001 - any failure means: no code figures on this machine
        return str(exc).splitlines()[0]
    return None


class Scale:
    """The cluster, grown one node at a time, and the executor on it."""

    def __init__(self, cores: int, sandbox: bool) -> None:
        self.cores = cores
        self.node_args: dict[str, Any] = {"num_cpus": cores, "object_store_memory": OBJECT_STORE}
        if sandbox:
            self.node_args["resources"] = {"grpo_sandbox": cores}
        self.cluster = Cluster(initialize_head=True, head_node_args={**self.node_args, "include_dashboard": False})
        ray.init(address=self.cluster.address)
        bad = [n["NodeManagerAddress"] for n in ray.nodes() if n["NodeManagerAddress"] != "127.0.0.1"]
        if bad:
            raise SystemExit(f"a node is not on loopback: {bad}")
        self.executor = RayExecutor(RaySettings(workers=cores, idle_seconds=0))
        self.nodes = 1
        self.executor.start()

    def grow(self, nodes: int) -> None:
        while self.nodes < nodes:
            self.cluster.add_node(**self.node_args)
            self.nodes += 1
        self.cluster.wait_for_nodes()
        status = self.executor.start()
        members = self.executor.fleet.members(sandbox=False)
        if len(members) != nodes:
            raise SystemExit(f"{len(members)} node actors for {nodes} nodes ({status})")

    def close(self) -> None:
        ray.shutdown()
        self.cluster.shutdown()


def _rate(samples: int, seconds: float) -> float:
    return samples / seconds


def run(args: argparse.Namespace) -> dict[str, Any]:
    cores, batch = args.cores_per_node, args.batch
    code_problem = None if args.no_code else docker_ready()
    use_code = not args.no_code and code_problem is None
    os.environ["GRPO_REWARDS_SANDBOX_WORKERS"] = str(cores)  # the local code baseline's sandbox pool: one node's worth
    out: dict[str, Any] = {"cores_per_node": cores, "batch": batch, "work_ms": args.work_ms, "rows": []}
    out["code_skipped"] = "--no-code" if args.no_code else code_problem
    load_before = os.getloadavg()
    with WorkerPool(cores) as pool:
        local = LocalExecutor(pool)
        scale = Scale(cores, sandbox=use_code)
        try:
            trivial, spin = trivial_batch(batch), spin_batch(batch, args.work_ms)
            score(Trivial(), trivial, local)
            score(Trivial(), trivial, scale.executor)
            local_trivial = best_of(args.repeats, lambda _: score(Trivial(), trivial, local))
            ray_trivial = best_of(args.repeats, lambda _: score(Trivial(), trivial, scale.executor))
            out["overhead_ms_per_sample"] = (ray_trivial - local_trivial) / batch * 1e3
            out["local_trivial_ms_per_sample"] = local_trivial / batch * 1e3
            score(Spin(), spin[: 4 * cores], local)
            out["local_spin_per_s"] = _rate(batch, best_of(args.repeats, lambda _: score(Spin(), spin, local)))
            if use_code:
                out["local_code_per_s"] = _code_rate(args, local, "local")
            for nodes in args.nodes:
                scale.grow(nodes)
                out["rows"].append(_node_row(args, scale, nodes, use_code))
        finally:
            scale.close()
    out["load_before"], out["load_after"] = load_before, os.getloadavg()
    return out


def _code_rate(args: argparse.Namespace, executor: Any, label: str) -> float:
    from grpo_rewards_code.reward import CodeReward

    reward = CodeReward()
    score(reward, code_batch(args.code_batch // 4, f"{label}-warm", args.code_loops), executor)
    seconds = best_of(
        args.repeats, lambda r: score(reward, code_batch(args.code_batch, f"{label}-{r}", args.code_loops), executor)
    )
    return _rate(args.code_batch, seconds)


def _node_row(args: argparse.Namespace, scale: Scale, nodes: int, use_code: bool) -> dict[str, Any]:
    spin = spin_batch(args.batch, args.work_ms)
    score(Spin(), spin[: 4 * nodes * scale.cores], scale.executor)  # every node's workers warm
    row: dict[str, Any] = {"nodes": nodes}
    row["spin_per_s"] = _rate(args.batch, best_of(args.repeats, lambda _: score(Spin(), spin, scale.executor)))
    row["spread"] = sorted(scale.executor.last_report.samples_per_node.values())
    if use_code:
        row["code_per_s"] = _code_rate(args, scale.executor, f"ray{nodes}")
    return row


def report(out: dict[str, Any]) -> None:
    rows = out["rows"]
    print(f"\nbench_scale: {out['cores_per_node']} core(s) per node, batch {out['batch']}, {out['work_ms']:g} ms CPU per sample")
    print(f"load average before {_load(out['load_before'])}, after {_load(out['load_after'])} ({os.cpu_count()} cores)\n")
    print(
        f"executor overhead: {out['overhead_ms_per_sample']:+.3f} ms/sample at batch {out['batch']} "
        f"(local pool {out['local_trivial_ms_per_sample']:.3f} ms/sample; goal <= 1 ms)\n"
    )
    base = rows[0]
    header = f"{'nodes':>5} | {'cpu reward /s':>13} | {'efficiency':>10} | {'vs local pool':>13} | {'samples per node':<22}"
    if "code_per_s" in base:
        header += f" | {'code reward /s':>14} | {'efficiency':>10} | {'vs local':>8}"
    print(header)
    print("-" * len(header))
    print(f"{'local':>5} | {out['local_spin_per_s']:13.1f} | {'':>10} | {1.0:13.2f} | {'':<22}", end="")
    print(f" | {out['local_code_per_s']:14.1f} | {'':>10} | {1.0:8.2f}" if "code_per_s" in base else "")
    for row in rows:
        efficiency = row["spin_per_s"] / (row["nodes"] * base["spin_per_s"])
        line = (
            f"{row['nodes']:>5} | {row['spin_per_s']:13.1f} | {efficiency:10.0%} | "
            f"{row['spin_per_s'] / out['local_spin_per_s']:13.2f} | {str(row['spread']):<22}"
        )
        if "code_per_s" in row:
            code_eff = row["code_per_s"] / (row["nodes"] * base["code_per_s"])
            line += f" | {row['code_per_s']:14.1f} | {code_eff:10.0%} | {row['code_per_s'] / out['local_code_per_s']:8.2f}"
        print(line)
    if out.get("code_skipped"):
        print(f"\ncode reward skipped: {out['code_skipped']}")


def _load(values: Any) -> str:
    return " ".join(f"{v:.2f}" for v in values)


def _nodes(text: str) -> list[int]:
    return sorted({int(part) for part in text.split(",") if part.strip()})


def main() -> None:
    cores = os.cpu_count() or 1
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cores-per-node", type=int, default=1, help="CPUs (workers, sandbox slots) each node declares")
    parser.add_argument("--nodes", type=_nodes, default=None, help="node counts, e.g. 1,2,4 (default: 1, 2, 4, ... to the cores)")
    parser.add_argument("--batch", type=int, default=512, help="samples per batch of the overhead and CPU-bound runs")
    parser.add_argument("--work-ms", type=float, default=10.0, help="CPU milliseconds per sample of the CPU-bound reward")
    parser.add_argument("--code-batch", type=int, default=48, help="samples per batch of the code reward")
    parser.add_argument("--code-loops", type=int, default=300_000, help="loop length of each code sample's program")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--no-code", action="store_true", help="skip the code reward")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    args = parser.parse_args()
    if args.nodes is None:
        most = max(1, cores // args.cores_per_node)
        args.nodes = [n for n in (2**i for i in range(8)) if n <= most]
    print(f"ray {ray.__version__} from {Path(ray.__file__).parent}", flush=True)
    out = run(args)
    report(out)
    if args.json:
        args.json.write_text(json.dumps(out, indent=2) + "\n")


if __name__ == "__main__":
    main()
