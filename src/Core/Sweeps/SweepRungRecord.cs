namespace TrainingService.Core.Sweeps;

/// <summary>One ASHA decision: a trial reached a rung (an epoch milestone) with a metric value, and was promoted or stopped.</summary>
public sealed class SweepRungRecord
{
    public Guid SweepId { get; set; }
    public int Rung { get; set; }
    public Guid JobId { get; set; }

    /// <summary>The epoch that is this rung's milestone.</summary>
    public int Epoch { get; set; }

    public double Value { get; set; }
    public bool Stopped { get; set; }

    /// <summary>The cutoff the value was compared with; null when the trial was the first to reach the rung.</summary>
    public double? Cutoff { get; set; }

    public DateTimeOffset RecordedAt { get; set; }
}
