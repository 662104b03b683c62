namespace TrainingService.Web.Features.JobDetails;

/// <summary>Where on a chart's horizontal axis (an epoch count or a step number) later attempts picked the run up.</summary>
public sealed record ResumeMarker(double Position, string Label);
