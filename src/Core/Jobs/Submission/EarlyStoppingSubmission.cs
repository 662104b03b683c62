namespace TrainingService.Core.Jobs.Submission;

/// <summary>Early stopping as submitted: a metric (mode follows it unless given), patience in epochs, and a minimum improvement.</summary>
public sealed record EarlyStoppingSubmission(string? Metric, string? Mode, int? Patience, double? MinDelta);
