#!/usr/bin/env python3
"""Continue a training checkpoint of the service in PyTorch for one step, and save the weights.

    python3 tools/pytorch/resume_step.py TRAINING.pth MODEL.py CLASS BATCH.pth OUT.pth [--label-smoothing S]

TRAINING.pth is a training checkpoint (GET /api/jobs/{id}/checkpoints/training), MODEL.py the job's
network (GET /api/jobs/{id}/pytorch) defining CLASS, BATCH.pth a dict {"x": images, "y": labels}
already preprocessed as the network sees them. Both downloads need an API key:
curl -H "Authorization: Bearer $KEY" -o training.pth http://127.0.0.1:5080/api/jobs/$JOB/checkpoints/training The model takes the checkpoint's "model" state dict,
a torch.optim optimizer of the checkpoint's "optimizer_class" takes its "optimizer" state dict
(which carries every hyperparameter and the learning rate of the last step), then one
forward/backward/step runs on the batch and the new state dict is saved to OUT.pth.
"""
import argparse
import importlib.util
import os
import sys

import torch
from torch import nn

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import training_checkpoint  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("checkpoint")
    parser.add_argument("model_source")
    parser.add_argument("class_name")
    parser.add_argument("batch")
    parser.add_argument("out")
    parser.add_argument("--label-smoothing", type=float, default=0.0)
    args = parser.parse_args()

    spec = importlib.util.spec_from_file_location("job_model", args.model_source)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    model = getattr(module, args.class_name)()

    checkpoint = training_checkpoint.load(args.checkpoint)
    model.load_state_dict(checkpoint["model"], strict=True)
    optimizer_class = getattr(torch.optim, checkpoint["optimizer_class"])
    # The learning rate given here is replaced by the one in the loaded param_groups.
    optimizer = optimizer_class(model.parameters(), lr=0.0)
    optimizer.load_state_dict(checkpoint["optimizer"])

    batch = training_checkpoint.load(args.batch)
    model.train()
    optimizer.zero_grad()
    loss = nn.functional.cross_entropy(model(batch["x"]), batch["y"], label_smoothing=args.label_smoothing)
    loss.backward()
    optimizer.step()
    torch.save(model.state_dict(), args.out)
    print(f"loss {loss.item():.6f}, epoch {checkpoint['epoch']}, step {checkpoint['global_step']}, lr {optimizer.param_groups[0]['lr']}")


if __name__ == "__main__":
    main()
