"""The languages the sandbox runs: one row each, with how to compile (if at all) and how to run.

A row says everything the sandbox needs to know about a language; nothing
else in the library is specific to one (the guest just executes what a job's
spec says):

* ``source``: the file the program is written to (Java's is named after its
  public class, ``{main}``);
* ``compile``: the compiler's command line, run as a job of its own (same
  isolation as any job, under ``compile_limits``) in the job directory, where
  it must leave ``outputs`` (names, or a ``*.ext`` pattern); ``None`` for an
  interpreted language;
* ``run``: the command line of one execution (``None``: Python's own runner,
  which forks a warm interpreter); ``{dir}`` is where the compiled outputs are;
* ``env``: the environment of both steps, on top of a fixed base;
* ``data_extra_mb``: address space the runtime itself needs on top of the
  program's ``memory_mb`` (a JVM's metaspace, code cache and thread stacks),
  added to the job's ``RLIMIT_DATA``; the program's own heap is capped at
  ``memory_mb`` by the runtime's flag (``-Xmx``, ``--max-old-space-size``,
  ``GOMEMLIMIT``) or by the limit itself;
* ``memory_markers``: text on stderr that means the program ran out of memory
  (the status then says ``memory``; it is a failure either way).

Placeholders in ``compile``, ``run`` and ``env``: ``{source}``, ``{main}``,
``{dir}``, ``{memory_mb}`` (the step's memory limit) and ``{stack_mb}``.
Adding a language is one row here, its toolchain in
``sandbox/image/packages.txt``, and (for the code reward) one row in
``grpo_rewards_code.languages``.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from .results import Limits

__all__ = ["ARTIFACT_DIR", "COMPILE_LIMITS", "LANGUAGES", "Language", "language"]

#: Where a run finds the compiled outputs (PID 1 links them there; only PID 1 may write there).
ARTIFACT_DIR = "/sandbox/job"
#: What a compile step may use by default: the compiler, not the program, runs.
COMPILE_LIMITS = Limits(timeout=60.0, cpu_time=30.0, memory_mb=1024, keep_output=16 * 1024, file_size_mb=64, open_files=256)
STACK_MB = 64  # the main thread's stack (RLIMIT_STACK) for every language run by command line
JAVA_STACK_MB = 32  # -Xss: every JVM thread's stack, all of it counted in RLIMIT_DATA


_JAVA_COMMENTS = re.compile(r"/\*.*?\*/|//[^\n]*", re.S)
_JAVA_NAME = r"([A-Za-z_$][\w$]*)"
_JAVA_PUBLIC_CLASS = re.compile(r"\bpublic\s+(?:(?:final|abstract|strictfp)\s+)*(?:class|record|enum|interface)\s+" + _JAVA_NAME)
_JAVA_CLASS = re.compile(r"\b(?:class|record|enum)\s+" + _JAVA_NAME)
_JAVA_MAIN = re.compile(r"\bstatic\s+(?:final\s+)?void\s+main\s*\(")
#: A ``package`` line: blanked, since the classes are compiled into and run from one flat directory.
_JAVA_PACKAGE = re.compile(r"^[ \t]*package\s+[A-Za-z_$][\w$.]*\s*;", re.M)


@dataclass(frozen=True)
class Language:
    """One language the sandbox runs (see the module docstring for each field)."""

    name: str
    source: str
    run: tuple[str, ...] | None
    compile: tuple[str, ...] | None = None
    outputs: tuple[str, ...] = ()
    env: Mapping[str, str] = field(default_factory=dict)
    data_extra_mb: int = 0
    memory_markers: tuple[str, ...] = ()
    compile_limits: Limits = COMPILE_LIMITS
    blank: re.Pattern[str] | None = None  # a declaration the flat job directory cannot honour (blanked once)

    @property
    def compiled(self) -> bool:
        return self.compile is not None

    def main_class(self, program: str) -> str:
        """Java: the public class, which names the file and is run; with none, the class declared last before
        ``static void main`` (else ``Main``). Other languages: ``main``."""
        if not self.source.startswith("{main}"):
            return "main"
        text = _JAVA_COMMENTS.sub(" ", program)
        public = _JAVA_PUBLIC_CLASS.search(text)
        if public:
            return public.group(1)
        entry = _JAVA_MAIN.search(text)
        before = [m.group(1) for m in _JAVA_CLASS.finditer(text[: entry.start()] if entry else text)]
        return (before[-1] if entry else before[0]) if before else "Main"

    def source_text(self, program: str) -> str:
        """The source as written to the job directory: ``blank``'s first match turned into spaces (lines keep their numbers)."""
        if self.blank is None:
            return program
        return self.blank.sub(lambda match: re.sub(r"\S", " ", match.group(0)), program, count=1)

    def source_name(self, program: str) -> str:
        return self.source.format(main=self.main_class(program))

    def _fill(self, items: tuple[str, ...], program: str, memory_mb: int) -> list[str]:
        values = {"source": self.source_name(program), "main": self.main_class(program), "dir": ARTIFACT_DIR}
        values |= {"memory_mb": str(memory_mb), "stack_mb": str(STACK_MB)}
        return [item.format(**values) for item in items]

    def compile_argv(self, program: str) -> list[str]:
        assert self.compile is not None, f"{self.name} has no compile step"
        return self._fill(self.compile, program, self.compile_limits.memory_mb)

    def run_argv(self, program: str, limits: Limits) -> list[str]:
        assert self.run is not None, f"{self.name} runs in Python's own runner"
        return self._fill(self.run, program, limits.memory_mb)

    def environment(self, memory_mb: int) -> dict[str, str]:
        """The language's own variables for a step whose memory limit is ``memory_mb``."""
        return {key: value.format(memory_mb=memory_mb) for key, value in self.env.items()}

    def cache_key(self, program: str, image: str) -> str:
        """What identifies a compiled program: the language's compile step, the source and the image."""
        text = "\0".join([self.name, repr(self.compile), repr(self.outputs), image, program])
        return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()

    def ran_out_of_memory(self, stderr: bytes) -> bool:
        return any(marker.encode() in stderr for marker in self.memory_markers)


