namespace TrainingService.Core.Training.Recipe;

/// <summary>The job's learning rate throughout: what training does when no schedule is asked for.</summary>
public sealed class ConstantSchedule(double rate) : EpochSchedule
{
    protected override double RateForEpoch(int epoch) => rate;
}
