namespace TrainingService.Core.Events;

/// <summary>
/// A job and its rows were deleted. It carries the owner because the row that said who it was is gone by the time the
/// Api relays the event.
/// </summary>
public sealed record JobDeletedEvent(Guid JobId, Guid? OwnerId, DateTimeOffset OccurredAt) : TrainingEvent(JobId);
