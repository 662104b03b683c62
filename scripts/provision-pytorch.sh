#!/usr/bin/env bash
# Real PyTorch for the interop tests and benchmarks: Debian's python3-torch (1.13) under /usr/bin/python3,
# with OpenBLAS (without it PyTorch's Linear layers run on the reference BLAS). Installed with apt-get
# where that is possible (root, or sudo without a password); exits 1 when torch is still missing.
# Also python3-onnx (ONNX 1.12), whose checker the ONNX export tests run on every exported file.
set -uo pipefail
/usr/bin/python3 -c 'import torch, onnx' 2>/dev/null && exit 0
command -v apt-get >/dev/null || exit 1
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  sudo -n true 2>/dev/null || exit 1
  sudo="sudo -n"
fi
echo "Installing Debian's PyTorch and ONNX for the interop tests (python3-torch, python3-torchvision, libopenblas0-pthread, python3-onnx)..." >&2
$sudo apt-get update -qq >&2 || true
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq python3-torch python3-torchvision libopenblas0-pthread python3-onnx >&2 || exit 1
/usr/bin/python3 -c 'import torch' 2>/dev/null