#: Both JVMs: one GC thread, no perf-data file in /tmp, the class-data archive. javac also compiles with C1 only.
_JVM = ("-XX:+UseSerialGC", "-XX:-UsePerfData", "-Xshare:auto")

LANGUAGES: dict[str, Language] = {
    language.name: language
    for language in (
        Language("python", "main.py", None, memory_markers=("MemoryError",)),
        Language(
            "c",
            "main.c",
            ("{dir}/main",),
            compile=("gcc", "-std=gnu17", "-O2", "-pipe", "-o", "main", "{source}", "-lm"),
            outputs=("main",),
        ),
        Language(
            "cpp",
            "main.cpp",
            ("{dir}/main",),
            compile=("g++", "-std=gnu++17", "-O2", "-pipe", "-o", "main", "{source}"),
            outputs=("main",),
            memory_markers=("std::bad_alloc",),
        ),
        Language(
            "java",
            "{main}.java",
            ("java", *_JVM, "-Xmx{memory_mb}m", f"-Xss{JAVA_STACK_MB}m", "-cp", "{dir}", "{main}"),
            compile=(
                "javac",
                *(f"-J{flag}" for flag in (*_JVM, "-XX:TieredStopAtLevel=1", "-Xmx{memory_mb}m")),
                "-proc:none",
                "-encoding",
                "UTF-8",
                "-d",
                ".",
                "{source}",
            ),  # fmt: skip
            outputs=("*.class",),
            data_extra_mb=640,  # metaspace, code cache, GC, and about a dozen threads' stacks
            memory_markers=("java.lang.OutOfMemoryError",),
            blank=_JAVA_PACKAGE,
        ),
        Language(
            "javascript",
            "main.js",
            ("node", "--max-old-space-size={memory_mb}", "--v8-pool-size=1", "{source}"),
            env={"UV_THREADPOOL_SIZE": "1"},
            data_extra_mb=192,
            memory_markers=("JavaScript heap out of memory",),
        ),
        Language(
            "go",
            "main.go",
            ("{dir}/main",),
            compile=("sh", "-c", "go tool compile -o main.o {source} && go tool link -s -w -o main main.o"),
            outputs=("main",),
            env={"GOMAXPROCS": "1", "GOMEMLIMIT": "{memory_mb}MiB", "GOTRACEBACK": "single"},
            data_extra_mb=64,
            memory_markers=("runtime: out of memory",),
        ),
        Language(
            "rust",
            "main.rs",
            ("{dir}/main",),
            compile=(
                "rustc",
                "--edition",
                "2021",
                "-O",
                "-C",
                "debuginfo=0",
                "-C",
                "strip=symbols",
                "-C",
                "codegen-units=1",
                "-o",
                "main",
                "{source}",
            ),  # fmt: skip
            outputs=("main",),
            memory_markers=("memory allocation of",),
        ),
    )
}


def language(name: str) -> Language:
    """The row of ``name``; ``ValueError`` naming the languages there are otherwise."""
    try:
        return LANGUAGES[name]
    except KeyError:
        raise ValueError(f"the sandbox runs no language {name!r}; it runs {', '.join(LANGUAGES)}") from None
