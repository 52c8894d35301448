"""One service per host shared by every rank (``grpo_rewards.serve.node``): starting, sharing, losing it."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import textwrap
import time

import grpo_serve_rewards
import pytest

from grpo_rewards import RewardError, ServiceUnavailable
from grpo_rewards.serve.node import NodeService

RANK = textwrap.dedent(
    """
    import json, os, sys
    from grpo_rewards.serve.node import NodeService
    service = NodeService(["echo"], directory=sys.argv[1], idle_exit=2)
    health = service.ensure()
    (func,), _ = service.reward_funcs()
    scores = func(prompts=["p"] * 3, completions=["a", "b", "a"], answer=["a"] * 3)
    print(json.dumps({"service": health["pid"], "scores": scores}), flush=True)
    """
)


@pytest.fixture
def node(monkeypatch, service_env, tmp_path, register_plugin):
    """A directory for sockets, this process set up like a rank (the test rewards installed), services killed after."""
    for key in ("PYTHONPATH", "GRPO_REWARDS_PLUGINS", "GRPO_REWARDS_WORKERS"):
        monkeypatch.setenv(key, service_env[key])
    register_plugin(grpo_serve_rewards, name="grpo-serve-test")
    directory = tmp_path / "run"
    directory.mkdir(mode=0o700)
    yield directory
    for pid in _service_pids(directory):
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass


def _service_pids(directory) -> list[int]:
    pids = []
    for log in directory.glob("*.log"):
        pids += [int(line.rsplit("(pid ", 1)[1].rstrip(")")) for line in log.read_text().splitlines() if "(pid " in line]
    return pids


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return not open(f"/proc/{pid}/stat").read().split(")")[-1].split()[0] == "Z"


def _rank(directory, env=None) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-c", RANK, str(directory)], stdout=subprocess.PIPE, text=True, env=env)


def test_ranks_started_together_share_one_service(node):
    ranks = [_rank(node) for _ in range(3)]
    outputs = [json.loads(rank.communicate(timeout=240)[0]) for rank in ranks]
    assert all(rank.returncode == 0 for rank in ranks)
    assert len({o["service"] for o in outputs}) == 1
    assert all(o["scores"] == [1.0, 0.0, 1.0] for o in outputs)
    assert len(_service_pids(node)) == 1  # one service started, ever


def test_a_rank_that_dies_while_starting_the_service_leaves_it_to_the_others(node):
    starter = textwrap.dedent(
        """
        import os, signal, sys
        from grpo_rewards.serve.node import NodeService
        service = NodeService(["echo"], directory=sys.argv[1])
        service._hold_lease()
        with service._start_lock():
            service._spawn()
            os.kill(os.getpid(), signal.SIGKILL)  # dies before the service answers, holding the start lock
        """
    )
    subprocess.run([sys.executable, "-c", starter, str(node)], timeout=120)
    output = json.loads(_rank(node).communicate(timeout=240)[0])
    assert output["scores"] == [1.0, 0.0, 1.0]
    assert _service_pids(node) == [output["service"]]  # the dead rank's service, not a second one


def test_a_rank_that_dies_holding_the_start_lock_blocks_no_one(node):
    holder = textwrap.dedent(
        """
        import os, signal, sys
        from grpo_rewards.serve.node import NodeService
        service = NodeService(["echo"], directory=sys.argv[1])
        with service._start_lock():
            os.kill(os.getpid(), signal.SIGKILL)
        """
    )
    subprocess.run([sys.executable, "-c", holder, str(node)], timeout=120)
    assert json.loads(_rank(node).communicate(timeout=240)[0])["scores"] == [1.0, 0.0, 1.0]


def test_a_stale_socket_file_is_replaced(node):
    service = NodeService(["echo"], directory=node)
    stale = socket.socket(socket.AF_UNIX)
    stale.bind(str(service.socket))
    stale.close()  # the file stays, nothing listens: what a service killed with SIGKILL leaves
    assert service.socket.exists()
    health = service.ensure()
    assert health["status"] == "ok"
    (func,), _ = service.reward_funcs()
    assert func(prompts=["p"], completions=["a"], answer=["a"]) == [1.0]


def test_a_killed_service_makes_the_call_unverifiable_and_the_next_call_starts_it_again(node):
    service = NodeService(["echo"], directory=node)
    first = service.ensure()["pid"]
    (func,), _ = service.reward_funcs()
    os.kill(first, signal.SIGKILL)
    assert func(prompts=["p"] * 2, completions=["a", "b"], answer=["a", "a"]) == [None, None]
    assert dict(func.last_stats.unverifiable) == {"service_unavailable": 2}
    assert func(prompts=["p"] * 2, completions=["a", "b"], answer=["a", "a"]) == [1.0, 0.0]
    second = service.ensure()["pid"]
    assert second != first and service.restarts == 2


def test_a_service_that_stays_down_stops_training_loudly(node):
    service = NodeService(["echo"], directory=node, restarts=0)
    pid = service.ensure()["pid"]
    (func,), _ = service.reward_funcs(abort_after=2)
    os.kill(pid, signal.SIGKILL)
    assert func(prompts=["p"], completions=["a"], answer=["a"]) == [None]
    with pytest.raises(RewardError, match="2 batches in a row \\(service_unavailable x1\\)"):
        func(prompts=["p"], completions=["a"], answer=["a"])


def test_the_service_exits_once_no_rank_holds_a_lease(node):
    service = NodeService(["echo"], directory=node, idle_exit=1)
    pid = service.ensure()["pid"]
    time.sleep(3)
    assert _alive(pid)  # this process still holds its lease
    service.release()
    ends = time.monotonic() + 60
    while _alive(pid) and time.monotonic() < ends:
        time.sleep(0.2)
    assert not _alive(pid)
    assert not service.socket.exists()


def _hold(path, kind) -> int:
    import fcntl

    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    fcntl.flock(fd, kind | fcntl.LOCK_NB)
    return fd


def test_a_process_holding_the_lease_exclusively_is_an_outage_naming_it_not_a_hung_rank(node):
    import fcntl

    service = NodeService(["echo"], directory=node, start_timeout=1)
    fd = _hold(f"{service.socket}.lease", fcntl.LOCK_EX)  # what no rank does: a foreign process, or one stopped mid-check
    try:
        with pytest.raises(ServiceUnavailable, match=r"\.lease exclusively for too long; find it with `fuser"):
            service.ensure()
    finally:
        os.close(fd)
    service.start_timeout = 180
    assert service.ensure()["status"] == "ok"  # once it lets go, the rank starts the service as usual


def test_a_process_holding_the_owner_lock_without_serving_is_named_when_the_start_times_out(node):
    import fcntl

    service = NodeService(["echo"], directory=node, start_timeout=2)
    fd = _hold(f"{service.socket}.owner", fcntl.LOCK_EX)
    try:
        with pytest.raises(ServiceUnavailable, match=r"did not answer within 2s; a process holds .*\.owner without answering"):
            service.ensure()
    finally:
        os.close(fd)
    assert not list(node.glob("*.log"))  # no service was started beside the one that seems to own the socket


def test_the_socket_is_private_to_its_owner(node):
    service = NodeService(["echo"], directory=node)
    service.ensure()
    assert service.socket.stat().st_mode & 0o777 == 0o600
    node.chmod(0o755)
    env = {**os.environ, "GRPO_REWARDS_RUNTIME_DIR": str(node)}
    check = "from grpo_rewards.serve.node import runtime_dir; runtime_dir()"
    result = subprocess.run([sys.executable, "-c", check], env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode != 0 and "must belong to you and be private (mode 0700)" in result.stderr


def test_a_file_that_is_not_a_socket_at_the_socket_path_is_named_and_left_alone(node):
    service = NodeService(["echo"], directory=node, start_timeout=120)
    service.socket.write_text("someone's file")
    with pytest.raises(
        ServiceUnavailable, match=r"exited with status 2 while starting:\n.*exists and is not a socket: remove it"
    ):
        service.ensure()
    assert service.socket.read_text() == "someone's file"  # not removed by the service that refused it
