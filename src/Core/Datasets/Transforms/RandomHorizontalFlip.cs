using TorchSharp;
using static TorchSharp.torch;

namespace TrainingService.Core.Datasets.Transforms;

/// <summary>
/// torchvision's RandomHorizontalFlip(p) for whole batches: each image is mirrored left-right with
/// probability <see cref="Probability"/>, chosen per image by a CPU generator seeded at construction,
/// so the same seed flips the same images of the same sequence of batches on any device. Not
/// thread-safe; use one instance per loader.
/// </summary>
public sealed class RandomHorizontalFlip : IRandomBatchTransform
{
    private readonly torch.Generator generator;

    public torch.Generator Generator => generator;

    public RandomHorizontalFlip(double probability, long seed)
    {
        if (double.IsNaN(probability) || probability is < 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(probability), probability, "must be between 0 and 1");
        }

        Probability = probability;
        generator = new torch.Generator(unchecked((ulong)seed));
    }

    public double Probability { get; }

    public Tensor Apply(Tensor batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        using var scope = torch.NewDisposeScope();
        // Non-blocking, as in RandomCrop: a blocking copy to a GPU would wait for the previous step every batch.
        var flip = torch.rand([batch.shape[0]], generator: generator).lt(Probability).to(batch.device, non_blocking: true);
        return torch.where(flip.view(-1, 1, 1, 1), batch.flip(3), batch).MoveToOuterDisposeScope();
    }

    public (int C, int H, int W) OutputShape((int C, int H, int W) input) => input;
}
