using TrainingService.Core.Models.Architecture;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace TrainingService.Core.Models.Building;

/// <summary>ResNet's <c>BasicBlock</c> with torchvision's child names; <c>downsample</c> exists only when the shape changes.</summary>
public sealed class BasicBlockModule : nn.Module<Tensor, Tensor>
{
    private readonly nn.Module<Tensor, Tensor> conv1;
    private readonly BatchNorm2d bn1;
    private readonly nn.Module<Tensor, Tensor> conv2;
    private readonly BatchNorm2d bn2;
    private readonly Sequential? downsample;

    public BasicBlockModule(BasicBlockSpec spec) : base("BasicBlock")
    {
        ArgumentNullException.ThrowIfNull(spec);
        conv1 = ConvolutionFactory.Create(new Conv2dSpec(spec.InChannels, spec.OutChannels, 3, spec.Stride, 1, Bias: false));
        bn1 = nn.BatchNorm2d(spec.OutChannels);
        conv2 = ConvolutionFactory.Create(new Conv2dSpec(spec.OutChannels, spec.OutChannels, 3, Padding: 1, Bias: false));
        bn2 = nn.BatchNorm2d(spec.OutChannels);
        downsample = spec.DownsampleKernel is { } kernel
            ? nn.Sequential(
                ConvolutionFactory.Create(new Conv2dSpec(spec.InChannels, spec.OutChannels, kernel, spec.Stride, kernel / 2, Bias: false)),
                nn.BatchNorm2d(spec.OutChannels))
            : null;
        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var shortcut = downsample is null ? input : downsample.call(input);
        var x = nn.functional.relu(bn1.call(conv1.call(input)));
        x = bn2.call(conv2.call(x));
        return nn.functional.relu(x + shortcut).MoveToOuterDisposeScope();
    }
}
