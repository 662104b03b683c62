namespace TrainingService.Web.Clients.Api;

/// <summary>Hyperparameters of a job spec; all optional so a spec written by a newer Api still reads.</summary>
public sealed record HyperparametersDto(
    int? Epochs,
    int? BatchSize,
    double? LearningRate,
    string? Optimizer,
    double? Momentum,
    double? WeightDecay,
    int? Seed);
