#!/usr/bin/env bash
# Remove the parts of the toolchains that the compile steps never use (about 280 MB), under ROOT.
#   trim-toolchains.sh ROOT     (ROOT is / inside a Dockerfile)
set -euo pipefail
root="${1%/}"
rm -rf "$root"/usr/share/go-*/src "$root"/usr/share/go-*/test "$root"/usr/share/go-*/api "$root"/usr/share/go-*/misc \
       "$root"/usr/lib/jvm/*/jmods
for tool in "$root"/usr/lib/go-*/pkg/tool/*/*; do
    case "$(basename "$tool")" in compile|link|asm) ;; *) rm -f "$tool" ;; esac
done
