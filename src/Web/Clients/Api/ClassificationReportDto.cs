namespace TrainingService.Web.Clients.Api;

/// <summary>Per-class precision, recall and F1 with their macro and support-weighted averages.</summary>
public sealed record ClassificationReportDto(IReadOnlyList<ClassMetricsDto> Classes, double Accuracy, AveragedMetricsDto MacroAverage, AveragedMetricsDto WeightedAverage);
