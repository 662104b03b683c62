namespace TrainingService.Core.Persistence;

/// <summary>A job with its owner's user name (null for rows from before owners existed).</summary>
public sealed record OwnedJob(TrainingJob Job, string? Owner);
