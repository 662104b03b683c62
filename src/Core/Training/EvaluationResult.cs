namespace TrainingService.Core.Training;

/// <summary>Mean cross-entropy and accuracy over a split.</summary>
public sealed record EvaluationResult(double Loss, double Accuracy, long Count);
