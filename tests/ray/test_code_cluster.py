"""The code reward on sandbox nodes of a real Ray cluster, with real Docker: same verdicts, a cluster-wide limit, a lost node.

Two nodes declare ``grpo_sandbox: 1`` each, so the cluster may run two
sandbox jobs at once, whatever the nodes' cores. The limit is checked from
outside, through the Docker API: the containers of our node actors are
counted while a batch runs. Each sandbox pool runs one job per container
and keeps one spare container started ahead, so a node with N slots may
show N + 1 containers (with its cores as the limit, each of these nodes
would show 3).
"""

from __future__ import annotations

import contextlib
import os
import signal
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import extra_node, pid_gone, wait_until

from grpo_rewards import Sample, Verdict, reward_funcs, score_samples
from grpo_rewards.data import read_records

pytestmark = [pytest.mark.slow, pytest.mark.docker]

ROOT = Path(__file__).resolve().parents[2]
LABEL = "grpo-rewards-sandbox"
OWNER_LABEL = "grpo-rewards-sandbox.owner"
SLEEPY = "```python\n# {tag}\nimport time\ntime.sleep(1)\nprint(int(input()) * {factor})\n```"


@pytest.fixture(scope="module")
def sandbox_nodes(ray_cluster: Any) -> Iterator[list[Any]]:
    with extra_node(ray_cluster, grpo_sandbox=1) as first, extra_node(ray_cluster, grpo_sandbox=1) as second:
        yield [first, second]


def _judged(verdicts: list[Verdict]) -> list[tuple[Any, ...]]:
    """What a verdict says about the model (the cache flag says where it was computed, so it is left out)."""
    return [(v.kind, v.score, v.reason, {k: x for k, x in v.details.items() if k != "cached"}) for v in verdicts]


def _sleepy_batch(groups: int, tag: str) -> list[Sample]:
    """Programs that sleep a second per test; each one's text is unique, so none is deduplicated or cached."""
    tests = [{"input": "2\n", "output": "4\n"}, {"input": "5\n", "output": "10\n"}]
    return [
        Sample(SLEEPY.format(tag=f"{tag} {g}", factor=factor), prompt=f"double the number ({g})", row={"tests": tests})
        for g in range(groups)
        for factor in (2, 3)
    ]


def _expected(samples: list[Sample]) -> list[str]:
    return ["correct" if "* 2" in s.completion else "incorrect" for s in samples]


class ContainerWatch:
    """Polls the Docker API: the most containers owned by ``owners`` (pids) seen at once, in all and per owner."""

    def __init__(self, owners: set[int]) -> None:
        import docker

        self.client = docker.from_env()
        self.owners = owners
        self.most = 0
        self.most_per_owner: dict[int, int] = {}
        self.looks = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> ContainerWatch:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _owners(self) -> list[int]:
        found = []
        for container in self.client.api.containers(filters={"label": LABEL}):  # one call: no race with removals
            owner = (container.get("Labels") or {}).get(OWNER_LABEL, "")
            pid = owner.split(":")[1] if owner.count(":") >= 2 else ""
            if pid.isdigit() and int(pid) in self.owners:
                found.append(int(pid))
        return found

    def _run(self) -> None:
        while not self._stop.is_set():
            owners = self._owners()
            self.most = max(self.most, len(owners))
            for pid in set(owners):
                self.most_per_owner[pid] = max(self.most_per_owner.get(pid, 0), owners.count(pid))
            self.looks += 1
            time.sleep(0.05)


def test_code_on_ray_equals_local_on_the_bundled_examples(sandbox_nodes, executor):
    rows = [row for _, row in read_records(ROOT / "examples" / "code.jsonl")]
    batch = {"prompts": [r["prompt"] for r in rows], "completions": [r["completion"] for r in rows]}
    batch["tests"] = [r.get("tests") for r in rows]
    [on_ray], _ = reward_funcs(["code"], executor=executor)
    [local], _ = reward_funcs(["code"], executor="local")
    assert on_ray(**batch) == local(**batch)
    assert set(executor.last_report.samples_per_node) == {n.node_id for n in sandbox_nodes}
    samples = [Sample(r["completion"], prompt=r["prompt"], row={"tests": r.get("tests")}) for r in rows]
    reward = on_ray.reward
    assert _judged(score_samples(reward, samples, executor=executor)) == _judged(score_samples(reward, samples, executor="local"))


def test_the_cluster_never_runs_more_sandbox_jobs_than_its_nodes_declare(sandbox_nodes, executor):
    [func], _ = reward_funcs(["code"], executor=executor)
    executor.start()
    actors = executor.fleet.members(sandbox=True)
    assert sorted(m.sandbox_slots for m in actors) == [1, 1]  # each node's cores would give 2 containers on its own
    samples = _sleepy_batch(groups=5, tag="limit")
    with ContainerWatch({m.pid for m in actors}) as watch:
        verdicts = score_samples(func.reward, samples, executor=executor)
    assert [v.kind for v in verdicts] == _expected(samples)
    seen = f"{watch.most_per_owner} containers per actor, {watch.most} in all, over {watch.looks} looks"
    assert set(watch.most_per_owner) == {m.pid for m in actors}, seen  # both nodes ran sandbox jobs
    assert max(watch.most_per_owner.values()) <= 1 + 1 and watch.most <= 2 + 2, seen  # slots + one spare per node


def test_a_sandbox_node_lost_mid_batch_leaves_the_batch_complete_and_right(ray_cluster, sandbox_nodes, executor):
    import ray

    [func], _ = reward_funcs(["code"], executor=executor)
    samples = _sleepy_batch(groups=6, tag="lost node")
    with extra_node(ray_cluster, grpo_sandbox=1) as victim:
        executor.start()
        member = next(m for m in executor.fleet.members(sandbox=True) if m.node_id == victim.node_id)
        out: dict[str, Any] = {}
        thread = threading.Thread(target=lambda: out.update(v=score_samples(func.reward, samples, executor=executor)))
        thread.start()
        wait_until(lambda: ray.get(member.actor.load.remote()) > 0, "the victim's actor to start its share")
        os.kill(member.pid, signal.SIGSTOP)  # its share can no longer finish, whatever the machine's speed
        ray_cluster.remove_node(victim, allow_graceful=False)
        with contextlib.suppress(ProcessLookupError):
            os.kill(member.pid, signal.SIGKILL)
        wait_until(lambda: pid_gone(member.pid), "the lost actor's process to end")
        thread.join()
    assert [v.kind for v in out["v"]] == _expected(samples)
    report = executor.last_report
    assert victim.node_id in report.lost_nodes and report.retried > 0 and report.worker_lost == 0
    assert set(report.samples_per_node) == {n.node_id for n in sandbox_nodes}
