using TrainingService.Core.Models.Architecture;
using TrainingService.Core.Models.Summary;
using static TrainingService.Core.Models.PyTorch.PythonLiterals;

namespace TrainingService.Core.Models.PyTorch;

/// <summary>The constructor call that creates a module: the callee and its arguments, written as PyTorch would be.</summary>
internal static class PythonConstructors
{
    /// <param name="chainClass">The emitted class name of a nested chain.</param>
    /// <param name="render">Renders a child of a Sequential at the next indentation.</param>
    public static (string Callee, IReadOnlyList<string> Arguments) Of(ModuleSpec module, Func<ChainSpec, string> chainClass, Func<ModuleSpec, string> render) =>
        module switch
        {
            Conv2dSpec c => ("nn.Conv2d", [Int(c.InChannels), Int(c.OutChannels), $"kernel_size={Int(c.KernelSize)}",
                .. Keyword("stride", c.Stride, 1), .. Keyword("padding", c.Padding, 0), .. Keyword("dilation", c.Dilation, 1),
                .. Keyword("groups", c.Groups, 1), .. Keyword("bias", c.Bias, true)]),
            LinearSpec l => ("nn.Linear", [Int(l.InFeatures), Int(l.OutFeatures), .. Keyword("bias", l.Bias, true)]),
            BatchNorm2dSpec b => ("nn.BatchNorm2d", [Int(b.NumFeatures), .. Keyword("eps", b.Eps, 1e-5), .. Keyword("momentum", b.Momentum, 0.1)]),
            MaxPool2dSpec p => ("nn.MaxPool2d", PoolArguments(p.KernelSize, p.Stride, p.Padding, p.CeilMode, true)),
            AvgPool2dSpec p => ("nn.AvgPool2d", PoolArguments(p.KernelSize, p.Stride, p.Padding, p.CeilMode, p.CountIncludePad)),
            AdaptiveAvgPool2dSpec p => ("nn.AdaptiveAvgPool2d", [$"({Int(p.OutputHeight)}, {Int(p.OutputWidth)})"]),
            DropoutSpec d => ("nn.Dropout", [$"p={Float(d.P)}"]),
            ActivationSpec { Kind: ActivationKind.LeakyReLU } a => ("nn.LeakyReLU", [$"negative_slope={Float(a.NegativeSlope)}"]),
            ActivationSpec a => ($"nn.{a.Kind}", []),
            FlattenSpec f => ("nn.Flatten", f is { StartDim: 1, EndDim: -1 } ? [] : [Int(f.StartDim), Int(f.EndDim)]),
            SequentialSpec s => ("nn.Sequential", s.Children.Select(render).ToList()),
            NamedSequentialSpec n => (PythonBlockClasses.NamedSequentialFunction,
                n.Children.Select(child => $"({Str(child.Name)}, {render(child.Module)})").ToList()),
            ChainSpec chain => (chainClass(chain), []),
            BasicConv2dSpec b => ("BasicConv2d", [Int(b.InChannels), Int(b.OutChannels), $"kernel_size={Int(b.KernelSize)}",
                .. Keyword("stride", b.Stride, 1), .. Keyword("padding", b.Padding, 0)]),
            InceptionASpec a => ("InceptionA", [Int(a.InChannels), Int(a.PoolFeatures)]),
            GoogLeNetInceptionSpec g => ("Inception", new[] { g.InChannels, g.Ch1x1, g.Ch3x3Reduce, g.Ch3x3, g.Ch5x5Reduce, g.Ch5x5, g.PoolProj }.Select(Int).ToList()),
            BasicBlockSpec r => ("BasicBlock", [Int(r.InChannels), Int(r.OutChannels), .. Keyword("stride", r.Stride, 1),
                .. r.DownsampleKernel is { } k ? [$"downsample_kernel={Int(k)}"] : Array.Empty<string>()]),
            _ => throw ModuleAnatomy.Unsupported(module),
        };

    /// <summary>The block classes a module's constructor needs defined, in the order they must be emitted.</summary>
    public static IEnumerable<string> BlockClasses(ModuleSpec module) => module switch
    {
        BasicConv2dSpec => [nameof(PythonBlockClasses.BasicConv2d)],
        InceptionASpec => [nameof(PythonBlockClasses.BasicConv2d), nameof(PythonBlockClasses.InceptionA)],
        GoogLeNetInceptionSpec => [nameof(PythonBlockClasses.BasicConv2d), nameof(PythonBlockClasses.Inception)],
        BasicBlockSpec => [nameof(PythonResidualClass.BasicBlock)],
        NamedSequentialSpec => [PythonBlockClasses.NamedSequentialFunction],
        _ => [],
    };

    private static List<string> PoolArguments(int kernel, int stride, int padding, bool ceilMode, bool countIncludePad) =>
    [
        $"kernel_size={Int(kernel)}", $"stride={Int(stride)}", .. Keyword("padding", padding, 0),
        .. Keyword("ceil_mode", ceilMode, false), .. Keyword("count_include_pad", countIncludePad, true),
    ];
}
