using TrainingService.Core.Datasets;
using TrainingService.Core.Jobs;
using TrainingService.Core.Models;
using TrainingService.Core.Models.Custom;
using TrainingService.Core.Models.Onnx;
using TrainingService.Core.Tests.Checkpoints;
using TrainingService.Core.Training;

namespace TrainingService.Core.Tests.Models.Onnx;

/// <summary>
/// ONNX's own checker (Debian's python3-onnx 1.12, full check: schemas, types and shape inference) accepts the file of
/// every zoo network, of a custom network and of a preprocessing graph. The files are checked and deleted whenever the
/// folder passes <see cref="CheckEveryBytes"/>, so that the run never holds the 5 GB of all the exports on disk at once
/// (eight VGGs of 500 MB each), and each Python run checks what has piled up. Skipped where python3 cannot import onnx.
/// </summary>
[Collection(ZooCollection.Name)]
public sealed class OnnxCheckerTests : IDisposable
{
    private const string CheckFolder = """
        import os, sys
        import onnx
        folder = sys.argv[1]
        for name in sorted(os.listdir(folder)):
            path = os.path.join(folder, name)
            # From the path, so that the C++ checker reads the file; parsing 500 MB of VGG in Python would take minutes.
            onnx.checker.check_model(path, full_check=True)
            print(name)
        """;

    private const long CheckEveryBytes = 1L << 30;

    private static readonly Lazy<bool> OnnxInstalled = new(() =>
    {
        try
        {
            DebianTorch.Run("import onnx");
            return true;
        }
        catch (Xunit.Sdk.XunitException)
        {
            return false;
        }
    });

    private readonly string folder = Path.Combine(Path.GetTempPath(), $"onnx-checker-{Guid.NewGuid():N}");
    private readonly List<string> checkedFiles = [];

    public OnnxCheckerTests()
    {
        Directory.CreateDirectory(folder);
    }

    [SkippableFact]
    public void ONNXs_full_checker_accepts_the_export_of_every_zoo_network_a_custom_network_and_a_preprocessing_graph()
    {
        Skip.IfNot(DebianTorch.IsPythonAvailable && OnnxInstalled.Value, "Debian's ONNX is not installed: /usr/bin/python3 cannot import onnx (apt-get install python3-onnx).");
        var registry = ModelRegistry.CreateDefault();
        foreach (var definition in registry.List())
        {
            var network = definition.Describe(definition.DefaultOptions);
            using var model = OnnxHarness.Build(network, seed: 2);
            OnnxHarness.ExportTo(Path.Combine(folder, $"{definition.Name}.onnx"), network, model);
            if (FolderBytes() >= CheckEveryBytes)
            {
                CheckAndDeleteTheFolder();
            }
        }

        var custom = CustomNetwork.Describe(
            [new("Conv2d", Out: 4, Kernel: 3), new("GELU"), new("AdaptiveAvgPool2d", Size: [3, 3]), new("Flatten"), new("Linear", Out: 10)],
            new InputShape(1, 8, 8), 10, new ValidationErrors())!;
        using (var model = OnnxHarness.Build(custom, seed: 2))
        {
            OnnxHarness.ExportTo(Path.Combine(folder, "custom.onnx"), custom, model);
        }

        var digits = new DatasetInfo("digits", "Digits", 1, 28, 28, [.. Enumerable.Range(0, 10).Select(i => $"{i}")], 60, 10, [0.1307f], [0.3081f], "test");
        var transforms = new InputTransformsSpec(Resize: [32, 32], Channels: 3);
        var plan = new NetworkPlanner(registry).Plan(new ModelSpec("resnet20", 10), digits, transforms, new ValidationErrors())!;
        using (var model = OnnxHarness.Build(plan.Network, seed: 2))
        {
            var pipeline = InputPipeline.For(digits, transforms, plan.Input);
            OnnxHarness.ExportTo(Path.Combine(folder, "resnet20-preprocess.onnx"), plan.Network, model,
                new OnnxExportOptions { Preprocessing = new OnnxPreprocessing(pipeline, new InputShape(1, 28, 28)) });
        }

        CheckAndDeleteTheFolder();
        string[] exported = [.. registry.Names.Select(name => $"{name}.onnx"), "custom.onnx", "resnet20-preprocess.onnx"];
        Assert.Equal(exported.Order(StringComparer.Ordinal), checkedFiles.Order(StringComparer.Ordinal));
    }

    private long FolderBytes() => new DirectoryInfo(folder).EnumerateFiles().Sum(file => file.Length);

    private void CheckAndDeleteTheFolder()
    {
        // Minutes in all when six test runs share two cores.
        checkedFiles.AddRange(DebianTorch.RunLong(TimeSpan.FromMinutes(10), CheckFolder, folder).Split('\n', StringSplitOptions.RemoveEmptyEntries));
        foreach (var file in Directory.EnumerateFiles(folder))
        {
            File.Delete(file);
        }
    }

    public void Dispose()
    {
        Directory.Delete(folder, recursive: true);
    }
}
