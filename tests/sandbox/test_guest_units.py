"""The guest's pieces on their own (no Docker): the seccomp profile, the job's filter, bounded parsing, charging."""

from __future__ import annotations

import contextlib
import errno
import importlib.util
import json
import struct
import subprocess
import sys
from pathlib import Path

import pytest
from grpo_rewards_sandbox.docker_backend import DockerBackend, seccomp_profile
from grpo_rewards_sandbox.guest import framing, invariants, jobfilter, supervisor
from grpo_rewards_sandbox.guest.outcome import Capture, Outcome, report_reader

SCRIPT = Path(__file__).resolve().parents[2] / "sandbox" / "scripts" / "make-seccomp-profile.py"
REFUSED = {"io_uring_setup", "io_uring_enter", "io_uring_register", "userfaultfd", "perf_event_open", "bpf"}
REFUSED |= {"keyctl", "add_key", "request_key", "unshare", "setns", "mount"}


# -- the seccomp profile kept in the repo ---------------------------------------------------------


def test_the_profile_allows_none_of_the_refused_calls_and_clone_only_without_namespaces():
    profile = json.loads(seccomp_profile())
    allowed = [rule for rule in profile["syscalls"] if rule["action"] == "SCMP_ACT_ALLOW"]
    assert not REFUSED & {name for rule in allowed for name in rule["names"]}
    assert profile["defaultAction"] == "SCMP_ACT_ERRNO" and profile["defaultErrnoRet"] == errno.EPERM
    clones = [rule for rule in allowed if "clone" in rule["names"]]
    assert clones and all(rule["names"] == ["clone"] and rule["args"][0]["value"] == 0x7E020000 for rule in clones)
    clone3 = [rule for rule in profile["syscalls"] if "clone3" in rule["names"]]
    assert clone3 == [{"names": ["clone3"], "action": "SCMP_ACT_ERRNO", "errnoRet": errno.ENOSYS}]
    assert not any("caps" in rule.get("includes", {}) or "caps" in rule.get("excludes", {}) for rule in profile["syscalls"])
    assert {"read", "write", "execve", "setresuid", "capset", "pidfd_open"} <= {n for rule in allowed for n in rule["names"]}


