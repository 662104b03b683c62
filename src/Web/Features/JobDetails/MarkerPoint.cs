namespace TrainingService.Web.Features.JobDetails;

/// <summary>An end of a resume marker's vertical line, in the chart's own coordinates.</summary>
public sealed record MarkerPoint(double X, double Y);
