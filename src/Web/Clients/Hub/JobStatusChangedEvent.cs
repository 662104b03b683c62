using TrainingService.Web.Clients.Api;

namespace TrainingService.Web.Clients.Hub;

/// <summary>Payload of the hub's <c>JobStatusChanged</c> event.</summary>
public sealed record JobStatusChangedEvent(
    Guid JobId,
    JobStatus Status,
    string? Error,
    int CurrentEpoch,
    int TotalEpochs,
    double? TestAccuracy,
    DateTimeOffset OccurredAt)
{
    /// <summary>Why the job is in its state; the job resource's <c>statusReason</c>.</summary>
    public string? Reason { get; init; }

    public JobStopRequest? StopRequest { get; init; }

    /// <summary>The job's attempt when the change happened; a higher one than the page knows means a new run.</summary>
    public int Attempt { get; init; }
}
