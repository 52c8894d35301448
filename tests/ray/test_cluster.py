"""The ray executor on a real multi-node cluster (loopback only): same results as local, spread, faults, sharing.

Every test here starts from the session's cluster (a head and one worker,
see conftest.py) and adds the nodes it needs. Waits are on states (an actor
busy, a process gone), never on durations.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import pytest
from conftest import HERE, SUPPORT, alive_node_ids, extra_node, pid_gone, wait_until
from grpo_ray_test_rewards import Gate, SandboxGate, WhereInline, reserve_elsewhere

from grpo_rewards import Sample, SandboxUnavailable, Verdict, load_plugins, reward_funcs, score_samples
from grpo_rewards.data import read_records

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]


def _same(a: list[Verdict], b: list[Verdict]) -> None:
    """The same judgments: kind, score, reason, answer and details, but not the time taken."""
    assert [(v.kind, v.score, v.reason, v.answer, v.details) for v in a] == [
        (v.kind, v.score, v.reason, v.answer, v.details) for v in b
    ]


def _math_batch() -> dict[str, list[Any]]:
    rows = [row for _, row in read_records(ROOT / "examples" / "math.jsonl")]
    rows += [
        {"prompt": "p1", "completion": "so \\boxed{2\\sqrt{5}-1}", "answer": "2\\sqrt{5}-1"},
        {"prompt": "p1", "completion": "\\boxed{2}", "answer": "2\\sqrt{5}-1"},
        {"prompt": "p2", "completion": "\\boxed{__import__('os').system('x') or 0}", "answer": "0"},
        {"prompt": "p3", "completion": "no answer at all", "answer": "\\frac{\\pi}{4}"},
    ]
    return {
        "prompts": [r["prompt"] for r in rows],
        "completions": [r["completion"] for r in rows],
        "answer": [r["answer"] for r in rows],
    }


def _gated(gate: Path, groups: int, size: int) -> list[Sample]:
    return [
        Sample(str(i % 3), prompt=f"prompt {g}", row={"gate": str(gate), "answer": "1"})
        for g in range(groups)
        for i in range(size)
    ]


def _member(executor: Any, node_id: str) -> Any:
    members = {m.node_id: m for m in executor.fleet.members(sandbox=False)}
    return members[node_id]


def _busy(ray: Any, member: Any) -> bool:
    return bool(ray.get(member.actor.load.remote()) > 0)


def _in_thread(target: Any) -> tuple[threading.Thread, dict[str, Any]]:
    out: dict[str, Any] = {}

    def run() -> None:
        try:
            out["value"] = target()
        except BaseException as exc:  # noqa: BLE001 - handed to the test, which re-raises it
            out["error"] = exc

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    return thread, out


def _lose_node_while_busy(ray: Any, cluster: Any, executor: Any, node: Any) -> None:
    """Remove ``node`` once its actor is scoring, and wait until that actor's process is gone."""
    member = _member(executor, node.node_id)
    wait_until(lambda: _busy(ray, member), "the node's actor to start scoring its share")
    cluster.remove_node(node, allow_graceful=False)
    wait_until(lambda: pid_gone(member.pid), "the lost node's actor process to end")


def test_the_cluster_is_on_loopback_and_every_node_gets_an_actor(ray_cluster, executor):
    import ray

    status = executor.start()
    members = executor.fleet.members(sandbox=False)
    assert {m.node_id for m in members} == alive_node_ids(ray)
    assert len({m.pid for m in members}) == len(members)
    assert "2 node actor(s) at 127.0.0.1:" in status


def test_math_on_ray_equals_local_and_spreads_over_every_node(ray_cluster, executor):
    import ray

    batch = _math_batch()
    [on_ray], _ = reward_funcs(["math"], executor=executor)
    [local], _ = reward_funcs(["math"], executor="local")
    assert on_ray(**batch) == local(**batch)
    per_node = executor.last_report.samples_per_node
    assert set(per_node) == alive_node_ids(ray) and min(per_node.values()) > 0
    assert sum(per_node.values()) == len(batch["completions"])
    reward = load_plugins().registry.create("math")
    samples = [Sample(c, prompt=p, row={"answer": a}) for p, c, a in zip(*batch.values(), strict=True)]
    _same(score_samples(reward, samples, executor=executor), score_samples(reward, samples, executor="local"))


def test_inline_rewards_stay_in_the_driver(ray_cluster, executor):
    verdicts = score_samples(WhereInline(), [Sample("x", prompt=str(i)) for i in range(4)], executor=executor)
    assert {v.details["pid"] for v in verdicts} == {os.getpid()}


