namespace TrainingService.Web.Clients.Api;

/// <summary>One class's precision, recall, F1 and number of test images.</summary>
public sealed record ClassMetricsDto(string Name, double Precision, double Recall, double F1, long Support);
