namespace TrainingService.Core.Jobs.Submission;

/// <summary>The hyperparameters of a submitted job; epochs, batch size and learning rate are required.</summary>
public sealed record HyperparametersSubmission(
    int? Epochs,
    int? BatchSize,
    double? LearningRate,
    string? Optimizer,
    double? Momentum,
    double? WeightDecay,
    long? Seed);
