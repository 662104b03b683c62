using TrainingService.Core.Models.Architecture;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace TrainingService.Core.Models.Building;

/// <summary>Inception's <c>BasicConv2d</c>: bias-free convolution, batch norm with eps 0.001, ReLU applied functionally.</summary>
public sealed class BasicConv2dModule : nn.Module<Tensor, Tensor>
{
    private readonly nn.Module<Tensor, Tensor> conv;
    private readonly BatchNorm2d bn;

    public BasicConv2dModule(BasicConv2dSpec spec) : base("BasicConv2d")
    {
        ArgumentNullException.ThrowIfNull(spec);
        conv = ConvolutionFactory.Create(new Conv2dSpec(spec.InChannels, spec.OutChannels, spec.KernelSize, spec.Stride, spec.Padding, Bias: false));
        bn = nn.BatchNorm2d(spec.OutChannels, eps: 0.001);
        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        return nn.functional.relu(bn.call(conv.call(input))).MoveToOuterDisposeScope();
    }
}
