namespace TrainingService.Core.Jobs;

/// <summary>The named states of a training job's life; <see cref="JobStatusTransitions"/> says which moves are legal.</summary>
public enum JobStatus
{
    Queued,
    Running,
    Paused,
    Succeeded,
    Failed,
    Cancelled,
}
