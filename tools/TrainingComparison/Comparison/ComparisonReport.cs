using System.Globalization;

namespace TrainingService.TrainingComparison;

/// <summary>Markdown tables, so a run pastes into docs/benchmarks.md as it stands.</summary>
public static class ComparisonReport
{
    public static void WriteThroughput(TextWriter output, IReadOnlyList<ModelResult> results)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(results);
        output.WriteLine("| model | input | parameters | images/epoch | ours images/s, median (range) | PyTorch images/s, median (range) | ours / PyTorch, median (range) | first loss ours / PyTorch |");
        output.WriteLine("|---|---|---:|---:|---:|---:|---:|---|");
        foreach (var r in results)
        {
            var ours = r.Ours.Select(e => e.ImagesPerSecond).ToList();
            var theirs = r.Theirs.Select(e => e.ImagesPerSecond).ToList();
            output.WriteLine(Invariant(
                $"| {r.Model} | {r.Input} | {r.Parameters:N0} | {r.ImagesPerEpoch:N0} | {ModelResult.Median(ours):N1} ({ours.Min():N1} - {ours.Max():N1}) | {ModelResult.Median(theirs):N1} ({theirs.Min():N1} - {theirs.Max():N1}) | **{ModelResult.Median(r.Ratios):N2}x** ({r.Ratios.Min():N2} - {r.Ratios.Max():N2}) | {r.OurWarmUp?.FirstLoss:F5} / {r.TheirWarmUp?.FirstLoss:F5} |"));
        }
    }

    /// <summary>The other-layout variant against PyTorch, beside our network as the builder makes it.</summary>
    public static void WriteLayouts(TextWriter output, IReadOnlyList<ModelResult> results)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(results);
        output.WriteLine("| model | ours as built: layout, images/s, ratio (range) | ours in the other layout: layout, images/s, ratio (range) |");
        output.WriteLine("|---|---|---|");
        foreach (var r in results.Where(r => r.Variant.Count > 0))
        {
            output.WriteLine(Invariant(
                $"| {r.Model} | {r.Layout}, {ModelResult.Median(r.Ours.Select(e => e.ImagesPerSecond)):N1}, {ModelResult.Median(r.Ratios):N2}x ({r.Ratios.Min():N2} - {r.Ratios.Max():N2}) | {r.VariantLayout}, {ModelResult.Median(r.Variant.Select(e => e.ImagesPerSecond)):N1}, {ModelResult.Median(r.VariantRatios):N2}x ({r.VariantRatios.Min():N2} - {r.VariantRatios.Max():N2}) |"));
        }
    }

    public static void WritePhases(TextWriter output, IReadOnlyList<ModelResult> results)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(results);
        output.WriteLine("| model | side | data ms/batch | forward + loss ms/batch | backward ms/batch | optimizer step ms/batch | total ms/batch |");
        output.WriteLine("|---|---|---:|---:|---:|---:|---:|");
        foreach (var r in results)
        {
            foreach (var (side, phases) in new[] { ($"ours ({r.Layout})", r.OurPhases), ("PyTorch", r.TheirPhases), ($"ours in {r.VariantLayout}", r.VariantPhases) })
            {
                if (phases is null)
                {
                    continue;
                }
                var n = (double)Batches(r);
                output.WriteLine(Invariant(
                    $"| {r.Model} | {side} | {phases.Data * 1000 / n:N2} | {phases.Forward * 1000 / n:N2} | {phases.Backward * 1000 / n:N2} | {phases.Step * 1000 / n:N2} | {(phases.Data + phases.Forward + phases.Backward + phases.Step) * 1000 / n:N2} |"));
            }
        }
    }

    public static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static long Batches(ModelResult r) => (r.ImagesPerEpoch + r.BatchSize - 1) / r.BatchSize;
}
