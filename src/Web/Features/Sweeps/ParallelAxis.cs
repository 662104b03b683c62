namespace TrainingService.Web.Features.Sweeps;

/// <summary>How an axis spaces its values: evenly by value, by decade, or one slot per listed value.</summary>
public enum AxisScale
{
    Linear,
    Log,
    Categorical,
}

/// <summary>One vertical axis: a parameter or the metric. Ticks sit at positions from 0 (bottom) to 1 (top).</summary>
public sealed record ParallelAxis(string Label, AxisScale Scale, IReadOnlyList<double> TickPositions, IReadOnlyList<string> TickLabels);

/// <summary>One trial across the axes: its position on each (null where it has no value there) and the metric that colours it.</summary>
public sealed record ParallelLine(Guid JobId, int TrialNumber, IReadOnlyList<double?> Positions, double Metric);
