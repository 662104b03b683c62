using TrainingService.Core.Checkpoints;

namespace TrainingService.Core.Training;

/// <summary>A checkpoint file written for a job, with the epochs complete and the steps taken when it was written.</summary>
public sealed record SavedCheckpoint(string Name, int Epoch, long Step, CheckpointFile File);
