namespace TrainingService.Core.Persistence;

/// <summary>Who submits a job and with which key, and how many active jobs that key may hold (null: no limit).</summary>
public sealed record JobOwnership(Guid OwnerId, Guid ApiKeyId, int? MaxActiveJobs);
