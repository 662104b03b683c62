namespace TrainingService.Core.Training.Recipe;

/// <summary>Reads a watched metric, by name, from what an epoch produced.</summary>
public static class MetricValues
{
    /// <summary>Null when the epoch has no such figure (no validation split, or top-5 not measured).</summary>
    public static double? Read(string metric, EpochMetrics epoch, double? validationTop5 = null) => metric switch
    {
        MetricNames.ValidationAccuracy => epoch.ValidationAccuracy,
        MetricNames.ValidationLoss => epoch.ValidationLoss,
        MetricNames.ValidationTop5 => validationTop5,
        MetricNames.TrainAccuracy => epoch.TrainAccuracy,
        MetricNames.TrainLoss => epoch.TrainLoss,
        _ => throw new ArgumentException($"Unknown metric '{metric}'.", nameof(metric)),
    };
}
