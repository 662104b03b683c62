using System.Globalization;
using System.Text.Json;
using TrainingService.Contracts.Sweeps;

namespace TrainingService.Web.Features.Sweeps;

/// <summary>
/// The parallel-coordinates view of a sweep: one axis per searched parameter in the definition's order (log for
/// <c>loguniform</c>, one slot per value for a values list, linear otherwise), then the metric, which also colours
/// each trial's line. Every axis is scaled to 0..1 here, so the plot only draws lines between fixed heights.
/// Trials without a finite value of the metric have nothing to place on the last axis and are counted, not drawn.
/// </summary>
public sealed record ParallelCoordinates(
    IReadOnlyList<ParallelAxis> Axes,
    IReadOnlyList<ParallelLine> Lines,
    double MetricLow,
    double MetricHigh,
    bool LowerIsBetter,
    int Undrawn)
{
    private const int LinearTicks = 5;

    public static ParallelCoordinates Build(SweepSubmission definition, IReadOnlyList<SweepTrialResource> trials)
    {
        var parameters = definition.Parameters ?? new Dictionary<string, SearchParameterSubmission>();
        var dimensions = parameters.Select(p => DimensionOf(p.Key, p.Value)).ToList();
        var drawn = trials.Where(Leaderboard.HasValue).OrderBy(t => t.TrialNumber).ToList();
        var values = drawn.Select(t => t.BestValue!.Value).ToList();
        var (low, high) = values.Count == 0 ? (0.0, 0.0) : (values.Min(), values.Max());
        var metric = Linear(definition.Metric ?? SweepMetrics.Default, low, high, integers: false);
        var lines = drawn.Select(trial => new ParallelLine(
            trial.JobId,
            trial.TrialNumber,
            [.. dimensions.Select(d => trial.Parameters.TryGetValue(d.Path, out var value) ? d.Position(value) : null), metric.Position(trial.BestValue!.Value)],
            trial.BestValue!.Value)).ToList();
        return new ParallelCoordinates(
            [.. dimensions.Select(d => d.Axis), metric.Axis],
            lines,
            low,
            high,
            SweepMetrics.IsMin(definition.Mode ?? SweepMetrics.NaturalMode(definition.Metric)),
            trials.Count - drawn.Count);
    }

    /// <summary>Where on 0..1 a metric value sits between the worst and the best: 1 is the best colour whichever the mode.</summary>
    public double Goodness(double metric)
    {
        var t = MetricHigh > MetricLow ? (metric - MetricLow) / (MetricHigh - MetricLow) : 1;
        return LowerIsBetter ? 1 - t : t;
    }

    private sealed record Dimension(string Path, ParallelAxis Axis, Func<JsonElement, double?> Position);

    private sealed record LinearScale(ParallelAxis Axis, Func<double, double> Position);

    private static Dimension DimensionOf(string path, SearchParameterSubmission parameter)
    {
        if (parameter.Values is { Count: > 0 } values)
        {
            return Categorical(path, values);
        }

        var kind = SearchKinds.FromDistribution(parameter.Distribution);
        var (min, max) = (parameter.Min ?? 0, parameter.Max ?? 0);
        if (kind == SearchKind.LogUniform && min > 0 && max > 0)
        {
            return Log(path, min, max);
        }

        var linear = Linear(path, min, max, integers: kind == SearchKind.Int);
        return new Dimension(path, linear.Axis, v => v.ValueKind == JsonValueKind.Number ? linear.Position(v.GetDouble()) : null);
    }

    private static Dimension Categorical(string path, IReadOnlyList<JsonElement> values)
    {
        var slots = values.Select((_, i) => values.Count == 1 ? 0.5 : i / (double)(values.Count - 1)).ToList();
        var labels = values.Select(Label).ToList();
        return new Dimension(path, new ParallelAxis(path, AxisScale.Categorical, slots, labels), value =>
        {
            var index = values.ToList().FindIndex(v => Same(v, value));
            return index < 0 ? null : slots[index];
        });
    }

    private static Dimension Log(string path, double min, double max)
    {
        var (low, high) = (Math.Log10(Math.Min(min, max)), Math.Log10(Math.Max(min, max)));
        double Place(double value) => high > low ? (Math.Log10(value) - low) / (high - low) : 0.5;
        var decades = Enumerable.Range((int)Math.Ceiling(low - 1e-9), Math.Max(0, (int)Math.Floor(high + 1e-9) - (int)Math.Ceiling(low - 1e-9) + 1))
            .Select(k => Math.Pow(10, k)).ToList();
        var ticks = decades.Count >= 2 ? decades : [Math.Min(min, max), .. decades, Math.Max(min, max)];
        ticks = [.. ticks.Distinct()];
        return new Dimension(path, new ParallelAxis(path, AxisScale.Log, [.. ticks.Select(Place)], [.. ticks.Select(t => Format(t))]),
            v => v.ValueKind == JsonValueKind.Number && v.GetDouble() > 0 ? Place(v.GetDouble()) : null);
    }

    private static LinearScale Linear(string label, double min, double max, bool integers)
    {
        var (low, high) = (Math.Min(min, max), Math.Max(min, max));
        double Place(double value) => high > low ? (value - low) / (high - low) : 0.5;
        var ticks = high > low
            ? Enumerable.Range(0, LinearTicks).Select(k => low + (k * (high - low) / (LinearTicks - 1)))
            : [low];
        var values = (integers ? ticks.Select(t => Math.Round(t)) : ticks).Distinct().ToList();
        return new LinearScale(new ParallelAxis(label, AxisScale.Linear, [.. values.Select(Place)], [.. values.Select(v => Format(v))]), Place);
    }

    private static bool Same(JsonElement a, JsonElement b) =>
        a.ValueKind == JsonValueKind.Number && b.ValueKind == JsonValueKind.Number
            ? a.GetDouble() == b.GetDouble()
            : a.ValueKind == JsonValueKind.String && b.ValueKind == JsonValueKind.String
                ? a.GetString() == b.GetString()
                : a.GetRawText() == b.GetRawText();

    private static string Label(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString() ?? "",
        JsonValueKind.Number => Format(value.GetDouble()),
        _ => value.GetRawText(),
    };

    private static string Format(double value) => value.ToString("G4", CultureInfo.InvariantCulture);
}
