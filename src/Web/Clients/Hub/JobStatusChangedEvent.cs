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
    DateTimeOffset OccurredAt);
