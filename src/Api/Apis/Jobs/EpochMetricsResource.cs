namespace TrainingService.Api.Apis.Jobs;

/// <summary>The stored metrics of one epoch.</summary>
public sealed record EpochMetricsResource(
    int Epoch,
    double TrainLoss,
    double TrainAccuracy,
    double? ValidationLoss,
    double? ValidationAccuracy,
    double LearningRate,
    double EpochSeconds,
    double ImagesPerSecond,
    DateTimeOffset RecordedAt,
    double? ValidationTop5Accuracy,
    long PeakMemoryBytes);
