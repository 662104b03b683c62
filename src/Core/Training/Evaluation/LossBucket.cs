namespace TrainingService.Core.Training.Evaluation;

/// <summary>
/// A run of consecutive steps drawn as one point: its first step, and the mean, lowest and highest
/// loss in it, so that a downsampled curve still shows the spikes.
/// </summary>
public sealed record LossBucket(long Step, float Mean, float Min, float Max);