def test_a_node_lost_mid_batch_has_its_samples_retried_and_the_batch_is_right(ray_cluster, executor, tmp_path):
    import ray

    gate = tmp_path / "gate"
    samples = _gated(gate, groups=9, size=2)
    with extra_node(ray_cluster) as victim:
        executor.start()
        assert victim.node_id in {m.node_id for m in executor.fleet.members(sandbox=False)}
        thread, out = _in_thread(lambda: score_samples(Gate(), samples, executor=executor))
        _lose_node_while_busy(ray, ray_cluster, executor, victim)
        gate.touch()
        thread.join()
    assert "error" not in out, out.get("error")
    assert [(v.kind, v.answer) for v in out["value"]] == [
        ("correct" if s.completion == "1" else "incorrect", s.completion) for s in samples
    ]
    report = executor.last_report
    assert victim.node_id in report.lost_nodes and report.retried > 0 and report.worker_lost == 0
    assert victim.node_id not in report.samples_per_node
    assert sum(report.samples_per_node.values()) == len(samples)


def test_a_node_that_returns_gets_a_new_actor(ray_cluster, executor):
    with extra_node(ray_cluster) as first:
        executor.start()
        old = _member(executor, first.node_id)
        ray_cluster.remove_node(first, allow_graceful=False)
    with extra_node(ray_cluster) as second:
        executor.start()
        new = _member(executor, second.node_id)
        assert new.pid != old.pid
        samples = [Sample("1", prompt=f"p{i}", row={"gate": "/", "answer": "1"}) for i in range(6)]
        assert {v.kind for v in score_samples(Gate(), samples, executor=executor)} == {"correct"}
        assert executor.last_report.samples_per_node[second.node_id] > 0


def test_an_idle_actor_retires_and_the_next_batch_gets_a_new_one(ray_cluster):
    from grpo_rewards.executors.ray import RayExecutor, RaySettings

    executor = RayExecutor(RaySettings(idle_seconds=1.0))  # only actors it creates itself get this setting
    samples = [Sample("1", prompt=f"p{i}", row={"gate": "/", "answer": "1"}) for i in range(6)]
    with extra_node(ray_cluster) as node:
        executor.start()
        first = _member(executor, node.node_id)
        assert {v.kind for v in score_samples(Gate(), samples, executor=executor)} == {"correct"}
        wait_until(lambda: pid_gone(first.pid), "the idle actor to exit")
        assert {v.kind for v in score_samples(Gate(), samples, executor=executor)} == {"correct"}  # the others score it
        executor.start()
        second = _member(executor, node.node_id)
        assert second.pid != first.pid
        assert {v.kind for v in score_samples(Gate(), samples, executor=executor)} == {"correct"}
        assert executor.last_report.samples_per_node[node.node_id] > 0


def test_sandbox_work_with_no_other_sandbox_node_is_worker_lost_never_zero(ray_cluster, executor, tmp_path):
    import ray

    gate = tmp_path / "gate"
    rows = {"gate": [str(gate)] * 4, "answer": ["1"] * 4}
    with extra_node(ray_cluster, grpo_sandbox=1) as victim:
        executor.start()
        sandbox = executor.fleet.members(sandbox=True)
        assert [m.node_id for m in sandbox] == [victim.node_id] and sandbox[0].sandbox_slots == 1
        [func], _ = reward_funcs_for(SandboxGate(), executor)
        thread, out = _in_thread(lambda: func(prompts=["a", "a", "b", "b"], completions=["1", "0", "1", "0"], **rows))
        _lose_node_while_busy(ray, ray_cluster, executor, victim)
        gate.touch()
        thread.join()
    assert out.get("value") == [None, None, None, None], out
    report = executor.last_report
    assert report.worker_lost == 4 and report.retried == 0 and victim.node_id in report.lost_nodes
    verdicts = score_samples(SandboxGate(), _gated(gate, 1, 2), executor=executor)
    assert {v.reason for v in verdicts} == {"sandbox_unavailable"}  # the cluster has no sandbox node left
    assert "grpo_sandbox" in verdicts[0].details["message"]


def reward_funcs_for(reward: Any, executor: Any) -> tuple[list[Any], list[float]]:
    from grpo_rewards import RewardFunction

    return [RewardFunction(reward, plugin="tests", executor=executor)], [1.0]


def test_sandbox_work_moves_to_the_other_sandbox_node(ray_cluster, executor, tmp_path):
    import ray

    gate = tmp_path / "gate"
    samples = _gated(gate, groups=4, size=2)
    with extra_node(ray_cluster, grpo_sandbox=1) as victim, extra_node(ray_cluster, grpo_sandbox=2) as other:
        executor.start()
        slots = {m.node_id: m.sandbox_slots for m in executor.fleet.members(sandbox=True)}
        assert slots == {victim.node_id: 1, other.node_id: 2}
        thread, out = _in_thread(lambda: score_samples(SandboxGate(), samples, executor=executor))
        _lose_node_while_busy(ray, ray_cluster, executor, victim)
        gate.touch()
        thread.join()
    assert [v.kind for v in out["value"]] == ["correct" if s.completion == "1" else "incorrect" for s in samples]
    report = executor.last_report
    assert report.retried > 0 and report.worker_lost == 0 and dict(report.samples_per_node) == {other.node_id: len(samples)}


