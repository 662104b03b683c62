namespace TrainingService.Core.Training.Evaluation;

/// <summary>One class's row of a <see cref="ClassificationReport"/>; support is the number of true samples.</summary>
public sealed record ClassMetrics(string Name, double Precision, double Recall, double F1, long Support);
