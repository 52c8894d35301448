"""PID 1 of every sandbox container: takes jobs from the host and has each run by a fresh, unprivileged process.

Start-up, before a single byte from the host is read: fork the zygote (the
pristine fork server, :mod:`.zygote`), then become the supervisor principal
(its own uid, only ``CAP_KILL``, non-dumpable; see :mod:`.privileges`), record
its own invariants and the zygote's, and have the first jobs' processes made.

For each job it:

* writes the program into the job directory (its own, open to the job; a
  compiled program is linked from its store, see :mod:`.handover`), hands
  the spec (limits, arguments) and stdin to the job process that is already
  waiting, on fresh pipes, and watches it from outside (:mod:`.jobwatch`):
  deadline, output caps, exit; when the main process ends it kills the job's
  whole process group at once;
* checks that its own invariants and the zygote's are unchanged and that the
  zygote answers, keeps a compile job's outputs, and replies;
* only then, before it reads the next request, makes sure nothing of the job
  is left (:mod:`.cleanup`): reaps, removes the job's files (with a cleaner
  process only when the job left any PID 1 may not remove), checks;
* has the processes of the job after next made, off the critical path (two
  slots wait at any time; their ids differ from each other and from the
  running job's, so it cannot touch them).

The order is for speed on a busy machine: every hand-off between processes
costs a scheduling delay, so the reply waits for none it does not need.

Who is charged: a job that changed the supervisor's or the zygote's
invariants is charged (``runtime_error``, and the host recycles the
container); a job that could not start, or a zygote that stopped answering, is
our failure (the reply carries ``infra``: the host retries on a fresh
container and never reports it as the program's). Timeouts get the container
recycled; so do leftovers that could not be cleaned, found after the reply:
PID 1 then answers the next request with ``infra`` (retried elsewhere, never
charged to that next job), which also gets the container recycled.

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
from typing import Any

from . import cleanup, codec, framing, handover, invariants, privileges, store, zygote
from .jobwatch import watch
from .outcome import Outcome
from .slot import PendingSlot, Slot

__all__ = ["Supervisor", "judge", "main"]

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
            supervisor.clean_up()
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
    """PID 1's state between jobs: the zygote, the next slots, and the baselines it checks against."""

    def __init__(self, ids: privileges.Ids, nproc: int, maker: zygote.ZygoteClient) -> None:
        self.ids, self.nproc, self.zygote = ids, nproc, maker
        self.slots: collections.deque[PendingSlot | Slot] = collections.deque()
        self.numbers = 0  # slots asked for so far (each takes the next pair of ids)
        self.finished: Slot | None = None  # the last job, until it is cleaned up
        self.unusable = ""  # why the container must not run another job
        self.baseline = invariants.snapshot()
        self.zygote_baseline = invariants.snapshot(maker.pid)
        self.fds = invariants.open_fds()
        self.prepare()

    def hello(self) -> dict[str, Any]:
        return {"op": "ready", "pid": os.getpid(), "python": sys.version.split()[0], "uid": self.ids.supervisor}

    def prepare(self) -> None:
        """Ask for slots ahead: the zygote forks them while the host reads our reply and the next job runs."""
        while len(self.slots) < AHEAD:
            try:
                self.slots.append(Slot.request(self.zygote, self._next_uid()))
            except OSError:
                return  # run() tries again and reports the failure

    def _next_uid(self) -> int:
        self.numbers += 1
        return self.ids.job(self.numbers)

    def run(self, request: dict[str, Any]) -> dict[str, Any]:
        """Run one job and return the reply frame (what is left of it is cleaned up after the reply)."""
        if self.unusable:
            return _infra_reply(self.unusable)
        slot = self._take_slot()
        if isinstance(slot, str):
            return _infra_reply(slot)
        self.finished = slot
        limits = {**request["limits"], "nproc": self.nproc}
        try:
            spec = codec.encode(handover.spec(request, limits), framing.PROTOCOL_LIMITS)
        except (OSError, codec.CodecError, handover.HandoverError) as exc:
            return _infra_reply(f"could not hand the job over: {type(exc).__name__}: {exc}")
        oom_before = _oom_kills()
        slot.watched = True
        outcome = watch(slot.job, {"spec": spec, "stdin": request.get("stdin", b"")}, limits, slot.kill, slot.kill)
        slot.reaped = True
        slot.release()
        outcome.oom_killed = _oom_kills() > oom_before
        reply = self._reply(outcome, request.get("mode"), [])
        if not reply["infra"]:
            try:
                reply["artifact"], reply["artifact_error"] = handover.collect(request, reply["status"] == "ok")
            except handover.HandoverError as exc:
                return _infra_reply(f"could not keep the compiled program: {exc}")
        return reply

    def clean_up(self) -> None:
        """After the reply: nothing of the last job may be left when the next one starts (see :mod:`.cleanup`)."""
        slot, self.finished = self.finished, None
        if slot is None:
            return
        if not slot.reaped:  # it never ran: retire its process
            slot.discard()
        problems = cleanup.clean_up(slot.uid, self.zygote.pid, self._spawn_cleaner)
        try:
            store.unlink()
        except OSError as exc:
            problems.append(f"could not take the compiled program back: {exc}")
        if problems and not self.unusable:
            self.unusable = "the last job left what could not be cleaned: " + "; ".join(problems)[:500]

    def _spawn_cleaner(self, uid: int, report: int) -> int:
        """Fork a cleaner for ``uid`` on the ``report`` pipe (the slots asked for earlier are collected first)."""
        self.slots = collections.deque(_collected(slot) for slot in self.slots)
        self.zygote.request("cleaner", uid, [report])
        return self.zygote.answer()

    def _take_slot(self) -> Slot | str:
        """The oldest prepared slot whose job process is still waiting, else a new one."""
        try:
            while self.slots:
                slot = _collected(self.slots.popleft())  # answers come in the order they were asked for
                if slot.alive():
                    return slot
                slot.discard()  # it died waiting (nothing of a job was in it)
            return Slot.spawn(self.zygote, self._next_uid())
        except (OSError, codec.CodecError) as exc:
            return f"could not start a job process: {exc}"

    def _verify(self) -> tuple[list[str], str]:
        """Changed invariants (the job's doing) and a lost zygote (ours), after a job."""
        changed = invariants.differences("the supervisor", self.baseline, invariants.snapshot())
        expected = self.fds + sum(_descriptors(slot) for slot in self.slots)
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
    if outcome.exec_failed:
        return _infra_reply(f"the job could not start: {outcome.exec_failed[:300]}")
    status, reason = outcome.classify(mode)
    if changed:
        status, reason = "runtime_error", "the program tampered with the sandbox: " + "; ".join(changed)[:500]
    broken = changed + problems
    return _result(outcome, status, reason, recycle=bool(broken) or status == "timeout", broken="; ".join(broken))


def _collected(slot: PendingSlot | Slot) -> Slot:
    return slot.collect() if isinstance(slot, PendingSlot) else slot


def _descriptors(slot: PendingSlot | Slot) -> int:
    """How many descriptors PID 1 holds for a slot that waits."""
    return len(slot.pipes) if isinstance(slot, PendingSlot) else len(slot.job.pipes) + 1  # and its pidfd


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
        "artifact": None,
        "artifact_error": "",
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
