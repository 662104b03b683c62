using TrainingService.Core.Models;

namespace TrainingService.TrainingComparison;

/// <summary>Both sides' epochs for one model; medians and ranges, because a neighbour's burst skews a mean.</summary>
public sealed class ModelResult(string model, InputShape input, long parameters, long images, int batchSize, string torchVersion, string blas)
{
    public string Model { get; } = model;

    public InputShape Input { get; } = input;

    public long Parameters { get; } = parameters;

    public long ImagesPerEpoch { get; } = images;

    public int BatchSize { get; } = batchSize;

    public string TorchVersion { get; } = torchVersion;

    public string Blas { get; } = blas;

    public EpochFigures? OurWarmUp { get; set; }

    public EpochFigures? TheirWarmUp { get; set; }

    public List<EpochFigures> Ours { get; } = [];

    public List<EpochFigures> Theirs { get; } = [];

    public string Layout { get; set; } = "NCHW";

    /// <summary>Our network in the other memory layout, timed in the same interleaving, when asked for.</summary>
    public string? VariantLayout { get; set; }

    public List<EpochFigures> Variant { get; } = [];

    public IReadOnlyList<double> VariantRatios => Variant.Zip(Theirs, (our, their) => our.ImagesPerSecond / their.ImagesPerSecond).ToList();

    public PhaseFigures? VariantPhases { get; set; }

    public PhaseFigures? OurPhases { get; set; }

    public PhaseFigures? TheirPhases { get; set; }

    /// <summary>Ours / PyTorch per interleaved pair: each pair ran back to back, under the same load.</summary>
    public IReadOnlyList<double> Ratios => Ours.Zip(Theirs, (our, their) => our.ImagesPerSecond / their.ImagesPerSecond).ToList();

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            throw new InvalidOperationException("No repetition was timed.");
        }
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
