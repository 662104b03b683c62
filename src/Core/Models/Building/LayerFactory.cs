using TrainingService.Core.Models.Architecture;
using TorchSharp;
using static TorchSharp.torch;

namespace TrainingService.Core.Models.Building;

/// <summary>Maps leaf specs to TorchSharp's own layers, whose parameter and buffer names are already PyTorch's.</summary>
internal static class LayerFactory
{
    public static nn.Module<Tensor, Tensor> Build(ModuleSpec spec) => spec switch
    {
        Conv2dSpec conv => ConvolutionFactory.Create(conv),
        LinearSpec linear => nn.Linear(linear.InFeatures, linear.OutFeatures, hasBias: linear.Bias),
        BatchNorm2dSpec norm => nn.BatchNorm2d(norm.NumFeatures, eps: norm.Eps, momentum: norm.Momentum),
        MaxPool2dSpec pool => nn.MaxPool2d(pool.KernelSize, stride: pool.Stride, padding: pool.Padding, ceil_mode: pool.CeilMode),
        AvgPool2dSpec pool => nn.AvgPool2d(pool.KernelSize, stride: pool.Stride, padding: pool.Padding, ceil_mode: pool.CeilMode,
            count_include_pad: pool.CountIncludePad),
        AdaptiveAvgPool2dSpec pool => nn.AdaptiveAvgPool2d((pool.OutputHeight, pool.OutputWidth)),
        DropoutSpec dropout => nn.Dropout(dropout.P),
        FlattenSpec flatten => nn.Flatten(flatten.StartDim, flatten.EndDim),
        ActivationSpec activation => Activation(activation),
        _ => throw new ArgumentException($"There is no TorchSharp layer for a {spec.TypeName} ({spec.GetType().Name}).", nameof(spec)),
    };

    private static nn.Module<Tensor, Tensor> Activation(ActivationSpec spec) => spec.Kind switch
    {
        ActivationKind.ReLU => nn.ReLU(),
        ActivationKind.LeakyReLU => nn.LeakyReLU(spec.NegativeSlope),
        ActivationKind.Sigmoid => nn.Sigmoid(),
        ActivationKind.Tanh => nn.Tanh(),
        ActivationKind.GELU => nn.GELU(),
        _ => throw new ArgumentOutOfRangeException(nameof(spec), spec.Kind, "Unknown activation."),
    };
}
