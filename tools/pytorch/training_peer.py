#!/usr/bin/env python3
"""PyTorch's side of tools/TrainingComparison: a long-lived process that trains one network per setup.

    python3 tools/pytorch/training_peer.py

It reads one JSON request per line on stdin and answers one JSON line on stdout, so Python's
start-up and imports happen once, before anything is timed. Requests:

  {"op": "setup", "source": MODEL.py, "class": NAME, "weights": STATE.pth, "images": U8.bin, "labels": I64.bin,
   "shape": [N, C, H, W], "mean": [...], "std": [...], "batch": 64, "lr": 0.05, "momentum": 0.9,
   "threads": 2, "seed": 42, "first_order": I64.bin, "device": "cpu" | "cuda" | "cuda:N", "tf32": true}
      builds the class from our emitter's source, loads our initial weights, keeps the uint8 images and
      int64 labels in memory on the device (with TF32 for matmul and cuDNN as asked, on CUDA); answers
      torch's version, the BLAS library loaded, the device's name, threads, parameters.
  {"op": "epoch"}
      one timed epoch over whole batches: gather (index_select), scale to [0, 1], normalise, forward,
      cross-entropy, backward, SGD step, and the running loss and hits kept as tensors, as our
      EpochTrainer does. The first epoch visits the samples in first_order (our loader's order for
      epoch 0), so its first loss is comparable with ours; later epochs draw torch.randperm. On CUDA
      the device is synchronised before each clock read.
  {"op": "phases"}
      one epoch again, with the seconds of data, forward + loss, backward and step summed separately.
  {"op": "quit"}
"""
import json
import importlib.util
import sys
import time

import torch
import torch.nn.functional as F


def blas_library() -> str:
    """The BLAS shared object actually mapped (Debian's torch reports BLAS_INFO=generic whatever the alternative is)."""
    a = torch.randn(64, 64)
    (a @ a).sum().item()
    with open("/proc/self/maps", encoding="utf-8") as maps:
        for line in maps:
            path = line.split()[-1] if len(line.split()) >= 6 else ""
            if "blas" in path.lower():
                return path
    return ""


def read_tensor(path: str, dtype: torch.dtype, shape) -> torch.Tensor:
    with open(path, "rb") as stream:
        data = bytearray(stream.read())
    return torch.frombuffer(data, dtype=dtype).reshape(shape).clone()


class Peer:
    def __init__(self, request):
        torch.set_num_threads(int(request["threads"]))
        torch.manual_seed(int(request["seed"]))
        self.device = torch.device(request.get("device", "cpu"))
        if self.device.type == "cuda":
            if not torch.cuda.is_available():
                raise RuntimeError(f"torch {torch.__version__} under {sys.executable} has no CUDA; pass --python an interpreter whose torch has")
            torch.backends.cuda.matmul.allow_tf32 = bool(request.get("tf32", True))
            torch.backends.cudnn.allow_tf32 = bool(request.get("tf32", True))
        spec = importlib.util.spec_from_file_location("peer_model", request["source"])
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        n, c, h, w = request["shape"]
        self.model = getattr(module, request["class"])()
        self.model.load_state_dict(torch.load(request["weights"]))
        self.model.to(self.device)
        self.images = read_tensor(request["images"], torch.uint8, (n, c, h, w)).to(self.device)
        self.labels = read_tensor(request["labels"], torch.int64, (n,)).to(self.device)
        self.first_order = read_tensor(request["first_order"], torch.int64, (n,)).to(self.device)
        self.mean = torch.tensor(request["mean"], dtype=torch.float32).reshape(1, c, 1, 1).to(self.device)
        self.std = torch.tensor(request["std"], dtype=torch.float32).reshape(1, c, 1, 1).to(self.device)
        self.batch = int(request["batch"])
        self.optimizer = torch.optim.SGD(self.model.parameters(), lr=float(request["lr"]), momentum=float(request["momentum"]))
        self.epochs = 0

    def describe(self):
        device = torch.cuda.get_device_name(self.device) if self.device.type == "cuda" else "cpu"
        return {"torch": torch.__version__, "blas": blas_library(), "device": device, "threads": torch.get_num_threads(),
                "parameters": sum(p.numel() for p in self.model.parameters())}

    def synchronize(self):
        if self.device.type == "cuda":
            torch.cuda.synchronize(self.device)

    def clock(self) -> float:
        self.synchronize()
        return time.perf_counter()

    def order(self) -> torch.Tensor:
        self.epochs += 1
        # Drawn on the CPU and copied once per epoch, as our loader does.
        return self.first_order if self.epochs == 1 else torch.randperm(self.images.shape[0]).to(self.device)

    def batches(self, order):
        for start in range(0, order.shape[0], self.batch):
            indices = order[start:start + self.batch]
            x = self.images.index_select(0, indices).to(torch.float32).div_(255)
            x = (x - self.mean) / self.std
            yield x, self.labels.index_select(0, indices)

    def epoch(self):
        self.model.train()
        order = self.order()
        loss_sum = torch.zeros((), dtype=torch.float64, device=self.device)
        correct = torch.zeros((), dtype=torch.int64, device=self.device)
        first_loss = None
        count = 0
        start = self.clock()
        for x, y in self.batches(order):
            self.optimizer.zero_grad()
            logits = self.model(x)
            loss = F.cross_entropy(logits, y)
            loss.backward()
            self.optimizer.step()
            if first_loss is None:
                first_loss = loss.detach().clone()
            loss_sum += loss.detach().to(torch.float64) * y.shape[0]
            correct += (logits.detach().argmax(1) == y).sum()
            count += y.shape[0]
        seconds = self.clock() - start
        return {"seconds": seconds, "images": count, "first_loss": float(first_loss),
                "loss": float(loss_sum) / count, "accuracy": float(correct) / count}

    def phases(self):
        self.model.train()
        order = self.order()
        totals = {"data": 0.0, "forward": 0.0, "backward": 0.0, "step": 0.0}
        count = 0
        clock = self.clock()
        for x, y in self.batches(order):
            now = self.clock()
            totals["data"] += now - clock
            self.optimizer.zero_grad()
            loss = F.cross_entropy(self.model(x), y)
            clock, now = now, self.clock()
            totals["forward"] += now - clock
            loss.backward()
            clock, now = now, self.clock()
            totals["backward"] += now - clock
            self.optimizer.step()
            clock, now = now, self.clock()
            totals["step"] += now - clock
            count += y.shape[0]
            clock = self.clock()
        totals["images"] = count
        return totals


def main() -> None:
    peer = None
    for line in sys.stdin:
        request = json.loads(line)
        try:
            if request["op"] == "setup":
                peer = Peer(request)
                answer = peer.describe()
            elif request["op"] == "epoch":
                answer = peer.epoch()
            elif request["op"] == "phases":
                answer = peer.phases()
            elif request["op"] == "quit":
                return
            else:
                answer = {"error": f"unknown op {request['op']!r}"}
        except Exception as exception:  # the driver shows it; a dead peer would only say "no answer"
            answer = {"error": f"{type(exception).__name__}: {exception}"}
        sys.stdout.write(json.dumps(answer) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
