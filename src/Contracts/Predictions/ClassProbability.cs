namespace TrainingService.Contracts.Predictions;

/// <summary>One of an image's top classes with its softmax probability.</summary>
public sealed record ClassProbability(int ClassIndex, string ClassName, double Probability);