def test_the_generator_refuses_what_the_default_allows():
    spec = importlib.util.spec_from_file_location("make_seccomp_profile", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    default = {
        "defaultAction": "SCMP_ACT_ERRNO",
        "archMap": [],
        "syscalls": [
            {"names": ["read", "io_uring_setup", "keyctl"], "action": "SCMP_ACT_ALLOW", "args": []},
            {"names": ["unshare", "bpf"], "action": "SCMP_ACT_ALLOW", "includes": {"caps": ["CAP_SYS_ADMIN"]}},
            {"names": ["clone"], "action": "SCMP_ACT_ALLOW", "excludes": {"caps": ["CAP_SYS_ADMIN"]}},
        ],
    }
    made = module.profile(default)
    allowed = {name for rule in made["syscalls"] if rule["action"] == "SCMP_ACT_ALLOW" for name in rule["names"]}
    assert "read" in allowed and not allowed & {"io_uring_setup", "keyctl", "unshare", "bpf"}
    assert all(rule.get("args") for rule in made["syscalls"] if rule["names"] == ["clone"])


def test_the_executor_loads_the_profile():
    _, host = DockerBackend(image="x", client=object()).container_options()
    assert f"seccomp={seccomp_profile()}" in host["security_opt"] and "no-new-privileges:true" in host["security_opt"]
    assert host["cap_drop"] == ["ALL"] and sorted(host["cap_add"]) == ["KILL", "SETGID", "SETPCAP", "SETUID"]


# -- the job's own seccomp layer, loaded in a child of this test ---------------------------------

FILTERED = """
import ctypes, json, os, sys
sys.path.insert(0, {guest!r})
from grpo_rewards_sandbox.guest import jobfilter
jobfilter.install()
out = {{}}
for name, call in (("setgid", lambda: os.setgid(os.getgid())), ("setresuid", lambda: os.setresuid(-1, -1, -1)),
                   ("setgroups", lambda: os.setgroups([]))):
    try:
        call()
        out[name] = "DONE"
    except OSError as exc:
        out[name] = exc.errno
libc = ctypes.CDLL(None, use_errno=True)
out["dumpable"] = ctypes.get_errno() if libc.prctl(4, 1, 0, 0, 0) else "DONE"
out["pid"] = os.getpid() > 0 and os.getppid() > 0
out["exec"] = os.system("exit 3") >> 8
print(json.dumps(out))
"""


@pytest.mark.skipif(not jobfilter.supported(), reason="the job filter has numbers for x86_64 and aarch64 only")
def test_the_job_filter_refuses_id_changes_and_dumpability_and_nothing_else():
    guest = str(Path(jobfilter.__file__).resolve().parents[2])
    done = subprocess.run([sys.executable, "-c", FILTERED.format(guest=guest)], capture_output=True, text=True, check=True)
    out = json.loads(done.stdout)
    assert out == {"setgid": errno.EPERM, "setresuid": errno.EPERM, "setgroups": errno.EPERM, "dumpable": errno.EPERM,
                   "pid": True, "exec": 3}  # fmt: skip


def test_the_job_filter_jumps_land_inside_the_program():
    for machine in ("x86_64", "aarch64"):
        code = [struct.unpack("=HBBI", instruction) for instruction in jobfilter.program(machine)]
        for index, (kind, jt, jf, _) in enumerate(code):
            if kind & 0x07 == 0x05:  # a jump
                assert index + 1 + max(jt, jf) < len(code)
        assert code[-1][0] == code[-2][0] == 0x06  # ends in returns


# -- bounded, linear parsing of the report channel ----------------------------------------------


def _nothing():
    return contextlib.nullcontext()


def frame(body: bytes) -> bytes:
    return len(body).to_bytes(4, "big") + body


def test_frame_reader_keeps_the_last_frame_and_counts_bytes_split_anywhere():
    reader = framing.FrameReader(max_frames=3, max_frame=10, max_total=100)
    data = frame(b"first") + frame(b"") + frame(b"last")
    for byte in data:
        reader.feed(bytes([byte]))
    assert (reader.last, reader.frames, reader.total) == (b"last", 3, len(data))


@pytest.mark.parametrize(
    "data, bound",
    [
        (frame(b"") * 4, "frames"),
        ((11).to_bytes(4, "big"), "limit 10"),
        (frame(b"x" * 10) * 3, "bytes"),
    ],
)
def test_frame_reader_refuses_past_each_bound(data, bound):
    reader = framing.FrameReader(max_frames=3, max_frame=10, max_total=30)
    with pytest.raises(framing.FrameError, match=bound):
        reader.feed(data)


def test_frame_reader_stops_a_flood_at_its_bound_whatever_its_size():
    for count in (5, 1_000_000):
        reader = framing.FrameReader(max_frames=8, max_frame=16, max_total=1024)
        data = frame(b"") * count
        with pytest.raises(framing.FrameError) if count > 8 else _nothing():
            for start in range(0, len(data), 4096):
                reader.feed(data[start : start + 4096])
        assert reader.total <= 4096 + 1024 and reader.frames <= 9  # one pass, and it stops early


# -- who is charged ------------------------------------------------------------------------------


def _outcome(started: bool = True, exit_code: int = 0) -> Outcome:
    outcome = Outcome(Capture(100), Capture(100), report_reader(100), started=started, exit_code=exit_code)
    outcome.stdout.add(b"42\n")
    return outcome


def test_a_job_that_changed_the_supervisor_is_charged_and_the_container_recycled():
    reply = supervisor.judge(_outcome(), "run", changed=["the supervisor's RLIMIT_DATA changed"], lost="", problems=[])
    assert (reply["status"], reply["recycle"], reply["infra"]) == ("runtime_error", True, "")
    assert "tampered" in reply["reason"] and "RLIMIT_DATA" in reply["broken"]


def test_our_failures_are_infra_never_the_programs():
    for reply in (
        supervisor.judge(_outcome(), "run", changed=[], lost="the zygote died", problems=[]),
        supervisor.judge(_outcome(started=False, exit_code=70), "run", changed=[], lost="", problems=[]),
    ):
        assert reply["infra"] and reply["recycle"] and reply["stdout"] == b""


def test_leftovers_recycle_without_charging_and_a_clean_job_keeps_its_container():
    leftover = supervisor.judge(_outcome(), "run", changed=[], lost="", problems=["could not wipe /tmp"])
    assert (leftover["status"], leftover["recycle"], leftover["stdout"]) == ("ok", True, b"42\n")
    clean = supervisor.judge(_outcome(), "run", changed=[], lost="", problems=[])
    assert (clean["status"], clean["recycle"], clean["broken"]) == ("ok", False, "")


def test_invariant_differences_name_what_moved():
    before = {"limits": {"RLIMIT_DATA": [1, 2]}, "oom_score_adj": "0"}
    after = {"limits": {"RLIMIT_DATA": [1, 1]}, "oom_score_adj": "0"}
    assert invariants.differences("the zygote", before, after) == ["the zygote's RLIMIT_DATA changed from [1, 2] to [1, 1]"]
    assert invariants.differences("the zygote", before, before) == []
    assert set(invariants.snapshot()) >= {"identity", "limits", "oom_score_adj", "proc owner", "nice", "affinity"}
