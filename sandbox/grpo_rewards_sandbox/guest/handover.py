"""What PID 1 puts in place before a job starts, and what it takes from a compile job after it ends.

Two kinds of job reach a job process:

* **Python** (``mode`` ``run`` or ``call``): the program goes into the job
  directory, and the job runs it in its warm interpreter (:mod:`.runner`);
* **exec**: a command line with its environment (a compiler, a compiled
  program, another interpreter), after PID 1 has written the request's
  ``files`` (the source) into the job directory and, for a compiled program,
  linked its ``artifact`` (from the store, or sent along) into
  :data:`.store.ARTIFACT_DIR`.

A request may also ``collect`` a compile step's outputs (under a key, for the
store and for the reply) and ``evict`` programs from the store. Everything a
request says is checked for type here: a malformed one is our failure.
"""

from __future__ import annotations

from typing import Any

from . import scratch, store

__all__ = ["HandoverError", "collect", "spec"]


class HandoverError(Exception):
    """The request cannot be handed to a job (malformed, or the store failed): our failure."""


def spec(request: dict[str, Any], limits: dict[str, Any]) -> dict[str, Any]:
    """Put the job's files in place and return the spec its job process reads."""
    evict = request.get("evict", [])
    if type(evict) is not list or not all(type(key) is str for key in evict):
        raise HandoverError("evict must be a list of keys")
    try:
        store.evict(evict)
        if request.get("mode") == "exec":
            return _exec_spec(request, limits)
        return _python_spec(request, limits)
    except store.StoreError as exc:
        raise HandoverError(str(exc)) from None


def _python_spec(request: dict[str, Any], limits: dict[str, Any]) -> dict[str, Any]:
    mode = request.get("mode")
    if mode not in ("run", "call") or type(request.get("program")) is not str:
        raise HandoverError(f"a Python job needs mode run or call and a program, not mode {mode!r}")
    file = "main.py" if mode == "run" else "solution.py"
    files = {file: request["program"].encode("utf-8", "surrogatepass")}
    if mode == "call" and request.get("launcher") == "spawn":  # a forked job gets them in memory
        files[file + ".args"] = request.get("args", b"")
    scratch.make_job_dir(files)
    job = {"mode": mode, "file": file, "limits": limits, "launcher": request.get("launcher", "fork")}
    if mode == "call":
        job.update(function=request.get("function") or "", args=request.get("args", b""))
    return job


def _exec_spec(request: dict[str, Any], limits: dict[str, Any]) -> dict[str, Any]:
    argv, env, files = request.get("argv"), request.get("env"), request.get("files", {})
    if type(argv) is not list or not argv or not all(type(item) is str for item in argv):
        raise HandoverError("argv must be a non-empty list of strings")
    if type(env) is not dict or not all(type(k) is str and type(v) is str for k, v in env.items()):
        raise HandoverError("env must map strings to strings")
    if type(files) is not dict or not all(type(k) is str and type(v) is bytes and "/" not in k for k, v in files.items()):
        raise HandoverError("files must map plain file names to bytes")
    scratch.make_job_dir(files)
    artifact = request.get("artifact")
    if artifact is not None:
        if type(artifact) is not dict or type(artifact.get("key")) is not str:
            raise HandoverError("artifact must name a key")
        sent = artifact.get("files")
        if sent is not None:
            store.put(artifact["key"], sent)
        elif not store.has(artifact["key"]):
            raise HandoverError(f"the compiled program {artifact['key'][:16]} is not in this container's store")
        store.link(artifact["key"])
    return {"mode": "exec", "argv": argv, "env": env, "limits": limits}


def collect(request: dict[str, Any], succeeded: bool) -> tuple[dict[str, bytes] | None, str]:
    """After a compile job: its outputs (kept in the store under the request's key) or why there are none."""
    wanted = request.get("collect")
    if wanted is None:
        return None, ""
    if type(wanted) is not dict or type(wanted.get("key")) is not str or type(wanted.get("outputs")) is not list:
        raise HandoverError("collect must name a key and the outputs")
    if not succeeded:
        return None, "the compiler failed"
    files = store.collect(scratch.JOB_DIR, [str(output) for output in wanted["outputs"]])
    if isinstance(files, str):
        return None, files
    try:
        store.put(wanted["key"], files)
    except store.StoreError as exc:
        raise HandoverError(str(exc)) from None
    return files, ""
