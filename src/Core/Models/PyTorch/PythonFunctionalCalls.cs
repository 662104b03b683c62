using TrainingService.Core.Models.Architecture;
using TrainingService.Core.Models.Summary;
using static TrainingService.Core.Models.PyTorch.PythonLiterals;

namespace TrainingService.Core.Models.PyTorch;

/// <summary>An unnamed chain step as the functional call a PyTorch forward would write (<c>torch.tanh(x)</c>).</summary>
internal static class PythonFunctionalCalls
{
    public static string Of(ModuleSpec op) => op switch
    {
        ActivationSpec { Kind: ActivationKind.ReLU } => "F.relu(x)",
        ActivationSpec { Kind: ActivationKind.LeakyReLU } a => $"F.leaky_relu(x, negative_slope={Float(a.NegativeSlope)})",
        ActivationSpec { Kind: ActivationKind.Sigmoid } => "torch.sigmoid(x)",
        ActivationSpec { Kind: ActivationKind.Tanh } => "torch.tanh(x)",
        ActivationSpec { Kind: ActivationKind.GELU } => "F.gelu(x)",
        FlattenSpec f => f is { StartDim: 1, EndDim: -1 } ? "torch.flatten(x, 1)" : $"torch.flatten(x, {Int(f.StartDim)}, {Int(f.EndDim)})",
        MaxPool2dSpec p => $"F.max_pool2d(x, {Pool(p.KernelSize, p.Stride, p.Padding, p.CeilMode)})",
        AvgPool2dSpec p => $"F.avg_pool2d(x, {Pool(p.KernelSize, p.Stride, p.Padding, p.CeilMode)}"
            + $"{string.Concat(Keyword("count_include_pad", p.CountIncludePad, true).Select(k => ", " + k))})",
        AdaptiveAvgPool2dSpec p => $"F.adaptive_avg_pool2d(x, ({Int(p.OutputHeight)}, {Int(p.OutputWidth)}))",

        // Functional dropout is always on unless told the mode, unlike nn.Dropout.
        DropoutSpec d => $"F.dropout(x, p={Float(d.P)}, training=self.training)",
        _ => throw ModuleAnatomy.Unsupported(op),
    };

    private static string Pool(int kernel, int stride, int padding, bool ceilMode) => string.Join(", ",
        [$"kernel_size={Int(kernel)}", $"stride={Int(stride)}", .. Keyword("padding", padding, 0), .. Keyword("ceil_mode", ceilMode, false)]);
}
