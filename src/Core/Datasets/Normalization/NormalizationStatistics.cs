using TorchSharp;
using TrainingService.Core.Datasets.Transforms;
using static TorchSharp.torch;

namespace TrainingService.Core.Datasets.Normalization;

/// <summary>
/// Per-channel mean and standard deviation of a training split's pixels scaled to [0, 1], the values
/// <see cref="Normalize"/> takes. The std is the population one (over all pixels of a channel), as
/// published for MNIST and CIFAR-10.
/// </summary>
public sealed record NormalizationStatistics(float[] Mean, float[] Std)
{
    // Bounds the float64 copy made per step to 1024 images rather than the whole split.
    private const long ImagesPerStep = 1024;

    /// <summary>
    /// Sums pixels and squared pixels per channel in float64, where sums of integers up to 255 stay exact
    /// for any split that fits in memory, then derives mean and variance once at the end.
    /// </summary>
    public static NormalizationStatistics Compute(LabeledImages train)
    {
        ArgumentNullException.ThrowIfNull(train);
        if (train.Count == 0)
        {
            throw new ArgumentException("cannot compute statistics of an empty split", nameof(train));
        }

        using var scope = torch.NewDisposeScope();
        var images = train.Images;
        var channels = images.shape[1];
        var sum = torch.zeros([channels], ScalarType.Float64, images.device);
        var squares = torch.zeros([channels], ScalarType.Float64, images.device);
        for (long start = 0; start < train.Count; start += ImagesPerStep)
        {
            using var step = torch.NewDisposeScope();
            var chunk = images.narrow(0, start, Math.Min(ImagesPerStep, train.Count - start)).to_type(ScalarType.Float64);
            sum.add_(chunk.sum([0, 2, 3]));
            squares.add_(chunk.square().sum([0, 2, 3]));
        }

        var pixels = (double)(train.Count * images.shape[2] * images.shape[3]);
        var mean = sum.div(pixels);
        var std = squares.div(pixels).sub(mean.square()).clamp_min(0).sqrt();
        return new NormalizationStatistics(Unit(mean), Unit(std));
    }

    public Normalize ToTransform() => new(Mean, Std);

    private static float[] Unit(Tensor values) => values.div(255.0).to_type(ScalarType.Float32).cpu().data<float>().ToArray();
}
