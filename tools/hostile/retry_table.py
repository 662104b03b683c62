#!/usr/bin/python3
"""Retries issue 9's hostile-input table against a running service and prints it as a Markdown table.

    TRAINING_API_KEY=tsk_... /usr/bin/python3 tools/hostile/retry_table.py [--api http://127.0.0.1:5080] [--api-pid PID] [--key KEY]

Every request sends the key (--key, or TRAINING_API_KEY: the key ./run.sh printed on its first run,
or a new one from ./run.sh accounts create-key admin).

It trains one small LeNet-5 job first (so prediction has a checkpoint), then sends each row's request
and prints what came back. With --api-pid (the Api process, readable by this user) it resets the
process's peak resident memory before the bomb PNG and reports how far the peak rose. The rows that
need the database or a worker stopped are left to tests/Api.Tests/DatabaseOutageTests and to
tools/hostile/outage_rows.sh.
"""
import argparse
import io
import json
import os
import struct
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
import uuid
import zipfile
import zlib

from PIL import Image


KEY = os.environ.get("TRAINING_API_KEY", "")


def request(api, method, path, body=None, content_type=None, headers=None, timeout=120):
    req = urllib.request.Request(api + path, data=body, method=method)
    req.add_header("Authorization", f"Bearer {KEY}")
    if content_type:
        req.add_header("Content-Type", content_type)
    for key, value in (headers or {}).items():
        req.add_header(key, value)
    started = time.monotonic()
    try:
        with urllib.request.urlopen(req, timeout=timeout) as response:
            status, payload, got = response.status, response.read(), dict(response.headers)
    except urllib.error.HTTPError as error:
        status, payload, got = error.code, error.read(), dict(error.headers)
    except (ConnectionError, urllib.error.URLError) as error:
        return {"status": f"connection error: {error}", "seconds": time.monotonic() - started, "body": "", "headers": {}}
    return {"status": status, "seconds": time.monotonic() - started, "body": payload.decode("utf-8", "replace"), "headers": got}


def curl_post(url, body, header):
    """urllib cannot wait for 100-continue or stream chunks, so these rows go through curl as a user's would."""
    with tempfile.NamedTemporaryFile() as data, tempfile.NamedTemporaryFile() as out:
        data.write(body)
        data.flush()
        started = time.monotonic()
        written = subprocess.run(["curl", "-s", "-o", out.name, "-w", "%{http_code}", "-X", "POST", "-H", "Content-Type: application/json",
                                  "-H", header, "-H", f"Authorization: Bearer {KEY}", "--data-binary", "@" + data.name, url], capture_output=True, text=True, check=False)
        return {"status": int(written.stdout or 0), "seconds": time.monotonic() - started,
                "body": open(out.name, encoding="utf-8", errors="replace").read(), "headers": {}}


def as_json(api, method, path, value):
    return request(api, method, path, json.dumps(value).encode(), "application/json")


def multipart(files, fields=()):
    boundary = uuid.uuid4().hex
    parts = []
    for name, value in fields:
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'.encode() + value + b"\r\n")
    for field, filename, data, mime in files:
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{field}"; filename="{filename}"\r\n'
                     f"Content-Type: {mime}\r\n\r\n".encode() + data + b"\r\n")
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


def digit(mode):
    image = Image.new("L", (28, 28), 10)
    for y in range(5, 24):
        for x in range(9, 20):
            image.putpixel((x, y), 230)
    buffer = io.BytesIO()
    if mode == "JPEG-RGB":
        image.convert("RGB").save(buffer, "JPEG", quality=95)
    elif mode == "P":
        image.convert("RGB").convert("P", palette=Image.ADAPTIVE).save(buffer, "PNG")
    else:
        image.convert(mode).save(buffer, "PNG")
    return buffer.getvalue()


def bomb_png(side=30000):
    """A valid grey PNG of side x side zeros, about 0.9 MB; decoded it is side*side bytes."""
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    compressor = zlib.compressobj(9)
    row = b"\x00" * (side + 1)
    idat = b"".join(compressor.compress(row) for _ in range(side)) + compressor.flush()
    header = struct.pack(">IIBBBBB", side, side, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")


def pets_zip():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for label in ("cat", "dog"):
            for i in range(6):
                image = Image.new("RGB", (8, 8), (40 * i, 100 if label == "cat" else 200, 30))
                data = io.BytesIO()
                image.save(data, "PNG")
                archive.writestr(f"train/{label}/{i}.png", data.getvalue())
    return buffer.getvalue()


def peak_rss_kb(pid):
    with open(f"/proc/{pid}/status") as status:
        return next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))


def reset_peak(pid):
    with open(f"/proc/{pid}/clear_refs", "w") as refs:
        refs.write("5")


def valid_spec(**hyper):
    spec = {"name": "hostile-retry", "model": {"name": "lenet5", "numClasses": 10},
            "dataset": {"name": "mnist", "validationFraction": 0.1, "trainLimit": 512, "validationLimit": 128, "testLimit": 128},
            "hyperparameters": {"epochs": 1, "batchSize": 64, "learningRate": 0.05, "optimizer": "sgd", "momentum": 0.9, "seed": 42}}
    spec["hyperparameters"].update(hyper)
    return spec


