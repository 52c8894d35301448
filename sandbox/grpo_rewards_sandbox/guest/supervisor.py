"""PID 1 of every sandbox container: takes jobs from the host and has each run by a fresh, unprivileged process.

Start-up, before a single byte from the host is read: fork the zygote (the
pristine fork server, :mod:`.zygote`), then become the supervisor principal
(its own uid, only ``CAP_KILL``, non-dumpable; see :mod:`.privileges`), record
its own invariants and the zygote's, and have the first job's processes made.

For each job it:

* hands the spec (program, arguments, limits) and stdin to the job process
  that is already waiting, on fresh pipes, and watches it from outside
  (:mod:`.jobwatch`): start, wall-clock deadline, output caps, exit;
* has the job's cleaner kill every process of the job at once, wipe the
  scratch space and remove IPC objects; reaps everything;
* checks that nothing is left, that its own invariants and the zygote's are
  unchanged and that the zygote answers, and replies;
* has the processes of the job after next made, off the critical path (two
  slots wait at any time; their ids differ from each other and from the
  running job's, so it cannot touch them).

Who is charged: a job that changed the supervisor's or the zygote's
invariants is charged (``runtime_error``, and the host recycles the
container); a job that could not start, or a zygote that stopped answering, is
our failure (the reply carries ``infra``: the host retries on a fresh
container and never reports it as the program's). Leftovers that could not be
cleaned, and timeouts, get the container recycled.

It installs no signal handlers, and no job can signal it anyway.
"""

from __future__ import annotations

import argparse
import collections
import os
import resource
import select
import signal
import sys
import time
from typing import Any

from . import codec, framing, invariants, privileges, scratch, zygote
from .jobwatch import watch
from .outcome import Outcome
from .slot import PendingSlot, Slot

__all__ = ["Supervisor", "judge", "main"]

REAP_SECONDS = 2.0
AHEAD = 2  # slots asked for ahead of time: the zygote forks one while a job runs, so no job waits for a fork


def main(argv: list[str] | None = None) -> None:
    args = _arguments(argv)
    ids = privileges.Ids(args.uid_base)
    maker = zygote.start(ids)  # first of all: the zygote never sees anything of a job
    channel_in, channel_out = _take_channel()
    _harden_self(ids)
    supervisor = Supervisor(ids, args.nproc, maker)
    while (request := framing.read_frame(channel_in)) is not None:
        op = request.get("op")
        if op == "hello":
            framing.write_frame(channel_out, supervisor.hello())
        elif op == "job":
            framing.write_frame(channel_out, supervisor.run(request))
            supervisor.prepare()
        elif op == "exit":
            break
        else:
            framing.write_frame(channel_out, {"op": "error", "reason": f"unknown op {op!r}"})


def _arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="supervisor")
    parser.add_argument("--uid-base", type=int, default=200_000, help="first id of this container's block")
    parser.add_argument("--nproc", type=int, default=64, help="processes and threads a job may have")
    return parser.parse_args(argv)


def _take_channel() -> tuple[int, int]:
    """Move the protocol off fds 0 and 1 (so nothing else writes there) and put /dev/null in their place."""
    channel_in, channel_out = os.dup(0), os.dup(1)
    null = os.open("/dev/null", os.O_RDWR)
    for fd in (0, 1):
        os.dup2(null, fd)
    os.close(null)
    return channel_in, channel_out


def _harden_self(ids: privileges.Ids) -> None:
    uid = ids.supervisor
    privileges.become((uid, uid, uid), (uid, uid, uid), keep=("KILL",))
    privileges.set_dumpable(0)
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    try:
        os.setsid()
    except OSError:
        pass  # already a session leader
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Python's KeyboardInterrupt handler must not fire in PID 1
    os.umask(0o077)


