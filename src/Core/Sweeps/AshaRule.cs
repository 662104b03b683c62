using TrainingService.Core.Training.Recipe;

namespace TrainingService.Core.Sweeps;

/// <summary>
/// Asynchronous successive halving in its stopping form, as Ray Tune's <c>ASHAScheduler</c> (and Determined) run it: the
/// rungs are the epochs <c>gracePeriod × reductionFactor^k</c> below a trial's epochs; a trial reaching a rung is compared
/// with the <c>1 − 1/reductionFactor</c> quantile of the values recorded there before it (for <c>min</c>, of the values
/// mirrored) and stopped when worse; the first at a rung always goes on. Only the top 1/reductionFactor go past each rung.
/// </summary>
public sealed class AshaRule
{
    private readonly int _gracePeriod;
    private readonly int _reductionFactor;
    private readonly MetricMode _mode;

    public AshaRule(int gracePeriod, int reductionFactor, MetricMode mode)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(gracePeriod, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(reductionFactor, 2);
        (_gracePeriod, _reductionFactor, _mode) = (gracePeriod, reductionFactor, mode);
    }

    public AshaRule(AshaSpec spec, MetricMode mode) : this(spec.GracePeriod, spec.ReductionFactor, mode)
    {
    }

    /// <summary>The milestone epoch of each rung, rung 1 first, for a trial of <paramref name="epochs"/> epochs.</summary>
    public IReadOnlyList<int> Milestones(int epochs)
    {
        var milestones = new List<int>();
        for (long epoch = _gracePeriod; epoch < epochs; epoch *= _reductionFactor)
        {
            milestones.Add((int)epoch);
        }
        return milestones;
    }

    /// <summary>The decision for <paramref name="value"/> against the values <paramref name="recorded"/> at the rung before it.</summary>
    public AshaDecision Decide(IReadOnlyCollection<double> recorded, double value)
    {
        if (recorded.Count == 0) return new AshaDecision(false, null);
        var sign = _mode == MetricMode.Max ? 1.0 : -1.0;
        var cutoff = sign * Quantile(recorded.Select(v => sign * v).ToList(), 1.0 - 1.0 / _reductionFactor);
        var worse = double.IsNaN(value) || sign * value < sign * cutoff;
        return new AshaDecision(worse, cutoff);
    }

    /// <summary>The <paramref name="q"/> quantile with linear interpolation between the closest ranks, as numpy's default; NaNs are left out.</summary>
    public static double Quantile(IReadOnlyCollection<double> values, double q)
    {
        var sorted = values.Where(v => !double.IsNaN(v)).Order().ToArray();
        if (sorted.Length == 0) return double.NaN;
        var rank = q * (sorted.Length - 1);
        var below = (int)Math.Floor(rank);
        var above = Math.Min(below + 1, sorted.Length - 1);
        return sorted[below] + (rank - below) * (sorted[above] - sorted[below]);
    }
}
