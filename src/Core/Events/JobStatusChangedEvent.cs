using TrainingService.Core.Jobs;

namespace TrainingService.Core.Events;

/// <summary>A job moved to another state; <see cref="Error"/> is shortened to keep NOTIFY payloads small.</summary>
public sealed record JobStatusChangedEvent(
    Guid JobId,
    JobStatus Status,
    string? Error,
    int CurrentEpoch,
    int TotalEpochs,
    double? TestAccuracy,
    DateTimeOffset OccurredAt) : TrainingEvent(JobId)
{
    public const int MaxErrorLength = 1000;

    /// <summary>Why the job is in its state ("worker lost, resuming").</summary>
    public string? Reason { get; init; }

    /// <summary><c>Cancel</c> or <c>Pause</c> while a running job has been asked to stop and has not yet.</summary>
    public string? StopRequest { get; init; }

    public int Attempt { get; init; }

    public static string? Shorten(string? error) =>
        error is { Length: > MaxErrorLength } ? error[..MaxErrorLength] + "…" : error;
}
