"""The trusted test harness: runs a dataset's test program in a worker of ours.

It runs in a :class:`grpo_rewards.WorkerPool` worker, a process the model's
code cannot reach. The names the tests use but do not define are
:class:`RemoteFunction` proxies: a call checks that its arguments can cross the
strict codec, asks the parent (:func:`grpo_rewards.pool.request_parent`) to run
the function in the sandbox in a fresh process, and rebuilds the reply, which
holds only exact builtin values. So the values the test compares are ours: an
always-equal object, a subclass of ``int`` or a forged result cannot exist here.

The parent answers each call with a :data:`~.replies.Reply` (see :mod:`.replies`).
"""

from __future__ import annotations

import builtins
import importlib
import time
from dataclasses import dataclass, field
from typing import Any

from grpo_rewards.pool import request_parent

from .clock import ClockedRecorder
from .gateway import Infra, encodable
from .recorder import Abort, Recorder, RemoteRaised, TestFailed
from .replies import CallFailed, CallRequest, Raised, Reply, Returned
from .testcode import CANDIDATE, RECORDER, TestProgram

__all__ = ["HarnessJob", "HarnessReport", "RemoteFunction"]

_REMOTE_TYPES: dict[str, type[BaseException]] = {}
#: Exceptions that steer our own code (a StopIteration would silently end a `for` loop
#: over map(candidate, ...) in the test); they come back as a plain RemoteRaised instead.
_CONTROL_FLOW = (StopIteration, StopAsyncIteration)
_PLAIN_TYPES = (type(None), bool, int, float, str, bytes, list, tuple, dict, set, frozenset)


@dataclass(frozen=True)
class HarnessReport:
    """What the harness found for one sample.

    ``results`` holds ``(status, message)`` per test, unless the run stopped:
    ``needs_sandbox`` says why the tests must run in the sandbox instead, and
    ``infra`` says how the sandbox failed.
    """

    results: list[tuple[str, str]] = field(default_factory=list)
    needs_sandbox: str | None = None
    infra: Infra | None = None
    calls: int = 0
    waited: float = 0.0
    seconds: float = 0.0


class _SandboxNeeded(Abort):
    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class _InfraFailed(Abort):
    def __init__(self, infra: Infra) -> None:
        super().__init__(infra.message)
        self.infra = infra


def _remote_exception(type_name: Any, message: Any) -> BaseException:
    text = message if isinstance(message, str) else ""
    base = getattr(builtins, type_name, None) if isinstance(type_name, str) else None
    if isinstance(base, type) and issubclass(base, Exception) and not issubclass(base, _CONTROL_FLOW):
        cls = _REMOTE_TYPES.get(type_name)
        if cls is None:
            try:
                cls = _REMOTE_TYPES[type_name] = type(type_name, (base, RemoteRaised), {})
            except TypeError:  # an incompatible layout; fall through to the generic marker
                cls = None
        if cls is not None:
            try:
                return cls(text)
            except Exception:  # noqa: BLE001 - e.g. UnicodeDecodeError needs five arguments
                pass
    return RemoteRaised(f"{str(type_name)[:80]}: {text}")


def _foreign_type(value: Any, depth: int = 0) -> str | None:
    """The name of the first value that is not an exact builtin (a callable, an object), if any.

    Decides the in-sandbox fallback, so it looks at types only: sizes, which the
    model's earlier return values could inflate, never send a test there.
    """
    kind = type(value)
    if kind not in _PLAIN_TYPES:
        return f"{kind.__module__}.{kind.__qualname__}" if kind.__module__ != "builtins" else kind.__qualname__
    if depth > 64:
        return None
    items: Any = ()
    if kind is dict:
        items = [*value.keys(), *value.values()]
    elif kind in (list, tuple, set, frozenset):
        items = value
    for item in items:
        found = _foreign_type(item, depth + 1)
        if found is not None:
            return found
    return None


def _mutable(value: Any) -> bool:
    return type(value) in (list, dict, set)


def _copy_back(original: Any, after: Any) -> None:
    if type(original) is not type(after):
        return
    if type(original) is list:
        original[:] = after
    elif type(original) in (dict, set):
        original.clear()
        original.update(after)


class _Channel:
    """The harness's line to the parent, with counters for the report."""

    def __init__(self, sample: str, recorder: ClockedRecorder) -> None:
        self.sample = sample
        self.recorder = recorder
        self.calls = 0
        self.waited = 0.0

    def call(self, name: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> Any:
        foreign = _foreign_type((args, kwargs))
        if foreign is not None:
            raise _SandboxNeeded(f"{name}() was called with a {foreign}, which cannot cross into the sandbox")
        problem = encodable((args, kwargs))
        if problem is not None:  # plain values, but too big: the function's earlier results may have grown them
            self.recorder.force("runtime_error", f"the arguments of {name}() are too large for the sandbox: {problem}")
            raise TestFailed("runtime_error", problem)
        want = any(_mutable(a) for a in args) or any(_mutable(v) for v in kwargs.values())
        left = self.recorder.pause()  # our CPU clock stops while the sandbox runs the call
        started = time.perf_counter()
        reply = request_parent(CallRequest(self.sample, name, args, kwargs, want))
        self.calls += 1
        self.waited += time.perf_counter() - started
        self.recorder.resume(left)
        return self._answer(reply, args, kwargs)

    def _answer(self, reply: Reply, args: tuple[Any, ...], kwargs: dict[str, Any]) -> Any:
        if isinstance(reply, Returned):
            if type(reply.args_after) is tuple and len(reply.args_after) == len(args):
                for original, after in zip(args, reply.args_after, strict=True):
                    _copy_back(original, after)
            if type(reply.kwargs_after) is dict:
                for key, original in kwargs.items():
                    _copy_back(original, reply.kwargs_after.get(key))
            return reply.value
        if isinstance(reply, Raised):
            raise _remote_exception(reply.type_name, reply.message)
        if isinstance(reply, CallFailed):
            self.recorder.force(reply.status, reply.message)
            raise TestFailed(reply.status, reply.message)
        raise _InfraFailed(reply)


class RemoteFunction:
    """Stands for the model's function ``name`` on our side; each call runs in the sandbox."""

    def __init__(self, name: str, channel: _Channel) -> None:
        self._name = name
        self._channel = channel

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return self._channel.call(self._name, args, kwargs)

    def __getattr__(self, attribute: str) -> Any:
        raise _SandboxNeeded(f"the test reads {self._name}.{attribute}, which a proxy cannot serve")

    def __repr__(self) -> str:
        return f"<function {self._name} (runs in the sandbox)>"


def _namespace(program: TestProgram, recorder: Recorder, channel: _Channel) -> dict[str, Any]:
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
        return compile(self.program.source, "<tests>", "exec")

    def run(self, code: Any, item: Any) -> HarnessReport:
        started = time.perf_counter()
        recorder = ClockedRecorder(self.program.count, self.cpu_seconds)
        channel = _Channel(self.sample, recorder)
        namespace = _namespace(self.program, recorder, channel)
        error: BaseException | None = None
        try:
            exec(code, namespace)
        except _SandboxNeeded as exc:
            return HarnessReport(needs_sandbox=exc.reason, calls=channel.calls)
        except _InfraFailed as exc:
            return HarnessReport(infra=exc.infra, calls=channel.calls)
        except BaseException as exc:  # noqa: BLE001 - the test program stopped; unfinished tests fail
            error = exc
        finally:
            recorder.close()
        seconds = time.perf_counter() - started
        return HarnessReport(recorder.finish(error), calls=channel.calls, waited=channel.waited, seconds=seconds)
