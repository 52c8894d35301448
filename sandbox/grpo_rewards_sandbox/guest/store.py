"""Compiled programs, kept by PID 1 for the life of the container, and handed to one job at a time.

``/sandbox`` is a tmpfs of PID 1's own (mode 0711: others may pass through,
not list), the only place in the container where files may be executed. No
job can write there:

* ``/sandbox/store/<key>/`` (mode 0700, PID 1's only) holds each compiled
  program the host sent or a compile job produced, under its content key;
* ``/sandbox/job/`` (mode 0755) holds, during one run, hard links to that run's
  program and nothing else; PID 1 removes them after the run.

So a job can execute its own compiled program and reach no other (a sibling's
binary would be a sibling's answer). A compile job writes its outputs into its
job directory (``noexec``); :func:`collect` reads them from there without
following links, bounded in number and size, and copies them into the store:
PID 1's files, never the job's. The host decides what the store keeps (it
sends each program once per container and says what to evict), so PID 1 and
the host agree on its contents without asking each other.
"""

from __future__ import annotations

import os
import re
import shutil
import stat

__all__ = ["ARTIFACT_DIR", "MAX_ARTIFACT", "StoreError", "collect", "evict", "has", "link", "put", "unlink"]

ROOT = "/sandbox"
STORE = f"{ROOT}/store"
ARTIFACT_DIR = f"{ROOT}/job"
MAX_ARTIFACT = 64 * 1024 * 1024  # bytes of one compiled program, all its files together
MAX_FILES = 512
_KEY = re.compile(r"[0-9a-f]{16,64}")
_NAME = re.compile(r"[A-Za-z0-9_$][A-Za-z0-9_$.-]{0,200}")


class StoreError(Exception):
    """An artifact could not be kept or handed over (our failure), or a name or key is malformed."""


def _path(key: str) -> str:
    if not _KEY.fullmatch(key):
        raise StoreError(f"malformed artifact key {key[:80]!r}")
    return os.path.join(STORE, key)


def has(key: str) -> bool:
    return os.path.isdir(_path(key))


def put(key: str, files: dict[str, bytes]) -> None:
    """Keep ``files`` under ``key`` (PID 1's files, readable and executable once linked into a run)."""
    if not files or len(files) > MAX_FILES or sum(len(data) for data in files.values()) > MAX_ARTIFACT:
        raise StoreError(f"an artifact must have 1 to {MAX_FILES} files and at most {MAX_ARTIFACT} bytes")
    path = _path(key)
    os.makedirs(STORE, mode=0o700, exist_ok=True)
    if os.path.isdir(path):
        return
    partial = path + ".partial"
    shutil.rmtree(partial, ignore_errors=True)
    os.mkdir(partial, 0o700)
    try:
        for name, data in files.items():
            if not _NAME.fullmatch(name):
                raise StoreError(f"malformed artifact file name {name[:80]!r}")
            fd = os.open(os.path.join(partial, name), os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o700)
            try:
                os.fchmod(fd, 0o755)
                view = memoryview(data)
                while view:
                    view = view[os.write(fd, view) :]
            finally:
                os.close(fd)
        os.rename(partial, path)
    except OSError as exc:
        shutil.rmtree(partial, ignore_errors=True)
        raise StoreError(f"could not keep the compiled program: {exc}") from None


def evict(keys: list[str]) -> None:
    for key in keys:
        shutil.rmtree(_path(key), ignore_errors=True)


def link(key: str) -> None:
    """Hand the artifact ``key`` to the next run: hard links in ``ARTIFACT_DIR``."""
    path = _path(key)
    try:
        os.mkdir(ARTIFACT_DIR, 0o700)
        os.chmod(ARTIFACT_DIR, 0o755)
        for name in os.listdir(path):
            os.link(os.path.join(path, name), os.path.join(ARTIFACT_DIR, name))
    except OSError as exc:
        raise StoreError(f"could not hand the compiled program over: {exc}") from None


def unlink() -> None:
    """Take the last run's links away (after the run)."""
    try:
        names = os.listdir(ARTIFACT_DIR)
    except FileNotFoundError:
        return
    for name in names:
        os.unlink(os.path.join(ARTIFACT_DIR, name))
    os.rmdir(ARTIFACT_DIR)


def collect(directory: str, outputs: list[str]) -> dict[str, bytes] | str:
    """The compile step's ``outputs`` (names, or ``*.ext`` patterns) from ``directory``; or what is wrong.

    The directory is PID 1's job directory; the files in it are the job's, so
    each is opened without following links and must be a regular file, and
    all together are bounded. A missing output is the program's failure (the
    compiler made none), said in words.
    """
    try:
        names = sorted(os.listdir(directory))
    except OSError as exc:
        return f"the compiler's outputs cannot be read: {exc}"
    wanted: list[str] = []
    for output in outputs:
        matches = [n for n in names if n.endswith(output[1:])] if output.startswith("*") else [output] * (output in names)
        if not matches:
            return f"the compiler made no {output}"
        wanted += matches
    files: dict[str, bytes] = {}
    total = 0
    for name in dict.fromkeys(wanted):
        if len(files) >= MAX_FILES or not _NAME.fullmatch(name):
            return f"the compiler made too many files, or one with an odd name ({name[:80]!r})"
        data = _read_regular(os.path.join(directory, name), MAX_ARTIFACT - total)
        if isinstance(data, str):
            return data
        files[name] = data
        total += len(data)
    return files


def _read_regular(path: str, room: int) -> bytes | str:
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    except OSError as exc:
        return f"the compiler's output {os.path.basename(path)} cannot be read: {exc.strerror}"
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            return f"the compiler's output {os.path.basename(path)} is not a regular file"
        if info.st_size > room:
            return f"the compiled program is larger than {MAX_ARTIFACT // (1 << 20)} MiB"
        chunks, size = [], 0
        while chunk := os.read(fd, 1 << 20):
            chunks.append(chunk)
            size += len(chunk)
            if size > room:
                return f"the compiled program is larger than {MAX_ARTIFACT // (1 << 20)} MiB"
        return b"".join(chunks)
    finally:
        os.close(fd)
