using TrainingService.Web.Clients.Api;

namespace TrainingService.Web.Features.JobDetails;

/// <summary>
/// One per-epoch figure as a chart needs it twice: the property name Radzen binds to, and the value itself
/// for what the chart draws on top (the span of the resume markers).
/// </summary>
public sealed record EpochCurve(string Property, Func<EpochMetricDto, double?> Value)
{
    public static EpochCurve TrainLoss { get; } = new(nameof(EpochMetricDto.TrainLoss), m => m.TrainLoss);

    public static EpochCurve ValidationLoss { get; } = new(nameof(EpochMetricDto.ValidationLoss), m => m.ValidationLoss);

    public static EpochCurve TrainAccuracy { get; } = new(nameof(EpochMetricDto.TrainAccuracy), m => m.TrainAccuracy);

    public static EpochCurve ValidationAccuracy { get; } = new(nameof(EpochMetricDto.ValidationAccuracy), m => m.ValidationAccuracy);
}
