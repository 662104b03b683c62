using TrainingService.Core.Checkpoints;
using TrainingService.Core.Checkpoints.SafeTensors;

namespace TrainingService.Core.Tests.Checkpoints.SafeTensors;

/// <summary>
/// Debian's PyTorch reads our safetensors with a reader of a few lines (Debian packages no safetensors library) and
/// finds the tensors that <c>torch.load(weights_only=True)</c> finds in our .pth of the same state dict.
/// </summary>
public sealed class SafeTensorsTorchTests : IDisposable
{
    private const string Compare = """
        import json, struct, sys
        import torch

        DTYPES = {"F64": torch.float64, "F32": torch.float32, "F16": torch.float16, "BF16": torch.bfloat16,
                  "I64": torch.int64, "I32": torch.int32, "U8": torch.uint8, "BOOL": torch.bool}
        with open(sys.argv[1], "rb") as f:
            data = f.read()
        (n,) = struct.unpack("<Q", data[:8])
        header = json.loads(data[8:8 + n])
        tensors = {}
        for name, info in header.items():
            if name == "__metadata__":
                continue
            begin, end = info["data_offsets"]
            raw = bytearray(data[8 + n + begin:8 + n + end])
            dtype = DTYPES[info["dtype"]]
            flat = torch.frombuffer(raw, dtype=dtype) if raw else torch.empty(0, dtype=dtype)
            tensors[name] = flat.reshape(info["shape"])
        reference = torch.load(sys.argv[2], weights_only=True)
        assert sorted(tensors) == sorted(reference), (sorted(tensors), sorted(reference))
        for key, value in reference.items():
            assert tensors[key].dtype == value.dtype, (key, tensors[key].dtype, value.dtype)
            assert tensors[key].shape == value.shape, (key, tensors[key].shape, value.shape)
            assert torch.equal(tensors[key], value), key
        print(json.dumps({"tensors": len(tensors), "metadata": header["__metadata__"]}, sort_keys=True))
        """;

    private readonly string folder = Path.Combine(Path.GetTempPath(), $"safetensors-torch-{Guid.NewGuid():N}");

    public SafeTensorsTorchTests() => Directory.CreateDirectory(folder);

    [SkippableFact]
    public void Torch_reads_our_safetensors_and_finds_the_tensors_of_our_pth()
    {
        Skip.IfNot(DebianTorch.IsAvailable, DebianTorch.Missing);
        var tensors = SampleStateDicts.EveryTypeAndShape();
        var safeTensors = Path.Combine(folder, "weights.safetensors");
        var pth = Path.Combine(folder, "weights.pth");
        File.WriteAllBytes(safeTensors, new SafeTensorsWriter().ToBytes(tensors, new Dictionary<string, string> { ["model"] = "lenet5", ["epoch"] = "2" }));
        using (var file = File.Create(pth))
        {
            new PthWriter().Write(file, tensors);
        }

        var output = DebianTorch.Run(Compare, safeTensors, pth);

        Assert.Equal("""{"metadata": {"epoch": "2", "model": "lenet5"}, "tensors": 9}""", output.TrimEnd('\n'));
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
