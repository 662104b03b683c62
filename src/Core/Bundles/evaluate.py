#!/usr/bin/env python3
"""Evaluates this bundle's weights in this bundle's PyTorch source on a test split, as the service evaluated them.

    python3 evaluate.py DATA [--weights weights.safetensors|weights.pth] [--limit N] [--batch-size 256]

DATA is a folder (or file) of MNIST-style IDX files (t10k-images-idx3-ubyte and t10k-labels-idx1-ubyte, optionally
.gz) or CIFAR-10's binary test batch (test_batch.bin). The first --limit images are used (by default the job's
testLimit, the images its stored evaluation used), preprocessed with bundle.json's steps. Prints one JSON line:
{"count", "correct", "accuracy", "loss", "stored_accuracy"}. Needs only torch (1.13 or later).
"""
import argparse
import gzip
import importlib.util
import json
import os
import struct
import sys

import torch
import torch.nn.functional as F

HERE = os.path.dirname(os.path.abspath(__file__))
DTYPES = {"F64": torch.float64, "F32": torch.float32, "F16": torch.float16, "BF16": torch.bfloat16,
          "I64": torch.int64, "I32": torch.int32, "U8": torch.uint8, "BOOL": torch.bool}


def read_safetensors(path):
    """The format by hand (8-byte little-endian header length, JSON header, raw little-endian data), so that no
    safetensors package is needed."""
    with open(path, "rb") as f:
        data = f.read()
    (length,) = struct.unpack("<Q", data[:8])
    header = json.loads(data[8:8 + length].decode("utf-8"))
    start = 8 + length
    tensors = {}
    for name, info in header.items():
        if name == "__metadata__":
            continue
        begin, end = info["data_offsets"]
        raw = bytearray(data[start + begin:start + end])
        dtype = DTYPES[info["dtype"]]
        flat = torch.frombuffer(raw, dtype=dtype) if raw else torch.empty(0, dtype=dtype)
        tensors[name] = flat.reshape(info["shape"])
    return tensors


def load_weights(path):
    if path.endswith(".safetensors"):
        return read_safetensors(path)
    return torch.load(path, map_location="cpu", weights_only=True)


def load_model(manifest, weights):
    spec = importlib.util.spec_from_file_location("bundle_model", os.path.join(HERE, manifest["source"]))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    model = getattr(module, manifest["className"])()
    model.load_state_dict(load_weights(weights), strict=True)
    return model.eval()


def _open(path):
    return gzip.open(path, "rb") if path.endswith(".gz") else open(path, "rb")


def _find(folder, names):
    for name in names:
        for candidate in (name, name + ".gz"):
            path = os.path.join(folder, candidate)
            if os.path.exists(path):
                return path
    return None


def read_idx(images_path, labels_path):
    with _open(images_path) as f:
        magic, count, rows, cols = struct.unpack(">IIII", f.read(16))
        if magic != 0x803:
            raise SystemExit(f"{images_path}: not an IDX image file (magic {magic:#x})")
        images = torch.frombuffer(bytearray(f.read(count * rows * cols)), dtype=torch.uint8).reshape(count, 1, rows, cols)
    with _open(labels_path) as f:
        magic, count = struct.unpack(">II", f.read(8))
        if magic != 0x801:
            raise SystemExit(f"{labels_path}: not an IDX label file (magic {magic:#x})")
        labels = torch.frombuffer(bytearray(f.read(count)), dtype=torch.uint8).long()
    return images, labels


def read_cifar(path):
    with open(path, "rb") as f:
        records = torch.frombuffer(bytearray(f.read()), dtype=torch.uint8).reshape(-1, 1 + 3 * 32 * 32)
    return records[:, 1:].reshape(-1, 3, 32, 32), records[:, 0].long()


def read_test_split(data):
    if os.path.isfile(data) and data.endswith(".bin"):
        return read_cifar(data)
    folder = data if os.path.isdir(data) else os.path.dirname(data)
    images = _find(folder, ["t10k-images-idx3-ubyte", "t10k-images.idx3-ubyte"])
    labels = _find(folder, ["t10k-labels-idx1-ubyte", "t10k-labels.idx1-ubyte"])
    if images and labels:
        return read_idx(images, labels)
    cifar = _find(folder, ["test_batch.bin", os.path.join("cifar-10-batches-bin", "test_batch.bin")])
    if cifar:
        return read_cifar(cifar)
    raise SystemExit(f"{data}: no t10k-images-idx3-ubyte/t10k-labels-idx1-ubyte or test_batch.bin found")


def preprocess(batch, steps):
    x = batch
    for step in steps:
        op = step["op"]
        if op == "scale":
            x = x.to(torch.float32) / float(step["divisor"])
        elif op == "replicate_channels":
            x = x.expand(x.shape[0], step["channels"], x.shape[2], x.shape[3]).contiguous()
        elif op == "resize_bilinear":
            x = F.interpolate(x, size=[step["height"], step["width"]], mode="bilinear", align_corners=False)
        elif op == "pad":
            x = F.pad(x, (step["left"], step["right"], step["top"], step["bottom"]))
        elif op == "normalize":
            mean = torch.tensor(step["mean"], dtype=torch.float32).view(1, -1, 1, 1)
            std = torch.tensor(step["std"], dtype=torch.float32).view(1, -1, 1, 1)
            x = (x - mean) / std
        else:
            raise SystemExit(f"bundle.json has a preprocessing step this script does not know: {op}")
    return x


def main():
    with open(os.path.join(HERE, "bundle.json"), encoding="utf-8") as f:
        manifest = json.load(f)
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("data")
    parser.add_argument("--weights", default=os.path.join(HERE, manifest["weights"]["safetensors"]))
    parser.add_argument("--limit", type=int, default=manifest["testLimit"])
    parser.add_argument("--batch-size", type=int, default=256)
    args = parser.parse_args()

    model = load_model(manifest, args.weights)
    images, labels = read_test_split(args.data)
    if args.limit is not None:
        images, labels = images[:args.limit], labels[:args.limit]
    correct, loss_sum = 0, 0.0
    with torch.no_grad():
        for start in range(0, len(labels), args.batch_size):
            x = preprocess(images[start:start + args.batch_size], manifest["preprocessing"])
            y = labels[start:start + args.batch_size]
            logits = model(x)
            loss_sum += F.cross_entropy(logits, y, reduction="sum").item()
            correct += int((logits.argmax(dim=1) == y).sum())
    count = len(labels)
    print(json.dumps({"count": count, "correct": correct, "accuracy": correct / count if count else 0.0,
                      "loss": loss_sum / count if count else 0.0, "stored_accuracy": manifest.get("testAccuracy")}))


if __name__ == "__main__":
    sys.exit(main())