def test_preflight_without_a_sandbox_node_says_how_to_declare_one(ray_cluster, executor):
    from grpo_rewards_code.reward import CodeReward

    with pytest.raises(SandboxUnavailable, match="grpo_sandbox") as caught:
        executor.preflight(CodeReward())
    assert "ray start --address" in str(caught.value) and "--resources" in str(caught.value)


def test_train_preflight_on_ray_reports_the_missing_sandbox_node(ray_cluster, tmp_path):
    from grpo_rewards_trainer import TrainConfig
    from grpo_rewards_trainer.preflight import preflight

    data = tmp_path / "rows.jsonl"
    data.write_text(json.dumps({"prompt": "p", "tests": [{"input": "1\n", "output": "1\n"}]}) + "\n")
    config = TrainConfig(model="org/model", dataset=str(data), rewards=["code"], executor="ray", num_generations=2)
    report = preflight(config.replace(per_device_train_batch_size=2))
    errors = [c for c in report.errors if c.topic == "sandbox"]
    assert len(errors) == 1 and "grpo_sandbox" in errors[0].message, report.checks
    assert any(c.topic == "executor" and c.level == "ok" for c in report.checks)


def _check_rows(ray_cluster: Any, tmp_path: Path, executor: str) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    out = tmp_path / f"{executor}.jsonl"
    env = {**os.environ, "RAY_ADDRESS": ray_cluster.address}
    command = [str(Path(sys.executable).with_name("grpo-rewards")), "check", str(ROOT / "examples" / "math.jsonl")]
    command += ["--reward", "math", "--format", "json", "--output", str(out), "--executor", executor]
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    for row in rows:
        for verdict in row["rewards"].values():
            verdict.pop("seconds")
    return json.loads(done.stdout), rows  # stdout is the JSON summary alone: no cluster logs in it


def test_check_with_the_ray_executor_writes_what_local_writes(ray_cluster, tmp_path):
    summary, rows = _check_rows(ray_cluster, tmp_path, "ray")
    local_summary, local_rows = _check_rows(ray_cluster, tmp_path, "local")
    assert rows == local_rows
    assert summary["rewards"]["math"]["verdicts"] == local_summary["rewards"]["math"]["verdicts"]


DRIVER = """
import json, sys
from grpo_rewards import Sample, score_samples
from grpo_rewards.executors import get_executor
from grpo_test_rewards import Echo
samples = [Sample(str(i % 2), prompt=f"p{i // 2}", row={"answer": "1"}) for i in range(12)]
kinds = [v.kind for v in score_samples(Echo(), samples)]
print("RESULT", json.dumps({"kinds": kinds, "pids": sorted(s["pid"] for s in get_executor().stats())}))
"""


def test_two_drivers_share_one_actor_per_node(ray_cluster, executor):
    from grpo_test_rewards import Echo

    samples = [Sample(str(i % 2), prompt=f"p{i // 2}", row={"answer": "1"}) for i in range(12)]
    mine = [v.kind for v in score_samples(Echo(), samples, executor=executor)]
    env = {
        **os.environ,
        "RAY_ADDRESS": ray_cluster.address,
        "GRPO_REWARDS_EXECUTOR": "ray",
        "PYTHONPATH": os.pathsep.join([str(HERE), str(SUPPORT), os.environ.get("PYTHONPATH", "")]),
    }
    done = subprocess.run([sys.executable, "-c", DRIVER], env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    [result] = [line for line in done.stdout.splitlines() if line.startswith("RESULT ")]
    theirs = json.loads(result.removeprefix("RESULT "))
    assert theirs["kinds"] == mine
    assert theirs["pids"] == sorted(m.pid for m in executor.fleet.members(sandbox=False))


def test_rate_limits_are_one_budget_for_the_cluster_and_one_per_node(ray_cluster, executor):
    import ray
    from ray.util.scheduling_strategies import NodeAffinitySchedulingStrategy

    from grpo_rewards import limits

    executor.start()  # connected: the driver books in the cluster's limiter
    here = limits.current().node()
    other = next(n for n in alive_node_ids(ray) if n != here)
    elsewhere = ray.remote(num_cpus=0)(reserve_elsewhere).options(
        scheduling_strategy=NodeAffinitySchedulingStrategy(other, soft=False)
    )
    slow = 0.01  # one start per 100 s: a delay near 100 s can only come from a schedule someone else booked
    limits.set_rate("test_cluster_budget", slow)
    assert limits.reserve("test_cluster_budget") == 0.0
    node, delay = ray.get(elsewhere.remote("test_cluster_budget", slow, "cluster"))
    assert node == other and delay > 50.0
    limits.set_rate("test_node_budget", slow, per="node")
    assert limits.reserve("test_node_budget") == 0.0
    assert limits.reserve("test_node_budget") > 50.0  # the same node's budget is spent
    assert ray.get(elsewhere.remote("test_node_budget", slow, "node")) == (other, 0.0)  # another node has its own
