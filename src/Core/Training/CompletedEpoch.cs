namespace TrainingService.Core.Training;

/// <summary>
/// What an epoch leaves behind, stored in one transaction: its metrics, every step's loss (from the
/// run-wide step <see cref="FirstStep"/>), and the checkpoints written for it, the training checkpoint among them.
/// </summary>
public sealed record CompletedEpoch(EpochMetrics Metrics, long FirstStep, float[] StepLosses, IReadOnlyList<SavedCheckpoint> Checkpoints);
