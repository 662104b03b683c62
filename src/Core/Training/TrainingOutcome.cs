namespace TrainingService.Core.Training;

/// <summary>The result of a finished job: the selected (best) checkpoint evaluated on the test split.</summary>
public sealed record TrainingOutcome(double TestLoss, double TestAccuracy, int BestEpoch)
{
    public TestEvaluation? Evaluation { get; init; }

    /// <summary>The epoch after which early stopping ended the run, if it did.</summary>
    public int? StoppedEarlyAfterEpoch { get; init; }
}
