using System.Text;
using System.Text.Json;
using TrainingService.Core.Checkpoints;

namespace TrainingService.Core.Tests.Checkpoints;

/// <summary>
/// Checkpoints cross between our reader and writer and Debian's real PyTorch 1.13 (python3-torch) unchanged.
/// Skipped, not passed, where /usr/bin/python3 has no torch.
/// </summary>
public sealed class TorchInteropTests : IDisposable
{
    /// <summary>A training checkpoint as a PyTorch user saves one: a model with BatchNorm, SGD and Adam after a step each, a scheduler, RNG state.</summary>
    private const string SaveTrainingCheckpoint = """
        import sys
        import torch
        from torch import nn

        torch.manual_seed(0)
        model = nn.Sequential(nn.Conv2d(1, 2, 3), nn.BatchNorm2d(2), nn.ReLU(), nn.Flatten(), nn.Linear(8, 3))
        sgd = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9, weight_decay=5e-4)
        adam = torch.optim.Adam(model.parameters(), lr=1e-3, betas=(0.9, 0.999))
        scheduler = torch.optim.lr_scheduler.StepLR(sgd, step_size=1, gamma=0.5)
        model(torch.randn(4, 1, 4, 4)).square().mean().backward()
        sgd.step()
        adam.step()
        scheduler.step()
        base = torch.arange(12, dtype=torch.float64).reshape(3, 4)
        checkpoint = {
            "epoch": 3,
            "model": model.state_dict(),
            "sgd": sgd.state_dict(),
            "adam": adam.state_dict(),
            "scheduler": scheduler.state_dict(),
            "rng": {"torch_cpu": torch.get_rng_state()},
            "views": [base, base[1:], base.t(), base[:, 1]],
            "extras": {"shape": (1, 4, 4), "tags": ["a", "ü"], "none": None, "big": -2**63, "tiny": 5e-324, "neg_zero": -0.0},
        }
        torch.save(checkpoint, sys.argv[1])
        print(canonical(checkpoint))
        """;

    private readonly string folder = Path.Combine(Path.GetTempPath(), $"torch-interop-{Guid.NewGuid():N}");

    public TorchInteropTests()
    {
        Directory.CreateDirectory(folder);
    }

    [SkippableFact]
    public void A_checkpoint_we_write_loads_through_training_checkpoint_with_every_value_equal()
    {
        Skip.IfNot(DebianTorch.IsAvailable, DebianTorch.Missing);
        var checkpoint = SampleCheckpoints.EveryKind();
        var path = WriteFile(checkpoint);

        var loaded = DebianTorch.Run(Script("print(canonical(training_checkpoint.load(sys.argv[1])))"), path);

        Assert.Equal(CheckpointText.Of(checkpoint), loaded.TrimEnd('\n'));
    }

    [SkippableFact]
    public void A_state_dict_we_write_loads_with_torch_1_13s_own_weights_only_loader()
    {
        Skip.IfNot(DebianTorch.IsAvailable, DebianTorch.Missing);
        var tensors = SampleStateDicts.EveryTypeAndShape();
        var path = Path.Combine(folder, "weights.pth");
        using (var file = File.Create(path))
        {
            new PthWriter().Write(file, tensors);
        }

        var loaded = DebianTorch.Run(Script("print(canonical(torch.load(sys.argv[1], weights_only=True)))"), path);

        Assert.Equal(CheckpointText.Of(TorchDict.FromStateTensors(tensors)), loaded.TrimEnd('\n'));
    }

    [SkippableFact]
    public void A_training_checkpoint_saved_by_torch_reads_back_with_every_value_equal()
    {
        Skip.IfNot(DebianTorch.IsAvailable, DebianTorch.Missing);
        var path = Path.Combine(folder, "torch-saved.pth");

        var saved = DebianTorch.Run(Script(SaveTrainingCheckpoint), path);
        var read = ReadFile(path);

        Assert.Equal(saved.TrimEnd('\n'), CheckpointText.Of(read));
    }

    [SkippableFact]
    public void The_optimizer_and_scheduler_state_torch_saves_reads_as_the_values_torch_documents()
    {
        Skip.IfNot(DebianTorch.IsAvailable, DebianTorch.Missing);
        var path = Path.Combine(folder, "torch-saved.pth");
        DebianTorch.Run(Script(SaveTrainingCheckpoint), path);

        var read = Assert.IsType<TorchDict>(ReadFile(path));

        Assert.False(read.IsOrderedDict);
        Assert.Equal(3L, read.GetLong("epoch"));
        var model = read.GetDict("model");
        Assert.True(model.IsOrderedDict);
        Assert.Equal([2L, 1L, 3L, 3L], model.GetTensor("0.weight").Shape);
        Assert.Equal(StateTensorType.Int64, model.GetTensor("1.num_batches_tracked").Type);

        var sgd = read.GetDict("sgd");
        var sgdGroup = Assert.IsType<TorchDict>(Assert.Single(sgd.GetList("param_groups")));
        Assert.Equal(0.05, sgdGroup.GetDouble("lr"));
        Assert.Equal(0.9, sgdGroup.GetDouble("momentum"));
        Assert.Equal(5e-4, sgdGroup.GetDouble("weight_decay"));
        Assert.False(sgdGroup.GetBool("nesterov"));
        Assert.Null(sgdGroup["foreach"]);
        Assert.Equal([0L, 1L, 2L, 3L, 4L, 5L], sgdGroup.GetList("params"));
        Assert.Equal([2L, 1L, 3L, 3L], sgd.GetDict("state").GetDict(0).GetTensor("momentum_buffer").Shape);
        Assert.Equal(6, sgd.GetDict("state").Count);

        var adam = read.GetDict("adam");
        var adamGroup = Assert.IsType<TorchDict>(Assert.Single(adam.GetList("param_groups")));
        Assert.Equal([0.9, 0.999], adamGroup.GetTuple("betas").Items);
        Assert.Equal(1e-3, adamGroup.GetDouble("lr"));
        var adamState = adam.GetDict("state").GetDict(4);
        var step = adamState.GetTensor("step");
        Assert.Equal((StateTensorType.Float32, 0, 1f), (step.Type, step.Shape.Length, BitConverter.ToSingle(step.Data)));
        Assert.Equal([3L, 8L], adamState.GetTensor("exp_avg_sq").Shape);

        var scheduler = read.GetDict("scheduler");
        Assert.Equal(1L, scheduler.GetLong("last_epoch"));
        Assert.Equal([0.1], scheduler.GetList("base_lrs"));
        Assert.Equal(StateTensorType.UInt8, read.GetDict("rng").GetTensor("torch_cpu").Type);

        var views = read.GetList("views").Cast<TensorValue>().ToList();
        Assert.Equal([0.0, 4.0, 8.0], Doubles(views[2]).Take(3));
        Assert.Equal([1.0, 5.0, 9.0], Doubles(views[3]));
        Assert.Equal(new TorchTuple(1L, 4L, 4L).Items, read.GetDict("extras").GetTuple("shape").Items);
    }

