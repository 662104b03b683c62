namespace TrainingService.Core.Training.Recipe;

/// <summary>
/// torch's <c>MultiStepLR</c>: the rate is multiplied by <c>gamma</c> once for each milestone reached,
/// <c>base * gamma ^ bisect_right(milestones, last_epoch)</c>. Milestones are torch's 0-based epochs, so
/// a milestone of 30 first lowers the rate of our epoch 31.
/// </summary>
public sealed class MultiStepSchedule : EpochSchedule
{
    private readonly double _baseRate;
    private readonly int[] _milestones;
    private readonly double _gamma;

    public MultiStepSchedule(double baseRate, IEnumerable<int> milestones, double gamma)
    {
        (_baseRate, _milestones, _gamma) = (baseRate, milestones.Order().ToArray(), gamma);
    }

    protected override double RateForEpoch(int epoch)
    {
        var lastEpoch = epoch - 1;
        var reached = _milestones.Count(milestone => milestone <= lastEpoch);
        return _baseRate * Math.Pow(_gamma, reached);
    }
}
