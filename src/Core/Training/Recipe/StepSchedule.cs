namespace TrainingService.Core.Training.Recipe;

/// <summary>
/// torch's <c>StepLR</c>: the rate is multiplied by <c>gamma</c> every <c>stepSize</c> epochs, in the
/// closed form <c>base * gamma ^ floor(last_epoch / step_size)</c> with <c>last_epoch = epoch - 1</c>.
/// </summary>
public sealed class StepSchedule : EpochSchedule
{
    private readonly double _baseRate;
    private readonly int _stepSize;
    private readonly double _gamma;

    public StepSchedule(double baseRate, int stepSize, double gamma)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(stepSize, 1);
        (_baseRate, _stepSize, _gamma) = (baseRate, stepSize, gamma);
    }

    protected override double RateForEpoch(int epoch) => _baseRate * Math.Pow(_gamma, (epoch - 1) / _stepSize);
}
