using System.Text.Json.Nodes;
using TrainingService.Core.Datasets.Transforms;

namespace TrainingService.Core.Bundles;

/// <summary>
/// The evaluation pipeline as data, for <c>evaluate.py</c> and the model card: each step with the numbers it uses
/// (the run's own normalisation statistics, the padding it computes for the dataset's image size).
/// </summary>
public static class PreprocessingSteps
{
    public static JsonArray Describe(BatchTransformPipeline pipeline, (int C, int H, int W) input)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        var steps = new JsonArray();
        var shape = input;
        foreach (var step in pipeline.Steps)
        {
            steps.Add(Describe(step, shape));
            shape = step.OutputShape(shape);
        }
        return steps;
    }

    /// <summary>One line per step, in words, for the model card.</summary>
    public static IEnumerable<string> Sentences(JsonArray steps) => steps.Select(step => step!["op"]!.GetValue<string>() switch
    {
        "scale" => "divide the 0-255 pixel values by 255 (float32)",
        "replicate_channels" => $"repeat the grey channel to {step["channels"]} channels",
        "resize_bilinear" => $"resize bilinearly (align_corners=False) to {step["height"]}x{step["width"]}",
        "pad" => $"zero-pad top {step["top"]}, bottom {step["bottom"]}, left {step["left"]}, right {step["right"]}",
        "normalize" => $"normalise per channel: (x - mean) / std with mean {step["mean"]!.ToJsonString()} and std {step["std"]!.ToJsonString()}",
        var op => op,
    });

    private static JsonObject Describe(IBatchTransform step, (int C, int H, int W) shape) => step switch
    {
        ScaleToUnit => new JsonObject { ["op"] = "scale", ["divisor"] = 255 },
        ReplicateChannels replicate => new JsonObject { ["op"] = "replicate_channels", ["channels"] = replicate.Channels },
        Resize resize => new JsonObject { ["op"] = "resize_bilinear", ["height"] = resize.Height, ["width"] = resize.Width },
        PadTo pad => Pad((pad.Height - shape.H) / 2, pad.Height - shape.H - (pad.Height - shape.H) / 2,
            (pad.Width - shape.W) / 2, pad.Width - shape.W - (pad.Width - shape.W) / 2),
        ZeroPad pad => Pad(pad.Top, pad.Bottom, pad.Left, pad.Right),
        Normalize normalize => new JsonObject
        {
            ["op"] = "normalize",
            ["mean"] = new JsonArray([.. normalize.Mean.Select(v => JsonValue.Create(v))]),
            ["std"] = new JsonArray([.. normalize.Std.Select(v => JsonValue.Create(v))]),
        },
        _ => throw new NotSupportedException($"The evaluation step {step.GetType().Name} has no description for evaluate.py."),
    };

    private static JsonObject Pad(int top, int bottom, int left, int right) =>
        new() { ["op"] = "pad", ["top"] = top, ["bottom"] = bottom, ["left"] = left, ["right"] = right };
}
