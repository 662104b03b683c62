"""Loads a downloaded LeNet-5 checkpoint with torch.load(weights_only=True) into the reference
class and evaluates it on the MNIST test set, preprocessed as the service does (scale to [0, 1],
zero-pad 28x28 to 32x32, normalise with mean 0.1307 and std 0.3081).

    python3 verify_checkpoint.py best.pth path/to/mnist-folder
"""
import inspect
import sys
from pathlib import Path

import numpy as np
import torch
import torch.nn.functional as F

from lenet5 import LeNet5


def read_idx(path: Path, magic: int, header_ints: int) -> np.ndarray:
    raw = path.read_bytes()
    header = np.frombuffer(raw[: 4 * header_ints], dtype=">i4")
    assert header[0] == magic, f"{path}: magic {header[0]:#x}"
    return np.frombuffer(raw[4 * header_ints:], dtype=np.uint8).reshape(header[1:].tolist() or [-1])


def main(checkpoint: str, mnist: str) -> None:
    state = torch.load(checkpoint, weights_only=True)
    # torch.load gained mmap in 2.1; Debian's 1.13 reads the same file without it.
    if "mmap" in inspect.signature(torch.load).parameters:
        mapped = torch.load(checkpoint, weights_only=True, mmap=True)
        assert all(torch.equal(state[k], mapped[k]) for k in state), "mmap load differs"
    model = LeNet5()
    model.load_state_dict(state, strict=True)
    model.eval()
    folder = Path(mnist)
    images = torch.from_numpy(read_idx(folder / "t10k-images-idx3-ubyte", 0x803, 4).copy()).float().div(255)
    labels = torch.from_numpy(read_idx(folder / "t10k-labels-idx1-ubyte", 0x801, 2).copy()).long()
    images = (F.pad(images.unsqueeze(1), (2, 2, 2, 2)) - 0.1307) / 0.3081
    with torch.no_grad():
        logits = model(images)
    loss = F.cross_entropy(logits, labels).item()
    accuracy = (logits.argmax(1) == labels).float().mean().item()
    print(f"keys {list(state)}")
    print(f"torch {torch.__version__}: test loss {loss:.6f}, test accuracy {accuracy:.4%} on {len(labels)} images")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: verify_checkpoint.py CHECKPOINT.pth MNIST_FOLDER")
    main(sys.argv[1], sys.argv[2])