def summary(result):
    body = result["body"]
    try:
        parsed = json.loads(body)
        if isinstance(parsed, dict) and "errors" in parsed:
            field, reasons = next(iter(parsed["errors"].items()))
            return f'`{field}`: {reasons[0]}'[:160]
        if isinstance(parsed, dict) and "detail" in parsed:
            return str(parsed.get("title", "")) + ": " + str(parsed["detail"])[:120]
        if isinstance(parsed, dict) and "predictions" in parsed:
            return f'{len(parsed["predictions"])} prediction(s), top class {parsed["predictions"][0]["top"][0]["className"]}'
        if isinstance(parsed, dict) and "status" in parsed:
            return f'status {parsed["status"]}'
    except (ValueError, StopIteration, KeyError, IndexError, TypeError):
        pass
    return body[:100].replace("\n", " ")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--api", default="http://127.0.0.1:5080")
    parser.add_argument("--api-pid", type=int)
    parser.add_argument("--key", default=os.environ.get("TRAINING_API_KEY"))
    args = parser.parse_args()
    if not args.key:
        parser.error("an API key is needed: --key or TRAINING_API_KEY (./run.sh accounts create-key admin)")
    global KEY
    KEY = args.key
    api = args.api

    created = as_json(api, "POST", "/api/jobs", valid_spec())
    job = json.loads(created["body"])["id"]
    for _ in range(600):
        state = json.loads(request(api, "GET", f"/api/jobs/{job}")["body"])["status"]
        if state in ("Succeeded", "Failed", "Cancelled"):
            break
        time.sleep(1)
    print(f"trained job {job}: {state}\n")
    predict = f"/api/jobs/{job}/predict"

    rows = []

    def row(label, expected, result, note=""):
        rows.append((label, expected, result, note))

    row('`POST /api/jobs` with `"name": "a\\u0000b"`', "400 naming `name`", as_json(api, "POST", "/api/jobs", {**valid_spec(), "name": "a\u0000b"}))
    form, kind = multipart([("file", "pets.zip", pets_zip(), "application/zip")], [("name", "a\u0000b".encode())])
    row("`POST /api/datasets` with the name `a\\u0000b`", "400 naming `name`", request(api, "POST", "/api/datasets", form, kind))
    row("`GET /api/jobs?page=2147483647`", "400 naming `page`", request(api, "GET", "/api/jobs?page=2147483647"))
    row('predict with `{"images": null}`', "400 naming `images`", as_json(api, "POST", predict, {"images": None}))
    big = b"{" + b" " * 30_000_000 + b"}"
    row("31,000,000-byte body to `/api/jobs`", "413", request(api, "POST", "/api/jobs", big, "application/json"))
    row("31,000,000-byte body to predict", "413", request(api, "POST", predict, big, "application/json"))
    for label, header in (("`Expect: 100-continue` (curl)", "Expect: 100-continue"), ("chunked (curl)", "Transfer-Encoding: chunked")):
        row(f"31,000,000-byte body to `/api/jobs`, {label}", "413", curl_post(api + "/api/jobs", big, header))
    row("`model.numClasses: 1000000000`", "400 naming the field and layer",
        as_json(api, "POST", "/api/jobs", {**valid_spec(), "model": {"name": "lenet5", "numClasses": 1_000_000_000}}))
    custom = {**valid_spec(), "model": {"custom": [{"type": "Flatten"}, {"type": "Linear", "out": 1_000_000}, {"type": "Linear", "out": 1_000_000}, {"type": "Linear", "out": 10}]}}
    row("custom `Flatten, Linear(1e6), Linear(1e6), Linear(10)`", "400 naming the layer", as_json(api, "POST", "/api/jobs", custom))
    row("`weightDecay: 1e308`", "400 naming `hyperparameters.weightDecay`", as_json(api, "POST", "/api/jobs", valid_spec(weightDecay=1e308)))
    row('`gradientClipNorm: "Infinity"`', "400 naming `hyperparameters.gradientClipNorm`",
        as_json(api, "POST", "/api/jobs", valid_spec(gradientClipNorm="Infinity")))
    for label, mode in (("RGB PNG", "RGB"), ("RGBA PNG", "RGBA"), ("palette PNG", "P"), ("grey+alpha PNG", "LA"), ("RGB JPEG", "JPEG-RGB")):
        name = "digit.jpg" if mode == "JPEG-RGB" else "digit.png"
        form, kind = multipart([("images", name, digit(mode), "image/jpeg" if mode == "JPEG-RGB" else "image/png")])
        row(f"predict an {label} of a digit", "200, predicted", request(api, "POST", predict, form, kind))
    bomb = bomb_png()
    form, kind = multipart([("images", "bomb.png", bomb, "image/png")])
    before = None
    if args.api_pid:
        reset_peak(args.api_pid)
        before = peak_rss_kb(args.api_pid)
    result = request(api, "POST", predict, form, kind)
    note = f"{len(bomb) / 1000:.0f} KB file"
    if before is not None:
        note += f"; Api peak RSS {before / 1024:.0f} MB before, +{(peak_rss_kb(args.api_pid) - before) / 1024:.1f} MB during"
    row("predict a PNG declaring 30000 x 30000", "400 before decoding, memory < +100 MB", result, note)
    one = digit("L")
    for count in (100, 1000):
        form, kind = multipart([("images", f"d{i}.png", one, "image/png") for i in range(count)])
        row(f"predict {count} files", '400 "at most 64"', request(api, "POST", predict, form, kind))
    form, kind = multipart([("labels", "d.png", one, "image/png")])
    row("predict a file under the field `labels`", "400 naming `labels`", request(api, "POST", predict, form, kind))
    row("`POST /hangfire/stats` without a form", "4xx", request(api, "POST", "/hangfire/stats"))

    print("| request | expected | got | time | what it said |")
    print("|---|---|---|---|---|")
    for label, expected, result, note in rows:
        said = summary(result) + (f" ({note})" if note else "")
        print(f"| {label} | {expected} | {result['status']} | {result['seconds'] * 1000:.0f} ms | {said.replace('|', '/')} |")


if __name__ == "__main__":
    main()
