namespace TrainingService.Core.Training.Evaluation;

/// <summary>An average row of a <see cref="ClassificationReport"/>; support is the number of samples.</summary>
public sealed record AveragedMetrics(double Precision, double Recall, double F1, long Support);
