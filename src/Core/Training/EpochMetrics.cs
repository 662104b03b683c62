namespace TrainingService.Core.Training;

/// <summary>What one epoch produced; validation figures are null when the job holds out no validation split.</summary>
public sealed record EpochMetrics(
    int Epoch,
    double TrainLoss,
    double TrainAccuracy,
    double? ValidationLoss,
    double? ValidationAccuracy,
    double LearningRate,
    double EpochSeconds,
    double ImagesPerSecond);
