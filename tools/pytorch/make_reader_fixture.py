"""Writes, with real torch.save, the fixture the C# PthReader test reads: a small Sequential with
a BatchNorm (so int64 num_batches_tracked and buffers appear) whose every value is predictable.

    python3 make_reader_fixture.py out.pth
"""
import sys

import torch
from torch import nn


def main(path: str) -> None:
    model = nn.Sequential(nn.Conv2d(1, 2, 3), nn.BatchNorm2d(2), nn.ReLU(), nn.Flatten(), nn.Linear(8, 3))
    with torch.no_grad():
        for index, (name, tensor) in enumerate(model.state_dict().items()):
            if tensor.dtype == torch.int64:
                tensor.fill_(7)
            else:
                tensor.copy_(torch.arange(tensor.numel(), dtype=tensor.dtype).reshape(tensor.shape) * 0.5 + index)
    torch.save(model.state_dict(), path)
    for name, tensor in model.state_dict().items():
        print(name, tuple(tensor.shape), tensor.dtype)


if __name__ == "__main__":
    main(sys.argv[1])
