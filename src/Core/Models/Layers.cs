using TrainingService.Core.Models.Architecture;

namespace TrainingService.Core.Models;

/// <summary>Short names for the parameter-free specs every family repeats, so a description reads like its PyTorch source.</summary>
internal static class Layers
{
    public static ActivationSpec ReLU => new(ActivationKind.ReLU);

    public static ActivationSpec Tanh => new(ActivationKind.Tanh);

    public static ActivationSpec Sigmoid => new(ActivationKind.Sigmoid);

    public static FlattenSpec Flatten => new();

    public static MaxPool2dSpec MaxPool(int kernel, int stride, int padding = 0, bool ceilMode = false) => new(kernel, stride, padding, ceilMode);
}
