namespace TrainingService.Core.Events;

/// <summary>An epoch's metrics row was stored.</summary>
public sealed record EpochCompletedEvent(
    Guid JobId,
    int Epoch,
    double TrainLoss,
    double TrainAccuracy,
    double? ValidationLoss,
    double? ValidationAccuracy,
    double LearningRate,
    double EpochSeconds,
    double ImagesPerSecond,
    DateTimeOffset RecordedAt,
    double? ValidationTop5Accuracy = null,
    long PeakMemoryBytes = 0) : TrainingEvent(JobId);
