"""Host side of the supervisor protocol: jobs become request dicts, reply dicts become :class:`Result` s.

A reply is trusted for nothing it cannot prove: its fields are type-checked,
the status must be one we know, and a call's return value is decoded here,
strictly, under the job's own size limit.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from .compiling import BASE_ENV, CompileJob, ExecJob
from .guest import codec
from .languages import STACK_MB
from .results import CallJob, Job, Limits, Result, Status

__all__ = ["JobNotStarted", "ProtocolError", "compile_request", "exec_request", "request_for", "result_from"]

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
    "artifact": (dict, type(None)),
    "artifact_error": (str,),
}


OURS = (Status.INFRA_ERROR.value, Status.COMPILE_ERROR.value)  # statuses the host decides, never the supervisor


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


def exec_request(job: ExecJob, limits: Limits, *, send_artifact: bool, evict: list[str]) -> dict[str, Any]:
    """The request frame for a run by command line; the artifact's files only when the container lacks them."""
    language, program = job.language, job.job.program
    stdin = job.job.stdin
    request: dict[str, Any] = {
        "op": "job",
        "mode": "exec",
        "argv": language.run_argv(program, limits),
        "env": {**BASE_ENV, **language.environment(limits.memory_mb)},
        "limits": {**_limits(limits, language.data_extra_mb), "stack_mb": STACK_MB},
        "stdin": stdin.encode("utf-8", "surrogateescape") if isinstance(stdin, str) else bytes(stdin),
        "files": {} if language.compiled else {language.source_name(program): _text(language.source_text(program))},
        "evict": evict,
    }
    if job.artifact is not None:
        request["artifact"] = {"key": job.artifact.key, "files": dict(job.artifact.files) if send_artifact else None}
    return request


def compile_request(job: CompileJob, evict: list[str]) -> dict[str, Any]:
    """The request frame for a compile step: the source in, the outputs back (and kept) under the job's key."""
    language, limits = job.language, job.limits
    return {
        "op": "job",
        "mode": "exec",
        "argv": language.compile_argv(job.program),
        "env": {**BASE_ENV, **language.environment(limits.memory_mb)},
        "limits": {**_limits(limits, language.data_extra_mb), "stack_mb": STACK_MB},
        "stdin": b"",
        "files": {language.source_name(job.program): _text(language.source_text(job.program))},
        "collect": {"key": job.key, "outputs": list(language.outputs)},
        "evict": evict,
    }


def _text(program: str) -> bytes:
    return program.encode("utf-8", "surrogatepass")


def _limits(limits: Limits, data_extra_mb: int = 0) -> dict[str, Any]:
    return {
        "timeout": float(limits.timeout),
        "cpu": float(limits.cpu_seconds),
        "memory_mb": int(limits.memory_mb) + data_extra_mb,
        "keep": int(limits.keep_output),
        "max_output": int(limits.max_output),
        "fsize_mb": int(limits.file_size_mb),
        "nofile": int(limits.open_files),
        "max_value": int(limits.max_value_bytes),
    }


def result_from(reply: dict[str, Any], job: object, limits: Limits) -> tuple[Result, bool, str]:
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
    if reply["artifact"] is not None or reply["artifact_error"]:
        result = _with_artifact(result, reply)
    return result, reply["recycle"], reply["broken"]


def _with_artifact(result: Result, reply: dict[str, Any]) -> Result:
    files = reply["artifact"]
    if files is not None and not all(type(k) is str and type(v) is bytes for k, v in files.items()):
        raise ProtocolError("the artifact must map file names to bytes")
    return replace(result, extra={**result.extra, "artifact": files, "artifact_error": reply["artifact_error"]})


def _check(reply: dict[str, Any]) -> None:
    if reply.get("op") != "result":
        raise ProtocolError(f"expected a result frame, got op {reply.get('op')!r}")
    for name, kinds in REPLY_FIELDS.items():
        if type(reply.get(name)) not in kinds:
            raise ProtocolError(f"result field {name!r} is {type(reply.get(name)).__name__}")
    if reply["status"] not in {status.value for status in Status} or reply["status"] in OURS:
        raise ProtocolError(f"unknown status {reply['status']!r}")


def _decode_value(blob: bytes | None, limits: Limits) -> tuple[bool, Any, str]:
    if blob is None:
        return False, None, "the process ended without returning a value"
    try:
        return True, codec.decode(blob, codec.CodecLimits(max_bytes=limits.max_value_bytes)), ""
    except codec.CodecError as exc:
        return False, None, f"return value rejected: {exc}"
