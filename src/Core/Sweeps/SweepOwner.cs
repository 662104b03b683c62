namespace TrainingService.Core.Sweeps;

/// <summary>Who submits a sweep and with which key; its trials are theirs and count against the key's limit.</summary>
public sealed record SweepOwner(Guid OwnerId, Guid ApiKeyId);
