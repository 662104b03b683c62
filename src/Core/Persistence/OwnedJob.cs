namespace TrainingService.Core.Persistence;

/// <summary>
/// A job with its owner's user name (null for rows from before owners existed) and the bytes its checkpoint rows
/// say their files take, as read together.
/// </summary>
public sealed record OwnedJob(TrainingJob Job, string? Owner, long CheckpointBytes);
