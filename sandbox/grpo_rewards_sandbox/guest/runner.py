"""The job side: sets up the job in the current process, then runs its program and exits.

:func:`start` runs in a job process that :mod:`.roles` has already made
unprivileged: it decodes the spec PID 1 sent, writes the program into the job
directory, applies the job's rlimits, reports that it started, and then runs
the program in this very process (forked launcher) or execs a fresh
``python3 -I`` running this file (spawn launcher). Either way the process has
its pipes on fds 0-2 and the report pipe on fd 3.

Run mode executes the program as ``__main__``. Call mode executes it as module
``solution`` and then calls one function with codec-decoded arguments. What
this process reports on fd 3 (a return value, or an exception's type name) is
untrusted: the program can write there too. The supervisor decides the status
from what it observes, and the host decodes the value strictly.

A ``language`` with compile and run steps (issue 14) would add a step here:
the spec names the language, and this module execs its compiler or binary.
"""

from __future__ import annotations

# Imported here, once, before the zygote forks: a job finds them loaded (copy-on-write) instead of importing
# them at exit, when it may have no descriptor or memory left to do so.
import atexit  # noqa: F401
import os
import resource
import sys
import threading  # noqa: F401
import traceback  # noqa: F401
import types
from collections.abc import Callable
from typing import Any

REPORT_FD = 3
RETURNED, RAISED = b"R", b"E"
JOB_DIR = "/tmp/job"
RUNNER = os.path.abspath(__file__)


def start(spec_bytes: bytes, started: Callable[[], None]) -> None:
    """Set up and run the job described by ``spec_bytes``. Never returns."""
    from . import codec, framing

    spec = codec.decode(spec_bytes, framing.PROTOCOL_LIMITS)
    del spec_bytes
    mode, limits = spec["mode"], spec["limits"]
    path = _write_program(spec)
    _set_limits(limits)
    os.chdir(JOB_DIR)
    os.umask(0o022)
    function = spec.get("function") or ""
    if spec.get("launcher") == "spawn":
        argv = [sys.executable, "-I", RUNNER, mode, path, function, str(limits["max_value"])]
        started()
        os.execv(sys.executable, argv)
    args = spec.get("args", b"") if mode == "call" else b""
    del spec
    started()
    run_forked(mode, path, function, args, limits["max_value"])


def _write_program(spec: dict[str, Any]) -> str:
    os.mkdir(JOB_DIR, 0o700)
    path = os.path.join(JOB_DIR, "main.py" if spec["mode"] == "run" else "solution.py")
    with open(path, "w", encoding="utf-8", errors="surrogatepass") as handle:
        handle.write(spec["program"])
    if spec["mode"] == "call" and spec.get("launcher") == "spawn":  # a forked job gets them in memory
        with open(path + ".args", "wb") as handle:
            handle.write(spec["args"])
    return path


def _set_limits(limits: dict[str, Any]) -> None:
    """Lower this process's rlimits to the job's (lowering needs no privilege)."""
    cpu = max(1, int(limits["cpu"] + 0.999))
    data = limits["memory_mb"] * 1024 * 1024
    fsize = limits["fsize_mb"] * 1024 * 1024
    for name, value in (
        ("RLIMIT_CPU", (cpu, cpu + 1)),
        ("RLIMIT_DATA", (data, data)),
        ("RLIMIT_FSIZE", (fsize, fsize)),
        ("RLIMIT_NOFILE", (limits["nofile"], limits["nofile"])),
        ("RLIMIT_NPROC", (limits["nproc"], limits["nproc"])),
        ("RLIMIT_CORE", (0, 0)),
    ):
        resource.setrlimit(getattr(resource, name), value)


def run_forked(mode: str, path: str, function: str, args_blob: bytes, max_value: int) -> None:
    """Entry point in a child forked from the supervisor. Never returns."""
    from . import codec

    _reset_interpreter(path)
    os._exit(_execute(codec, mode, path, function, args_blob, max_value))


def _reset_interpreter(path: str) -> None:
    """Make the forked interpreter look like a fresh ``python3 path`` to the program."""
    import signal

    for name in [m for m in sys.modules if m.startswith("grpo_rewards_sandbox") and m != __name__]:
        del sys.modules[name]
    sys.path[:] = [os.path.dirname(os.path.abspath(path))] + [p for p in sys.path if p.startswith(sys.base_prefix)]
    sys.argv[:] = [os.path.basename(path)]
    signal.signal(signal.SIGINT, signal.default_int_handler)
    _open_std_streams()


