namespace TrainingService.Core.Training;

/// <summary>How a run ended: finished with its test evaluation, or stopped on request after a training checkpoint.</summary>
public sealed record TrainingResult(TrainingOutcome? Outcome, int EpochsComplete, long Steps)
{
    public bool IsFinished => Outcome is not null;

    public static TrainingResult Finished(TrainingOutcome outcome, int epochsComplete, long steps) => new(outcome, epochsComplete, steps);

    public static TrainingResult Stopped(int epochsComplete, long steps) => new(null, epochsComplete, steps);
}
