using TrainingService.Core.Jobs;

namespace TrainingService.Api.Apis.Jobs;

/// <summary>A training job as the API shows it.</summary>
public sealed record JobResource(
    Guid Id,
    string Name,
    JobStatus Status,
    TrainingJobSpec Spec,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    int CurrentEpoch,
    int TotalEpochs,
    int Attempt,
    string? WorkerName,
    string? Error,
    int? StoppedEarlyAfterEpoch,
    JobResultResource? Result)
{
    /// <summary>Why the job is in its state ("worker lost, resuming", "paused by the user").</summary>
    public string? StatusReason { get; init; }

    /// <summary><c>Cancel</c> or <c>Pause</c> while a running job has been asked to stop and has not yet.</summary>
    public string? StopRequest { get; init; }

    /// <summary>Automatic restarts after crashes and lost workers so far.</summary>
    public int Restarts { get; init; }

    /// <summary>The user name of the job's owner; null for jobs stored before owners existed (which only admins see).</summary>
    public string? Owner { get; init; }

    /// <summary>The Hangfire job delivering the current run (see the Hangfire dashboard); null while it waits for dispatch.</summary>
    public string? HangfireJobId { get; init; }

    /// <summary>The user's labels, in the order given.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>The user's free-text note.</summary>
    public string? Note { get; init; }

    /// <summary>The sweep this job is a trial of, and its number there; null for a job submitted on its own.</summary>
    public Guid? SweepId { get; init; }

    public int? TrialNumber { get; init; }

    /// <summary>The bytes its checkpoints take in the artifact store.</summary>
    public long CheckpointBytes { get; init; }
}
