using Onnx;
using TrainingService.Core.Datasets.Transforms;
using static TrainingService.Core.Models.Onnx.OnnxAttributes;

namespace TrainingService.Core.Models.Onnx;

/// <summary>
/// An evaluation pipeline as operators, step by step with the same arithmetic as the TorchSharp transforms (divide by
/// 255, pad with zeros, bilinear resize with half-pixel centres and no antialiasing, subtract the mean and divide by
/// the std), so the network sees what it sees in evaluation.
/// </summary>
internal sealed class OnnxPreprocessingEmitter(OnnxGraph graph)
{
    private const string Scope = "preprocess";

    public OnnxValue Emit(OnnxPreprocessing preprocessing, string input)
    {
        var raw = preprocessing.RawInput;
        var x = new OnnxValue(input, [raw.Channels, raw.Height, raw.Width]);
        var floating = preprocessing.ElementType == OnnxRawElementType.Float32;
        foreach (var step in preprocessing.Pipeline.Steps)
        {
            if (!floating && step is not ReplicateChannels and not PadTo and not ZeroPad)
            {
                x = x with { Name = graph.Node("Cast", Scope, [x.Name], Int("to", (long)TensorProto.Types.DataType.Float)) };
                floating = true;
            }
            x = step switch
            {
                ScaleToUnit => x with { Name = graph.Node("Div", Scope, [x.Name, graph.Scalar("255", 255)]) },
                ReplicateChannels replicate => Replicate(replicate, x),
                Resize resize => Resize(resize, x),
                PadTo pad => Pad(x, (pad.Height - x.Shape[1]) / 2, pad.Height - x.Shape[1] - (pad.Height - x.Shape[1]) / 2,
                    (pad.Width - x.Shape[2]) / 2, pad.Width - x.Shape[2] - (pad.Width - x.Shape[2]) / 2),
                ZeroPad pad => Pad(x, pad.Top, pad.Bottom, pad.Left, pad.Right),
                Normalize normalize => Normalize(normalize, x),
                _ => throw new NotSupportedException($"The preprocessing step {step.GetType().Name} has no ONNX export; only deterministic evaluation steps do."),
            };
        }
        return floating ? x : x with { Name = graph.Node("Cast", Scope, [x.Name], Int("to", (long)TensorProto.Types.DataType.Float)) };
    }

    private OnnxValue Replicate(ReplicateChannels replicate, OnnxValue x)
    {
        var output = graph.Node("Expand", Scope, [x.Name, graph.Int64s("preprocess.channels", 1, replicate.Channels, 1, 1)]);
        return new OnnxValue(output, [replicate.Channels, x.Shape[1], x.Shape[2]]);
    }

    private OnnxValue Resize(Resize resize, OnnxValue x)
    {
        if (x.Shape[1] == resize.Height && x.Shape[2] == resize.Width)
        {
            return x;
        }

        // Resize wants every output size, batch included, and the batch is only known at run time.
        var batch = graph.Node("Slice", Scope, [graph.Node("Shape", Scope, [x.Name]), graph.Int64s("preprocess.zero", 0), graph.Int64s("preprocess.one", 1)]);
        var sizes = graph.Node("Concat", Scope, [batch, graph.Int64s("preprocess.size", x.Shape[0], resize.Height, resize.Width)], Int("axis", 0));
        var output = graph.Node("Resize", Scope, [x.Name, "", "", sizes],
            String("mode", "linear"), String("coordinate_transformation_mode", "half_pixel"));
        return new OnnxValue(output, [x.Shape[0], resize.Height, resize.Width]);
    }

    private OnnxValue Pad(OnnxValue x, long top, long bottom, long left, long right)
    {
        if (top == 0 && bottom == 0 && left == 0 && right == 0)
        {
            return x;
        }
        var output = graph.Node("Pad", Scope, [x.Name, graph.Int64s("preprocess.pads", 0, 0, top, left, 0, 0, bottom, right)], String("mode", "constant"));
        return new OnnxValue(output, [x.Shape[0], x.Shape[1] + top + bottom, x.Shape[2] + left + right]);
    }

    private OnnxValue Normalize(Normalize normalize, OnnxValue x)
    {
        var channels = normalize.Mean.Count;
        if (channels != x.Shape[0])
        {
            throw new ArgumentException($"The normalisation is for {channels} channel(s), the images have {x.Shape[0]}.", "options");
        }
        var mean = graph.Floats("preprocess.mean", [.. normalize.Mean], 1, channels, 1, 1);
        var std = graph.Floats("preprocess.std", [.. normalize.Std], 1, channels, 1, 1);
        return x with { Name = graph.Node("Div", Scope, [graph.Node("Sub", Scope, [x.Name, mean]), std]) };
    }
}
