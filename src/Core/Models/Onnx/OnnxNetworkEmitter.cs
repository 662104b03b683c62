using System.Globalization;
using TrainingService.Core.Models.Architecture;
using static TrainingService.Core.Models.Onnx.OnnxLayerEmitter;

namespace TrainingService.Core.Models.Onnx;

/// <summary>
/// Walks a network description as <see cref="Building.ModuleBuilder"/> does, under the same state-dict prefixes, and
/// emits each container and block as the operators its TorchSharp forward runs.
/// </summary>
internal sealed class OnnxNetworkEmitter(OnnxGraph graph, OnnxWeights weights)
{
    private readonly OnnxLayerEmitter layers = new(graph, weights);

    public OnnxValue Emit(ModuleSpec spec, string prefix, OnnxValue x) => spec switch
    {
        SequentialSpec sequential => Steps(sequential.Children.Select((child, index) => ((string?)index.ToString(CultureInfo.InvariantCulture), child)), prefix, x),
        NamedSequentialSpec named => Steps(named.Children.Select(child => ((string?)child.Name, child.Module)), prefix, x),
        ChainSpec chain => Steps(chain.Steps.Select(step => (step.Name, step.Module)), prefix, x),
        BasicConv2dSpec basic => BasicConv2d(basic, prefix, x),
        BasicBlockSpec block => BasicBlock(block, prefix, x),
        InceptionASpec inception => InceptionA(inception, prefix, x),
        GoogLeNetInceptionSpec inception => GoogLeNetInception(inception, prefix, x),
        _ => layers.Emit(spec, prefix, x),
    };

    /// <summary>Named steps are children under their prefix; unnamed ones are functional and parameter-free, so they keep the parent's.</summary>
    private OnnxValue Steps(IEnumerable<(string? Name, ModuleSpec Module)> steps, string prefix, OnnxValue x) =>
        steps.Aggregate(x, (current, step) => Emit(step.Module, step.Name is null ? prefix : Key(prefix, step.Name), current));

    private OnnxValue BasicConv2d(BasicConv2dSpec spec, string prefix, OnnxValue x)
    {
        var conv = layers.Conv(new Conv2dSpec(spec.InChannels, spec.OutChannels, spec.KernelSize, spec.Stride, spec.Padding, Bias: false), Key(prefix, "conv"), x);
        var norm = layers.BatchNorm(new BatchNorm2dSpec(spec.OutChannels, Eps: 0.001), Key(prefix, "bn"), conv);
        return norm with { Name = graph.Node("Relu", prefix, [norm.Name]) };
    }

    private OnnxValue BasicBlock(BasicBlockSpec spec, string prefix, OnnxValue x)
    {
        var y = layers.Conv(new Conv2dSpec(spec.InChannels, spec.OutChannels, 3, spec.Stride, 1, Bias: false), Key(prefix, "conv1"), x);
        y = layers.BatchNorm(new BatchNorm2dSpec(spec.OutChannels), Key(prefix, "bn1"), y);
        y = y with { Name = graph.Node("Relu", prefix, [y.Name]) };
        y = layers.Conv(new Conv2dSpec(spec.OutChannels, spec.OutChannels, 3, Padding: 1, Bias: false), Key(prefix, "conv2"), y);
        y = layers.BatchNorm(new BatchNorm2dSpec(spec.OutChannels), Key(prefix, "bn2"), y);
        var shortcut = x;
        if (spec.DownsampleKernel is { } kernel)
        {
            shortcut = layers.Conv(new Conv2dSpec(spec.InChannels, spec.OutChannels, kernel, spec.Stride, kernel / 2, Bias: false), Key(prefix, "downsample.0"), x);
            shortcut = layers.BatchNorm(new BatchNorm2dSpec(spec.OutChannels), Key(prefix, "downsample.1"), shortcut);
        }
        if (!shortcut.Shape.SequenceEqual(y.Shape))
        {
            throw new ArgumentException($"{prefix}: the shortcut gives [{string.Join(", ", shortcut.Shape)}] but the block [{string.Join(", ", y.Shape)}].", "network");
        }
        var sum = graph.Node("Add", prefix, [y.Name, shortcut.Name]);
        return y with { Name = graph.Node("Relu", prefix, [sum]) };
    }

    private OnnxValue InceptionA(InceptionASpec spec, string prefix, OnnxValue x)
    {
        OnnxValue Conv(string name, int input, int output, int kernel, int padding, OnnxValue from) =>
            BasicConv2d(new BasicConv2dSpec(input, output, kernel, Padding: padding), Key(prefix, name), from);
        var input = spec.InChannels;
        var branch1x1 = Conv("branch1x1", input, 64, 1, 0, x);
        var branch5x5 = Conv("branch5x5_2", 48, 64, 5, 2, Conv("branch5x5_1", input, 48, 1, 0, x));
        var branch3x3dbl = Conv("branch3x3dbl_3", 96, 96, 3, 1, Conv("branch3x3dbl_2", 64, 96, 3, 1, Conv("branch3x3dbl_1", input, 64, 1, 0, x)));
        var pooled = layers.AvgPool(new AvgPool2dSpec(3, 1, 1), prefix, x);
        var branchPool = Conv("branch_pool", input, spec.PoolFeatures, 1, 0, pooled);
        return Concat(prefix, branch1x1, branch5x5, branch3x3dbl, branchPool);
    }

    private OnnxValue GoogLeNetInception(GoogLeNetInceptionSpec spec, string prefix, OnnxValue x)
    {
        OnnxValue Conv(string name, int input, int output, int kernel, OnnxValue from) =>
            BasicConv2d(new BasicConv2dSpec(input, output, kernel, Padding: kernel / 2), Key(prefix, name), from);
        var branch1 = Conv("branch1", spec.InChannels, spec.Ch1x1, 1, x);
        var branch2 = Conv("branch2.1", spec.Ch3x3Reduce, spec.Ch3x3, 3, Conv("branch2.0", spec.InChannels, spec.Ch3x3Reduce, 1, x));
        var branch3 = Conv("branch3.1", spec.Ch5x5Reduce, spec.Ch5x5, 3, Conv("branch3.0", spec.InChannels, spec.Ch5x5Reduce, 1, x));
        var pooled = layers.MaxPool(new MaxPool2dSpec(3, 1, 1, CeilMode: true), Key(prefix, "branch4.0"), x);
        var branch4 = Conv("branch4.1", spec.InChannels, spec.PoolProj, 1, pooled);
        return Concat(prefix, branch1, branch2, branch3, branch4);
    }

    private OnnxValue Concat(string prefix, params OnnxValue[] branches)
    {
        var (h, w) = (branches[0].Shape[1], branches[0].Shape[2]);
        if (branches.Any(branch => branch.Shape[1] != h || branch.Shape[2] != w))
        {
            throw new ArgumentException($"{prefix}: the branches' sizes differ: {string.Join(", ", branches.Select(b => string.Join("x", b.Shape)))}.", "network");
        }
        var output = graph.Node("Concat", prefix, branches.Select(branch => branch.Name).ToList(), OnnxAttributes.Int("axis", 1));
        return new OnnxValue(output, [branches.Sum(branch => branch.Shape[0]), h, w]);
    }
}
