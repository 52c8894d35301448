#!/usr/bin/env python3
"""Write the sandbox's seccomp profile from Docker's default one.

    python3 sandbox/scripts/make-seccomp-profile.py DOCKER_DEFAULT_JSON > sandbox/grpo_rewards_sandbox/seccomp.json

DOCKER_DEFAULT_JSON is moby's ``profiles/seccomp/default.json`` (Debian ships
it in ``golang-github-docker-docker-dev``, under
``/usr/share/gocode/src/github.com/docker/docker/``; the committed profile was
made from 20.10.24). The result is Docker's default resolved for the
sandbox's fixed capability set (SETUID, SETGID, SETPCAP, KILL: rules that need
any other capability are dropped, rules excluded by them are kept
unconditionally), with these system calls refused outright:

* io_uring (``io_uring_setup``, ``io_uring_enter``, ``io_uring_register``): a
  large kernel surface that the default allows;
* ``userfaultfd``, ``perf_event_open``, ``bpf``;
* the keyring (``keyctl``, ``add_key``, ``request_key``);
* namespace creation: ``unshare`` and ``setns``; ``clone`` only without any
  namespace flag; ``clone3`` answers ENOSYS, so the C library falls back to
  ``clone``, whose flags the filter can see.
"""

from __future__ import annotations

import json
import sys

CAPABILITIES = {"CAP_SETUID", "CAP_SETGID", "CAP_SETPCAP", "CAP_KILL"}
EPERM, ENOSYS = 1, 38
REFUSED = [
    "io_uring_setup",
    "io_uring_enter",
    "io_uring_register",
    "userfaultfd",
    "perf_event_open",
    "bpf",
    "keyctl",
    "add_key",
    "request_key",
    "unshare",
    "setns",
]
# CLONE_NEWNS | CLONE_NEWCGROUP | CLONE_NEWUTS | CLONE_NEWIPC | CLONE_NEWUSER | CLONE_NEWPID | CLONE_NEWNET
NAMESPACE_FLAGS = 0x7E020000


def _applies(rule: dict) -> bool:
    """Whether Docker would keep ``rule`` for a container with exactly our capabilities."""
    needs = set(rule.get("includes", {}).get("caps", []))
    excluded_by = set(rule.get("excludes", {}).get("caps", []))
    return needs <= CAPABILITIES and not (excluded_by & CAPABILITIES)


def _resolved(rule: dict) -> dict:
    kept = {key: value for key, value in rule.items() if key not in ("includes", "excludes", "comment")}
    for key in ("includes", "excludes"):
        rest = {name: value for name, value in rule.get(key, {}).items() if name != "caps"}
        if rest:
            kept[key] = rest
    return kept


def profile(default: dict) -> dict:
    rules = []
    for rule in default["syscalls"]:
        if not _applies(rule) or "clone" in rule["names"] or "clone3" in rule["names"]:
            continue
        rule = _resolved(rule)
        names = [name for name in rule["names"] if name not in REFUSED]
        if names:
            rules.append({**rule, "names": names})
    s390 = {"arches": ["s390", "s390x"]}  # where clone's flags are its second argument
    rules.append({"names": ["clone"], "action": "SCMP_ACT_ALLOW", "args": [_no_namespaces(0)], "excludes": s390})
    rules.append({"names": ["clone"], "action": "SCMP_ACT_ALLOW", "args": [_no_namespaces(1)], "includes": s390})
    rules.append({"names": ["clone3"], "action": "SCMP_ACT_ERRNO", "errnoRet": ENOSYS})
    rules.append({"names": REFUSED, "action": "SCMP_ACT_ERRNO", "errnoRet": EPERM})
    return {
        "comment": "grpo-rewards sandbox: Docker 20.10.24's default profile for CAP_SETUID/SETGID/SETPCAP/KILL, "
        "minus io_uring, userfaultfd, perf_event_open, bpf, the keyring and namespace creation. "
        "Made by sandbox/scripts/make-seccomp-profile.py; do not edit by hand.",
        "defaultAction": default["defaultAction"],
        "defaultErrnoRet": EPERM,
        "archMap": default["archMap"],
        "syscalls": rules,
    }


def _no_namespaces(index: int) -> dict:
    return {"index": index, "value": NAMESPACE_FLAGS, "valueTwo": 0, "op": "SCMP_CMP_MASKED_EQ"}


def main() -> None:
    with open(sys.argv[1]) as handle:
        default = json.load(handle)
    json.dump(profile(default), sys.stdout, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
