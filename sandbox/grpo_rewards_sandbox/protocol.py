"""Host side of the supervisor protocol: jobs become request dicts, reply dicts become :class:`Result` s.

A reply is trusted for nothing it cannot prove: its fields are type-checked,
the status must be one we know, and a call's return value is decoded here,
strictly, under the job's own size limit.
"""

from __future__ import annotations

from typing import Any

from .guest import codec
from .results import CallJob, Job, Limits, Result, Status

__all__ = ["JobNotStarted", "ProtocolError", "request_for", "result_from"]

REPLY_FIELDS: dict[str, tuple[type, ...]] = {
    "status": (str,),
    "reason": (str,),
    "exit_code": (int, type(None)),
    "signal": (int, type(None)),
    "wall": (float,),
    "cpu": (float,),
    "peak_kb": (int,),
    "stdout": (bytes,),
    "stderr": (bytes,),
    "stdout_truncated": (bool,),
    "stderr_truncated": (bool,),
    "value": (bytes, type(None)),
    "exception": (str, type(None)),
    "recycle": (bool,),
    "broken": (str,),
    "infra": (str,),
}


class ProtocolError(Exception):
    """The supervisor's reply does not follow the protocol."""


class JobNotStarted(Exception):
    """The supervisor says the job could not run because of the sandbox, not the program (retry elsewhere)."""


def request_for(job: Job, limits: Limits, launcher: str) -> dict[str, Any]:
    """The request frame for ``job`` (raises :class:`~grpo_rewards_sandbox.CodecError` for bad call arguments)."""
    request: dict[str, Any] = {"op": "job", "program": job.program, "limits": _limits(limits), "launcher": launcher}
    if isinstance(job, CallJob):
        arguments = (tuple(job.args), dict(job.kwargs or {}))
        request.update(mode="call", function=job.function, args=codec.encode(arguments), stdin=b"")
    else:
        stdin = job.stdin.encode("utf-8", "surrogateescape") if isinstance(job.stdin, str) else bytes(job.stdin)
        request.update(mode="run", stdin=stdin)
    return request


def _limits(limits: Limits) -> dict[str, Any]:
    return {
        "timeout": float(limits.timeout),
        "cpu": float(limits.cpu_seconds),
        "memory_mb": int(limits.memory_mb),
        "keep": int(limits.keep_output),
        "max_output": int(limits.max_output),
        "fsize_mb": int(limits.file_size_mb),
        "nofile": int(limits.open_files),
        "max_value": int(limits.max_value_bytes),
    }


def result_from(reply: dict[str, Any], job: Job, limits: Limits) -> tuple[Result, bool, str]:
    """The :class:`Result`, whether the supervisor asked to be recycled, and any broken invariant.

    Raises :class:`JobNotStarted` when the reply says the sandbox failed (the program never ran).
    """
    _check(reply)
    if reply["infra"]:
        raise JobNotStarted(reply["infra"])
    status = Status(reply["status"])
    reason = reply["reason"]
    returned, value = False, None
    if isinstance(job, CallJob) and status is Status.OK:
        returned, value, rejection = _decode_value(reply["value"], limits)
        if not returned:
            status, reason = Status.RUNTIME_ERROR, rejection
    result = Result(
        status=status,
        exit_code=reply["exit_code"],
        signal=reply["signal"],
        wall_time=reply["wall"],
        cpu_time=reply["cpu"],
        peak_memory=reply["peak_kb"] * 1024,
        stdout=reply["stdout"],
        stderr=reply["stderr"],
        stdout_truncated=reply["stdout_truncated"],
        stderr_truncated=reply["stderr_truncated"],
        reason=reason,
        returned=returned,
        value=value,
        exception=reply["exception"],
    )
    return result, reply["recycle"], reply["broken"]


def _check(reply: dict[str, Any]) -> None:
    if reply.get("op") != "result":
        raise ProtocolError(f"expected a result frame, got op {reply.get('op')!r}")
    for name, kinds in REPLY_FIELDS.items():
        if type(reply.get(name)) not in kinds:
            raise ProtocolError(f"result field {name!r} is {type(reply.get(name)).__name__}")
    if reply["status"] not in {status.value for status in Status} or reply["status"] == Status.INFRA_ERROR.value:
        raise ProtocolError(f"unknown status {reply['status']!r}")


def _decode_value(blob: bytes | None, limits: Limits) -> tuple[bool, Any, str]:
    if blob is None:
        return False, None, "the process ended without returning a value"
    try:
        return True, codec.decode(blob, codec.CodecLimits(max_bytes=limits.max_value_bytes)), ""
    except codec.CodecError as exc:
        return False, None, f"return value rejected: {exc}"
