using TrainingService.Core.Checkpoints;

namespace TrainingService.Core.Training;

/// <summary>A checkpoint file written for a job: <c>best</c> or <c>last</c>, and the epoch it holds.</summary>
public sealed record SavedCheckpoint(string Name, int Epoch, CheckpointFile File);
