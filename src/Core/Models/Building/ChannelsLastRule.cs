using TrainingService.Core.Models.Architecture;

namespace TrainingService.Core.Models.Building;

/// <summary>
/// Which networks train in NHWC strides on the CPU (<see cref="Torch.ChannelsLast"/>): the residual networks, whose
/// many small batch-normalised convolutions spent much of each step in oneDNN's layout reorders; measured with
/// tools/TrainingComparison (docs/benchmarks.md, issue 13). The networks with a channel-aligned convolution stay in
/// NCHW, as that convolution hands on a contiguous NCHW result anyway.
/// </summary>
public static class ChannelsLastRule
{
    public static bool Applies(NetworkSpec network)
    {
        ArgumentNullException.ThrowIfNull(network);
        return network.Root is ChainSpec chain && chain.Steps.Any(step => HasResidualBlock(step.Module));
    }

    private static bool HasResidualBlock(ModuleSpec spec) => spec switch
    {
        BasicBlockSpec => true,
        SequentialSpec sequential => sequential.Children.Any(HasResidualBlock),
        NamedSequentialSpec named => named.Children.Any(child => HasResidualBlock(child.Module)),
        _ => false,
    };
}
