using TrainingService.Core.Jobs;

namespace TrainingService.Core.Persistence;

/// <summary>A job the caller may see, reduced to its status and one of its checkpoint rows (null when it has none by that name).</summary>
public sealed record VisibleCheckpoint(JobStatus Status, CheckpointRecord? Checkpoint);
