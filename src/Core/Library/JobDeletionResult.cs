using TrainingService.Core.Jobs;

namespace TrainingService.Core.Library;

/// <summary>How a delete ended: <see cref="Status"/> is the state that refused it (queued, running or paused) on a conflict.</summary>
public sealed record JobDeletionResult(JobDeletionOutcome Outcome, JobStatus? Status = null)
{
    public static JobDeletionResult Deleted { get; } = new(JobDeletionOutcome.Deleted);
    public static JobDeletionResult NotFound { get; } = new(JobDeletionOutcome.NotFound);
}

public enum JobDeletionOutcome
{
    Deleted,
    NotFound,
    NotFinished,
}
