"""Compile once per program for the pool's life (no Docker: a mock backend stands for the containers)."""

from __future__ import annotations

import threading

import pytest
from grpo_rewards_sandbox import LANGUAGES, MockBackend, Result, RunJob, SandboxPool, Status
from grpo_rewards_sandbox.compiling import CompileJob, Compiler, ExecJob, StoreMirror, compile_result
from grpo_rewards_sandbox.errors import WorkerLost


class Toolchain:
    """A mock backend's handler: 'compiles' by upper-casing, 'runs' by echoing the artifact; counts compiles."""

    def __init__(self, fail_first: int = 0) -> None:
        self.compiles: list[str] = []
        self.fail_first = fail_first
        self.lock = threading.Lock()
        self.release = threading.Event()
        self.release.set()

    def __call__(self, job, limits) -> Result:
        if isinstance(job, CompileJob):
            self.release.wait(10)
            with self.lock:
                self.compiles.append(job.program)
                if len(self.compiles) <= self.fail_first:
                    raise WorkerLost("the container broke while compiling")
            if "syntax error" in job.program:
                return Result(Status.RUNTIME_ERROR, exit_code=1, stderr=b"main.c:1: error: expected ';'\nmore\n")
            return Result(Status.OK, exit_code=0, extra={"artifact": {"main": job.program.upper().encode()}})
        assert isinstance(job, ExecJob) and job.artifact is not None
        return Result(Status.OK, exit_code=0, stdout=job.artifact.files["main"] + b" " + str(job.job.stdin).encode())


def pool_for(toolchain: Toolchain) -> SandboxPool:
    return SandboxPool(2, backend=MockBackend(toolchain), spares=0)


def test_concurrent_jobs_of_one_program_share_one_compile():
    toolchain = Toolchain()
    toolchain.release.clear()  # every job is queued while the first compile is still running
    with pool_for(toolchain) as pool:
        futures = [pool.submit(RunJob("int main(){}", f"{i}", language="c")) for i in range(10)]
        toolchain.release.set()
        results = [future.result(10) for future in futures]
        assert [r.stdout for r in results] == [f"INT MAIN(){{}} {i}".encode() for i in range(10)]
        assert toolchain.compiles == ["int main(){}"]
        assert pool.map([RunJob("int main(){}", "x", language="c")])[0].status is Status.OK
        assert (pool.stats().compiles, pool.stats().compile_hits) == (1, 10)


def test_each_distinct_program_and_language_compiles_once():
    toolchain = Toolchain()
    with pool_for(toolchain) as pool:
        jobs = [RunJob(program, "", language=lang) for program in ("a", "b") for lang in ("c", "cpp") for _ in range(3)]
        assert all(r.status is Status.OK for r in pool.map(jobs))
    assert sorted(toolchain.compiles) == ["a", "a", "b", "b"]


def test_a_compile_error_is_every_runs_result_and_is_kept():
    toolchain = Toolchain()
    with pool_for(toolchain) as pool:
        results = pool.map([RunJob("syntax error", "", language="cpp")] * 3)
        again = pool.run("syntax error", language="cpp")
    for result in [*results, again]:
        assert result.status is Status.COMPILE_ERROR
        assert result.reason.startswith("cpp compilation failed") and "main.c:1: error: expected ';'" in result.reason
    assert len(toolchain.compiles) == 1


def test_our_failure_while_compiling_is_infra_and_is_not_kept():
    toolchain = Toolchain(fail_first=2)  # the compile and its retry both break: infra
    with pool_for(toolchain) as pool:
        first = pool.run("int main(){}", language="c")
        second = pool.run("int main(){}", language="c")
    assert (first.status, second.status) == (Status.INFRA_ERROR, Status.OK)
    assert len(toolchain.compiles) == 3


def test_python_and_unknown_languages():
    toolchain = Toolchain()
    with pool_for(toolchain) as pool, pytest.raises(ValueError, match="runs no language 'cobol'"):
        pool.submit(RunJob("x", language="cobol"))
    assert toolchain.compiles == []


def test_the_compile_cache_keeps_its_byte_budget_and_never_drops_a_compile_in_flight():
    from concurrent.futures import Future

    pending: list[Future[Result]] = []

    def submit(job: CompileJob) -> Future[Result]:
        future: Future[Result] = Future()
        pending.append(future)
        return future

    compiler = Compiler(submit, "image", budget=2500)
    language = LANGUAGES["c"]
    entries = [compiler.artifact(language, f"p{i}") for i in range(4)]
    for future in pending[:3]:
        future.set_result(Result(Status.OK, extra={"artifact": {"main": b"x" * 1000}}))
    assert all(entry.done() for entry in entries[:3]) and not entries[3].done()
    assert compiler.compiles == 3 and len(compiler._entries) == 3  # the oldest finished one went; p3 still compiling
    compiler.artifact(language, "p3")
    assert len(pending) == 4 and compiler.hits == 1  # joined the compile in flight


def test_a_container_is_sent_each_program_once_and_told_what_to_drop():
    from grpo_rewards_sandbox.compiling import Artifact

    mirror = StoreMirror(budget=2000)
    a, b, c = (Artifact(key * 16, {"main": b"x" * 900}) for key in "abc")
    assert mirror.plan(a) == (True, [])
    mirror.add(a.key, a.size)
    assert mirror.plan(a) == (False, [])
    mirror.add(b.key, b.size)
    assert mirror.plan(c) == (True, [a.key])  # a is the least recently used


def test_compile_results_name_what_went_wrong():
    language = LANGUAGES["go"]
    timeout = compile_result(Result(Status.TIMEOUT, stderr=b"", reason="CPU"), language, "k")
    assert isinstance(timeout, Result) and timeout.status is Status.COMPILE_ERROR and "ran past" in timeout.reason
    empty = Result(Status.OK, extra={"artifact": None, "artifact_error": "the compiler made no main"})
    none = compile_result(empty, language, "k")
    assert isinstance(none, Result) and "made no program: the compiler made no main" in none.reason
    made = compile_result(Result(Status.OK, extra={"artifact": {"main": b"ELF"}}), language, "k")
    assert not isinstance(made, Result) and made.key == "k" and made.size == 3
