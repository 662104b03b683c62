using TrainingService.Core.Models;
using TrainingService.Core.Models.Architecture;
using static TrainingService.Core.Models.Architecture.ChainStep;

namespace TrainingService.Core.Tests.ModelSummary;

/// <summary>Networks that exercise the less common settings: every functional op, grouped and dilated convolutions, reuse.</summary>
internal static class LayerZoo
{
    /// <summary>Every layer type with non-default settings, as one custom Sequential.</summary>
    public static NetworkSpec EveryLayer() => new("every-layer", new SequentialSpec(
        new Conv2dSpec(3, 8, 3, Padding: 1, Bias: false), new BatchNorm2dSpec(8, Eps: 1e-3, Momentum: 0.01),
        new ActivationSpec(ActivationKind.LeakyReLU, 0.2), new MaxPool2dSpec(3, 2, 1, CeilMode: true),
        new Conv2dSpec(8, 16, 3, Stride: 1, Padding: 2, Dilation: 2, Groups: 4), new ActivationSpec(ActivationKind.GELU),
        new AvgPool2dSpec(2, 2, 1, CeilMode: true, CountIncludePad: false), new ActivationSpec(ActivationKind.Sigmoid),
        new AdaptiveAvgPool2dSpec(2, 3), new DropoutSpec(0.25), new FlattenSpec(),
        new LinearSpec(96, 10, Bias: false)), new InputShape(3, 20, 20));

    /// <summary>
    /// Every functional op, a reused named module, two identical nested chains (one class) and a different chain
    /// under the same class name.
    /// </summary>
    public static NetworkSpec FunctionalOps() => new("functional-ops", new ChainSpec("FunctionalOps",
    [
        Child("features", Stage(3, 8)),
        Functional(new ActivationSpec(ActivationKind.LeakyReLU, 0.1)),
        Functional(new MaxPool2dSpec(2, 2, 1, CeilMode: true)),
        Child("more", Stage(8, 8)),
        Functional(new ActivationSpec(ActivationKind.GELU)),
        Child("again", Stage(8, 8)),
        Functional(new AvgPool2dSpec(3, 1, 1, CountIncludePad: false)),
        Child("relu", SampleNetworks.ReLU),
        Functional(new AdaptiveAvgPool2dSpec(4, 4)),
        Child("relu", SampleNetworks.ReLU),
        Functional(new ActivationSpec(ActivationKind.Sigmoid)),
        Functional(new DropoutSpec(0.1)),
        Functional(new FlattenSpec(1, 3)),
        Functional(SampleNetworks.Tanh),
        Child("head", new ChainSpec("Stage", [Child("fc", new LinearSpec(128, 10))])),
    ]), new InputShape(3, 16, 16));

    private static ChainSpec Stage(int input, int output) => new("Stage",
        [Child("conv", new Conv2dSpec(input, output, 3, Padding: 1)), Functional(SampleNetworks.ReLU)]);
}
