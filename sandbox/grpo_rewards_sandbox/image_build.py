"""The sandbox image: its sources, its content-hash tag, and the two ways to build it.

The tag is ``grpo-rewards-sandbox:<hash>``, where the hash covers every file
that goes into the image (the Dockerfile, the package lists, the rootfs
script and the supervisor's code). Change any of them and the expected tag
changes, so a stale image is detected instead of silently used.

* :func:`build_offline`: debootstrap a minimal Debian (``build-rootfs.sh``),
  ``docker import`` it as the base, then build the Dockerfile on top with the
  network off. Needs root and debootstrap, no registry.
* :func:`build_from_registry`: build the same Dockerfile on an official Python
  base, installing ``requirements.txt`` with pip.
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from .errors import SandboxUnavailable

__all__ = [
    "IMAGE_REPOSITORY",
    "ImageStatus",
    "base_tag",
    "build_from_registry",
    "build_offline",
    "default_image",
    "image_status",
    "source_hash",
]

IMAGE_REPOSITORY = "grpo-rewards-sandbox"
BASE_REPOSITORY = "grpo-rewards-sandbox-base"
SOURCES_LABEL = "grpo-rewards-sandbox.sources"
IMAGE_FILES = ("Dockerfile", "requirements.txt", "packages.txt", "build-rootfs.sh")
BASE_FILES = ("packages.txt", "build-rootfs.sh")

Progress = Callable[[str], None]


def _image_dir() -> Path:
    """``sandbox/image`` in a checkout; the same files as package data in an installed wheel."""
    checkout = Path(__file__).resolve().parent.parent / "image"
    return checkout if checkout.is_dir() else Path(str(resources.files("grpo_rewards_sandbox.image")))


def _guest_dir() -> Path:
    return Path(__file__).resolve().parent / "guest"


def _digest(paths: list[Path]) -> str:
    digest = hashlib.sha256()
    for path in paths:
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def _guest_files() -> list[str]:
    """Every module of the guest package (the code that runs inside the image)."""
    return sorted(path.name for path in _guest_dir().glob("*.py"))


def source_hash() -> str:
    """SHA-256 over every file the image is built from."""
    image, guest = _image_dir(), _guest_dir()
    return _digest([image / name for name in IMAGE_FILES] + [guest / name for name in _guest_files()])


def default_image() -> str:
    """The tag of the image built from this package's sources."""
    return f"{IMAGE_REPOSITORY}:{source_hash()[:16]}"


def base_tag() -> str:
    """The tag of the offline Debian base (changes only with the package list or the rootfs script)."""
    image = _image_dir()
    return f"{BASE_REPOSITORY}:{_digest([image / name for name in BASE_FILES])[:16]}"


@dataclass(frozen=True)
class ImageStatus:
    """Whether the expected image exists, and any stale ones built from other sources."""

    expected: str
    present: bool
    stale: tuple[str, ...]

    def problem(self) -> str | None:
        """A message saying what is wrong and what to do, or None when the image is there."""
        if self.present:
            return None
        found = f" (found {', '.join(self.stale[:3])}, built from other sources: stale)" if self.stale else ""
        return f"the sandbox image {self.expected} is not built{found}; run `grpo-rewards-sandbox build`"


def image_status(client: Any, expected: str | None = None) -> ImageStatus:
    """Look the expected image up on the engine, listing stale images of the same repository."""
    expected = expected or default_image()
    repository = expected.rsplit(":", 1)[0]
    tags = [tag for image in client.images.list(name=repository) for tag in image.tags]
    return ImageStatus(expected, expected in tags, tuple(sorted(tag for tag in tags if tag != expected)))


def build_offline(client: Any, progress: Progress = print, *, rebuild_base: bool = False) -> str:
    """Build the image with no registry: debootstrap, ``docker import``, then the Dockerfile on top."""
    base = base_tag()
    if rebuild_base or not image_status(client, base).present:
        _import_base(client, base, progress)
    else:
        progress(f"base {base} is already built")
    return _build(client, progress, buildargs={"BASE": base, "INSTALL_REQUIREMENTS": "0"}, network_mode="none")


def build_from_registry(client: Any, progress: Progress = print, *, base: str | None = None) -> str:
    """Build the image on an official Python base pulled from a registry (pip installs requirements.txt)."""
    buildargs = {"BASE": base} if base else {}
    return _build(client, progress, buildargs=buildargs, pull=True)


def _import_base(client: Any, tag: str, progress: Progress) -> None:
    if shutil.which("debootstrap") is None:
        raise SandboxUnavailable("debootstrap is not installed: `apt-get install -y debootstrap` (or use --from-registry)")
    with tempfile.TemporaryDirectory(prefix="grpo-rewards-rootfs-") as tmp:
        root, tarball = Path(tmp) / "root", Path(tmp) / "root.tar"
        progress("debootstrap: a minimal Debian with " + ", ".join(_packages()))
        _run_logged(["bash", str(_image_dir() / "build-rootfs.sh"), str(root)], progress)
        progress("packing the root filesystem")
        subprocess.run(["tar", "--numeric-owner", "-C", str(root), "-cf", str(tarball), "."], check=True)
        progress(f"docker import as {tag}")
        repository, version = tag.rsplit(":", 1)
        client.api.import_image_from_file(str(tarball), repository=repository, tag=version)


def _packages() -> list[str]:
    lines = (_image_dir() / "packages.txt").read_text().splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def _run_logged(command: list[str], progress: Progress) -> None:
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True) as process:
        assert process.stdout is not None
        tail: list[str] = []
        for line in process.stdout:
            tail = (tail + [line.rstrip()])[-20:]
            if line.startswith(("I: Retrieving", "I: Installing core", "I: Configuring", "I: Base system")):
                progress(line.rstrip())
    if process.returncode != 0:
        raise SandboxUnavailable(f"{command[1]} failed (exit {process.returncode}):\n" + "\n".join(tail))


@contextmanager
def _context() -> Iterator[Path]:
    """A build context: the image folder plus the guest package."""
    with tempfile.TemporaryDirectory(prefix="grpo-rewards-sandbox-build-") as tmp:
        context = Path(tmp)
        for name in IMAGE_FILES:
            shutil.copy2(_image_dir() / name, context / name)
        package = context / "grpo_rewards_sandbox"
        (package / "guest").mkdir(parents=True)
        (package / "__init__.py").write_text("")
        for name in _guest_files():
            shutil.copy2(_guest_dir() / name, package / "guest" / name)
        yield context


def _build(client: Any, progress: Progress, **options: Any) -> str:
    tag = default_image()
    progress(f"building {tag}")
    with _context() as context:
        stream = client.api.build(
            path=str(context), tag=tag, labels={SOURCES_LABEL: source_hash()}, rm=True, forcerm=True, decode=True, **options
        )
        for chunk in stream:
            if "error" in chunk:
                raise SandboxUnavailable(f"building {tag} failed: {chunk['error'].strip()}")
            line = chunk.get("stream", "").strip()
            if line.startswith("Step "):
                progress(line)
    progress(f"built {tag}")
    return tag
