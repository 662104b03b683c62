namespace TrainingService.Web.Clients.Api;

/// <summary>An average of the per-class figures.</summary>
public sealed record AveragedMetricsDto(double Precision, double Recall, double F1, long Support);
