namespace TrainingService.Core.Training;

/// <summary>Mean cross-entropy, accuracy and, with more than 5 classes, top-5 accuracy over a split.</summary>
public sealed record EvaluationResult(double Loss, double Accuracy, long Count, double? Top5Accuracy = null);