def _open_std_streams() -> None:
    streams = {
        "stdin": open(0, encoding="utf-8", errors="surrogateescape", closefd=False),  # noqa: SIM115
        "stdout": open(1, "w", encoding="utf-8", errors="surrogateescape", closefd=False),  # noqa: SIM115
        "stderr": open(2, "w", encoding="utf-8", errors="backslashreplace", closefd=False, buffering=1),  # noqa: SIM115
    }
    for name, stream in streams.items():
        setattr(sys, name, stream)
        setattr(sys, f"__{name}__", stream)


def _execute(codec: Any, mode: str, path: str, function: str, args_blob: bytes, max_value: int) -> int:
    memory_report = RAISED + codec.encode("MemoryError")  # built now: there may be no memory for it later
    try:
        module = _load(path, "__main__" if mode == "run" else "solution")
        if mode == "call":
            _report(_call(module, function, args_blob, max_value, codec))
        code = 0
    except SystemExit as exc:
        code = _exit_code(exc)
    except MemoryError:
        _report(memory_report)
        code = _print_traceback()
    except BaseException as exc:  # noqa: BLE001 - any exception is the program's failure, reported as data
        _report(RAISED + codec.encode(_type_name(exc)))
        code = _print_traceback()
    return _finish(code)


def _load(path: str, name: str) -> types.ModuleType:
    with open(path, encoding="utf-8", errors="surrogateescape") as handle:
        source = handle.read()
    module = types.ModuleType(name)
    module.__file__ = path
    module.__builtins__ = __builtins__  # type: ignore[attr-defined]
    sys.modules[name] = module
    exec(compile(source, path, "exec"), module.__dict__)  # noqa: S102 - running the program is the point
    return module


def _call(module: types.ModuleType, function: str, args_blob: bytes, max_value: int, codec: Any) -> bytes:
    target = getattr(module, function, None)
    if not callable(target):
        raise NameError(f"the program defines no function {function!r}")
    args, kwargs = codec.decode(args_blob)
    value = target(*args, **kwargs)
    try:
        encoded: bytes = codec.encode(value, codec.CodecLimits(max_bytes=max_value))
        return RETURNED + encoded
    except codec.CodecError as exc:
        raise ReturnValueRejected(f"return value rejected: {exc}") from None


class ReturnValueRejected(Exception):
    """The function returned something the codec does not allow (a custom class, a subclass, too big)."""


def _report(frame: bytes) -> None:
    try:
        os.write(REPORT_FD, len(frame).to_bytes(4, "big") + frame)
    except OSError:
        pass  # the program closed fd 3: nothing is reported, and the supervisor notices


def _exit_code(exc: SystemExit) -> int:
    if exc.code is None:
        return 0
    if isinstance(exc.code, int):
        return exc.code & 0xFF
    try:
        print(exc.code, file=sys.stderr)
    except Exception:  # noqa: BLE001
        pass
    return 1


def _print_traceback() -> int:
    """Print the exception's traceback without this module's own frames."""
    try:
        import traceback

        kind, exc, tb = sys.exc_info()
        while tb is not None and tb.tb_frame.f_code.co_filename == __file__:
            tb = tb.tb_next
        traceback.print_exception(kind, exc, tb)
    except BaseException:  # noqa: BLE001 - out of memory or a broken stderr: the exit code still says it
        pass
    return 1


def _type_name(exc: BaseException) -> str:
    kind = type(exc)
    module = getattr(kind, "__module__", "")
    return kind.__qualname__ if module in ("builtins", __name__) else f"{module}.{kind.__qualname__}"


def _finish(code: int) -> int:
    """What interpreter shutdown does: join threads, run atexit handlers, flush the streams."""
    try:
        import atexit
        import threading

        threading._shutdown()  # type: ignore[attr-defined]
        atexit._run_exitfuncs()
    except BaseException:  # noqa: BLE001
        code = code or 1
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except BaseException:  # noqa: BLE001 - a closed or broken stream: the data is simply gone
            pass
    return code


def _spawned_main(argv: list[str]) -> None:
    """Entry point in a freshly spawned ``python3 -I runner.py MODE PATH FUNCTION MAX_VALUE``."""
    sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
    from grpo_rewards_sandbox.guest import codec  # imported while its folder is on the path

    del sys.path[0]
    mode, path, function, max_value = argv[1], argv[2], argv[3], int(argv[4])
    args_blob = b""
    if mode == "call":
        with open(path + ".args", "rb") as handle:
            args_blob = handle.read()
    sys.argv[:] = [os.path.basename(path)]
    sys.path[0] = os.path.dirname(os.path.abspath(path))
    os._exit(_execute(codec, mode, path, function, args_blob, max_value))


if __name__ == "__main__":
    _spawned_main(sys.argv)
