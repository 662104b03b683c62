using TrainingService.Web.Clients.Api;

namespace TrainingService.Web.Features.Compare;

/// <summary>
/// A job's figures for the comparison table, derived from its epochs and its result: the best validation accuracy and
/// loss with the epoch of each, the test figures of its selected checkpoint, how far it got, the time spent in epochs and
/// the mean throughput.
/// </summary>
public sealed record FinalMetrics(
    double? BestValidationAccuracy,
    int? BestValidationAccuracyEpoch,
    double? BestValidationLoss,
    int? BestValidationLossEpoch,
    double? TestAccuracy,
    double? TestLoss,
    int EpochsDone,
    int TotalEpochs,
    TimeSpan TrainingTime,
    double? ImagesPerSecond)
{
    public static FinalMetrics From(JobDto job, IReadOnlyList<EpochMetricDto> epochs)
    {
        var byAccuracy = epochs.Where(e => e.ValidationAccuracy is not null).MaxBy(e => e.ValidationAccuracy);
        var byLoss = epochs.Where(e => e.ValidationLoss is not null).MinBy(e => e.ValidationLoss);
        return new FinalMetrics(
            byAccuracy?.ValidationAccuracy,
            byAccuracy?.Epoch,
            byLoss?.ValidationLoss,
            byLoss?.Epoch,
            job.Result?.TestAccuracy,
            job.Result?.TestLoss,
            Math.Max(job.CurrentEpoch, epochs.Count == 0 ? 0 : epochs.Max(e => e.Epoch)),
            job.TotalEpochs,
            TimeSpan.FromSeconds(epochs.Sum(e => e.EpochSeconds)),
            epochs.Count == 0 ? null : epochs.Average(e => e.ImagesPerSecond));
    }
}
