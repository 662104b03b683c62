namespace TrainingService.Core.Training.Recipe;

/// <summary>
/// torch's <c>OneCycleLR</c> (two phases, cosine annealing), per batch: from <c>max / divFactor</c> up to
/// <c>max</c> by step <c>pctStart * totalSteps - 1</c>, then down to <c>max / divFactor / finalDivFactor</c>
/// at step <c>totalSteps - 1</c>; step <c>s</c> of a phase from <c>a</c> to <c>b</c> gets
/// <c>b + (a - b) / 2 * (cos(pi * pct) + 1)</c>. Only the rate is scheduled: torch also cycles SGD's
/// momentum (Adam's beta1) between 0.95 and 0.85 inversely to the rate, which this does not do.
/// Where torch fails (a first phase of zero length, stepping past the end) this keeps the rate defined:
/// a zero-length phase counts as finished, and steps after the last keep the final rate.
/// </summary>
public sealed class OneCycleSchedule : ILearningRateSchedule
{
    private readonly double _maxRate;
    private readonly double _initialRate;
    private readonly double _finalRate;
    private readonly long _totalSteps;
    private readonly double _peakStep;

    public OneCycleSchedule(double maxRate, long totalSteps, double pctStart = 0.3, double divFactor = 25, double finalDivFactor = 1e4)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(totalSteps, 1);
        _maxRate = maxRate;
        _initialRate = maxRate / divFactor;
        _finalRate = _initialRate / finalDivFactor;
        _totalSteps = totalSteps;
        _peakStep = pctStart * totalSteps - 1;
    }

    public double RateFor(int epoch, int stepInEpoch, int stepsPerEpoch)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(epoch, 1);
        return RateAt((long)(epoch - 1) * stepsPerEpoch + stepInEpoch);
    }

    /// <summary>The rate after <paramref name="step"/> calls of torch's <c>scheduler.step()</c>.</summary>
    public double RateAt(long step)
    {
        double s = Math.Min(step, _totalSteps - 1);
        if (s <= _peakStep)
        {
            return Anneal(_initialRate, _maxRate, _peakStep == 0 ? 1 : s / _peakStep);
        }
        var lastStep = _totalSteps - 1.0;
        return Anneal(_maxRate, _finalRate, (s - _peakStep) / (lastStep - _peakStep));
    }

    public void ObserveEpoch(int epoch, double? monitoredValue)
    {
    }

    private static double Anneal(double start, double end, double pct) => end + (start - end) / 2.0 * (Math.Cos(Math.PI * pct) + 1);
}