class Supervisor:
    """PID 1's state between jobs: the zygote, the next slot, and the baselines it checks against."""

    def __init__(self, ids: privileges.Ids, nproc: int, maker: zygote.ZygoteClient) -> None:
        self.ids, self.nproc, self.zygote = ids, nproc, maker
        self.slots: collections.deque[PendingSlot] = collections.deque()
        self.numbers = 0  # slots asked for so far (each takes the next pair of ids)
        self.baseline = invariants.snapshot()
        self.zygote_baseline = invariants.snapshot(maker.pid)
        self.fds = invariants.open_fds()
        self.prepare()

    def hello(self) -> dict[str, Any]:
        return {"op": "ready", "pid": os.getpid(), "python": sys.version.split()[0], "uid": self.ids.supervisor}

    def prepare(self) -> None:
        """Ask for slots ahead: the zygote forks them while the host reads our reply and the next job runs."""
        _reap_children(self.zygote.pid)  # the last cleaner, which exited after its report
        while len(self.slots) < AHEAD:
            try:
                self.slots.append(Slot.request(self.zygote, self._next_uid()))
            except OSError:
                return  # run() tries again and reports the failure

    def _next_uid(self) -> int:
        self.numbers += 1
        return self.ids.job(self.numbers)

    def run(self, request: dict[str, Any]) -> dict[str, Any]:
        """Run one job and return the reply frame."""
        slot = self._take_slot()
        if isinstance(slot, str):
            return _infra_reply(slot)
        limits = {**request["limits"], "nproc": self.nproc}
        spec = codec.encode(_spec(request, limits), framing.PROTOCOL_LIMITS)
        oom_before = _oom_kills()
        slot.watched = True
        outcome = watch(slot.job, {"spec": spec, "stdin": request.get("stdin", b"")}, limits, slot.kill, slot.clean)
        problems = slot.finish()
        outcome.oom_killed = _oom_kills() > oom_before
        slot.close()
        slot.release()
        problems += self._reap({slot.uid})  # the cleaner reported; it exits on its own and is reaped later
        return self._reply(outcome, request.get("mode"), problems)

    def _take_slot(self) -> Slot | str:
        """The oldest prepared slot whose job process is still waiting, else a new one."""
        try:
            while self.slots:
                slot = self.slots.popleft().collect()  # answers come in the order they were asked for
                if slot.alive():
                    return slot
                slot.discard()  # it died waiting (nothing of a job was in it)
                slot.release()
            return Slot.spawn(self.zygote, self._next_uid())
        except (OSError, codec.CodecError) as exc:
            return f"could not start a job process: {exc}"

    def _reap(self, uids: set[int]) -> list[str]:
        """Reap every orphan the job left; what is still there of its ``uids`` after the grace period."""
        deadline = time.monotonic() + REAP_SECONDS
        while True:
            _reap_children(self.zygote.pid)
            left = scratch.leftovers(uids)
            if not left or time.monotonic() > deadline or not any(p.startswith("processes") for p in left):
                return left
            time.sleep(0.002)

    def _verify(self) -> tuple[list[str], str]:
        """Changed invariants (the job's doing) and a lost zygote (ours), after a job."""
        changed = invariants.differences("the supervisor", self.baseline, invariants.snapshot())
        expected = self.fds + sum(pending.descriptors for pending in self.slots)
        if invariants.open_fds() != expected:
            changed.append(f"the supervisor holds {invariants.open_fds()} descriptors, not {expected}")
        if select.select([self.zygote.pidfd], [], [], 0)[0]:
            return changed, "the zygote died"
        try:
            changed += invariants.differences("the zygote", self.zygote_baseline, invariants.snapshot(self.zygote.pid))
        except OSError as exc:
            return changed, f"the zygote cannot be checked: {exc}"
        return changed, ""

    def _reply(self, outcome: Outcome, mode: Any, problems: list[str]) -> dict[str, Any]:
        changed, lost = self._verify()
        return judge(outcome, mode, changed=changed, lost=lost, problems=problems)


def judge(outcome: Outcome, mode: Any, *, changed: list[str], lost: str, problems: list[str]) -> dict[str, Any]:
    """The reply for a finished job: who is charged for what went wrong.

    ``changed``: invariants of the supervisor or the zygote that moved (the
    job's doing: charged to it). ``lost``: the zygote died or went silent, or
    the job never started (ours: infra). ``problems``: leftovers that could not
    be cleaned (the container is recycled; the job's own result stands).
    """
    if lost:
        return _infra_reply(lost)
    if not outcome.started:
        tail = outcome.stderr.data.decode("utf-8", "replace").strip().splitlines()[-1:]
        return _infra_reply("the job could not start" + (f": {tail[0][:300]}" if tail else ""))
    status, reason = outcome.classify(mode)
    if changed:
        status, reason = "runtime_error", "the program tampered with the sandbox: " + "; ".join(changed)[:500]
    broken = changed + problems
    return _result(outcome, status, reason, recycle=bool(broken) or status == "timeout", broken="; ".join(broken))


def _spec(request: dict[str, Any], limits: dict[str, Any]) -> dict[str, Any]:
    spec = {"mode": request["mode"], "program": request["program"], "limits": limits}
    spec["launcher"] = request.get("launcher", "fork")
    if request["mode"] == "call":
        spec.update(function=request.get("function") or "", args=request.get("args", b""))
    return spec


def _reap_children(keep: int) -> None:
    """Reap every exited child but ``keep`` (the zygote, whose death _verify reports)."""
    while True:
        try:
            info = os.waitid(os.P_ALL, 0, os.WEXITED | os.WNOHANG | os.WNOWAIT)
        except ChildProcessError:
            return
        if info is None or info.si_pid == keep:
            return
        os.waitpid(info.si_pid, 0)


def _oom_kills() -> int:
    for path in ("/sys/fs/cgroup/memory.events", "/sys/fs/cgroup/memory/memory.oom_control"):
        try:
            with open(path) as handle:
                for line in handle:
                    key, _, value = line.partition(" ")
                    if key == "oom_kill":
                        return int(value)
        except OSError:
            continue
    return 0


def _result(outcome: Outcome, status: str, reason: str, *, recycle: bool, broken: str) -> dict[str, Any]:
    return {
        "op": "result",
        "status": status,
        "reason": reason,
        "exit_code": outcome.exit_code,
        "signal": outcome.signal,
        "wall": outcome.wall,
        "cpu": outcome.cpu,
        "peak_kb": outcome.peak_kb,
        "stdout": outcome.stdout.data,
        "stderr": outcome.stderr.data,
        "stdout_truncated": outcome.stdout.truncated,
        "stderr_truncated": outcome.stderr.truncated,
        "value": outcome.returned,
        "exception": outcome.exception,
        "recycle": recycle,
        "broken": broken,
        "infra": "",
    }


def _infra_reply(why: str) -> dict[str, Any]:
    """Our failure, not the program's: the host retries on a fresh container."""
    from .outcome import Capture, report_reader

    empty = Outcome(Capture(0), Capture(0), report_reader(0))
    reply = _result(empty, "runtime_error", why, recycle=True, broken=why)
    reply["infra"] = why
    return reply


if __name__ == "__main__":
    main()
