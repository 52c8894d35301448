"""A real multi-node Ray cluster on this machine, on loopback only, shared by the Ray tests.

``ray.cluster_utils.Cluster`` starts a head and worker raylets here. With
``RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER=0`` every node and the driver use
127.0.0.1; the fixture checks that every node says so before any test runs.
Each node declares one CPU (so each node actor runs one worker) and a small
object store; tests that need more nodes add them and remove them again.
"""

from __future__ import annotations

import contextlib
import os
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

HERE = Path(__file__).resolve().parent
SUPPORT = HERE.parent / "support"
OBJECT_STORE = 80 * 1024 * 1024
NODE = {"num_cpus": 1, "object_store_memory": OBJECT_STORE}
HANG_GUARD = 300.0  # seconds: a wait that takes this long means something is broken (never a measure of speed)

sys.path.insert(0, str(HERE))


def _loopback_env() -> None:
    """Set before Ray is imported (it reads the flag at import) and before any raylet starts (they inherit it)."""
    os.environ["RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER"] = "0"  # every node and the driver on 127.0.0.1
    paths = [str(HERE), str(SUPPORT), *filter(None, os.environ.get("PYTHONPATH", "").split(os.pathsep))]
    os.environ["PYTHONPATH"] = os.pathsep.join(dict.fromkeys(paths))  # the nodes' workers import the test rewards


_loopback_env()


def assert_loopback(ray: Any, address: str) -> None:
    """Every node of the cluster, and the cluster's address, on 127.0.0.1."""
    assert address.startswith("127.0.0.1:"), address
    nodes = ray.nodes()
    assert nodes
    for node in nodes:
        assert node["NodeManagerAddress"] == "127.0.0.1", node
    assert ray.util.get_node_ip_address() == "127.0.0.1"


@pytest.fixture(scope="module")
def ray_cluster() -> Iterator[Any]:
    """A head and one worker node (one CPU each), the test process connected as a driver; gone after the module."""
    ray = pytest.importorskip("ray")
    from ray.cluster_utils import Cluster

    cluster = Cluster(initialize_head=True, head_node_args={**NODE, "include_dashboard": False})
    cluster.add_node(**NODE)
    cluster.wait_for_nodes()
    ray.init(address=cluster.address)
    try:
        assert_loopback(ray, cluster.address)
        yield cluster
    finally:
        _forget_ray()
        ray.shutdown()
        cluster.shutdown()


def _forget_ray() -> None:
    """Drop what this process kept of the cluster: the process-wide ray executor and the cluster's limiter."""
    from grpo_rewards import executors, limits

    executors._executors.pop("ray", None)
    limits.use(None)


def alive_node_ids(ray: Any) -> set[str]:
    return {n["NodeID"] for n in ray.nodes() if n["Alive"]}


@contextlib.contextmanager
def extra_node(cluster: Any, **resources: float) -> Iterator[Any]:
    """Add a node (one CPU, plus ``resources``) for one test; removed afterwards if still there."""
    node = cluster.add_node(**NODE, resources=dict(resources))
    cluster.wait_for_nodes()
    try:
        yield node
    finally:
        if node in cluster.worker_nodes:
            cluster.remove_node(node)


def wait_until(condition: Callable[[], bool], what: str) -> None:
    """Poll ``condition`` until it holds; fail after :data:`HANG_GUARD` seconds (a hang, not a slow machine)."""
    started = time.monotonic()
    while not condition():
        if time.monotonic() - started > HANG_GUARD:
            raise AssertionError(f"gave up waiting for {what}")
        time.sleep(0.05)


def pid_gone(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    with contextlib.suppress(ChildProcessError, OSError):
        os.waitpid(pid, os.WNOHANG)
    try:
        with open(f"/proc/{pid}/stat") as handle:
            return handle.read().split()[2] == "Z"  # a zombie has stopped running
    except OSError:
        return True


@pytest.fixture
def executor(ray_cluster: Any) -> Any:
    """A fresh Ray executor (its own fleet) on the session's cluster."""
    from grpo_rewards.executors.ray import RayExecutor

    return RayExecutor()
