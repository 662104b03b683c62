using static TorchSharp.torch;

namespace TrainingService.Core.Datasets.Transforms;

/// <summary>Repeats a single grey channel to <see cref="Channels"/> channels, for networks that take colour input.</summary>
public sealed class ReplicateChannels : IBatchTransform
{
    public ReplicateChannels(int channels)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(channels, 2);
        Channels = channels;
    }

    public int Channels { get; }

    public Tensor Apply(Tensor batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        Require((int)batch.shape[1]);
        return batch.expand(batch.shape[0], Channels, batch.shape[2], batch.shape[3]).contiguous();
    }

    public (int C, int H, int W) OutputShape((int C, int H, int W) input)
    {
        Require(input.C);
        return (Channels, input.H, input.W);
    }

    private static void Require(int channels)
    {
        if (channels != 1)
        {
            throw new ArgumentException($"only a single grey channel can be replicated, not {channels} channels");
        }
    }
}
