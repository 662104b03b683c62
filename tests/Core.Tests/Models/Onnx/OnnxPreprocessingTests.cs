using TrainingService.Core.Datasets;
using TrainingService.Core.Jobs;
using TrainingService.Core.Models;
using TrainingService.Core.Models.Onnx;
using TrainingService.Core.Training;
using static TorchSharp.torch;

namespace TrainingService.Core.Tests.Models.Onnx;

/// <summary>
/// With preprocessing the graph takes raw 0-255 images at the dataset's stored size and gives the logits TorchSharp
/// gives for the job's evaluation pipeline applied to them: padding, channel replication, resizing, zero padding and
/// normalisation, as the planner decides them for the job.
/// </summary>
[Collection(ZooCollection.Name)]
public class OnnxPreprocessingTests
{
    private static readonly DatasetInfo GreyDigits = new("digits", "Digits", 1, 28, 28, [.. Enumerable.Range(0, 10).Select(i => $"{i}")],
        60, 10, [0.1307f], [0.3081f], "test");

    private static readonly DatasetInfo ColourImages = new("colour", "Colour", 3, 40, 40, [.. Enumerable.Range(0, 10).Select(i => $"class {i}")],
        60, 10, [0.49f, 0.48f, 0.45f], [0.25f, 0.24f, 0.26f], "test");

    public static TheoryData<string, OnnxRawElementType> Cases() => new()
    {
        { "greyscale 28x28 digits zero-padded to LeNet-5's 32x32", OnnxRawElementType.UInt8 },
        { "greyscale 28x28 digits replicated to 3 channels and resized up to 32x32 for ResNet-20", OnnxRawElementType.UInt8 },
        { "3-channel 40x40 images resized down to 28x28, padded by 2 and normalised per channel for ResNet-20", OnnxRawElementType.UInt8 },
        { "3-channel 40x40 images resized down to 28x28, padded by 2 and normalised per channel for ResNet-20", OnnxRawElementType.Float32 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_preprocessing_graph_fed_raw_pixels_gives_TorchSharps_logits_for_the_jobs_evaluation_pipeline(string job, OnnxRawElementType rawType)
    {
        var (model, dataset, transforms) = job switch
        {
            _ when job.StartsWith("greyscale 28x28 digits zero", StringComparison.Ordinal) => ("lenet5", GreyDigits, (InputTransformsSpec?)null),
            _ when job.StartsWith("greyscale", StringComparison.Ordinal) => ("resnet20", GreyDigits, new InputTransformsSpec(Resize: [32, 32], Channels: 3)),
            _ => ("resnet20", ColourImages, new InputTransformsSpec(Resize: [28, 28])
            {
                Eval = [new TransformStepSpec(TransformStepSpec.Pad, Padding: 2)],
                Train = [new TransformStepSpec(TransformStepSpec.Pad, Padding: 2)],
                Normalize = NormalizationKinds.Custom,
                Mean = [0.5f, 0.4f, 0.3f],
                Std = [0.2f, 0.3f, 0.25f],
            }),
        };
        var errors = new ValidationErrors();
        var plan = new NetworkPlanner(ModelRegistry.CreateDefault()).Plan(new ModelSpec(model, 10), dataset, transforms, errors);
        Assert.True(plan is not null, string.Join("; ", errors.ToDictionary().Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")));
        var pipeline = InputPipeline.For(dataset, transforms, plan.Input, training: false, seed: 3);
        var raw = new InputShape(dataset.Channels, dataset.Height, dataset.Width);

        using var network = OnnxHarness.Build(plan.Network, seed: 9);
        using var scope = NewDisposeScope();
        var pixels = randint(0, 256, [3, raw.Channels, raw.Height, raw.Width], generator: new Generator(4)).to(uint8);
        var expected = OnnxHarness.Logits(network, pipeline.Apply(pixels));
        var file = OnnxHarness.Export(plan.Network, network, new OnnxExportOptions { Preprocessing = new OnnxPreprocessing(pipeline, raw, rawType) });

        using var session = OnnxHarness.Session(file);
        Assert.Equal(new[] { -1, raw.Channels, raw.Height, raw.Width }, session.InputMetadata[OnnxExporter.InputName].Dimensions);
        foreach (var batch in new[] { 1, 3 })
        {
            var actual = rawType == OnnxRawElementType.UInt8
                ? OnnxHarness.Run<byte>(session, pixels, batch)
                : OnnxHarness.Run<float>(session, pixels.to(float32), batch);
            var difference = OnnxHarness.MaxDifference(expected, actual);
            Assert.True(difference <= OnnxHarness.Tolerance, $"{job}, batch {batch}: the logits differ by up to {difference:E2}");
        }
    }

    [Fact]
    public void Preprocessing_that_does_not_reach_the_networks_input_is_refused()
    {
        var lenet = ZooModels.Definition("lenet5");
        var network = lenet.Describe(lenet.DefaultOptions);
        using var model = OnnxHarness.Build(network, seed: 1);
        var pipeline = InputPipeline.For(GreyDigits, null, new InputShape(1, 28, 28));
        var options = new OnnxExportOptions { Preprocessing = new OnnxPreprocessing(pipeline, new InputShape(1, 28, 28)) };
        var error = Assert.Throws<ArgumentException>(() => OnnxHarness.Export(network, model, options));
        Assert.Contains("1x28x28", error.Message, StringComparison.Ordinal);
    }
}
