namespace TrainingService.Core.Training.Recipe;

/// <summary>
/// Stops training when a metric has not improved for <c>patience</c> epochs in a row, as PyTorch
/// Lightning's <c>EarlyStopping</c> does: an improvement must beat the best so far by more than
/// <c>minDelta</c>, and a non-finite value stops at once (Lightning's <c>check_finite</c>), since a
/// diverged run does not recover.
/// </summary>
public sealed class EarlyStopping
{
    private readonly MetricMode _mode;
    private readonly int _patience;
    private readonly double _minDelta;

    public EarlyStopping(string metric, MetricMode mode, int patience, double minDelta = 0)
    {
        if (!MetricNames.All.Contains(metric))
        {
            throw new ArgumentException($"Unknown metric '{metric}'.", nameof(metric));
        }
        ArgumentOutOfRangeException.ThrowIfNegative(patience);
        if (!(minDelta >= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(minDelta), minDelta, "The minimum improvement must be at least 0.");
        }
        (Metric, _mode, _patience, _minDelta) = (metric, mode, patience, minDelta);
        BestValue = mode == MetricMode.Min ? double.PositiveInfinity : double.NegativeInfinity;
    }

    public string Metric { get; }

    public double BestValue { get; private set; }

    /// <summary>0 until an epoch has improved on the starting value.</summary>
    public int BestEpoch { get; private set; }

    /// <summary>Epochs since the last improvement.</summary>
    public int WaitCount { get; private set; }

    /// <summary>Continues a count a training checkpoint saved.</summary>
    public void Restore(double bestValue, int bestEpoch, int waitCount) => (BestValue, BestEpoch, WaitCount) = (bestValue, bestEpoch, waitCount);

    public bool ShouldStop(int epoch, double value)
    {
        if (!double.IsFinite(value))
        {
            return true;
        }
        var improved = _mode == MetricMode.Min ? value < BestValue - _minDelta : value > BestValue + _minDelta;
        if (improved)
        {
            (BestValue, BestEpoch, WaitCount) = (value, epoch, 0);
            return false;
        }
        WaitCount++;
        return WaitCount >= _patience;
    }
}
