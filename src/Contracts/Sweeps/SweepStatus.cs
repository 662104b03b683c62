namespace TrainingService.Contracts.Sweeps;

/// <summary>Where a sweep is in its life: it runs until every trial has ended, or it is cancelled as a whole.</summary>
public enum SweepStatus
{
    Running,
    Completed,
    Cancelled,
    Failed,
}
