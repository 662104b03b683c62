using TorchSharp;
using static TorchSharp.torch;

namespace TrainingService.Core.Datasets.Transforms;

/// <summary>(x - mean[c]) / std[c] per channel, for inputs already scaled to [0, 1] (see <see cref="ScaleToUnit"/>).</summary>
public sealed class Normalize : IBatchTransform
{
    private readonly float[] mean;
    private readonly float[] std;

    public Normalize(float[] mean, float[] std)
    {
        ArgumentNullException.ThrowIfNull(mean);
        ArgumentNullException.ThrowIfNull(std);
        if (mean.Length == 0 || mean.Length != std.Length)
        {
            throw new ArgumentException($"need one mean and one std per channel, got {mean.Length} and {std.Length}");
        }

        if (std.Any(s => !(s > 0)))
        {
            throw new ArgumentException("every std must be positive", nameof(std));
        }

        // Copies, so a caller mutating its arrays later cannot change this transform.
        this.mean = [.. mean];
        this.std = [.. std];
    }

    public IReadOnlyList<float> Mean => mean;

    public IReadOnlyList<float> Std => std;

    public Tensor Apply(Tensor batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        Require((int)batch.shape[1]);
        using var scope = torch.NewDisposeScope();
        var m = torch.tensor(mean, device: batch.device).view(1, mean.Length, 1, 1);
        var s = torch.tensor(std, device: batch.device).view(1, std.Length, 1, 1);
        return batch.sub(m).div(s).MoveToOuterDisposeScope();
    }

    public (int C, int H, int W) OutputShape((int C, int H, int W) input)
    {
        Require(input.C);
        return input;
    }

    private void Require(int channels)
    {
        if (channels != mean.Length)
        {
            throw new ArgumentException($"normalization is for {mean.Length} channel(s), the batch has {channels}");
        }
    }
}
