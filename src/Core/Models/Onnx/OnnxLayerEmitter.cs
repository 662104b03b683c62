using Onnx;
using TrainingService.Core.Models.Architecture;
using TrainingService.Core.Models.Summary;
using static TrainingService.Core.Models.Onnx.OnnxAttributes;

namespace TrainingService.Core.Models.Onnx;

/// <summary>
/// The leaf layers as ONNX operators with PyTorch's eval semantics: batch norm from its running statistics,
/// dropout as the identity, and PyTorch's own rules where ONNX's differ (ceil-mode pooling, adaptive pooling).
/// </summary>
internal sealed class OnnxLayerEmitter(OnnxGraph graph, OnnxWeights weights)
{
    public OnnxValue Emit(ModuleSpec spec, string prefix, OnnxValue x) => spec switch
    {
        Conv2dSpec conv => Conv(conv, prefix, x),
        LinearSpec linear => Linear(linear, prefix, x),
        BatchNorm2dSpec norm => BatchNorm(norm, prefix, x),
        MaxPool2dSpec pool => MaxPool(pool, prefix, x),
        AvgPool2dSpec pool => AvgPool(pool, prefix, x),
        AdaptiveAvgPool2dSpec pool => AdaptiveAvgPool(pool, prefix, x),
        DropoutSpec => x,
        FlattenSpec flatten => Flatten(flatten, prefix, x),
        ActivationSpec activation => Activation(activation, prefix, x),
        _ => throw new NotSupportedException($"There is no ONNX export for a {spec.TypeName} ({spec.GetType().Name})."),
    };

    public OnnxValue Conv(Conv2dSpec spec, string prefix, OnnxValue x)
    {
        var (c, h, w) = Image(x, spec.TypeName);
        Require(c == spec.InChannels, $"{prefix}: Conv2d expects {spec.InChannels} channels, gets {c}");
        var k = spec.KernelSize;
        List<string> inputs = [x.Name, weights.Take(graph, Key(prefix, "weight"), spec.OutChannels, spec.InChannels / spec.Groups, k, k)];
        if (spec.Bias)
        {
            inputs.Add(weights.Take(graph, Key(prefix, "bias"), spec.OutChannels));
        }
        var output = graph.Node("Conv", prefix, inputs,
            Ints("kernel_shape", k, k), Ints("strides", spec.Stride, spec.Stride), Ints("dilations", spec.Dilation, spec.Dilation),
            Ints("pads", spec.Padding, spec.Padding, spec.Padding, spec.Padding), Int("group", spec.Groups));
        return new OnnxValue(output, [spec.OutChannels, Conv(h, spec), Conv(w, spec)]);
    }

    public OnnxValue BatchNorm(BatchNorm2dSpec spec, string prefix, OnnxValue x)
    {
        var (c, _, _) = Image(x, spec.TypeName);
        Require(c == spec.NumFeatures, $"{prefix}: BatchNorm2d expects {spec.NumFeatures} channels, gets {c}");
        string Take(string name) => weights.Take(graph, Key(prefix, name), spec.NumFeatures);
        var output = graph.Node("BatchNormalization", prefix,
            [x.Name, Take("weight"), Take("bias"), Take("running_mean"), Take("running_var")],
            Float("epsilon", spec.Eps), Float("momentum", 1 - spec.Momentum), Int("training_mode", 0));
        return x with { Name = output };
    }

    public OnnxValue MaxPool(MaxPool2dSpec spec, string prefix, OnnxValue x)
    {
        var (c, h, w) = Image(x, spec.TypeName);
        var (outH, outW) = (Pool(h, spec.KernelSize, spec.Stride, spec.Padding, spec.CeilMode), Pool(w, spec.KernelSize, spec.Stride, spec.Padding, spec.CeilMode));

        // PyTorch's ceil mode drops a last window that would start in the right padding, which ONNX's ceil_mode does not
        // promise; padding the right and bottom edges just enough for floor mode to give PyTorch's size is exact for a
        // maximum, since ONNX pads max pooling with minus infinity as PyTorch does.
        long End(long size, long output) => Math.Max(0, (output - 1) * spec.Stride + spec.KernelSize - size - spec.Padding);
        var output = graph.Node("MaxPool", prefix, [x.Name],
            Ints("kernel_shape", spec.KernelSize, spec.KernelSize), Ints("strides", spec.Stride, spec.Stride),
            Ints("pads", spec.Padding, spec.Padding, End(h, outH), End(w, outW)));
        return new OnnxValue(output, [c, outH, outW]);
    }

