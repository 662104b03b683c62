namespace TrainingService.Core.Training;

/// <summary>
/// What one epoch produced; validation figures are null when the job holds out no validation split,
/// top-5 when there are 5 classes or fewer. The learning rate is the one the epoch's last step used.
/// </summary>
public sealed record EpochMetrics(
    int Epoch,
    double TrainLoss,
    double TrainAccuracy,
    double? ValidationLoss,
    double? ValidationAccuracy,
    double LearningRate,
    double EpochSeconds,
    double ImagesPerSecond,
    double? ValidationTop5Accuracy = null,
    long PeakMemoryBytes = 0);
