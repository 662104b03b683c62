using TrainingService.Core.Models.Architecture;

namespace TrainingService.Core.Models.Building;

/// <summary>
/// Which networks train in NHWC strides on the CPU (<see cref="Torch.ChannelsLast"/>): the single chains whose every
/// convolution is a plain one with whole 16-channel blocks of output. For those oneDNN convolves NHWC data as it lies,
/// where in NCHW it reorders input, output and gradients to its blocked layout and back in every convolution, forward
/// and backward; measured with tools/TrainingComparison for the ResNets, mnist-cnn, AlexNet-CIFAR10 and VGG-11-BN
/// (docs/benchmarks.md, issue 13). A channel-aligned convolution (LeNet-5's 6 channels) hands on a contiguous NCHW
/// result, so the rest of such a network would pay for a layout it does not keep, and LeNet-5 measured slower in NHWC.
/// Grouped convolutions and the Inception branches were not measured in NHWC, so they keep NCHW.
/// </summary>
public static class ChannelsLastRule
{
    public static bool Applies(NetworkSpec network)
    {
        ArgumentNullException.ThrowIfNull(network);
        return network.Root is ChainSpec chain && HasConvolution(chain) && WholeBlocks(chain);
    }

    private static bool WholeBlocks(ModuleSpec spec) => spec switch
    {
        Conv2dSpec conv => conv.Groups == 1 && ChannelAlignedConv2d.MissingChannels(conv.OutChannels) == 0,
        BasicBlockSpec block => ChannelAlignedConv2d.MissingChannels(block.OutChannels) == 0,
        BasicConv2dSpec or InceptionASpec or GoogLeNetInceptionSpec => false,
        ChainSpec chain => chain.Steps.All(step => WholeBlocks(step.Module)),
        SequentialSpec sequential => sequential.Children.All(WholeBlocks),
        NamedSequentialSpec named => named.Children.All(child => WholeBlocks(child.Module)),
        _ => true,
    };

    private static bool HasConvolution(ModuleSpec spec) => spec switch
    {
        Conv2dSpec or BasicBlockSpec => true,
        ChainSpec chain => chain.Steps.Any(step => HasConvolution(step.Module)),
        SequentialSpec sequential => sequential.Children.Any(HasConvolution),
        NamedSequentialSpec named => named.Children.Any(child => HasConvolution(child.Module)),
        _ => false,
    };
}
