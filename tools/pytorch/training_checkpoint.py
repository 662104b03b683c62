"""Loads a training checkpoint -- {"epoch", "model": state_dict, "optimizer": optimizer.state_dict(), ...}, as
torch.save or the service's TorchObjectWriter writes it -- without letting the file run code.

torch >= 2 does that itself with torch.load(weights_only=True). Debian 12's torch 1.13 cannot: its weights-only
unpickler lacks BINFLOAT ("Unsupported operand 71"), and every float (lr, momentum, betas...) is a BINFLOAT. There,
load() checks the pickle first -- protocol 2, only the opcodes in ALLOWED_OPCODES, only the globals torch's weights-only
loader allows -- and only then hands the very bytes it checked to torch.load(weights_only=False). (torch 1.13 ignores
pickle_module unless weights_only is set, so a restricted Unpickler cannot be slotted in as a second gate; with protocol
2, every global the unpickler can reach is a GLOBAL opcode, which the check has seen.)

    python3 training_checkpoint.py checkpoint.pth    # prints a JSON summary of the top-level keys
"""
import io
import json
import math
import pickletools
import sys

import torch

# What torch.save emits with protocol 2 for nested dicts, lists, tuples, numbers, strings and tensors.
ALLOWED_OPCODES = frozenset({
    "PROTO", "STOP", "MARK", "NONE", "NEWTRUE", "NEWFALSE", "BININT", "BININT1", "BININT2", "LONG1", "BINFLOAT",
    "BINUNICODE", "EMPTY_TUPLE", "TUPLE", "TUPLE1", "TUPLE2", "TUPLE3", "EMPTY_LIST", "APPEND", "APPENDS",
    "EMPTY_DICT", "SETITEM", "SETITEMS", "BINPUT", "LONG_BINPUT", "BINGET", "LONG_BINGET", "GLOBAL", "REDUCE",
    "BUILD", "BINPERSID",
})
ALLOWED_GLOBALS = frozenset({("collections", "OrderedDict"), ("torch._utils", "_rebuild_tensor_v2")})
STORAGE_CLASSES = frozenset({
    "FloatStorage", "DoubleStorage", "HalfStorage", "BFloat16Storage", "LongStorage", "IntStorage", "ShortStorage",
    "CharStorage", "ByteStorage", "BoolStorage",
})


class UnsafeCheckpointError(ValueError):
    """The file is not a checkpoint this module can load without running code from it."""


def weights_only_reads_floats() -> bool:
    return int(torch.__version__.split(".")[0]) >= 2


def load(path, map_location="cpu"):
    """The checkpoint's root value, tensors on map_location; UnsafeCheckpointError if the file could run code."""
    if weights_only_reads_floats():
        return torch.load(path, map_location=map_location, weights_only=True)
    with open(path, "rb") as file:
        data = file.read()
    check(data, str(path))
    return torch.load(io.BytesIO(data), map_location=map_location, weights_only=False)


def check(data: bytes, name: str = "checkpoint") -> None:
    """Raises UnsafeCheckpointError unless data is a zip checkpoint whose data.pkl only builds allowed values."""
    # torch.load decides by these four bytes alone; anything else it would unpickle as a legacy file, unchecked.
    if not data.startswith(b"PK\x03\x04"):
        raise UnsafeCheckpointError(f"{name} is not a zip checkpoint (torch.save's format since 1.6); legacy files are refused.")
    try:
        # torch's own zip reader, so the data.pkl checked is the one torch.load will unpickle.
        archive = torch._C.PyTorchFileReader(io.BytesIO(data))
        records = archive.get_all_records()
        if "constants.pkl" in records:
            raise UnsafeCheckpointError(f"{name} is a TorchScript archive, which torch.load would hand to torch.jit.load.")
        pickled = archive.get_record("data.pkl")
    except RuntimeError as error:
        raise UnsafeCheckpointError(f"{name} is not a readable checkpoint archive: {error}") from None
    check_pickle(pickled, f"{name}: data.pkl")


def check_pickle(pickled: bytes, name: str = "data.pkl") -> None:
    """Raises UnsafeCheckpointError unless the pickle is protocol 2 using only allowed opcodes and globals."""
    for index, (opcode, argument, position) in enumerate(_opcodes(pickled, name)):
        if index == 0 and (opcode.name != "PROTO" or argument != 2):
            raise UnsafeCheckpointError(f"{name} does not start with PROTO 2; torch.save writes protocol 2.")
        if opcode.name not in ALLOWED_OPCODES or (opcode.name == "PROTO" and index > 0):
            raise UnsafeCheckpointError(f"{name} has opcode {opcode.name} at byte {position}, which a checkpoint never needs.")
        if opcode.name == "GLOBAL":
            module, _, attribute = argument.partition(" ")
            if not is_allowed_global(module, attribute):
                raise UnsafeCheckpointError(f"{name} refers to {module}.{attribute} at byte {position}, which is not allowed.")


def _opcodes(pickled: bytes, name: str):
    try:
        yield from pickletools.genops(pickled)
    except ValueError as error:
        raise UnsafeCheckpointError(f"{name} is not a valid pickle: {error}") from None


def is_allowed_global(module: str, name: str) -> bool:
    return (module, name) in ALLOWED_GLOBALS or (module == "torch" and name in STORAGE_CLASSES)


def summary(value):
    """A JSON-ready line for one value: tensors by dtype and shape, containers by kind and length, scalars as they are."""
    if isinstance(value, torch.Tensor):
        return {"tensor": str(value.dtype).replace("torch.", ""), "shape": list(value.shape)}
    if isinstance(value, (dict, list, tuple)):
        return {type(value).__name__: len(value)}
    if isinstance(value, float) and not math.isfinite(value):
        return repr(value)
    return value


def main(path: str) -> None:
    root = load(path)
    top = root.items() if isinstance(root, dict) else [("<root>", root)]
    print(json.dumps({str(key): summary(value) for key, value in top}, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(f"usage: {sys.argv[0]} CHECKPOINT")
    main(sys.argv[1])
