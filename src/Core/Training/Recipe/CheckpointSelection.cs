namespace TrainingService.Core.Training.Recipe;

/// <summary>
/// Keeps track of the epoch whose checkpoint is "best" by any watched metric. The first epoch is
/// always best so that a best checkpoint exists; later ones must be strictly better (ties keep the
/// earlier epoch), and a finite value replaces a NaN best.
/// </summary>
public sealed class CheckpointSelection
{
    public CheckpointSelection(string metric, MetricMode mode)
    {
        if (!MetricNames.All.Contains(metric))
        {
            throw new ArgumentException($"Unknown metric '{metric}'.", nameof(metric));
        }
        (Metric, Mode) = (metric, mode);
    }

    /// <summary>What the service selected by before selection became configurable.</summary>
    public static CheckpointSelection Default() => new(MetricNames.ValidationAccuracy, MetricMode.Max);

    public string Metric { get; }

    public MetricMode Mode { get; }

    /// <summary>0 until the first epoch is offered.</summary>
    public int BestEpoch { get; private set; }

    public double BestValue { get; private set; } = double.NaN;

    /// <summary>Returns true when this epoch becomes the best so far.</summary>
    public bool Offer(int epoch, double value)
    {
        var better = BestEpoch == 0
            || (double.IsNaN(BestValue) && !double.IsNaN(value))
            || (Mode == MetricMode.Max ? value > BestValue : value < BestValue);
        if (better)
        {
            (BestEpoch, BestValue) = (epoch, value);
        }
        return better;
    }

    /// <summary>Continues a selection a training checkpoint saved.</summary>
    public void Restore(int bestEpoch, double bestValue) => (BestEpoch, BestValue) = (bestEpoch, bestValue);

    /// <summary>The same selection for a job without a validation split, watching the training stand-in.</summary>
    public CheckpointSelection WithoutValidation() => new(MetricNames.WithoutValidation(Metric), Mode);
}
