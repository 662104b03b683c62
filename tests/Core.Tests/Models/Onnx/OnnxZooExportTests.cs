using TrainingService.Core.Jobs;
using TrainingService.Core.Models;
using TrainingService.Core.Models.Custom;
using TrainingService.Core.Models.Onnx;
using static TorchSharp.torch;

namespace TrainingService.Core.Tests.Models.Onnx;

/// <summary>
/// Every network of the zoo, and a custom layer list, exported with seeded weights and run by ONNX Runtime: its logits
/// are TorchSharp's eval logits within 1e-4, for batches of 1, 2 and 3 through one file (the batch is dynamic; the 224x224 networks run a batch of 2).
/// </summary>
[Collection(ZooCollection.Name)]
public class OnnxZooExportTests
{
    [Theory]
    [MemberData(nameof(ZooModels.AllNames), MemberType = typeof(ZooModels))]
    public void Every_zoo_network_exported_to_ONNX_gives_TorchSharps_eval_logits_in_ONNX_Runtime_for_any_batch_size(string name)
    {
        var definition = ZooModels.Definition(name);
        var network = definition.Describe(definition.DefaultOptions);
        AssertSameLogits(network, seed: 11);
    }

    [Fact]
    public void A_custom_layer_list_exported_to_ONNX_gives_TorchSharps_eval_logits_in_ONNX_Runtime()
    {
        CustomLayerSpec[] layers =
        [
            new("Conv2d", Out: 8, Kernel: 3, Padding: 1), new("BatchNorm2d"), new("LeakyReLU", NegativeSlope: 0.1),
            new("Conv2d", Out: 8, Kernel: 3, Dilation: 2, Groups: 2, Padding: 2), new("GELU"),
            new("MaxPool2d", Kernel: 3, Stride: 2, Padding: 1), new("AvgPool2d", Kernel: 3, Stride: 1, Padding: 1),
            new("Conv2d", Out: 12, Kernel: 2, Stride: 2, Bias: false), new("Sigmoid"),
            new("AdaptiveAvgPool2d", Size: [3, 2]), new("Dropout", P: 0.3), new("Flatten"),
            new("Linear", Out: 20), new("Tanh"), new("Linear", Out: 10, Bias: false),
        ];
        var errors = new ValidationErrors();
        var network = CustomNetwork.Describe(layers, new InputShape(3, 20, 20), 10, errors);
        Assert.True(network is not null, string.Join("; ", errors.ToDictionary().Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")));
        AssertSameLogits(network, seed: 5);
    }

    [Fact]
    public void The_exported_graph_names_its_input_and_output_and_keeps_the_batch_dynamic()
    {
        var definition = ZooModels.Definition("lenet5");
        var network = definition.Describe(definition.DefaultOptions);
        using var model = OnnxHarness.Build(network, seed: 1);
        using var session = OnnxHarness.Session(OnnxHarness.Export(network, model));
        var input = Assert.Single(session.InputMetadata);
        Assert.Equal(OnnxExporter.InputName, input.Key);
        Assert.Equal(new[] { -1, 1, 32, 32 }, input.Value.Dimensions);
        Assert.Equal(OnnxExporter.BatchDimension, input.Value.SymbolicDimensions[0]);
        var output = Assert.Single(session.OutputMetadata);
        Assert.Equal(OnnxExporter.OutputName, output.Key);
        Assert.Equal(new[] { -1, 10 }, output.Value.Dimensions);
    }

    [Fact]
    public void Weights_that_do_not_fit_the_network_are_refused_naming_the_key()
    {
        var lenet = ZooModels.Definition("lenet5");
        var network = lenet.Describe(lenet.DefaultOptions);
        using var other = OnnxHarness.Build(lenet.Describe(new ModelBuildOptions(1, 7)), seed: 1);
        var error = Assert.Throws<ArgumentException>(() => OnnxHarness.Export(network, other));
        Assert.Contains("fc3.weight", error.Message, StringComparison.Ordinal);
    }

    private static void AssertSameLogits(Core.Models.Architecture.NetworkSpec network, int seed)
    {
        using var model = OnnxHarness.Build(network, seed);
        var shape = network.Input;
        // The ImageNet-sized networks (VGG, AlexNet at 224) take seconds per image on two cores: the dynamic batch is
        // shown by the small ones, and these run one batch of 2.
        var batches = shape.Height * shape.Width > 64 * 64 ? new[] { 2 } : [1, 2, 3];
        using var scope = NewDisposeScope();
        var input = randn(new long[] { batches.Max(), shape.Channels, shape.Height, shape.Width }, generator: new Generator((ulong)seed));
        var expected = OnnxHarness.Logits(model, input);
        var path = Path.Combine(Path.GetTempPath(), $"onnx-{network.Name}-{Guid.NewGuid():N}.onnx");
        try
        {
            OnnxHarness.ExportTo(path, network, model);
            using var session = OnnxHarness.Session(path);
            foreach (var batch in batches)
            {
                var actual = OnnxHarness.Run<float>(session, input, batch);
                Assert.Equal(batch, actual.GetLength(0));
                var difference = OnnxHarness.MaxDifference(expected, actual);
                Assert.True(difference <= OnnxHarness.Tolerance, $"{network.Name}, batch {batch}: ONNX Runtime's logits differ from TorchSharp's by up to {difference:E2}");
            }
        }
        finally
        {
            File.Delete(path);
        }
    }
}
