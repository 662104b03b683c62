namespace TrainingService.Benchmarks;

/// <summary>The timed repetitions of one path; medians, because a neighbour's burst of work skews a mean.</summary>
internal sealed class PathMeasurement(string name)
{
    private readonly List<Repetition> repetitions = [];

    public string Name { get; } = name;

    public IReadOnlyList<Repetition> Repetitions => repetitions;

    public double MedianBatchesPerSecond => Median(repetitions.Select(r => r.BatchesPerSecond));

    public double MedianImagesPerSecond => Median(repetitions.Select(r => r.ImagesPerSecond));

    public double MinImagesPerSecond => repetitions.Min(r => r.ImagesPerSecond);

    public double MaxImagesPerSecond => repetitions.Max(r => r.ImagesPerSecond);

    /// <summary>Median seconds per batch, for the share of a training step the data path takes.</summary>
    public double MedianSecondsPerBatch => 1 / MedianBatchesPerSecond;

    public void Add(Repetition repetition) => repetitions.Add(repetition);

    private static double Median(IEnumerable<double> values)
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
