using TorchSharp.Modules;
using TrainingService.Core.Models.Architecture;
using static TorchSharp.torch;

namespace TrainingService.Core.Models.Building;

/// <summary>Builds every convolution of the zoo: TorchSharp's own, or the channel-aligned one where oneDNN would get the gradient wrong.</summary>
public static class ConvolutionFactory
{
    public static nn.Module<Tensor, Tensor> Create(Conv2dSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return spec.Groups == 1 && ChannelAlignedConv2d.MissingChannels(spec.OutChannels) > 0
            ? new ChannelAlignedConv2d(spec)
            : Plain(spec);
    }

    public static Conv2d Plain(Conv2dSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return nn.Conv2d(spec.InChannels, spec.OutChannels, spec.KernelSize, stride: spec.Stride, padding: spec.Padding,
            dilation: spec.Dilation, groups: spec.Groups, bias: spec.Bias);
    }
}
