namespace TrainingService.Core.Training.Recipe;

/// <summary>torch's <c>ExponentialLR</c>: <c>base * gamma ^ last_epoch</c>, one factor per finished epoch.</summary>
public sealed class ExponentialSchedule(double baseRate, double gamma) : EpochSchedule
{
    protected override double RateForEpoch(int epoch) => baseRate * Math.Pow(gamma, epoch - 1);
}
