#!/usr/bin/env bash
# A trimmed Ray for machines that cannot install it: one folder small enough to carry (under 45 MiB).
#
#   bash bench/pack_ray.sh [OUT_DIR] [PYTHON_VERSION]     # defaults: .ray-pack 3.12
#
# Downloads the Ray wheel for PYTHON_VERSION on x86-64 Linux, keeps what
# `ray.cluster_utils.Cluster`, actors and tasks need, and writes into OUT_DIR:
#   ray-VERSION-cpXY-trimmed.tar.xz   the trimmed package and jsonschema (about 25 MiB)
#   unpack.sh                         `bash OUT_DIR/unpack.sh DIR` unpacks it into DIR
# Then, on the other machine:
#   bash .ray-pack/unpack.sh /tmp/raypack && PYTHONPATH=/tmp/raypack:. python3 bench/bench_scale.py --no-code
#
# What goes (none of it is imported by a cluster of raylets with actors):
#   the libraries on top of the core: serve, tune, rllib, data, train, air, llm, workflow;
#   the Java jar, Cython headers, the dashboard's web client, util/{dask,spark,collective},
#   experimental/sandbox, every __pycache__; the three native binaries lose their symbol tables.
# What stays although it looks optional: dashboard/ (every raylet starts dashboard/agent.py and
# dies with it), the runtime-env agent's bundled aiohttp, autoscaler/ (cluster_utils and the head's
# monitor import it), experimental/{rdt,channel} and dag/ (imported by ray itself).
# dashboard/optional_deps.py is replaced by one that fails, so the agent always runs in its
# minimal mode, as with `pip install ray`, whatever the host has installed.
# Packed besides Ray: jsonschema and its three dependencies (Ray imports it at start-up). Ray's
# other dependencies are not packed: attrs, click, filelock, msgpack, packaging, protobuf, pyyaml
# and requests must be importable there (the GPU machine has them all).
set -euo pipefail

OUT=${1:-.ray-pack}
PY=${2:-3.12}
RAY_VERSION=${RAY_VERSION:-2.60.0}
PYTHON=${PYTHON:-$(command -v .venv/bin/python || command -v python3)}
TAG=cp${PY/./}
# Ray imports jsonschema at start-up; these four are packed (the GPU machine lacks them).
EXTRAS=${EXTRAS:-"jsonschema==4.26.0 jsonschema-specifications==2025.9.1 referencing==0.37.0 rpds-py==2026.9.1"}
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "downloading ray $RAY_VERSION for CPython $PY (x86-64 Linux)"
"$PYTHON" -m pip download -q --no-deps --only-binary=:all: --python-version "$PY" --implementation cp \
  --platform manylinux2014_x86_64 --platform manylinux_2_17_x86_64 --platform manylinux_2_28_x86_64 \
  -d "$work/wheels" "ray==$RAY_VERSION" $EXTRAS
for wheel in "$work"/wheels/*.whl; do
  "$PYTHON" -m zipfile -e "$wheel" "$work/site"
done

cd "$work/site/ray"
rm -rf serve tune rllib data air train llm workflow jars includes _raylet.pxd setup-dev.py \
  dashboard/client util/dask util/spark util/collective experimental/sandbox
find "$work/site" -name __pycache__ -prune -exec rm -rf {} +
cat > dashboard/optional_deps.py <<'PY'
# Trimmed by bench/pack_ray.sh: the dashboard's optional parts are not packed, so every agent runs minimal.
# ModuleNotFoundError, which the agent's module loader skips over (a plain ImportError stops the agent).
raise ModuleNotFoundError("this Ray was trimmed by bench/pack_ray.sh: the dashboard runs minimal", name=__name__)
PY
chmod +x core/src/ray/gcs/gcs_server core/src/ray/raylet/raylet
strip --strip-unneeded _raylet.so core/src/ray/gcs/gcs_server core/src/ray/raylet/raylet
unpacked=$(du -sm "$work/site" | cut -f1)

rm -f "$OUT"/ray-*-trimmed.tar.xz
archive="$OUT/ray-$RAY_VERSION-$TAG-trimmed.tar.xz"
echo "compressing ${unpacked} MiB (xz; a minute or two)"
tar -C "$work/site" -cf - . | xz -T0 -6 > "$archive"
cat > "$OUT/unpack.sh" <<'SH'
#!/usr/bin/env bash
# Unpack the trimmed Ray next to this script into DIR (default /tmp/raypack); put DIR on PYTHONPATH.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
dest=${1:-/tmp/raypack}
mkdir -p "$dest"
python3 - "$here"/ray-*-trimmed.tar.xz "$dest" <<'PY'
import sys, tarfile
with tarfile.open(sys.argv[1]) as archive:
    try:
        archive.extractall(sys.argv[2], filter="data")
    except TypeError:  # a Python without extraction filters
        archive.extractall(sys.argv[2])
PY
echo "ray unpacked into $dest: PYTHONPATH=$dest:\$PYTHONPATH"
SH
chmod +x "$OUT/unpack.sh"
du -sh "$OUT"
ls -l "$OUT"
