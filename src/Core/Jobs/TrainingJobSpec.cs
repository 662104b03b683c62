namespace TrainingService.Core.Jobs;

/// <summary>A validated job specification with every default filled in; this is what is stored and trained.</summary>
public sealed record TrainingJobSpec(
    string Name,
    ModelSpec Model,
    DatasetSpec Dataset,
    Hyperparameters Hyperparameters);
