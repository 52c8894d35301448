"""Many ranks, one node: two real training ranks on the CPU share one scoring service.

``accelerate launch --multi_gpu --num_processes 2`` (torchrun underneath; on a
machine without GPUs the ranks train on the CPU over gloo) runs two TRL GRPO
ranks. With ``reward_service=auto`` they find ``LOCAL_WORLD_SIZE=2`` and score
through one per-node service: one worker pool and one set of sandbox
containers on the host, and every score each rank got is the score the
in-process rewards give the same completions.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import grpo_rewards

pytestmark = [pytest.mark.slow, pytest.mark.docker]
pytest.importorskip("trl")
pytest.importorskip("accelerate")
SUPPORT = Path(__file__).resolve().parents[1] / "support"


def _accelerate() -> str:
    found = shutil.which("accelerate", path=os.path.dirname(sys.executable)) or shutil.which("accelerate")
    if found is None:
        pytest.skip("accelerate's launcher is not installed")
    return found


@pytest.fixture
def code_dataset(write_rows):
    rows = [{"question": f"{a}+3=", "answer": str(a + 3), "tests": [{"input": "", "output": str(a + 3)}]} for a in range(8)]
    return write_rows("data.jsonl", rows)


def _launch(config: dict, prefix: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    command = [_accelerate(), "launch", "--multi_gpu", "--num_processes", "2", "--num_machines", "1"]
    command += ["--mixed_precision", "no", "--dynamo_backend", "no", "--main_process_port", "0"]
    command += [str(SUPPORT / "rank_train.py"), json.dumps(config), str(prefix)]
    return subprocess.run(command, env=env, capture_output=True, text=True, timeout=1200)


def test_two_ranks_share_one_pool_and_one_set_of_sandbox_containers(cpu_config, code_dataset, tmp_path, plugin_manager):
    runtime = tmp_path / "runtime"
    runtime.mkdir(mode=0o700)
    env = {**os.environ, "GRPO_REWARDS_RUNTIME_DIR": str(runtime), "GRPO_REWARDS_WORKERS": "2", "OMP_NUM_THREADS": "1"}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(SUPPORT), env.get("PYTHONPATH")]))
    config = cpu_config(dataset=str(code_dataset), rewards=["math", "format:0.2", "code:0.5"]).to_dict()
    done = _launch(config, tmp_path / "rank", env)
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-8000:]
    ranks = [json.loads((tmp_path / f"rank.{r}.json").read_text()) for r in (0, 1)]

    services = {r["service"]["pid"] for r in ranks}
    assert len(services) == 1  # one service for the host
    service = ranks[0]["service"]
    assert service["pid"] not in {r["pid"] for r in ranks}
    assert service["pool"]["workers"] == 2  # one worker pool, in the service ...
    assert not any(r["local_pool"] for r in ranks)  # ... and none in either rank
    assert all(r["funcs"] == ["RemoteRewardFunction"] * 3 for r in ranks)
    assert {f"pid={r['pid']} rank={r['rank']}" for r in ranks} <= set(ranks[1]["service"]["clients"])

    owners = [owner.split(":")[1] for r in ranks for owner in r["sandbox_owners"]]
    assert str(service["pid"]) in owners  # the code reward's sandbox runs in the service ...
    assert not {str(r["pid"]) for r in ranks} & set(owners)  # ... and no rank started containers of its own
    assert service["preflight"]["code"]["ok"], service["preflight"]

    local, _ = grpo_rewards.reward_funcs(["math", "format:0.2", "code:0.5"])
    by_name = {f.__name__: f for f in local}
    from rank_train import PROBE

    expected = {"math": [1.0, 0.0, 1.0, 0.0], "format": [1.0, 1.0, 1.0, 1.0], "code": [0.0, 0.0, 1.0, 0.0]}
    for name, func in by_name.items():
        assert func(**PROBE) == expected[name], name  # what the probe is known to score, in this process
    for rank in ranks:
        assert rank["probes"] == expected, rank["rank"]
        assert len(rank["steps"]) == 2
        assert {c["reward"] for c in rank["calls"]} == {"math", "format", "code"}
        for call in rank["calls"]:
            assert call["scores"] == by_name[call["reward"]](**call["kwargs"]), (rank["rank"], call["reward"])
            assert None not in call["scores"]  # every completion was judged, none lost to an outage
