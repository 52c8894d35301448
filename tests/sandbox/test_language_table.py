"""The language table on its own (no Docker): names, command lines, limits, and what the image builds for it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from grpo_rewards_sandbox import LANGUAGES, Limits
from grpo_rewards_sandbox.docker_backend import DockerBackend, job_memory_mb
from grpo_rewards_sandbox.languages import ARTIFACT_DIR, language

IMAGE = Path(__file__).resolve().parents[2] / "sandbox" / "image"


def test_java_files_are_named_after_the_public_class():
    java = LANGUAGES["java"]
    assert java.source_name("// public class Nope\npublic final class Solver { }") == "Solver.java"
    assert java.source_name("class A {}\nclass B { public static void main(String[] a) {} }") == "B.java"
    assert java.main_class("class A { static void main(String[] a) {} }\nclass B {}") == "A"
    assert java.main_class("interface I {}") == "Main"
    assert "-proc:none" in java.compile_argv("public class Main {}")  # no annotation processors at compile time


def test_a_java_package_line_is_blanked_and_nothing_else():
    java = LANGUAGES["java"]
    source = '// package a.b; in a comment\n  package a.b_c ;\nclass Main { String s = "package x;"; }\n'
    blanked = java.source_text(source)
    assert "package a.b_c" not in blanked and blanked.splitlines()[0] == "// package a.b; in a comment"
    assert len(blanked) == len(source) and blanked.count("\n") == source.count("\n")  # compiler lines keep their numbers
    assert 'String s = "package x;"' in blanked
    assert LANGUAGES["cpp"].source_text("package x;") == "package x;"


def test_command_lines_are_filled_from_the_limits():
    limits = Limits(memory_mb=300)
    assert LANGUAGES["java"].run_argv("public class Sum {}", limits)[-3:] == ["-cp", ARTIFACT_DIR, "Sum"]
    assert "-Xmx300m" in LANGUAGES["java"].run_argv("", limits)
    assert "--max-old-space-size=300" in LANGUAGES["javascript"].run_argv("", limits)
    assert LANGUAGES["go"].environment(300) == {"GOMAXPROCS": "1", "GOMEMLIMIT": "300MiB", "GOTRACEBACK": "single"}
    assert LANGUAGES["c"].run_argv("", limits) == [f"{ARTIFACT_DIR}/main"]
    with pytest.raises(ValueError, match="runs no language 'cobol'; it runs python, c, cpp"):
        language("cobol")


def test_cache_keys_change_with_the_program_the_compile_step_and_the_image():
    c, cpp = LANGUAGES["c"], LANGUAGES["cpp"]
    keys = {c.cache_key("x", "img"), c.cache_key("y", "img"), cpp.cache_key("x", "img"), c.cache_key("x", "other")}
    assert len(keys) == 4 and all(re.fullmatch(r"[0-9a-f]{64}", key) for key in keys)


def test_the_precompiled_header_is_built_with_the_cpp_compile_flags():
    dockerfile = (IMAGE / "Dockerfile").read_text()
    built = re.search(r"g\+\+ (.*?) -x c\+\+-header", dockerfile)
    assert built is not None
    flags = [flag for flag in LANGUAGES["cpp"].compile_argv("") if flag.startswith(("-std", "-O"))]
    assert built.group(1).split() == flags  # a header built with other flags is silently ignored by g++


def test_every_compiler_and_runtime_comes_from_the_package_list():
    packages = {line.strip() for line in (IMAGE / "packages.txt").read_text().splitlines() if line.strip() and line[0] != "#"}
    providers = {"python": "python3", "c": "gcc", "cpp": "g++", "java": "openjdk-17-jdk-headless", "javascript": "nodejs",
                 "go": "golang-go", "rust": "rustc"}  # fmt: skip
    assert set(providers) == set(LANGUAGES) and set(providers.values()) <= packages


def test_containers_are_sized_for_the_largest_run_or_compile_step():
    limits = Limits(memory_mb=256)
    largest = max(
        [256 + row.data_extra_mb for row in LANGUAGES.values()]
        + [row.compile_limits.memory_mb + row.data_extra_mb for row in LANGUAGES.values() if row.compiled]
    )
    assert job_memory_mb(limits) == largest
    create, host = DockerBackend(image="x", client=object(), limits=limits).container_options()
    store = host["tmpfs"]["/sandbox"]
    assert "exec" in store.split(",") and "mode=0711" in store and f"uid={create['command'][1]}" in store
    assert "noexec" in host["tmpfs"]["/tmp"].split(",")
