using TrainingService.Web.Clients.Api;

namespace TrainingService.Web.Clients.Hub;

/// <summary>Payload of the hub's <c>EpochCompleted</c> event: the same figures the metrics endpoint returns.</summary>
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
    DateTimeOffset RecordedAt)
{
    public EpochMetricDto ToMetric() => new(
        Epoch, TrainLoss, TrainAccuracy, ValidationLoss, ValidationAccuracy,
        LearningRate, EpochSeconds, ImagesPerSecond, RecordedAt);
}
