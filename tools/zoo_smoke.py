"""Trains every zoo entry for one epoch through the REST API of a running service (./run.sh) and
prints a table: name, parameters and mult-adds as the service reports them, and the job's outcome.

    TRAINING_API_KEY=tsk_... python3 tools/zoo_smoke.py [http://127.0.0.1:5080]

TRAINING_API_KEY is a key of the service (the one ./run.sh printed on its first run, or a new one:
./run.sh accounts create-key admin).

Networks for 1-channel 28x28 or 32x32 input train on an MNIST subset; the others on the
`synthetic` dataset at their default input size (real CIFAR-10 or ImageNet files are not needed).
"""
import json
import os
import sys
import time
import urllib.request

API = sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:5080"
KEY = os.environ.get("TRAINING_API_KEY") or sys.exit("Set TRAINING_API_KEY to an API key (./run.sh accounts create-key admin).")


def call(method, path, body=None):
    request = urllib.request.Request(API + path, method=method, headers={"Content-Type": "application/json", "Authorization": f"Bearer {KEY}"},
                                     data=None if body is None else json.dumps(body).encode())
    with urllib.request.urlopen(request) as response:
        return json.loads(response.read())


def dataset_for(model):
    channels, height, width = (int(v) for v in model["defaultInputShape"].split("x"))
    if channels == 1:
        return {"name": "mnist", "validationFraction": 0.1, "trainLimit": 2000, "validationLimit": 200, "testLimit": 500}
    size = {"trainSize": 16, "testSize": 8} if height > 64 else {"trainSize": 512, "testSize": 128}
    return {"name": "synthetic", "validationFraction": 0.25,
            "synthetic": {"channels": channels, "height": height, "width": width, "numClasses": 10, **size}}


def main():
    models = call("GET", "/api/models")
    jobs = {}
    for model in models:
        large = model["defaultInputShape"].endswith(("224", "227"))
        spec = {"name": f"zoo smoke: {model['name']}", "model": {"name": model["name"]}, "dataset": dataset_for(model),
                "hyperparameters": {"epochs": 1, "batchSize": 4 if large else 64, "learningRate": 0.01,
                                    "optimizer": "sgd", "momentum": 0.9, "seed": 1}}
        jobs[model["name"]] = call("POST", "/api/jobs", spec)["id"]
    done = {}
    while len(done) < len(jobs):
        time.sleep(5)
        for name, job_id in jobs.items():
            if name not in done:
                job = call("GET", f"/api/jobs/{job_id}")
                if job["status"] in ("Succeeded", "Failed", "Cancelled"):
                    metrics = call("GET", f"/api/jobs/{job_id}/metrics")
                    done[name] = (job, metrics[-1] if metrics else None)
                    print(f"finished {name}: {job['status']}", file=sys.stderr, flush=True)
    print("| model | default input | parameters | mult-adds (batch 1) | dataset | status | epoch s | test accuracy |")
    print("|---|---|---:|---:|---|---|---:|---:|")
    for model in models:
        job, epoch = done[model["name"]]
        accuracy = f"{job['result']['testAccuracy']:.4f}" if job["result"] else (job["error"] or "")[:60]
        seconds = f"{epoch['epochSeconds']:.1f}" if epoch else "-"
        print(f"| {model['name']} | {model['defaultInputShape']} | {model['parameters']:,} | {model['multAdds']:,} | "
              f"{job['spec']['dataset']['name']} | {job['status']} | {seconds} | {accuracy} |")


if __name__ == "__main__":
    main()