    public OnnxValue AvgPool(AvgPool2dSpec spec, string prefix, OnnxValue x)
    {
        var (c, h, w) = Image(x, spec.TypeName);
        var (outH, outW) = (Pool(h, spec.KernelSize, spec.Stride, spec.Padding, false), Pool(w, spec.KernelSize, spec.Stride, spec.Padding, false));
        if (spec.CeilMode && (Pool(h, spec.KernelSize, spec.Stride, spec.Padding, true), Pool(w, spec.KernelSize, spec.Stride, spec.Padding, true)) != (outH, outW))
        {
            throw new NotSupportedException($"{prefix}: an AvgPool2d whose ceil mode adds a partial window has no exact ONNX form.");
        }
        var output = graph.Node("AveragePool", prefix, [x.Name],
            Ints("kernel_shape", spec.KernelSize, spec.KernelSize), Ints("strides", spec.Stride, spec.Stride),
            Ints("pads", spec.Padding, spec.Padding, spec.Padding, spec.Padding), Int("count_include_pad", spec.CountIncludePad ? 1 : 0));
        return new OnnxValue(output, [c, outH, outW]);
    }

    public OnnxValue AdaptiveAvgPool(AdaptiveAvgPool2dSpec spec, string prefix, OnnxValue x)
    {
        var (c, h, w) = Image(x, spec.TypeName);
        var (outH, outW) = (spec.OutputHeight, spec.OutputWidth);
        if ((outH, outW) == (1, 1))
        {
            return new OnnxValue(graph.Node("GlobalAveragePool", prefix, [x.Name]), [c, 1, 1]);
        }
        if (h % outH == 0 && w % outW == 0)
        {
            var (kh, kw) = (h / outH, w / outW);
            return new OnnxValue(graph.Node("AveragePool", prefix, [x.Name], Ints("kernel_shape", kh, kw), Ints("strides", kh, kw)), [c, outH, outW]);
        }

        // Otherwise PyTorch's windows overlap or repeat (cell i averages rows floor(i*H/out) to ceil((i+1)*H/out)); the
        // average over such a window is separable, so it is two matrix products: rows by A [outH, H], then columns by B [W, outW].
        var rows = graph.Floats(Key(prefix, "rows"), AveragingMatrix(outH, h, transpose: false), outH, h);
        var columns = graph.Floats(Key(prefix, "columns"), AveragingMatrix(outW, w, transpose: true), w, outW);
        var pooledRows = graph.Node("MatMul", prefix, [rows, x.Name]);
        return new OnnxValue(graph.Node("MatMul", prefix, [pooledRows, columns]), [c, outH, outW]);
    }

    public OnnxValue Linear(LinearSpec spec, string prefix, OnnxValue x)
    {
        Require(x.Shape.Length >= 1 && x.Shape[^1] == spec.InFeatures, $"{prefix}: Linear expects {spec.InFeatures} features, gets [{string.Join(", ", x.Shape)}]");
        var weight = weights.Take(graph, Key(prefix, "weight"), spec.OutFeatures, spec.InFeatures);
        var bias = spec.Bias ? weights.Take(graph, Key(prefix, "bias"), spec.OutFeatures) : null;
        long[] shape = [.. x.Shape[..^1], spec.OutFeatures];
        if (x.Shape.Length == 1)
        {
            var gemm = graph.Node("Gemm", prefix, bias is null ? [x.Name, weight] : [x.Name, weight, bias], Int("transB", 1));
            return new OnnxValue(gemm, shape);
        }
        var product = graph.Node("MatMul", prefix, [x.Name, graph.Node("Transpose", prefix, [weight])]);
        return new OnnxValue(bias is null ? product : graph.Node("Add", prefix, [product, bias]), shape);
    }

