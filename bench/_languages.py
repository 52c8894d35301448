"""The per-language rows of ``bench_sandbox.py``: a trivial stdin-to-stdout program in each language.

Each is timed three ways, interleaved: compiled once on the host with the
host's toolchain and the same flags, then a bare subprocess per execution
(``host``); the same inside a warm container of the image (``in docker``, the
pool's CPU share; see ``_in_container.py``); and through the pool (compiled
once by the pool, in the sandbox). A language whose toolchain the host lacks
has no ``host`` row.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from _in_container import InContainer
from grpo_rewards_sandbox import LANGUAGES, Limits, RunJob
from grpo_rewards_sandbox.languages import ARTIFACT_DIR

__all__ = ["ECHO", "LIMITS", "HostBuild", "echo_job", "in_container", "run_argv"]

ECHO = {
    "python": "import sys\nsys.stdout.write(sys.stdin.read())\n",
    "c": "#include <stdio.h>\nint main(void){char b[65536];size_t n;\n"
    "while((n=fread(b,1,sizeof b,stdin))>0)fwrite(b,1,n,stdout);return 0;}\n",
    "cpp": "#include <iostream>\nint main(){std::cout<<std::cin.rdbuf();}\n",
    "java": "public class Main { public static void main(String[] a) throws Exception { System.in.transferTo(System.out); } }\n",
    "javascript": "process.stdout.write(require('fs').readFileSync(0));\n",
    "go": 'package main\nimport ("io"; "os")\nfunc main() { io.Copy(os.Stdout, os.Stdin) }\n',
    "rust": "fn main() { std::io::copy(&mut std::io::stdin(), &mut std::io::stdout()).unwrap(); }\n",
}
LIMITS = Limits(timeout=30.0, cpu_time=10.0, memory_mb=256)


def run_argv(language: str, where: str) -> list[str]:
    """The pool's run command line for the echo program, with its artifacts (and cwd files) in ``where``."""
    if language == "python":
        return ["python3", f"{where}/main.py"]
    row = LANGUAGES[language]
    argv = [part.replace(ARTIFACT_DIR, where) for part in row.run_argv(ECHO[language], LIMITS)]
    return [f"{where}/{part}" if part == row.source_name(ECHO[language]) else part for part in argv]


class HostBuild:
    """The echo program compiled on the host in a temporary directory (``argv`` is None when a tool is missing)."""

    def __init__(self, language: str) -> None:
        self.dir = Path(tempfile.mkdtemp(prefix=f"grpo-bench-{language}-"))
        row = LANGUAGES[language]
        source = ECHO[language]
        (self.dir / row.source_name(source)).write_text(source)
        self.argv: list[str] | None = run_argv(language, str(self.dir))
        if language == "python":  # the distribution's python3, the image's too, rather than this venv's
            self.argv = [next(p for p in ("/usr/bin/python3", sys.executable) if Path(p).exists()), str(self.dir / "main.py")]
        tool = row.compile_argv(source)[0] if row.compiled else self.argv[0]
        if shutil.which(tool if tool != "sh" else "go") is None:
            self.argv = None
        elif row.compiled:
            subprocess.run(row.compile_argv(source), cwd=self.dir, check=True, capture_output=True)

    def close(self) -> None:
        shutil.rmtree(self.dir, ignore_errors=True)


def in_container(image: str, language: str, count: int) -> InContainer:
    row = LANGUAGES[language]
    source = ECHO[language]
    setup = [row.compile_argv(source)] if row.compiled else []
    return InContainer(image, run_argv(language, "/tmp"), count, files={row.source_name(source): source}, setup=setup)


def echo_job(language: str, stdin: bytes) -> RunJob:
    return RunJob(ECHO[language], stdin, LIMITS, language)
