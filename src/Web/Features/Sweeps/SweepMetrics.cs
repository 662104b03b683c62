using TrainingService.Web.Features.Shared;

namespace TrainingService.Web.Features.Sweeps;

/// <summary>The epoch metrics a sweep can rank by, as <c>hyperparameters.checkpointMetric</c> spells them, and which way is better.</summary>
public static class SweepMetrics
{
    public const string Default = "validation_accuracy";
    public const string Max = "max";
    public const string Min = "min";

    public static IReadOnlyList<string> All { get; } =
        ["validation_accuracy", "validation_loss", "validation_top5", "train_accuracy", "train_loss"];

    /// <summary>Losses are better low, accuracies high: the Api's default <c>mode</c> for the metric.</summary>
    public static string NaturalMode(string? metric) =>
        metric?.EndsWith("_loss", StringComparison.Ordinal) == true ? Min : Max;

    /// <summary>Accuracies as percentages, as the job pages show them; losses as decimals.</summary>
    public static string Format(string? metric, double? value) =>
        metric?.EndsWith("_loss", StringComparison.Ordinal) == true ? Display.Decimal(value) : Display.Percent(value);

    public static bool IsMin(string? mode) => string.Equals(mode, Min, StringComparison.OrdinalIgnoreCase);
}