    public OnnxValue Flatten(FlattenSpec spec, string prefix, OnnxValue x)
    {
        var dims = new long[] { -1 }.Concat(x.Shape).ToArray();
        var start = spec.StartDim < 0 ? spec.StartDim + dims.Length : spec.StartDim;
        var end = spec.EndDim < 0 ? spec.EndDim + dims.Length : spec.EndDim;
        Require(start >= 0 && end < dims.Length && start <= end, $"{prefix}: cannot flatten dimensions {spec.StartDim} to {spec.EndDim} of a rank-{dims.Length} tensor");
        if (start == 1 && end == dims.Length - 1)
        {
            var flat = x.Shape.Aggregate(1L, (product, size) => product * size);
            return new OnnxValue(graph.Node("Flatten", prefix, [x.Name], Int("axis", 1)), [flat]);
        }
        if (start == end)
        {
            return x;
        }

        // Reshape copies a 0 from its input, which keeps the batch unless the batch itself is flattened (then -1 infers it).
        var merged = start == 0 ? -1 : dims[start..(end + 1)].Aggregate(1L, (product, size) => product * size);
        long[] target = [.. dims[..start].Select(_ => 0L), merged, .. dims[(end + 1)..]];
        var output = graph.Node("Reshape", prefix, [x.Name, graph.Int64s(Key(prefix, "shape"), target)]);
        return new OnnxValue(output, start == 0 ? [.. dims[(end + 1)..]] : [.. x.Shape[..(start - 1)], merged, .. dims[(end + 1)..]]);
    }

    public OnnxValue Activation(ActivationSpec spec, string prefix, OnnxValue x) => x with
    {
        Name = spec.Kind switch
        {
            ActivationKind.ReLU => graph.Node("Relu", prefix, [x.Name]),
            ActivationKind.LeakyReLU => graph.Node("LeakyRelu", prefix, [x.Name], Float("alpha", spec.NegativeSlope)),
            ActivationKind.Sigmoid => graph.Node("Sigmoid", prefix, [x.Name]),
            ActivationKind.Tanh => graph.Node("Tanh", prefix, [x.Name]),
            ActivationKind.GELU => Gelu(prefix, x.Name),
            _ => throw new NotSupportedException($"There is no ONNX export for the activation {spec.Kind}."),
        },
    };

    /// <summary>nn.GELU's exact form, x/2 (1 + erf(x/sqrt 2)); opset 17 has no Gelu operator (it came in 20).</summary>
    private string Gelu(string prefix, string x)
    {
        var erf = graph.Node("Erf", prefix, [graph.Node("Div", prefix, [x, graph.Scalar("sqrt2", Math.Sqrt(2))])]);
        var onePlus = graph.Node("Add", prefix, [erf, graph.Scalar("one", 1)]);
        return graph.Node("Mul", prefix, [graph.Node("Mul", prefix, [x, graph.Scalar("half", 0.5)]), onePlus]);
    }

    private static float[] AveragingMatrix(int outputs, long inputs, bool transpose)
    {
        var matrix = new float[outputs * inputs];
        for (var i = 0; i < outputs; i++)
        {
            var start = i * inputs / outputs;
            var end = ((i + 1) * inputs + outputs - 1) / outputs;
            for (var j = start; j < end; j++)
            {
                matrix[transpose ? j * outputs + i : i * inputs + j] = 1f / (end - start);
            }
        }
        return matrix;
    }

    private static (long C, long H, long W) Image(OnnxValue x, string layer)
    {
        Require(x.Shape.Length == 3, $"{layer} needs images (N x C x H x W) but receives [N, {string.Join(", ", x.Shape)}]");
        return (x.Shape[0], x.Shape[1], x.Shape[2]);
    }

    private static long Conv(long size, Conv2dSpec spec) => WindowArithmetic.Convolution(size, spec.KernelSize, spec.Stride, spec.Padding, spec.Dilation);

    private static long Pool(long size, int kernel, int stride, int padding, bool ceilMode) => WindowArithmetic.Pooling(size, kernel, stride, padding, ceilMode);

    internal static string Key(string prefix, string name) => prefix.Length == 0 ? name : $"{prefix}.{name}";

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new ArgumentException($"{message}.", "network");
        }
    }
}
