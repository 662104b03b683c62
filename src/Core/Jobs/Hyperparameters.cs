namespace TrainingService.Core.Jobs;

/// <summary>Optimisation settings of a job.</summary>
public sealed record Hyperparameters(
    int Epochs,
    int BatchSize,
    double LearningRate,
    string Optimizer,
    double Momentum,
    double WeightDecay,
    long Seed);
