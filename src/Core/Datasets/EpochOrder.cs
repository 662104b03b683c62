using TorchSharp;
using static TorchSharp.torch;

namespace TrainingService.Core.Datasets;

/// <summary>The order in which one epoch visits the samples, as int64 indices on the training device.</summary>
internal static class EpochOrder
{
    /// <returns>A tensor detached from every dispose scope; the caller disposes it.</returns>
    public static Tensor Create(long count, bool shuffle, long seed, int epochIndex, Device device)
    {
        using var scope = torch.NewDisposeScope();
        if (!shuffle)
        {
            return torch.arange(count, ScalarType.Int64, device).DetachFromDisposeScope();
        }

        // Drawn on the CPU so the order for a seed is the same whatever the training device.
        using var generator = new torch.Generator(unchecked((ulong)(seed + epochIndex)));
        return torch.randperm(count, generator: generator).to(device).DetachFromDisposeScope();
    }
}
