namespace TrainingService.Core.Training.Recipe;

/// <summary>Base of the schedules that change the rate only between epochs and ignore metrics.</summary>
public abstract class EpochSchedule : ILearningRateSchedule
{
    public double RateFor(int epoch, int stepInEpoch, int stepsPerEpoch)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(epoch, 1);
        return RateForEpoch(epoch);
    }

    public void ObserveEpoch(int epoch, double? monitoredValue)
    {
    }

    /// <summary>The rate of every batch of a 1-based epoch.</summary>
    protected abstract double RateForEpoch(int epoch);
}
