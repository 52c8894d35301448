"""The trusted test harness: runs a dataset's test program in a worker of ours.

It runs in a :class:`grpo_rewards.WorkerPool` worker, a process the model's
code cannot reach. The names the tests use but do not define are
:class:`RemoteFunction` proxies: a call checks that its arguments can cross the
strict codec, asks the parent (:func:`grpo_rewards.pool.request_parent`) to run
the function in the sandbox in a fresh process, and rebuilds the reply, which
holds only exact builtin values (and the kinds :mod:`.values` carries). So the
values the test compares are ours: an always-equal object, a subclass of
``int`` or a forged result cannot exist here.

Then the program runs again against each mutant of the function's answers
(:mod:`.mutants`, no sandbox involved): a test that passes against all of them
does not depend on the function and is not counted.

The parent answers each call with a :data:`~.replies.Reply` (see :mod:`.replies`).
"""

from __future__ import annotations

import builtins
import importlib
import sys
import time
from dataclasses import dataclass, field
from typing import Any

from .channels import Channel, InfraFailed, LiveChannel, MutantChannel, SandboxNeeded
from .clock import ClockedRecorder
from .credit import Answer
from .gateway import Infra
from .mutants import MUTANTS
from .recorder import Abort, Recorder
from .replies import Reply
from .testcode import CANDIDATE, RECORDER, TestProgram

__all__ = ["STR_DIGITS", "HarnessJob", "HarnessReport", "RemoteFunction"]

#: Digits our test code may convert between int and str (Python's default is 4,300; the CPU clock cannot
#: interrupt one conversion, and 100,000 digits take milliseconds).
STR_DIGITS = 100_000


@dataclass(frozen=True)
class HarnessReport:
    """What the harness found for one sample.

    ``results`` holds ``(status, message, counted, answers)`` per test (answers: see :mod:`.credit`), unless the run stopped:
    ``needs_sandbox`` says why the tests must run in the sandbox instead, and
    ``infra`` says how the sandbox failed.
    """

    results: list[tuple[str, str, bool, tuple[Answer, ...]]] = field(default_factory=list)
    needs_sandbox: str | None = None
    infra: Infra | None = None
    calls: int = 0
    waited: float = 0.0
    seconds: float = 0.0


class RemoteFunction:
    """Stands for the model's function ``name`` on our side; each call runs in the sandbox."""

    def __init__(self, name: str, channel: Channel) -> None:
        self._name = name
        self._channel = channel

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return self._channel.call(self._name, args, kwargs)

    def __getattr__(self, attribute: str) -> Any:
        raise SandboxNeeded(f"the test reads {self._name}.{attribute}, which a proxy cannot serve")

    def __repr__(self) -> str:
        return f"<function {self._name} (runs in the sandbox)>"


def _namespace(program: TestProgram, recorder: Recorder, channel: Channel) -> dict[str, Any]:
    namespace: dict[str, Any] = {"__name__": "tests", "__builtins__": builtins, RECORDER: recorder}
    for module in program.modules:
        try:
            namespace[module] = importlib.import_module(module)
        except ImportError:
            pass
    for name in program.proxied:
        namespace[name] = RemoteFunction(name, channel)
    if program.entry_point:
        namespace[CANDIDATE] = RemoteFunction(program.entry_point, channel)
    return namespace


@dataclass(frozen=True)
class HarnessJob:
    """A :class:`grpo_rewards.pool.Job`: run ``program`` for sample ``sample`` (one item, ignored)."""

    program: TestProgram
    sample: str
    cpu_seconds: float = 4.0

    def setup(self) -> Any:
        if hasattr(sys, "set_int_max_str_digits"):  # test code may print a big result (factorial(1000)) ...
            sys.set_int_max_str_digits(STR_DIGITS)  # ... but a C-level conversion is not interruptible: keep a bound
        return compile(self.program.source, "<tests>", "exec")

    def run(self, code: Any, item: Any) -> HarnessReport:
        started = time.perf_counter()
        memory: dict[bytes, Reply] = {}
        recorder = ClockedRecorder(self.program.count, self.cpu_seconds)
        live = LiveChannel(self.sample, recorder, memory)
        try:
            real = _execute(code, self.program, recorder, live)
        except SandboxNeeded as exc:
            return HarnessReport(needs_sandbox=exc.reason, calls=live.calls)
        except InfraFailed as exc:
            return HarnessReport(infra=exc.infra, calls=live.calls)
        waited = live.waited
        counted = [status != "ok" for status, _ in real]
        for variant in MUTANTS:
            if all(counted):
                break
            mutant = self._mutant_results(code, memory, variant)
            counted = [c or status != "ok" for c, (status, _) in zip(counted, mutant, strict=True)]
        seconds = time.perf_counter() - started
        results = [
            (status, message, count, tuple(live.answers.get(index, ())))
            for index, ((status, message), count) in enumerate(zip(real, counted, strict=True))
        ]
        return HarnessReport(results, calls=live.calls, waited=waited, seconds=seconds)

    def _mutant_results(self, code: Any, memory: dict[bytes, Reply], variant: int) -> list[tuple[str, str]]:
        recorder = ClockedRecorder(self.program.count, self.cpu_seconds)
        try:
            return _execute(code, self.program, recorder, MutantChannel(recorder, memory, variant))
        except Abort:  # cannot happen for the calls the live run made; count every test if it does
            return [("wrong_answer", "mutant run stopped")] * self.program.count


def _execute(code: Any, program: TestProgram, recorder: ClockedRecorder, channel: Channel) -> list[tuple[str, str]]:
    """Run the test program once with ``channel`` answering its calls; raises the channel's aborts."""
    namespace = _namespace(program, recorder, channel)
    channel.bind(namespace, program.classes)
    error: BaseException | None = None
    try:
        exec(code, namespace)
    except (SandboxNeeded, InfraFailed):
        raise
    except BaseException as exc:  # noqa: BLE001 - the test program stopped; unfinished tests fail
        error = exc
    finally:
        recorder.close()
    return recorder.finish(error)
