namespace TrainingService.Web.Clients.Api;

/// <summary>Metrics of one finished epoch, from <c>GET /api/jobs/{id}/metrics</c> or an <c>EpochCompleted</c> event.</summary>
public sealed record EpochMetricDto(
    int Epoch,
    double TrainLoss,
    double TrainAccuracy,
    double? ValidationLoss,
    double? ValidationAccuracy,
    double LearningRate,
    double EpochSeconds,
    double ImagesPerSecond,
    DateTimeOffset RecordedAt);
