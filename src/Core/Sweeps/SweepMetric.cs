using TrainingService.Core.Persistence;
using TrainingService.Core.Training.Recipe;

namespace TrainingService.Core.Sweeps;

/// <summary>Reads and ranks a sweep's metric in stored epoch rows.</summary>
public static class SweepMetric
{
    /// <summary>The metric at an epoch; a job with no validation split is ranked by the training figure that stands in for it.</summary>
    public static double Read(string metric, EpochMetricsRecord epoch) => metric switch
    {
        MetricNames.ValidationAccuracy => epoch.ValidationAccuracy ?? epoch.TrainAccuracy,
        MetricNames.ValidationLoss => epoch.ValidationLoss ?? epoch.TrainLoss,
        MetricNames.ValidationTop5 => epoch.ValidationTop5Accuracy ?? epoch.ValidationAccuracy ?? epoch.TrainAccuracy,
        MetricNames.TrainAccuracy => epoch.TrainAccuracy,
        MetricNames.TrainLoss => epoch.TrainLoss,
        _ => throw new ArgumentException($"Unknown metric '{metric}'.", nameof(metric)),
    };

    /// <summary>The epoch with the best value (the earliest of equals), or null for none; NaN is never best.</summary>
    public static (double Value, int Epoch)? Best(string metric, MetricMode mode, IEnumerable<EpochMetricsRecord> epochs)
    {
        (double Value, int Epoch)? best = null;
        foreach (var epoch in epochs.OrderBy(e => e.Epoch))
        {
            var value = Read(metric, epoch);
            if (double.IsNaN(value)) continue;
            if (best is null || (mode == MetricMode.Max ? value > best.Value.Value : value < best.Value.Value)) best = (value, epoch.Epoch);
        }
        return best;
    }
}
