namespace TrainingService.Core.Training.Recipe;

/// <summary>
/// The per-epoch metrics a recipe may watch, for checkpoint selection, early stopping and
/// reduce-on-plateau. Spelled as the API spells them.
/// </summary>
public static class MetricNames
{
    public const string ValidationAccuracy = "validation_accuracy";
    public const string ValidationLoss = "validation_loss";
    public const string ValidationTop5 = "validation_top5";
    public const string TrainAccuracy = "train_accuracy";
    public const string TrainLoss = "train_loss";

    public static IReadOnlyList<string> All { get; } = [ValidationAccuracy, ValidationLoss, ValidationTop5, TrainAccuracy, TrainLoss];

    /// <summary>The mode a metric is watched in when none is given: losses fall, accuracies rise.</summary>
    public static MetricMode NaturalMode(string metric) =>
        metric.EndsWith("_loss", StringComparison.Ordinal) ? MetricMode.Min : MetricMode.Max;

    /// <summary>
    /// The training metric that stands in for a validation metric when a job holds out no validation
    /// split. Training has no top-5 figure, so top-5 falls back to accuracy, which is watched the same way.
    /// </summary>
    public static string WithoutValidation(string metric) => metric switch
    {
        ValidationLoss => TrainLoss,
        ValidationAccuracy or ValidationTop5 => TrainAccuracy,
        _ => metric,
    };
}
