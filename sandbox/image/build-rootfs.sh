#!/usr/bin/env bash
# Offline base, step 1: debootstrap a minimal Debian with Python into DIR (run as root).
#   build-rootfs.sh DIR [SUITE]
# The caller then packs DIR with tar and runs `docker import` on it. No mirror is named, so
# debootstrap uses its built-in default (or a local proxy configured for apt on this machine).
set -euo pipefail
dir="$1"
suite="${2:-bookworm}"
here="$(cd "$(dirname "$0")" && pwd)"
packages="$(grep -v '^#' "$here/packages.txt" | xargs | tr ' ' ',')"
debootstrap --variant=minbase --include="$packages" "$suite" "$dir" >&2
# Drop what a sandboxed program never needs: package caches, logs, docs and locales.
rm -rf "$dir"/var/cache/apt/* "$dir"/var/lib/apt/lists/* "$dir"/var/log/* \
       "$dir"/usr/share/doc/* "$dir"/usr/share/man/* "$dir"/usr/share/info/* "$dir"/usr/share/locale/*
# ... and what the compile steps never use (grpo_rewards_sandbox/languages.py): Go's sources, tests and tools
# other than compile and link (its standard library comes precompiled), and the JDK's jmods (jlink's input).
bash "$here/trim-toolchains.sh" "$dir"
