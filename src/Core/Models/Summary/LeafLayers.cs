using TrainingService.Core.Models.Architecture;

namespace TrainingService.Core.Models.Summary;

/// <summary>The layers without children and the tensors each registers, in PyTorch's registration order.</summary>
internal static class LeafLayers
{
    public static bool IsLeaf(ModuleSpec module) => module is Conv2dSpec or LinearSpec or BatchNorm2dSpec
        or MaxPool2dSpec or AvgPool2dSpec or AdaptiveAvgPool2dSpec or DropoutSpec or ActivationSpec or FlattenSpec;

    public static IReadOnlyList<LeafTensor> Tensors(ModuleSpec module) => module switch
    {
        Conv2dSpec conv => WeightAndBias([conv.OutChannels, conv.InChannels / Math.Max(conv.Groups, 1), conv.KernelSize, conv.KernelSize], conv.Bias),
        LinearSpec linear => WeightAndBias([linear.OutFeatures, linear.InFeatures], linear.Bias),
        BatchNorm2dSpec norm =>
        [
            new("weight", [norm.NumFeatures], false),
            new("bias", [norm.NumFeatures], false),
            new("running_mean", [norm.NumFeatures], true),
            new("running_var", [norm.NumFeatures], true),
            new("num_batches_tracked", [], true),
        ],
        _ when IsLeaf(module) => [],
        _ => throw ModuleAnatomy.Unsupported(module),
    };

    /// <summary>Trainable parameters only: torchinfo counts <c>named_parameters()</c>, never buffers.</summary>
    public static long ParameterCount(ModuleSpec module) => Tensors(module).Where(t => !t.IsBuffer).Sum(t => t.Count);

    public static bool HasParameters(ModuleSpec module) => ParameterCount(module) > 0;

    private static LeafTensor[] WeightAndBias(long[] weight, bool bias) =>
        bias ? [new("weight", weight, false), new("bias", [weight[0]], false)] : [new("weight", weight, false)];
}
