using System.Globalization;

namespace TrainingService.Benchmarks;

/// <summary>Prints the results as a Markdown table, so a run can be pasted into docs/benchmarks.md as it stands.</summary>
internal static class ReportWriter
{
    public static void Write(TextWriter output, PathMeasurement data, PathMeasurement training)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(training);
        output.WriteLine("| path | batches/s (median) | images/s (median) | images/s (min - max) | repetitions |");
        output.WriteLine("|---|---:|---:|---:|---:|");
        foreach (var path in new[] { data, training })
        {
            output.WriteLine(Invariant(
                $"| {path.Name} | {path.MedianBatchesPerSecond:N1} | {path.MedianImagesPerSecond:N0} | {path.MinImagesPerSecond:N0} - {path.MaxImagesPerSecond:N0} | {path.Repetitions.Count} |"));
        }
        output.WriteLine();
        // Training includes the data path, so the share is of the whole step, not of the network's part alone.
        var ratio = data.MedianImagesPerSecond / training.MedianImagesPerSecond;
        var share = data.MedianSecondsPerBatch / training.MedianSecondsPerBatch;
        output.WriteLine(Invariant($"data path / training: {ratio:N1}x faster; producing a batch takes {share:P1} of a training step"));
    }

    public static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