    [SkippableFact]
    public void A_torch_saved_checkpoint_rewritten_by_our_writer_loads_back_in_pytorch_unchanged()
    {
        Skip.IfNot(DebianTorch.IsAvailable, DebianTorch.Missing);
        var original = Path.Combine(folder, "torch-saved.pth");
        var saved = DebianTorch.Run(Script(SaveTrainingCheckpoint), original);

        var rewritten = WriteFile(ReadFile(original));
        var loaded = DebianTorch.Run(Script("print(canonical(training_checkpoint.load(sys.argv[1])))"), rewritten);

        Assert.Equal(saved, loaded);
    }

    [SkippableFact]
    public void Training_checkpoint_refuses_a_pickle_that_would_run_code_and_none_of_it_runs()
    {
        Skip.IfNot(DebianTorch.IsAvailable, DebianTorch.Missing);
        var marker = Path.Combine(folder, "pwned");
        var malicious = Convert.FromHexString("8002") // PROTO 2, then open(marker, 'w')
            .Concat(Encoding.ASCII.GetBytes("cbuiltins\nopen\n("))
            .Concat(Unicode(marker)).Concat(Unicode("w"))
            .Concat(Encoding.ASCII.GetBytes("tR.")).ToArray();
        var path = Path.Combine(folder, "malicious.pth");
        File.WriteAllBytes(path, PthBytes.ZipOf(("archive/data.pkl", malicious), ("archive/version", Encoding.ASCII.GetBytes("3\n"))));

        var outcome = DebianTorch.Run(Script(
            """
            try:
                training_checkpoint.load(sys.argv[1])
                print("loaded")
            except training_checkpoint.UnsafeCheckpointError as error:
                print(error)
            """), path);

        Assert.Contains("refers to builtins.open at byte 2, which is not allowed", outcome, StringComparison.Ordinal);
        Assert.False(File.Exists(marker));
    }

    [SkippableFact]
    public void The_command_line_prints_a_json_summary_of_the_top_level_keys()
    {
        Skip.IfNot(DebianTorch.IsAvailable, DebianTorch.Missing);
        var path = WriteFile(SampleCheckpoints.EveryKind());

        using var summary = JsonDocument.Parse(DebianTorch.RunFile(Path.Combine(DebianTorch.ToolsFolder, "training_checkpoint.py"), path));

        var root = summary.RootElement;
        Assert.Equal(3, root.GetProperty("epoch").GetInt64());
        Assert.Equal(0.9875, root.GetProperty("best_accuracy").GetDouble());
        Assert.Equal("lenet5", root.GetProperty("name").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("resumed_from").ValueKind);
        Assert.Equal(9, root.GetProperty("model").GetProperty("OrderedDict").GetInt32());
        Assert.Equal(2, root.GetProperty("optimizer").GetProperty("dict").GetInt32());
        Assert.Equal(
            ["epoch", "best_accuracy", "name", "finished", "resumed_from", "model", "optimizer", "scheduler", "rng", "values", "tensors"],
            root.EnumerateObject().Select(property => property.Name));
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static string Script(string body) => $"import sys, training_checkpoint\n{CheckpointText.PythonFunction}\n{body}";

    private static byte[] Unicode(string text) =>
        [(byte)'X', .. BitConverter.GetBytes(Encoding.UTF8.GetByteCount(text)), .. Encoding.UTF8.GetBytes(text)];

    private static double[] Doubles(TensorValue tensor) =>
        Enumerable.Range(0, (int)tensor.ElementCount).Select(i => BitConverter.ToDouble(tensor.Data, i * 8)).ToArray();

    private static object? ReadFile(string path)
    {
        using var file = File.OpenRead(path);
        return new TorchObjectReader().Read(file);
    }

    private string WriteFile(object? checkpoint)
    {
        var path = Path.Combine(folder, $"{Guid.NewGuid():N}.pth");
        using var file = File.Create(path);
        new TorchObjectWriter().Write(file, checkpoint);
        return path;
    }
}
